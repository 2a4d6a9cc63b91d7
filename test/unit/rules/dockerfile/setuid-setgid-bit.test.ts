import rule from '../../../../server/src/engine/rules/dockerfile/setuid-setgid-bit';
import { testRule } from '../../../support/rule-tester';

const F = 'FROM debian:12\n';

testRule(rule, {
  valid: [
    { code: F + 'RUN chmod 0755 /usr/local/bin/app && chmod +x /app/run.sh\n' },
    {
      name: 'removing the bits is the CIS remedy',
      code: F + 'RUN find / -perm /6000 -type f -exec chmod a-s {} + || true\nRUN chmod u-s /usr/bin/passwd && chmod g-s /usr/bin/wall\n',
    },
    { name: 'sticky bit only', code: F + 'RUN chmod 1777 /tmp/x && chmod +t /shared\n' },
    { name: 'o+s does nothing', code: F + 'RUN chmod o+s /app/x\n' },
    { name: 'a variable mode', code: F + 'RUN chmod "$MODE" /usr/bin/x\n' },
    { name: 'COPY with a plain mode', code: F + 'COPY --chmod=0755 app /usr/local/bin/app\n' },
    { name: 'find looking for setuid files', code: F + 'RUN find / -perm -4000 -type f\n' },
  ],
  invalid: [
    {
      name: 'u+s on a program',
      code: F + 'RUN chmod u+s /usr/local/bin/helper\n',
      findings: [{ line: 2, column: 11, endColumn: 14, messageId: 'setuid', data: { via: 'chmod', mode: 'u+s', target: '/usr/local/bin/helper' } }],
    },
    {
      name: 'octal 4755, 04755 and +s',
      code: F + 'RUN chmod 4755 /opt/tool && chmod 04755 /opt/tool2 && chmod +s /opt/tool3\n',
      findings: [
        { line: 2, column: 11, messageId: 'setuid', data: { mode: '4755' } },
        { line: 2, column: 35, messageId: 'setuid', data: { mode: '04755' } },
        { line: 2, column: 61, messageId: 'setuid', data: { mode: '+s' } },
      ],
    },
    {
      name: 'on a shell or an interpreter it is an error',
      code: F + 'RUN chmod u+s /bin/bash /usr/bin/python3\n',
      findings: [{ line: 2, column: 11, messageId: 'setuidShell', data: { target: '/bin/bash and 1 more' } }],
    },
    {
      name: 'setgid alone is info (shared directories use it)',
      code: F + 'RUN mkdir -p /shared && chmod 2775 /shared && chmod g+s /srv/group\n',
      findings: [
        { line: 2, column: 31, messageId: 'setgid', data: { mode: '2775' } },
        { line: 2, column: 53, messageId: 'setgid', data: { mode: 'g+s' } },
      ],
    },
    {
      name: 'COPY --chmod, install -m, exec form, heredoc, ONBUILD, lower-case',
      code:
        F +
        'copy --chmod=4755 tool /usr/local/bin/tool\nRUN install -m 6755 tool /usr/local/bin/tool2\nRUN ["chmod", "4711", "/opt/x"]\nRUN <<EOF\nchmod u+s /opt/y\nEOF\nONBUILD RUN chmod 4755 /opt/z\n',
      findings: [
        { line: 2, column: 14, endColumn: 18, messageId: 'setuid', data: { via: 'COPY --chmod', target: '/usr/local/bin/tool' } },
        { line: 3, column: 16, messageId: 'setuid', data: { via: 'install -m' } },
        { line: 4, column: 16, messageId: 'setuid' },
        { line: 6, column: 7, messageId: 'setuid' },
        { line: 8, column: 19, messageId: 'setuid' },
      ],
    },
    {
      name: 'recursive over a continuation, in the first stage',
      code: 'FROM debian:12 AS build\nRUN chmod -R \\\n    4755 /opt/bin\nFROM debian:12\nRUN true\n',
      findings: [{ line: 3, column: 5, messageId: 'setuid' }],
    },
  ],
});
