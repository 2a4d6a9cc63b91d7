import { isMap, type Node } from 'yaml';
import type { ComposeModel } from '../../documents/compose';
import { mapPair } from '../../documents/compose-merge-keys';
import { insertIntoMap, replaceScalar } from '../../documents/compose-edits';
import { displayValue } from '../../documents/compose-interpolation';
import { allServiceMounts, hostPathRiskOf, type Mount } from '../../documents/compose-mounts';
import { scalarSliceRange } from '../../documents/compose-values';
import { defineComposeRule } from '../../rule';
import type { Fix, TextEdit } from '../../types';

export default defineComposeRule({
  meta: {
    id: 'writable-bind-mount',
    code: 'DG210',
    severity: 'warning',
    category: 'isolation',
    title: 'Host directory mounted read-write',
    description: 'A bind mount without `:ro` lets a compromised container change or plant files on the host, in a directory people or other services trust.',
    references: { cis: '5.5', compose: 'services.<name>.volumes' },
    messages: {
      readWrite:
        "The host's {{path}} is mounted read-write, so a compromised container can change or plant files on the host; mount it read-only unless the service must write there.",
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    for (const { mount, own } of allServiceMounts(model)) {
      // A long entry still without its `source:` is being typed.
      if (mount.type !== 'bind' || mount.readOnly || mount.source === undefined) continue;
      // Sockets and system paths are errors of their own (DG211, DG212), where `:ro` is no remedy.
      if (hostPathRiskOf(model, mount.source)) continue;
      const edit = own ? readOnlyEdit(model, mount) : undefined;
      const fixes: Fix[] = edit
        ? [{ title: mount.long ? 'Mount read-only (read_only: true)' : 'Mount read-only (:ro)', kind: 'suggestion', preferred: true, edits: [edit] }]
        : [];
      report({
        range: mount.long ? mount.sourceRange : model.rangeOf(mount.node),
        messageId: 'readWrite',
        data: { path: displayValue(mount.source) },
        fixes,
      });
    }
  },
});

/**
 * Short syntax: `:ro` appended, `rw` turned into `ro`, other options kept (`:z` → `:ro,z`), inside the user's quotes.
 * Long syntax: `read_only: true`, or an existing `read_only: false` flipped.
 */
function readOnlyEdit(model: ComposeModel, mount: Mount): TextEdit | undefined {
  if (mount.long) {
    if (!isMap(mount.node)) return undefined;
    const existing = mapPair(model, mount.node, 'read_only');
    if (existing) return mount.node.items.includes(existing) ? replaceScalar(model, existing.value, 'true') : undefined;
    return insertIntoMap(model, mount.node, [['read_only', 'true']]);
  }
  const written = mount.written;
  if (written === undefined) return undefined; // interpolated text does not map to the source
  if (!mount.options) {
    const end = scalarSliceRange(model, mount.node as Node, written.length, written.length);
    return end && { range: end, newText: ':ro' };
  }
  const { list, start } = mount.options;
  const options = list.includes('rw') ? list.map((o) => (o === 'rw' ? 'ro' : o)) : ['ro', ...list.filter((o) => o !== '')];
  const range = scalarSliceRange(model, mount.node as Node, start, written.length);
  return range && { range, newText: options.join(',') };
}
