import rule from '../../../../server/src/engine/rules/dockerfile/remote-admin-port-exposed';
import { testRule } from '../../../support/rule-tester';

const F = 'FROM debian:12\n';

testRule(rule, {
  valid: [
    { code: F + 'EXPOSE 80 443/tcp 8080\n' },
    { name: "SSH is ssh-server's", code: F + 'EXPOSE 22\n' },
    { name: 'telnet and VNC ports over UDP are not those services', code: F + 'EXPOSE 23/udp 5900/udp\n' },
    { name: 'a variable without a default is unknown', code: F + 'ARG PORT\nEXPOSE ${PORT}\n' },
    { name: 'a builder stage does not ship', code: 'FROM docker:27-dind AS test\nEXPOSE 2375\nFROM debian:12\nEXPOSE 8080\n' },
    { name: 'ranges that miss the ports', code: F + 'EXPOSE 8000-8080 24-80\n' },
    { name: 'half-typed', code: F + 'EXPOSE \nEXPOSE 59' },
  ],
  invalid: [
    {
      name: 'the Docker API, the only port: the suggestion removes the line',
      code: F + 'EXPOSE 2375\nCMD ["dockerd"]\n',
      findings: [
        {
          line: 2,
          column: 8,
          endColumn: 12,
          messageId: 'dockerApi',
          data: { port: '2375' },
          suggestions: [{ title: /Remove EXPOSE 2375/, output: F + 'CMD ["dockerd"]\n' }],
        },
      ],
    },
    {
      name: 'several ports on one line, lower-case, /tcp',
      code: F + 'expose 80 3389/tcp 5900\n',
      findings: [
        { line: 2, column: 11, messageId: 'adminPort', data: { service: 'Remote Desktop (RDP)' }, suggestions: [{ output: F + 'expose 80 5900\n' }] },
        { line: 2, column: 20, messageId: 'adminPort', suggestions: [{ output: F + 'expose 80 3389/tcp\n' }] },
      ],
    },
    {
      name: 'RDP over UDP, a VNC range, telnet, WinRM, in a stage the final one builds on',
      code: 'FROM debian:12 AS base\nEXPOSE 3389/udp 5901-5910\nEXPOSE 23 5986\nFROM base\nEXPOSE 8080\n',
      findings: [
        {
          line: 2,
          column: 8,
          messageId: 'adminPort',
          suggestions: [{ output: 'FROM debian:12 AS base\nEXPOSE 5901-5910\nEXPOSE 23 5986\nFROM base\nEXPOSE 8080\n' }],
        },
        {
          line: 2,
          column: 17,
          messageId: 'adminPort',
          data: { service: 'VNC remote desktop' },
          suggestions: [{ output: 'FROM debian:12 AS base\nEXPOSE 3389/udp\nEXPOSE 23 5986\nFROM base\nEXPOSE 8080\n' }],
        },
        {
          line: 3,
          column: 8,
          messageId: 'adminPort',
          suggestions: [{ output: 'FROM debian:12 AS base\nEXPOSE 3389/udp 5901-5910\nEXPOSE 5986\nFROM base\nEXPOSE 8080\n' }],
        },
        {
          line: 3,
          column: 11,
          messageId: 'adminPort',
          suggestions: [{ output: 'FROM debian:12 AS base\nEXPOSE 3389/udp 5901-5910\nEXPOSE 23\nFROM base\nEXPOSE 8080\n' }],
        },
      ],
    },
    {
      name: 'through an ARG default, global and re-declared',
      code: 'ARG API_PORT=2376\nFROM debian:12\nARG API_PORT\nEXPOSE ${API_PORT}\n',
      findings: [{ line: 4, column: 8, messageId: 'dockerApi', data: { port: '${API_PORT} (2376)' } }],
    },
  ],
});
