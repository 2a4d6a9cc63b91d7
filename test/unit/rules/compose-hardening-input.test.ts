import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { resolveConfig } from '../../../server/src/engine/config';
import { fixAll } from '../../../server/src/engine/fix-all';
import { applyFixes } from '../../../server/src/engine/fixes';
import { composeRules } from '../../../server/src/engine/rules';
import { parseDocument } from 'yaml';

/** The runtime-hardening rules on input as it is while being typed, on hostile input, and fixed all at once. */
const IDS = [
  'privileged',
  'missing-cap-drop-all',
  'dangerous-capability',
  'writable-root-filesystem',
  'missing-resource-limits',
  'missing-pids-limit',
  'missing-no-new-privileges',
  'confinement-disabled',
  'host-namespace',
  'host-devices',
  'healthcheck-disabled',
  'logging-disabled',
];
const rules = composeRules.filter((r) => IDS.includes(r.meta.id));
const config = resolveConfig({ profile: 'strict' });
const files: Record<string, string> = {
  '/p/common.yml': 'services:\n  base:\n    image: a:1\n    cap_drop: [ALL]\n    extends: {file: ../q/other.yml, service: deeper}\n',
  '/q/other.yml': 'services:\n  deeper:\n    read_only: true\n',
};
const run = (text: string) => analyze(text, { kind: 'compose', rules, config, uri: '/p/compose.yaml', readFile: (file) => files[file] });

const SAMPLE = `x-base: &base
  privileged: true
  cap_add: [SYS_ADMIN, "cap_net_admin"]
  security_opt: &opts
    - seccomp:unconfined
    - no-new-privileges=false
services:
  web:
    <<: *base
    image: nginx
    network_mode: host
    pid: "host"
    read_only: false
    pids_limit: -1
    devices:
      - /dev/sda:/dev/sda:rwm
      - source: /dev/mem
      - nvidia.com/gpu=all
    device_cgroup_rules: ['a *:* rwm']
    healthcheck: {test: [NONE]}
    logging:
      driver: none
    deploy:
      resources:
        limits: {pids: 0}
  api:
    extends:
      file: common.yml
      service: base
    cap_drop: [NET_RAW]
    mem_limit: 1g
  worker:
    image: worker:1
    cap_drop: [NET_RAW]
`;

describe('runtime-hardening rules on half-typed and hostile input', () => {
  it('never throw on any prefix of a file being typed', () => {
    for (let i = 0; i <= SAMPLE.length; i++) run(SAMPLE.slice(0, i));
  });

  it('find every problem in the complete sample', () => {
    const ids = new Set(run(SAMPLE).map((f) => f.ruleId));
    assert.deepEqual([...ids].sort(), [...IDS].sort());
  });

  // No timing assertion (speed lives in bench/): the test timeout only catches a hang, e.g. a backtracking regex.
  it('finish on long lines and many services', { timeout: 60_000 }, () => {
    const long = `services:\n  a:\n    image: a:1\n    cap_add: ["${'A'.repeat(100_000)}"]\n    security_opt: ["${'seccomp:'.repeat(20_000)}"]\n    devices: ["${'/dev/'.repeat(20_000)}"]\n    device_cgroup_rules: ["${'a '.repeat(50_000)}"]\n    network_mode: "${'h'.repeat(100_000)}"\n`;
    run(long);
    const hardened =
      '    read_only: true\n    cap_drop: [ALL]\n    security_opt: ["no-new-privileges:true"]\n    pids_limit: 100\n    deploy:\n      resources:\n        limits: {cpus: "0.5", memory: 128M}\n';
    const many = 'services:\n' + Array.from({ length: 2000 }, (_, i) => `  s${i}:\n    image: app:${i}\n${hardened}`).join('');
    assert.deepEqual(run(many), []);
  });

  it('fix all leaves the hardening to the user: every one of these edits changes how the container runs', () => {
    const text = 'services:\n  web:\n    image: nginx:1.27\n';
    assert.equal(fixAll(text, { kind: 'compose', rules, config }).text, text);
  });

  it('the preferred suggestions, taken together, harden a plain file in one pass into valid YAML that no rule reports any more', () => {
    const text =
      '# app\nservices:\n  web:\n    image: nginx:1.27 # pinned\n    deploy:\n      replicas: 2\n  db:\n    image: postgres:16\n    security_opt:\n      - apparmor=docker-default\n    cap_drop: [NET_RAW]\n';
    const preferred = analyze(text, { kind: 'compose', rules, config }).flatMap((f) => f.fixes.filter((fix) => fix.preferred).slice(0, 1));
    const result = applyFixes(text, preferred);
    assert.deepEqual(result.skipped, []);
    assert.equal(
      result.text,
      '# app\nservices:\n  web:\n    image: nginx:1.27 # pinned\n    deploy:\n      replicas: 2\n      resources:\n        limits:\n          cpus: "0.50"\n          memory: 512M\n    cap_drop: [ALL]\n    read_only: true\n    pids_limit: 200\n    security_opt: ["no-new-privileges:true"]\n' +
        '  db:\n    image: postgres:16\n    security_opt:\n      - apparmor=docker-default\n      - no-new-privileges:true\n    cap_drop: [NET_RAW, ALL]\n    read_only: true\n    deploy:\n      resources:\n        limits:\n          cpus: "0.50"\n          memory: 512M\n    pids_limit: 200\n',
    );
    assert.deepEqual(parseDocument(result.text).errors, []);
    assert.deepEqual(analyze(result.text, { kind: 'compose', rules, config }), []);
  });
});
