import rule from '../../../../server/src/engine/rules/dockerfile/sudo-in-run';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n' },
    { name: 'installing the sudo package is not running sudo', code: 'FROM debian:12\nRUN apt-get install -y sudo\n' },
    { name: 'sudo as an argument', code: 'FROM debian:12\nRUN echo sudo && grep sudo /etc/group && usermod -aG sudo app\n' },
    { name: 'a word containing sudo', code: 'FROM debian:12\nRUN pseudo-tool --sudoers && /opt/sudoku\n' },
    { name: 'sudo in a comment', code: 'FROM debian:12\nRUN true # no sudo here\n' },
    { name: 'sudo in another instruction', code: 'FROM debian:12\nCMD ["sudo", "nginx"]\nLABEL tool=sudo\n' },
    { name: 'half-typed RUN', code: 'FROM debian:12\nRUN ' },
  ],
  invalid: [
    {
      name: 'sudo runs apt-get: the finding is on sudo',
      code: 'FROM debian:12\nRUN sudo apt-get update\n',
      findings: [{ line: 2, column: 5, endColumn: 9, messageId: 'sudo', data: { command: 'sudo' } }],
      output: null,
    },
    {
      name: 'after && and with options',
      code: 'FROM debian:12\nRUN mkdir /app && sudo -E chown app /app\n',
      findings: [{ line: 2, column: 19, endColumn: 23, messageId: 'sudo' }],
      output: null,
    },
    {
      name: 'behind env assignments and wrappers, with a full path',
      code: 'FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive env /usr/bin/sudo apt-get install -y curl\n',
      findings: [{ line: 2, column: 40, endColumn: 53, messageId: 'sudo' }],
      output: null,
    },
    {
      name: 'in a pipeline, a heredoc and an exec form',
      code: 'FROM debian:12\nRUN echo x | sudo tee /etc/x\nRUN <<EOF\nsudo make install\nEOF\nRUN ["sudo", "true"]\n',
      findings: [
        { line: 2, column: 14, messageId: 'sudo' },
        { line: 4, column: 1, endColumn: 5, messageId: 'sudo' },
        { line: 6, column: 7, endColumn: 11, messageId: 'sudo' },
      ],
      output: null,
    },
    {
      name: 'doas too, in any stage and in ONBUILD',
      code: 'FROM alpine:3.20 AS build\nRUN doas apk add curl\nFROM alpine:3.20\nONBUILD RUN sudo true\n',
      findings: [
        { line: 2, column: 5, messageId: 'sudo', data: { command: 'doas' } },
        { line: 4, column: 13, messageId: 'sudo' },
      ],
      output: null,
    },
  ],
});
