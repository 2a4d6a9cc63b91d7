import type { Node } from 'yaml';
import type { ComposeModel, Service } from '../../documents/compose';
import { interpolate } from '../../documents/compose-interpolation';
import { knownFlag } from '../../documents/compose-runtime';
import { scalarSliceRange, scalarString, seqItems } from '../../documents/compose-values';
import { defineComposeRule } from '../../rule';
import type { TextEdit } from '../../types';

/** Options that undo Docker's tmpfs defaults (noexec, nosuid, nodev), as whole tokens: `noexec` is not `exec`. */
const REENABLING = new Set(['exec', 'suid', 'dev']);

export default defineComposeRule({
  meta: {
    id: 'tmpfs-exec',
    code: 'DG225',
    severity: 'info',
    category: 'isolation',
    title: 'tmpfs mount allows programs, setuid or devices',
    description:
      'Docker mounts a `tmpfs` with noexec, nosuid and nodev; an entry that asks for `exec`, `suid` or `dev` gives an intruder a writable place to drop and run programs, which matters most in a service whose root filesystem is read-only.',
    references: { compose: 'services.<name>.tmpfs', composeLint: ['CL-0022'] },
    messages: {
      reenabled:
        'The tmpfs at {{target}} is mounted with {{options}}, so an intruder can write programs there and run them; drop {{options}} (Docker mounts a tmpfs noexec, nosuid and nodev).',
      reenabledReadOnly:
        'The tmpfs at {{target}} is mounted with {{options}}, the one place where an intruder in this read-only service can write programs and run them; drop {{options}} (Docker mounts a tmpfs noexec, nosuid and nodev).',
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    const seen = new Set<Node>();
    for (const service of model.services) {
      const entry = service.get('tmpfs');
      if (!entry?.value) continue;
      const items = seqItems(model, entry.value);
      const entries = items.length ? items : [entry.value];
      let readOnly: boolean | undefined;
      for (const item of entries) {
        if (seen.has(item)) continue; // a list in an anchor: reported once, where it is written
        seen.add(item);
        const found = reenabled(model, item);
        if (!found) continue;
        readOnly ??= isReadOnly(model, service);
        const edit = entry.own ? found.edit() : undefined;
        const options = found.tokens.join(', ');
        report({
          range: model.rangeOf(item),
          messageId: readOnly ? 'reenabledReadOnly' : 'reenabled',
          data: { target: found.target, options },
          severity: readOnly ? 'warning' : undefined,
          fixes: edit ? [{ title: `Drop ${options} from the tmpfs options`, kind: 'suggestion', edits: [edit] }] : [],
        });
      }
    }
  },
});

/** `/tmp:exec,size=64m`: the tokens that re-enable something, and an edit that drops them. */
function reenabled(model: ComposeModel, item: Node): { target: string; tokens: string[]; edit(): TextEdit | undefined } | undefined {
  const written = scalarString(model, item);
  if (written === undefined) return undefined;
  const text = interpolate(written, model.env);
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const options = text.slice(colon + 1).split(',');
  const tokens = options.map((o) => o.trim()).filter((o) => REENABLING.has(o.toLowerCase()));
  if (tokens.length === 0) return undefined;
  return {
    target: text.slice(0, colon).trim(),
    tokens,
    edit() {
      if (text !== written) return undefined; // offsets in an interpolated value are not offsets in the source
      const rest = options.filter((o) => !REENABLING.has(o.trim().toLowerCase()));
      const from = rest.length ? colon + 1 : colon;
      const range = scalarSliceRange(model, item, from, written.length);
      return range && { range, newText: rest.join(',') };
    },
  };
}

function isReadOnly(model: ComposeModel, service: Service): boolean {
  return knownFlag(model, service.get('read_only')?.value) === true;
}
