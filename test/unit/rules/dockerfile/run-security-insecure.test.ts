import rule from '../../../../server/src/engine/rules/dockerfile/run-security-insecure';
import { testRule } from '../../../support/rule-tester';

const REMOVE = /Remove --security=insecure/;

testRule(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN make\n' },
    { name: 'the default sandbox, spelled out', code: 'FROM debian:12\nRUN --security=sandbox make\n' },
    { name: 'the flag text inside the command', code: 'FROM debian:12\nRUN echo --security=insecure\n' },
    { name: 'in a comment', code: '# RUN --security=insecure make\nFROM debian:12\nRUN true\n' },
    { name: 'half-typed flag', code: 'FROM debian:12\nRUN --security=\n' },
    { name: 'a COPY flag of another name', code: 'FROM debian:12\nCOPY --chmod=755 a /a\n' },
  ],
  invalid: [
    {
      name: 'the flag is the finding, its removal the suggestion',
      code: 'FROM debian:12\nRUN --security=insecure make install\n',
      findings: [
        {
          line: 2,
          column: 5,
          endColumn: 24,
          messageId: 'insecure',
          suggestions: [{ title: REMOVE, output: 'FROM debian:12\nRUN make install\n' }],
        },
      ],
    },
    {
      name: 'after a mount flag, in the labs syntax, lower-case run',
      code: '# syntax=docker/dockerfile:1-labs\nFROM debian:12\nrun --mount=type=cache,target=/root/.cache --security=insecure make\n',
      findings: [
        {
          line: 3,
          column: 44,
          messageId: 'insecure',
          suggestions: [{ output: '# syntax=docker/dockerfile:1-labs\nFROM debian:12\nrun --mount=type=cache,target=/root/.cache make\n' }],
        },
      ],
    },
    {
      name: 'ONBUILD RUN, an exec-form RUN, a heredoc RUN, upper-case value',
      code: 'FROM debian:12\nONBUILD RUN --security=insecure make\nRUN --security=INSECURE ["mount", "-t", "tmpfs", "x", "/mnt"]\nRUN --security=insecure <<EOF\nmount -t tmpfs x /mnt\nEOF\n',
      findings: [
        {
          line: 2,
          column: 13,
          messageId: 'insecure',
          suggestions: [
            {
              output:
                'FROM debian:12\nONBUILD RUN make\nRUN --security=INSECURE ["mount", "-t", "tmpfs", "x", "/mnt"]\nRUN --security=insecure <<EOF\nmount -t tmpfs x /mnt\nEOF\n',
            },
          ],
        },
        {
          line: 3,
          column: 5,
          messageId: 'insecure',
          suggestions: [
            {
              output:
                'FROM debian:12\nONBUILD RUN --security=insecure make\nRUN ["mount", "-t", "tmpfs", "x", "/mnt"]\nRUN --security=insecure <<EOF\nmount -t tmpfs x /mnt\nEOF\n',
            },
          ],
        },
        {
          line: 4,
          column: 5,
          messageId: 'insecure',
          suggestions: [
            {
              output:
                'FROM debian:12\nONBUILD RUN --security=insecure make\nRUN --security=INSECURE ["mount", "-t", "tmpfs", "x", "/mnt"]\nRUN <<EOF\nmount -t tmpfs x /mnt\nEOF\n',
            },
          ],
        },
      ],
    },
    {
      name: 'alone before a line continuation, in a later stage, CRLF',
      code: 'FROM debian:12 AS build\r\nRUN true\r\nFROM build\r\nRUN --security=insecure \\\r\n    make\r\n',
      findings: [
        { line: 4, column: 5, messageId: 'insecure', suggestions: [{ output: 'FROM debian:12 AS build\r\nRUN true\r\nFROM build\r\nRUN \\\r\n    make\r\n' }] },
      ],
    },
  ],
});
