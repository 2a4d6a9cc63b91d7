import rule from '../../../../server/src/engine/rules/dockerfile/unpinned-syntax-frontend';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    { code: '# syntax=docker/dockerfile:1\nFROM debian:12\n' },
    { name: 'a minor version and labs of a version', code: '# syntax=docker/dockerfile:1.7-labs\nFROM debian:12\n' },
    { name: 'a digest wins over the tag', code: '# syntax=docker/dockerfile:latest@sha256:' + 'b'.repeat(64) + '\nFROM debian:12\n' },
    { name: 'a third-party frontend is the other rule', code: '# syntax=ghcr.io/acme/frontend\nFROM debian:12\n' },
    { name: 'a comment, not a directive', code: 'FROM debian:12\n# syntax=docker/dockerfile\n' },
    { name: 'tag being typed', code: '# syntax=docker/dockerfile:\nFROM debian:12\n' },
  ],
  invalid: [
    {
      name: 'no tag',
      code: '# syntax=docker/dockerfile\nFROM debian:12\n',
      findings: [
        {
          line: 1,
          column: 10,
          endColumn: 27,
          messageId: 'unpinned',
          data: { recommended: 'docker/dockerfile:1' },
          suggestions: [{ title: /Pin docker\/dockerfile:1/, output: '# syntax=docker/dockerfile:1\nFROM debian:12\n' }],
        },
      ],
    },
    {
      name: 'labs channel keeps labs',
      code: '# syntax = docker.io/docker/dockerfile:labs\nFROM debian:12\n',
      findings: [{ line: 1, column: 12, messageId: 'unpinned', suggestions: [{ output: '# syntax = docker/dockerfile:1-labs\nFROM debian:12\n' }] }],
    },
    {
      name: 'the nightly upstream channel',
      code: '#syntax=docker/dockerfile-upstream:master\nFROM debian:12\n',
      findings: [{ line: 1, column: 9, messageId: 'unpinned', suggestions: [{ output: '#syntax=docker/dockerfile:1\nFROM debian:12\n' }] }],
    },
    {
      name: 'latest',
      code: '# syntax=docker/dockerfile:latest\nFROM debian:12\n',
      findings: [{ line: 1, column: 10, messageId: 'unpinned', suggestions: [{ output: '# syntax=docker/dockerfile:1\nFROM debian:12\n' }] }],
    },
  ],
});
