import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import type { ComposeModel } from '../../documents/compose';
import { appendToSeq, insertIntoService, quoted, replaceScalar } from '../../documents/compose-edits';
import { chainValues, runtimeServices } from '../../documents/compose-extends';
import { knownText, ownSlot, securityOption } from '../../documents/compose-runtime';
import { ownsNode, seqItems } from '../../documents/compose-values';
import { defineComposeRule } from '../../rule';
import type { TextEdit } from '../../types';

const OPTION = 'no-new-privileges:true';
const FALSE = new Set(['false', '0', 'f', 'no', 'off']);

export default defineComposeRule({
  meta: {
    id: 'missing-no-new-privileges',
    code: 'DG207',
    severity: 'warning',
    category: 'privileges',
    title: 'Processes may gain new privileges',
    description:
      'Without `no-new-privileges:true` a process in the container can gain privileges through setuid and file-capability programs, so an attacker who lands as an unprivileged user can become root.',
    references: { cis: '5.25', compose: 'services.<name>.security_opt', kics: ['no_new_privileges_not_set', 'security_opt_not_set'], composeLint: ['CL-0003'] },
    messages: {
      disabled:
        '{{setting}} lets processes in the container gain privileges through setuid and file-capability programs, so an attacker who lands as an unprivileged user can become root; set it to true.',
      missing: `Service {{service}} lets its processes gain privileges through setuid and file-capability programs, so an attacker who lands as an unprivileged user can become root; add ${OPTION} to security_opt.`,
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report, uri, readFile }) {
    const seen = new Set<Node>();
    for (const { service, chain } of runtimeServices({ model, uri, readFile })) {
      // compose merges security_opt along `extends`.
      let enabled = false;
      let unknown = false;
      let disabled: { model: ComposeModel; item: Node; text: string } | undefined;
      for (const { model: owner, value } of chainValues(chain, 'security_opt')) {
        for (const item of seqItems(owner, value)) {
          // A mapping item (`- apparmor: false`, a slip for `apparmor:...`) is no option string and sets nothing; one
          // naming no-new-privileges (`- no-new-privileges: true`) is that setting mistyped, not a missing one.
          if (isMap(item) || isSeq(item)) {
            if (isMap(item) && item.items.some((pair) => isScalar(pair.key) && String(pair.key.value) === 'no-new-privileges')) unknown = true;
            continue;
          }
          const text = knownText(owner, item);
          if (text === undefined) {
            unknown = true;
            continue;
          }
          const option = securityOption(text);
          if (option.key !== 'no-new-privileges') continue;
          if (FALSE.has(option.value.toLowerCase())) disabled ??= { model: owner, item, text };
          else enabled = true;
        }
      }
      if (enabled || unknown) continue;

      if (disabled) {
        if (seen.has(disabled.item)) continue; // one list in an anchor: reported once, where it is written
        seen.add(disabled.item);
        const own = disabled.model === model && ownsNode(service, disabled.item);
        const separator = disabled.text.includes('=') ? '=' : ':';
        const edit = own ? replaceScalar(model, disabled.item, `no-new-privileges${separator}true`) : undefined;
        report({
          range: own || disabled.model === model ? model.rangeOf(disabled.item) : service.nameRange,
          messageId: 'disabled',
          data: { setting: disabled.text },
          fixes: edit ? [{ title: `Set no-new-privileges${separator}true`, kind: 'suggestion', preferred: true, edits: [edit] }] : [],
        });
        continue;
      }

      const slot = ownSlot(model, service, 'security_opt');
      let edit: TextEdit | undefined;
      // A list of the service's own would hide an anchor's (a seccomp profile, say): no fix then.
      if (slot.kind === 'own') edit = appendToSeq(model, slot.pair.value, itemText(model, slot.pair.value));
      else if (slot.kind === 'absent') edit = insertIntoService(model, service, [['security_opt', `[${quoted(model, OPTION)}]`]]);
      report({
        range: slot.kind === 'own' ? model.rangeOf(slot.pair.key) : service.nameRange,
        messageId: 'missing',
        data: { service: service.name },
        fixes: edit ? [{ title: `Add ${OPTION} to security_opt`, kind: 'suggestion', preferred: true, edits: [edit] }] : [],
      });
    }
  },
});

/** Plain in a block list whose last item is plain, quoted like the file otherwise (and always in a flow list). */
function itemText(model: ComposeModel, seq: unknown): string {
  const last = isSeq(seq) && !seq.flow ? seq.items[seq.items.length - 1] : undefined;
  return isScalar(last) && last.type === Scalar.PLAIN ? OPTION : quoted(model, OPTION);
}
