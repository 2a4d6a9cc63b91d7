import rule from '../../../../server/src/engine/rules/dockerfile/ssh-server';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends openssh-client\nEXPOSE 8080\n' },
    { name: 'other ports', code: 'FROM nginx:1.27\nEXPOSE 80 443/tcp 2222 220 122\n' },
    { name: 'UDP 22 is not SSH', code: 'FROM debian:12\nEXPOSE 22/udp\n' },
    { name: 'port ranges without 22', code: 'FROM debian:12\nEXPOSE 8000-8080 23-25\n' },
    { name: 'SSH client and sftp server only', code: 'FROM alpine:3.20\nRUN apk add --no-cache openssh-client openssh-keygen openssh-sftp-server\n' },
    {
      name: 'an SSH server in a builder stage never ships',
      code: 'FROM debian:12 AS test\nRUN apt-get install -y openssh-server\nEXPOSE 22\nFROM debian:12-slim\nCOPY --from=test /out /out\n',
    },
    { name: 'removing the package', code: 'FROM debian:12\nRUN apt-get purge -y openssh-server && apk del dropbear\n' },
    { name: 'an option value named like the package', code: 'FROM alpine:3.20\nRUN apk add --virtual openssh curl\n' },
    { name: 'a variable port', code: 'FROM debian:12\nEXPOSE ${PORT}\n' },
    { name: 'half-typed', code: 'FROM debian:12\nEXPOSE \nRUN apt-get install' },
  ],
  invalid: [
    {
      name: 'EXPOSE 22',
      code: 'FROM debian:12\nEXPOSE 22\n',
      findings: [{ line: 2, column: 8, endColumn: 10, messageId: 'exposesSsh', data: { port: '22' } }],
      output: null,
    },
    {
      name: 'EXPOSE 22/tcp among other ports, and a range covering 22',
      code: 'FROM debian:12\nEXPOSE 80 22/TCP 20-25\n',
      findings: [
        { line: 2, column: 11, endColumn: 17, messageId: 'exposesSsh' },
        { line: 2, column: 18, endColumn: 23, messageId: 'exposesSsh' },
      ],
      output: null,
    },
    {
      name: 'apt-get install openssh-server: the finding is on the package',
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y openssh-server=1:9.6p1-3ubuntu13 curl\n',
      findings: [{ line: 2, column: 42, endColumn: 74, messageId: 'installsSshServer', data: { server: 'openssh-server' } }],
      output: null,
    },
    {
      name: 'apk openssh and dropbear',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache openssh dropbear~2024\n',
      findings: [
        { line: 2, column: 24, endColumn: 31, messageId: 'installsSshServer' },
        { line: 2, column: 32, messageId: 'installsSshServer', data: { server: 'dropbear' } },
      ],
      output: null,
    },
    {
      name: 'dnf with an RPM version pin',
      code: 'FROM fedora:40\nRUN dnf install -y openssh-server-9.6p1\n',
      findings: [{ line: 2, column: 20, messageId: 'installsSshServer' }],
      output: null,
    },
    {
      name: 'in a stage the final stage builds on',
      code: 'FROM debian:12 AS base\nRUN apt-get install -y openssh-server\nEXPOSE 22\nFROM base\nCMD ["/usr/sbin/sshd", "-D"]\n',
      findings: [
        { line: 2, messageId: 'installsSshServer' },
        { line: 3, messageId: 'exposesSsh' },
      ],
      output: null,
    },
    {
      name: 'heredoc',
      code: 'FROM debian:12\nRUN <<EOF\napt-get install -y \\\n  openssh-server\nEOF\n',
      findings: [{ line: 4, column: 3, endColumn: 17, messageId: 'installsSshServer' }],
      output: null,
    },
  ],
});
