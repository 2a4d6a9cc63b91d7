import type { ComposeModel, Service } from '../../documents/compose';
import { trimTrailingSlashes } from '../../paths';
import { appendToSeq, insertIntoService, replaceScalar, type Entry } from '../../documents/compose-edits';
import { chainValues, nearestValue, runtimeServices, type ChainLink } from '../../documents/compose-extends';
import { knownFlag, knownText, ownSlot, pairRange } from '../../documents/compose-runtime';
import { seqItems } from '../../documents/compose-values';
import { defineComposeRule } from '../../rule';
import type { Fix, TextEdit } from '../../types';

export default defineComposeRule({
  meta: {
    id: 'writable-root-filesystem',
    code: 'DG204',
    severity: 'warning',
    category: 'isolation',
    title: 'Root filesystem is writable',
    description:
      'A container whose root filesystem is writable lets an attacker change its programs and configuration or leave tools behind; `read_only: true` keeps the image as built, with tmpfs or volumes where the service must write.',
    references: { cis: '5.12', compose: 'services.<name>.read_only', composeLint: ['CL-0007'] },
    messages: {
      readOnlyFalse:
        'read_only: false lets service {{service}} write to its root filesystem, so an attacker who gets in can change its programs and configuration or leave tools behind; set read_only: true and give it a tmpfs or a volume where it must write.',
      writable:
        'Service {{service}} can write to its root filesystem, so an attacker who gets in can change its programs and configuration or leave tools behind; set read_only: true and give it a tmpfs or a volume where it must write.',
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report, uri, readFile }) {
    for (const { service, chain } of runtimeServices({ model, uri, readFile })) {
      // The nearest value wins along `extends`, as compose merges plain values.
      const nearest = nearestValue(chain, 'read_only');
      const flag = nearest ? knownFlag(nearest.model, nearest.value) : false;
      if (flag !== false) continue; // read-only, or decided by a variable
      const explicit = !!nearest;
      const slot = ownSlot(model, service, 'read_only');

      const readOnly = readOnlyEdit(model, service, slot);
      const fixes: Fix[] = [];
      if (readOnly) fixes.push({ title: 'Make the root filesystem read-only (read_only: true)', kind: 'suggestion', preferred: true, edits: [readOnly.edit] });
      const withTmp = readOnly && !hasTmpfsAt(chain, '/tmp') ? withTmpfs(model, service, readOnly) : undefined;
      if (withTmp) fixes.push({ title: 'Make the root filesystem read-only, with a tmpfs at /tmp', kind: 'suggestion', edits: withTmp });

      report({
        range: slot.kind === 'own' ? pairRange(model, slot.pair) : service.nameRange,
        messageId: explicit ? 'readOnlyFalse' : 'writable',
        data: { service: service.name },
        fixes,
      });
    }
  },
});

/** `read_only: false` written in the service flipped, else `read_only: true` added (hiding an anchor's `false`). */
function readOnlyEdit(model: ComposeModel, service: Service, slot: ReturnType<typeof ownSlot>): { edit: TextEdit; inserted: boolean } | undefined {
  if (slot.kind === 'own') {
    const edit = replaceScalar(model, slot.pair.value, 'true');
    return edit && { edit, inserted: false };
  }
  const edit = insertIntoService(model, service, [['read_only', 'true']]);
  return edit && { edit, inserted: true };
}

/** The read-only edit plus `/tmp` in `tmpfs`: appended to the service's own list, or a new `tmpfs: [/tmp]`. */
function withTmpfs(model: ComposeModel, service: Service, readOnly: { edit: TextEdit; inserted: boolean }): TextEdit[] | undefined {
  const slot = ownSlot(model, service, 'tmpfs');
  if (slot.kind === 'merged') return undefined; // a list of our own would hide the anchor's mounts
  if (slot.kind === 'own') {
    const append = appendToSeq(model, slot.pair.value, '/tmp');
    // Same-point insertions apply in order: the list item must come before a key added after the list.
    return append && [append, readOnly.edit];
  }
  const entries: Entry[] = [['tmpfs', '[/tmp]']];
  if (readOnly.inserted) {
    const both = insertIntoService(model, service, [['read_only', 'true'], ...entries]);
    return both && [both];
  }
  const tmpfs = insertIntoService(model, service, entries);
  return tmpfs && [readOnly.edit, tmpfs];
}

/** A tmpfs mounted at `target` anywhere along the chain (`/tmp`, `/tmp:size=64m`, or `tmpfs: /tmp`). */
function hasTmpfsAt(chain: ChainLink[], target: string): boolean {
  return chainValues(chain, 'tmpfs').some(({ model, value }) => {
    const items = seqItems(model, value);
    const texts = items.length ? items.map((item) => knownText(model, item)) : [knownText(model, value)];
    return texts.some((text) => text !== undefined && trimTrailingSlashes(text.split(':')[0]) === target);
  });
}
