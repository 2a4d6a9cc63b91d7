import rule from '../../../../server/src/engine/rules/dockerfile/run-network-host';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN make\n' },
    { name: 'no network at all: the good practice', code: 'FROM debian:12\nRUN --network=none make test\n' },
    { name: 'the default network, spelled out', code: 'FROM debian:12\nRUN --network=default make\n' },
    { name: 'docker run --network=host inside the command is not the step', code: 'FROM docker:27\nRUN echo docker run --network=host x\n' },
    { name: 'half-typed', code: 'FROM debian:12\nRUN --network=\n' },
  ],
  invalid: [
    {
      name: 'the flag is the finding',
      code: 'FROM debian:12\nRUN --network=host curl -fsS http://localhost:8080/health\n',
      findings: [
        {
          line: 2,
          column: 5,
          endColumn: 19,
          messageId: 'host',
          suggestions: [{ title: /Remove --network=host/, output: 'FROM debian:12\nRUN curl -fsS http://localhost:8080/health\n' }],
        },
      ],
    },
    {
      name: 'exec form, after other flags, lower-case, ONBUILD',
      code: 'FROM debian:12\nrun --mount=type=secret,id=npm --network=host ["npm", "ci"]\nONBUILD RUN --network=HOST make\n',
      findings: [
        {
          line: 2,
          column: 32,
          messageId: 'host',
          suggestions: [{ output: 'FROM debian:12\nrun --mount=type=secret,id=npm ["npm", "ci"]\nONBUILD RUN --network=HOST make\n' }],
        },
        {
          line: 3,
          column: 13,
          messageId: 'host',
          suggestions: [{ output: 'FROM debian:12\nrun --mount=type=secret,id=npm --network=host ["npm", "ci"]\nONBUILD RUN make\n' }],
        },
      ],
    },
    {
      name: 'a heredoc RUN in a second stage',
      code: 'FROM debian:12 AS a\nRUN true\nFROM debian:12\nRUN --network=host <<EOF\napt-get update\nEOF\n',
      findings: [
        { line: 4, column: 5, messageId: 'host', suggestions: [{ output: 'FROM debian:12 AS a\nRUN true\nFROM debian:12\nRUN <<EOF\napt-get update\nEOF\n' }] },
      ],
    },
  ],
});
