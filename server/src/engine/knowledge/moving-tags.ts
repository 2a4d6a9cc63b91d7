/**
 * Tags that follow releases rather than name one: `latest`, and the words publishers use for channels and
 * branches (`stable`, `lts`, `edge`, `nightly`, `sid`, ...). An image under such a tag changes with every upstream
 * release, exactly as `latest` does, so every rule about unpinned images treats them as `latest`:
 * unpinned-base-image (DG103) and unpinned-image (DG216) report them, image-outside-from (DG141) too, and the
 * digest rules (DG104, DG229) leave them to those (one fact, one finding).
 *
 * A moving word followed by a variant (`lts-alpine`, `stable-slim`, `current-alpine3.20`, `latest-dev`) moves
 * as well; one followed by a date or version (`stable-20240110`, `latest-2024`, `rc-1.2`) is a snapshot and names
 * one release.
 */
const MOVING_WORDS = new Set([
  'latest',
  'stable',
  'oldstable',
  'oldoldstable',
  'edge',
  'lts',
  'current',
  'mainline',
  'rolling',
  'testing',
  'unstable',
  'experimental',
  'nightly',
  'snapshot',
  'dev',
  'devel',
  'develop',
  'development',
  'beta',
  'alpha',
  'rc',
  'preview',
  'insider',
  'canary',
  'next',
  'master',
  'main',
  'trunk',
  'head',
  'sid',
  'rawhide',
  'tumbleweed',
]);

/** A part that names one release: a version (`1.2`, `3`), a date (`20240110`), a build number or a commit (`a1b2c3d`). */
const PINNING_PART = /^v?\d+(?:[._]\d+)*$|^(?=[a-f]*\d)[0-9a-f]{7,40}$/;

const known = new Map<string, string | null>();

/** The moving word a tag follows (`lts` for `lts-alpine`), lower-cased; undefined for a tag that names a release. */
export function movingTag(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  // Every unpinned-image rule asks about every image on every keystroke, and a file repeats its tags.
  let word = known.get(tag);
  if (word === undefined) {
    if (known.size >= 1000) known.clear();
    known.set(tag, (word = read(tag) ?? null));
  }
  return word ?? undefined;
}

function read(tag: string): string | undefined {
  const parts = tag.toLowerCase().split(/[-_]/);
  // `latest-dev`, `lts-alpine`; and a variant that follows latest, `slim-latest`.
  const word = MOVING_WORDS.has(parts[0]) ? parts[0] : parts[parts.length - 1] === 'latest' ? 'latest' : undefined;
  if (word === undefined) return undefined;
  return parts.some((part) => PINNING_PART.test(part)) ? undefined : word;
}
