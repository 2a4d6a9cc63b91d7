// service-hardening (DG008): how the editor shows a service that misses several baseline-hardening settings.
// It is presentation over the five rules' findings (engine/hardening-group.ts), so these tests run the whole compose
// analysis, then the grouping the language server applies, and check the one edit that applies them all.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../../server/src/engine/analyze';
import { resolveConfig, type DockguardConfig } from '../../../../server/src/engine/config';
import { applyEdits } from '../../../../server/src/engine/fixes';
import { BASELINE_HARDENING_RULES, groupHardening, hardenServiceFix } from '../../../../server/src/engine/hardening-group';
import { ignoreFixes } from '../../../../server/src/engine/ignore-actions';
import type { Finding } from '../../../../server/src/engine/types';

const analyse = (text: string, config: DockguardConfig = {}) => analyze(text, { kind: 'compose', config: resolveConfig(config) });
const shown = (text: string, config: DockguardConfig = {}) => groupHardening(analyse(text, config), resolveConfig(config));
const summary = (findings: Finding[]) => findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}`);

const BARE = `services:
  web:
    image: nginx:1.27
`;

/** Three services: one bare, one through an anchor with half its limits, one with only cap_drop. */
const THREE = `x-defaults: &defaults
  restart: unless-stopped
services:
  web:
    image: nginx:1.27
    ports: ["127.0.0.1:8080:80"]
  db:
    <<: *defaults
    image: postgres:16
    deploy:
      resources:
        limits:
          memory: 1G
  api:
    image: node:22
    cap_drop: [ALL]
`;

const HARDENED = `services:
  web:
    image: nginx:1.27
    read_only: true
    tmpfs: [/tmp, /var/cache/nginx, /run]
    cap_drop: [ALL]
    cap_add: [CHOWN, SETUID, SETGID, NET_BIND_SERVICE]
    security_opt: ["no-new-privileges:true"]
    pids_limit: 200
    deploy:
      resources:
        limits:
          cpus: "0.50"
          memory: 512M
`;

describe('service-hardening: one finding per service for the baseline settings', () => {
  it('shows a bare service as one finding on its name that lists the five settings', () => {
    const findings = shown(BARE);
    assert.deepEqual(summary(findings), ['2:3 service-hardening']);
    const [group] = findings;
    assert.equal(group.code, 'DG008');
    assert.equal(group.severity, 'warning', 'the most serious of the grouped findings (DG206 alone is info)');
    assert.match(
      group.message,
      /^Service web misses 5 baseline hardening settings \(cap_drop ALL, read_only, memory and CPU limits, a process limit, no-new-privileges\)/,
    );
    assert.deepEqual(
      group.grouped!.map((m) => m.ruleId),
      ['missing-cap-drop-all', 'writable-root-filesystem', 'missing-resource-limits', 'missing-pids-limit', 'missing-no-new-privileges'],
    );
    assert.equal(group.data!.rules, group.grouped!.map((m) => m.ruleId).join(','));
    // Each setting's own suggestion stays offered beside the edit that applies them all.
    assert.equal(group.fixes.length, group.grouped!.flatMap((m) => m.fixes).length);
  });

  it('groups what a service misses wherever each rule reports it, and leaves other findings alone', () => {
    const findings = shown(THREE);
    assert.deepEqual(summary(findings), ['4:3 service-hardening', '7:3 service-hardening', '14:3 service-hardening']);
    assert.match(findings[1].message, /Service db misses 5 .*a CPU limit\)/, 'the CPU limit reported on the limits key belongs to db too');
    assert.match(findings[2].message, /Service api misses 4 /);
    const privileged = shown('services:\n  web:\n    image: nginx:1.27\n    privileged: true\n');
    assert.ok(
      privileged.some((f) => f.ruleId === 'privileged'),
      'other rules pass through',
    );
  });

  it('leaves a service that misses one setting with that rule finding', () => {
    const one = HARDENED.replace('    pids_limit: 200\n', '');
    assert.deepEqual(summary(shown(one)), ['2:3 missing-pids-limit']);
    assert.deepEqual(shown(HARDENED), [], 'the hardened service (the rule page Good example) has nothing');
  });

  it('keeps every rule id for configuration and suppression: only what is left is grouped', () => {
    const off = shown(BARE, { rules: { 'missing-cap-drop-all': 'off', DG204: 'off', 'missing-resource-limits': 'off' } });
    assert.deepEqual(
      off[0].grouped!.map((m) => m.ruleId),
      ['missing-pids-limit', 'missing-no-new-privileges'],
    );
    const suppressed = shown(`services:\n  # dockguard-ignore missing-cap-drop-all,DG207 -- reviewed\n  web:\n    image: nginx:1.27\n`);
    assert.deepEqual(
      suppressed[0].grouped!.map((m) => m.code),
      ['DG204', 'DG205', 'DG206'],
    );
    assert.equal(shown(BARE, { rules: { 'service-hardening': 'error' } })[0].severity, 'error', 'a configured severity wins');
  });

  it('can be turned off, and the analysis itself (CLI, CI, SARIF) is never grouped', () => {
    assert.deepEqual(summary(shown(BARE, { rules: { 'service-hardening': 'off' } })), summary(analyse(BARE)));
    assert.equal(analyse(BARE).length, 5);
    assert.ok(analyse(THREE).every((f) => BASELINE_HARDENING_RULES.includes(f.ruleId)));
  });

  it('Harden this service applies every grouped rule remedy in one edit, and only to that service', () => {
    for (const [index, service] of [
      [0, 'web'],
      [1, 'db'],
      [2, 'api'],
    ] as const) {
      const group = shown(THREE)[index];
      const fix = hardenServiceFix(THREE, group)!;
      assert.equal(fix.title, 'Harden this service');
      assert.equal(fix.kind, 'suggestion', 'changes how the service runs: never applied in bulk');
      assert.equal(fix.edits.length, 1);
      const hardened = applyEdits(THREE, fix.edits);
      const after = analyse(hardened);
      assert.ok(!after.some((f) => f.ruleId === 'yaml-syntax'), hardened);
      assert.ok(!after.some((f) => f.data?.service === service), `${service} is hardened:\n${hardened}`);
      const others = (findings: Finding[]) => findings.filter((f) => f.data?.service !== service).map((f) => `${f.ruleId} ${f.data?.service}`);
      assert.deepEqual(others(after), others(analyse(THREE)), 'the other services keep their findings');
    }
    const web = applyEdits(BARE, hardenServiceFix(BARE, shown(BARE)[0])!.edits);
    assert.equal(
      web,
      `services:
  web:
    image: nginx:1.27
    cap_drop: [ALL]
    read_only: true
    deploy:
      resources:
        limits:
          cpus: "0.50"
          memory: 512M
    pids_limit: 200
    security_opt: ["no-new-privileges:true"]
`,
    );
  });

  it('offers no combined edit for a finding that stands for one rule', () => {
    const [single] = shown(HARDENED.replace('    pids_limit: 200\n', ''));
    assert.equal(hardenServiceFix(HARDENED, single), undefined);
  });

  it('ignores through the grouped rules, which silences the service', () => {
    const [ignore] = ignoreFixes(BARE, 'compose', shown(BARE)[0]);
    assert.equal(ignore.title, 'Ignore these 5 rules (DG202, DG204, DG205, DG206, DG207) for this entry');
    const text = applyEdits(BARE, ignore.edits);
    assert.match(
      text,
      /# dockguard-ignore missing-cap-drop-all,writable-root-filesystem,missing-resource-limits,missing-pids-limit,missing-no-new-privileges -- reason\n {2}web:/,
    );
    assert.deepEqual(shown(text.replace('-- reason', '-- reviewed')), []);
  });
});
