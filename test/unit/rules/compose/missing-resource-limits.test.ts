import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../../server/src/engine/analyze';
import rule from '../../../../server/src/engine/rules/compose/missing-resource-limits';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'deploy.resources.limits with cpus and memory',
      code: "services:\n  web:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n          cpus: '0.5'\n          memory: 256M\n",
    },
    {
      name: 'the legacy keys (mem_limit, cpus or cpu_quota)',
      code: 'services:\n  a:\n    image: a:1\n    mem_limit: 256m\n    cpus: 1.5\n  b:\n    image: b:1\n    mem_limit: 1g\n    cpu_quota: 50000\n',
    },
    {
      name: 'limits from an anchor',
      code: 'x-limits: &limits\n  deploy:\n    resources:\n      limits: {cpus: "1", memory: 1G}\nservices:\n  a:\n    <<: *limits\n    image: a:1\n',
    },
    {
      name: 'limits split along extends (compose merges deploy deeply)',
      code: 'services:\n  base:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n          memory: 1G\n    cpus: 1\n  worker:\n    extends: base\n    deploy:\n      replicas: 3\n',
    },
  ],
  invalid: [
    {
      name: 'no limit: the fix adds deploy.resources.limits, quoted like the file, comments kept',
      code: "# app\nservices:\n  web:\n    image: 'nginx:1.27' # pinned\n    user: '101'\n\n  # next\n",
      findings: [
        {
          line: 3,
          column: 3,
          endColumn: 6,
          messageId: 'noLimits',
          data: { service: 'web', keys: 'deploy.resources.limits.cpus and deploy.resources.limits.memory' },
          suggestions: [
            {
              output:
                "# app\nservices:\n  web:\n    image: 'nginx:1.27' # pinned\n    user: '101'\n    deploy:\n      resources:\n        limits:\n          cpus: '0.50'\n          memory: 512M\n\n  # next\n",
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a byte-order mark before the first key takes no column: the suggestion nests by two spaces (issue 12)',
      code: '\uFEFFservices:\n  web:\n    image: nginx:1.27\n',
      findings: [
        {
          line: 2,
          messageId: 'noLimits',
          suggestions: [
            {
              output:
                '\uFEFFservices:\n  web:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits:\n          cpus: "0.50"\n          memory: 512M\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a file ending in a lone CR: the keys go after a line break YAML reads, not after the CR (issue 12)',
      code: 'services:\n  web:\n    image: nginx:1.27\r',
      findings: [
        {
          line: 2,
          messageId: 'noLimits',
          suggestions: [
            {
              output:
                'services:\n  web:\n    image: nginx:1.27\r\n    deploy:\n      resources:\n        limits:\n          cpus: "0.50"\n          memory: 512M\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: '4-space indentation, the configured limits',
      code: 'services:\n    api:\n        build: .\n',
      config: { limits: { cpus: '2', memory: '1g' } },
      findings: [
        {
          line: 2,
          column: 5,
          messageId: 'noLimits',
          suggestions: [
            {
              output:
                'services:\n    api:\n        build: .\n        deploy:\n            resources:\n                limits:\n                    cpus: "2"\n                    memory: 1g\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'an existing deploy: resources merged into it, not a second deploy',
      code: 'services:\n  web:\n    deploy:\n      replicas: 2 # two of them\n      restart_policy:\n        condition: on-failure\n    image: a:1\n',
      findings: [
        {
          line: 2,
          messageId: 'noLimits',
          suggestions: [
            {
              output:
                'services:\n  web:\n    deploy:\n      replicas: 2 # two of them\n      restart_policy:\n        condition: on-failure\n      resources:\n        limits:\n          cpus: "0.50"\n          memory: 512M\n    image: a:1\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'only the memory limit missing: the finding is on limits, the fix adds memory next to cpus',
      code: 'services:\n  web:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n          cpus: "1"\n        reservations:\n          memory: 128M\n',
      findings: [
        {
          line: 6,
          column: 9,
          endColumn: 15,
          messageId: 'noMemoryLimit',
          data: { service: 'web', keys: 'deploy.resources.limits.memory' },
          suggestions: [
            {
              output:
                'services:\n  web:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n          cpus: "1"\n          memory: 512M\n        reservations:\n          memory: 128M\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a written limit that bounds nothing gets the configured value in its place, the missing one added (fuzz: the suggestion added memory and left cpus: 0)',
      code: "services:\n  web:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n          cpus: pub'1'\n",
      findings: [
        {
          line: 6,
          messageId: 'noLimits',
          suggestions: [
            {
              title: /Limit CPUs to 0.50 and memory to 512M/,
              output: 'services:\n  web:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n          cpus: 0.50\n          memory: 512M\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a service limited with the legacy keys gets the missing one in the same style',
      code: 'services:\n  web:\n    image: a:1\n    mem_limit: 256m\n',
      findings: [
        {
          line: 2,
          messageId: 'noCpuLimit',
          data: { service: 'web', keys: 'cpus' },
          suggestions: [{ output: 'services:\n  web:\n    image: a:1\n    mem_limit: 256m\n    cpus: "0.50"\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'deploy from an anchor: the anchor is untouched, the service gets the legacy keys',
      code: 'x-deploy: &deploy\n  deploy:\n    replicas: 2\nservices:\n  a:\n    <<: *deploy\n    image: a:1\n',
      findings: [
        {
          line: 5,
          column: 3,
          messageId: 'noLimits',
          suggestions: [
            {
              output:
                'x-deploy: &deploy\n  deploy:\n    replicas: 2\nservices:\n  a:\n    <<: *deploy\n    image: a:1\n    cpus: "0.50"\n    mem_limit: 512M\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'flow-style service, and a service that is an alias: no fix',
      code: 'x-base: &base\n  image: a:1\nservices:\n  a: {image: a:1}\n  b: *base\n',
      findings: [
        { line: 4, messageId: 'noLimits' },
        { line: 5, messageId: 'noLimits' },
      ],
      output: null,
    },
  ],
});

describe('missing-resource-limits: a limit must bound something (compose-lint CL-0026 cases)', () => {
  const ids = (body: string) => analyze(`services:\n  app:\n    image: nginx:1.27\n${body}`, { kind: 'compose', rules: [rule] }).map((f) => f.messageId);
  it('0, -1, no value, an unparseable size or a zero default are no limit', () => {
    assert.deepEqual(ids('    mem_limit: 0\n    cpus: 0.5\n'), ['noMemoryLimit']);
    assert.deepEqual(ids('    mem_limit: -1\n    cpus: 0.5\n'), ['noMemoryLimit']);
    assert.deepEqual(ids('    mem_limit:\n    cpus: 0.5\n'), ['noMemoryLimit']);
    assert.deepEqual(ids('    mem_limit: 512Mi\n    cpus: 0.5\n'), ['noMemoryLimit']);
    assert.deepEqual(ids("    mem_limit: '${MEM:-0}'\n    cpus: 2\n"), ['noMemoryLimit']);
    assert.deepEqual(ids('    mem_limit: 512m\n    cpus: 0.0\n'), ['noCpuLimit']);
    assert.deepEqual(ids('    mem_limit: 512m\n    cpu_quota: -1\n'), ['noCpuLimit']);
    assert.deepEqual(ids("    deploy:\n      resources:\n        limits:\n          memory: 0\n          cpus: '0.5'\n"), ['noMemoryLimit']);
  });
  it('sizes compose reads, positive values and values the environment decides are limits', () => {
    for (const size of ['1GiB', '512MiB', '2 gib', '1b', '1.5g', '1073741824']) assert.deepEqual(ids(`    mem_limit: "${size}"\n    cpus: 0.5\n`), [], size);
    assert.deepEqual(ids('    mem_limit: ${MEM}\n    cpus: ${CPU}\n'), []);
    assert.deepEqual(ids("    mem_limit: '${MEM:-512m}'\n    cpu_quota: 50000\n"), []);
  });
});
