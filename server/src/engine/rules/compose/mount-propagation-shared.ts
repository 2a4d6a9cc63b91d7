import { isMap, isScalar, type Node } from 'yaml';
import type { ComposeModel } from '../../documents/compose';
import { removePair } from '../../documents/compose-edits';
import { mapPair } from '../../documents/compose-merge-keys';
import { allServiceMounts, type Mount } from '../../documents/compose-mounts';
import { knownText } from '../../documents/compose-runtime';
import { scalarSliceRange } from '../../documents/compose-values';
import { defineComposeRule } from '../../rule';
import type { Range, TextEdit } from '../../types';

/** Propagation modes that carry mounts made in the container back to the host; `slave`/`rslave` only go the other way. */
const SHARED = new Set(['shared', 'rshared']);

export default defineComposeRule({
  meta: {
    id: 'mount-propagation-shared',
    code: 'DG224',
    severity: 'warning',
    category: 'isolation',
    title: 'Bind mount with shared propagation',
    description:
      'A bind mount with `shared` or `rshared` propagation carries the mounts made inside the container back to the host: a container that can mount (CAP_SYS_ADMIN, privileged) can mount over host paths.',
    references: { compose: 'services.<name>.volumes', kics: ['volume_mounted_in_multiple_containers'], composeLint: ['CL-0017'] },
    messages: {
      shared:
        "The bind mount of {{path}} uses {{mode}} propagation, so mounts made inside the container appear on the host too; remove it (rprivate, the default) or use rslave if the container must see the host's later mounts.",
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    for (const { mount, own } of allServiceMounts(model)) {
      // Docker applies propagation to bind mounts only; a volume's is ignored.
      if (mount.type !== 'bind') continue;
      const found = mount.long ? longPropagation(model, mount) : shortPropagation(model, mount);
      if (!found) continue;
      const edit = own ? found.edit() : undefined;
      report({
        range: found.range,
        messageId: 'shared',
        data: { path: mount.source ?? '?', mode: found.mode },
        fixes: edit ? [{ title: `Remove ${found.mode} propagation`, kind: 'suggestion', edits: [edit] }] : [],
      });
    }
  },
});

interface Found {
  mode: string;
  range: Range;
  edit(): TextEdit | undefined;
}

/** `/h:/c:ro,rshared`: the token, and an edit that drops it (and the colon when it was the only option). */
function shortPropagation(model: ComposeModel, mount: Mount): Found | undefined {
  const options = mount.options;
  const index = options?.list.findIndex((option) => SHARED.has(option.trim())) ?? -1;
  if (!options || index < 0) return undefined;
  const mode = options.list[index].trim();
  const written = mount.written;
  let at = options.start;
  for (let i = 0; i < index; i++) at += options.list[i].length + 1;
  const tokenRange = written === undefined ? undefined : scalarSliceRange(model, mount.node, at, at + options.list[index].length);
  return {
    mode,
    range: tokenRange ?? model.rangeOf(mount.node),
    edit() {
      if (written === undefined) return undefined;
      const rest = options.list.filter((_, i) => i !== index);
      // Without options left the separating colon goes too: `/h:/c`.
      const from = rest.length ? options.start : options.start - 1;
      const range = scalarSliceRange(model, mount.node, from, written.length);
      return range && { range, newText: rest.join(',') };
    },
  };
}

/** `bind: { propagation: rshared }`: the value, and an edit that removes the key (or `bind:` when that was all it held). */
function longPropagation(model: ComposeModel, mount: Mount): Found | undefined {
  const bindPair = mapPair(model, mount.node, 'bind');
  const bind = bindPair && model.resolve(bindPair.value);
  const propagation = mapPair(model, bind, 'propagation');
  const mode = propagation && knownText(model, propagation.value)?.toLowerCase();
  if (!propagation || !mode || !SHARED.has(mode)) return undefined;
  return {
    mode,
    range: model.rangeOf((isScalar(propagation.value) ? propagation.value : propagation.key) as Node),
    edit() {
      if (!isMap(bind) || !isMap(mount.node) || bind !== bindPair!.value) return undefined;
      if (bind.items.length > 1) return bind.items.includes(propagation) ? removePair(model, bind, propagation) : undefined;
      return mount.node.items.includes(bindPair!) ? removePair(model, mount.node, bindPair!) : undefined;
    },
  };
}
