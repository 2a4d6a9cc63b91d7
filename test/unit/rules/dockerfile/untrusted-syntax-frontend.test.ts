import rule from '../../../../server/src/engine/rules/dockerfile/untrusted-syntax-frontend';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    { code: '# syntax=docker/dockerfile:1\nFROM debian:12\n' },
    { name: 'Docker Hub spelled out, pinned by digest', code: '# syntax=docker.io/docker/dockerfile:1.7@sha256:' + 'a'.repeat(64) + '\nFROM debian:12\n' },
    { name: 'the upstream channel and labs', code: '# syntax=docker/dockerfile-upstream:master-labs\nFROM debian:12\n' },
    { name: 'no directive', code: 'FROM debian:12\n' },
    { name: 'after a blank line it is a comment', code: '\n# syntax=ghcr.io/acme/frontend:1\nFROM debian:12\n' },
    { name: 'after another comment it is a comment', code: '# build me\n# syntax=ghcr.io/acme/frontend:1\nFROM debian:12\n' },
    { name: 'after FROM it is a comment', code: 'FROM debian:12\n# syntax=ghcr.io/acme/frontend:1\nRUN true\n' },
    { name: 'half-typed', code: '# syntax=\nFROM debian:12\n' },
  ],
  invalid: [
    {
      name: 'a third-party frontend: the value is the finding',
      code: '# syntax=ghcr.io/acme/frontend:1\nFROM debian:12\n',
      findings: [
        {
          line: 1,
          column: 10,
          endColumn: 33,
          messageId: 'untrusted',
          data: { image: 'ghcr.io/acme/frontend:1' },
          suggestions: [{ title: /docker\/dockerfile:1/, output: '# syntax=docker/dockerfile:1\nFROM debian:12\n' }],
        },
      ],
    },
    {
      name: 'upper-case key, spaces around =, after an escape directive, CRLF',
      code: '# escape=`\r\n#SYNTAX = someone/dockerfile:labs\r\nFROM debian:12\r\n',
      findings: [
        { line: 2, column: 11, messageId: 'untrusted', suggestions: [{ output: '# escape=`\r\n#SYNTAX = docker/dockerfile:1-labs\r\nFROM debian:12\r\n' }] },
      ],
    },
    {
      name: 'a look-alike on Docker Hub',
      code: '# syntax=dockerr/dockerfile:1\nFROM debian:12\n',
      findings: [{ line: 1, column: 10, messageId: 'untrusted', suggestions: [{ output: '# syntax=docker/dockerfile:1\nFROM debian:12\n' }] }],
    },
  ],
});
