import rule from '../../../../server/src/engine/rules/dockerfile/sudo-in-run';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'cmd as SHELL: not POSIX code', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["cmd", "/S", "/C"]\nRUN sudo x\n' },
    {
      name: 'PowerShell SHELL inherited through FROM <stage>',
      code: 'FROM mcr.microsoft.com/powershell:7.4-debian-12 AS base\nSHELL ["pwsh", "-c"]\nFROM base\nRUN sudo x\n',
    },
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
    {
      name: 'inside sh -c, bash -lc in exec form, and a command substitution',
      code: 'FROM debian:12\nRUN sh -c "sudo apt-get update"\nRUN ["/bin/bash", "-lc", "make && sudo make install"]\nRUN echo "$(sudo cat /etc/shadow)"\n',
      findings: [
        { line: 2, column: 12, endColumn: 16, messageId: 'sudo' },
        { line: 3, column: 35, endColumn: 39, messageId: 'sudo' },
        { line: 4, column: 13, endColumn: 17, messageId: 'sudo' },
      ],
      output: null,
    },
    {
      name: 'a PowerShell SHELL does not carry into a stage built on another image; the exec form ignores SHELL',
      code: 'FROM mcr.microsoft.com/powershell:7.4-debian-12 AS ps\nSHELL ["pwsh", "-c"]\nRUN ["sudo", "true"]\nFROM debian:12\nRUN sudo true\n',
      findings: [
        { line: 3, column: 7, messageId: 'sudo' },
        { line: 5, column: 5, messageId: 'sudo' },
      ],
      output: null,
    },
  ],
});
