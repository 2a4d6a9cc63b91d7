// No two rules fire for the same fact (issue 9 item 15). Two findings of different rules on exactly the same range
// are the sign of it: this analyses every example of the rule pages and examples/, in the strict profile, and fails
// on any such pair that is not allowed below with the reason the two findings say different things.
//
// IF THIS FAILS FOR YOUR RULE: either the two rules report one fact (then one of them should stay silent where the
// other fires: say so in both pages), or they report two facts that happen to share a range (then add the pair
// below, sorted, with why a user needs both).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { resolveConfig } from '../../../server/src/engine/config';
import { BASELINE_HARDENING_RULES } from '../../../server/src/engine/hardening-group';
import type { DocumentKind } from '../../../server/src/engine/types';
import { TEST_NOW } from '../../support/rule-tester';

const root = join(__dirname, '..', '..', '..');

/** Pairs of rules (ids sorted, joined by " + ") that may share a range, and why. */
const ALLOWED: Record<string, string> = {
  'apt-install-recommends + package-cache-kept':
    'on apt-get install: recommended packages installed is one fact, the apt lists left in the layer another; each has its own fix',
  'missing-healthcheck + root-user': 'on the final FROM: what the final stage lacks, a health check and a non-root user, two settings of the stage as a whole',
  'base-image-not-pinned-by-digest + non-minimal-base-image': 'on the tag: pinning by digest and the size of the image are independent',
  'non-minimal-base-image + unpinned-base-image': 'on an untagged or latest image: the version moves, and the image is a full one; two remedies',
  'eol-base-image + non-minimal-base-image':
    'on the tag: the release is past its end of life, and the image is a full one; a supported release and a smaller variant are two remedies',
  'base-image-not-pinned-by-digest + eol-base-image':
    'on the tag: the release no longer gets fixes, and the tag may move; a digest of an ended release would pin its vulnerabilities',
  'eol-image + image-not-pinned-by-digest':
    'on the tag: the release no longer gets fixes, and the tag may move; a digest of an ended release would pin its vulnerabilities',
  'ssh-server + unpinned-package': 'on an installed package name: an SSH server in the image is one fact, its version not pinned (strict) another',
  'insecure-docker-daemon + port-on-all-interfaces':
    'on a published 2375: the daemon API without TLS is exposed at all, and to every interface; binding to 127.0.0.1 fixes only the second',
};
// The baseline-hardening rules all report what a service lacks on its name; the editor shows them as one finding
// (service-hardening), and each names a different setting.
// The strict profile's healthcheck and restart checks report what a service lacks on its name too.
const ON_SERVICE_NAME = [...BASELINE_HARDENING_RULES, 'service-missing-healthcheck', 'restart-policy-unbounded'];
for (const a of ON_SERVICE_NAME)
  for (const b of ON_SERVICE_NAME) if (a < b) ALLOWED[`${a} + ${b}`] = 'different settings a service lacks, each named on the service';

function samples(): { where: string; kind: DocumentKind; text: string }[] {
  const found: { where: string; kind: DocumentKind; text: string }[] = [];
  for (const name of readdirSync(join(root, 'docs', 'rules')).filter((n) => n.endsWith('.md'))) {
    const page = readFileSync(join(root, 'docs', 'rules', name), 'utf8');
    for (const m of page.matchAll(/```(dockerfile|yaml)\n([\s\S]*?)```/g))
      found.push({ where: `docs/rules/${name}`, kind: m[1] === 'yaml' ? 'compose' : 'dockerfile', text: m[2] });
  }
  for (const name of readdirSync(join(root, 'examples'), { recursive: true }) as string[]) {
    const kind: DocumentKind | undefined = /(^|\/)Dockerfile[^/]*$/.test(name)
      ? 'dockerfile'
      : /(^|\/)(docker-)?compose[^/]*\.ya?ml$/.test(name)
        ? 'compose'
        : undefined;
    if (kind) found.push({ where: `examples/${name}`, kind, text: readFileSync(join(root, 'examples', name), 'utf8') });
  }
  return found;
}

describe('one fact, one finding (see the top of this file when it fails)', () => {
  it('no two rules report on the same range of an example, but for the pairs allowed with a reason', () => {
    const config = resolveConfig({ profile: 'strict' });
    const offending = new Set<string>();
    const seen = new Set<string>();
    for (const { where, kind, text } of samples()) {
      const byRange = new Map<string, Set<string>>();
      for (const finding of analyze(text, { kind, config, now: TEST_NOW })) {
        const key = JSON.stringify(finding.range);
        byRange.set(key, (byRange.get(key) ?? new Set()).add(finding.ruleId));
      }
      for (const [range, ids] of byRange) {
        const sorted = [...ids].sort();
        for (let i = 0; i < sorted.length; i++)
          for (let j = i + 1; j < sorted.length; j++) {
            const pair = `${sorted[i]} + ${sorted[j]}`;
            seen.add(pair);
            if (!Object.hasOwn(ALLOWED, pair)) offending.add(`${pair} (${where}, ${range})`);
          }
      }
    }
    assert.deepEqual([...offending], []);
    assert.ok(seen.size > 0, 'the examples do show rules sharing a range: the check reads them');
  });
});
