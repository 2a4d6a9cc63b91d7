import rule from '../../../../server/src/engine/rules/dockerfile/world-writable-permissions';
import { testRule } from '../../../support/rule-tester';

const F = 'FROM debian:12\n';

testRule(rule, {
  valid: [
    { code: F + 'RUN chmod 755 /app && chmod +x /app/run.sh\n' },
    { name: 'removing write for others', code: F + 'RUN chmod -R o-w /app && chmod a-w /etc/app.conf\n' },
    { name: 'plain +w goes through the umask', code: F + 'RUN chmod +w /app/data\n' },
    { name: 'sticky world-writable temp directory', code: F + 'RUN mkdir -p /tmp/app && chmod 1777 /tmp/app\n' },
    { name: 'device nodes', code: F + 'RUN chmod 666 /dev/null /dev/zero\n' },
    { name: 'a mode from a variable is unknown', code: F + 'ARG MODE=755\nRUN chmod $MODE /app\n' },
    { name: 'chmod as an argument', code: F + 'RUN echo chmod 777 /app\n' },
    { name: 'a mode copied from a reference file', code: F + 'RUN chmod --reference=/etc/hosts /app\n' },
    { name: 'COPY with a safe mode, and --chown only', code: F + 'COPY --chmod=755 run.sh /usr/local/bin/\nCOPY --chown=app a /a\n' },
    { name: 'umask 022 and 002', code: F + 'RUN umask 022 && umask 0002\n' },
    { name: 'mkdir -p without a mode, install with a safe one', code: F + 'RUN mkdir -p /data && install -m 0755 app /usr/local/bin/app\n' },
    { name: 'half-typed', code: F + 'RUN chmod\nRUN chmod 7' },
  ],
  invalid: [
    {
      name: 'chmod -R 777 on the app directory (the issue example)',
      code: F + 'RUN chmod -R 777 /app\n',
      findings: [
        {
          line: 2,
          column: 14,
          endColumn: 17,
          messageId: 'worldWritable',
          data: { via: 'chmod', mode: '777', target: '/app' },
          suggestions: [{ title: /Use 775/, output: F + 'RUN chmod -R 775 /app\n' }],
        },
      ],
    },
    {
      name: 'recursive on a system path is an error; the option after the mode',
      code: F + 'RUN chmod 0777 -R /usr/local/\n',
      findings: [
        {
          line: 2,
          column: 11,
          messageId: 'systemPath',
          data: { target: '/usr/local', recursively: ' (recursively)' },
          suggestions: [{ output: F + 'RUN chmod 0775 -R /usr/local/\n' }],
        },
      ],
    },
    {
      name: 'a system file, not recursive',
      code: F + 'RUN chmod 666 /etc/passwd\n',
      findings: [{ line: 2, column: 11, messageId: 'systemPath', data: { recursively: '' }, suggestions: [{ output: F + 'RUN chmod 664 /etc/passwd\n' }] }],
    },
    {
      name: 'symbolic modes: a+w, ugo+rwx, o=rwx in a list',
      code: F + 'RUN chmod a+w /srv/x && chmod ugo+rwx /srv/y && chmod u+x,o=rwx /srv/z\n',
      findings: [
        {
          line: 2,
          column: 11,
          messageId: 'worldWritable',
          suggestions: [{ output: F + 'RUN chmod ug+w /srv/x && chmod ugo+rwx /srv/y && chmod u+x,o=rwx /srv/z\n' }],
        },
        {
          line: 2,
          column: 31,
          messageId: 'worldWritable',
          suggestions: [{ output: F + 'RUN chmod a+w /srv/x && chmod ug+rwx /srv/y && chmod u+x,o=rwx /srv/z\n' }],
        },
        {
          line: 2,
          column: 55,
          messageId: 'worldWritable',
          suggestions: [{ output: F + 'RUN chmod a+w /srv/x && chmod ugo+rwx /srv/y && chmod u+x /srv/z\n' }],
        },
      ],
    },
    {
      name: 'o+w alone has no mode left to suggest',
      code: F + 'RUN chmod o+w /srv/shared\n',
      findings: [{ line: 2, column: 11, messageId: 'worldWritable' }],
    },
    {
      name: 'COPY and ADD --chmod, lower-case, symbolic',
      code: F + 'COPY --chmod=777 . /app\nadd --chmod=u=rwx,g=rx,o=rwx app.tar.gz /opt/\n',
      findings: [
        {
          line: 2,
          column: 14,
          endColumn: 17,
          messageId: 'worldWritable',
          data: { via: 'COPY --chmod', target: '/app' },
          suggestions: [{ output: F + 'COPY --chmod=775 . /app\nadd --chmod=u=rwx,g=rx,o=rwx app.tar.gz /opt/\n' }],
        },
        {
          line: 3,
          column: 13,
          messageId: 'worldWritable',
          data: { via: 'ADD --chmod' },
          suggestions: [{ output: F + 'COPY --chmod=777 . /app\nadd --chmod=u=rwx,g=rx app.tar.gz /opt/\n' }],
        },
      ],
    },
    {
      name: 'find -exec chmod, xargs chmod, sticky but recursive',
      code: F + 'RUN find /app -type d -exec chmod 777 {} + \\\n && ls /data | xargs chmod 0666 \\\n && chmod -R 1777 /cache\n',
      findings: [
        {
          line: 2,
          column: 35,
          messageId: 'worldWritable',
          data: { target: '/app' },
          suggestions: [{ output: F + 'RUN find /app -type d -exec chmod 775 {} + \\\n && ls /data | xargs chmod 0666 \\\n && chmod -R 1777 /cache\n' }],
        },
        {
          line: 3,
          column: 28,
          messageId: 'worldWritable',
          suggestions: [{ output: F + 'RUN find /app -type d -exec chmod 777 {} + \\\n && ls /data | xargs chmod 0664 \\\n && chmod -R 1777 /cache\n' }],
        },
        {
          line: 4,
          column: 14,
          messageId: 'worldWritable',
          suggestions: [{ output: F + 'RUN find /app -type d -exec chmod 777 {} + \\\n && ls /data | xargs chmod 0666 \\\n && chmod -R 1775 /cache\n' }],
        },
      ],
    },
    {
      name: 'mkdir -m and install --mode=, with a comment inside the continuation',
      code: F + 'RUN mkdir -pm 777 /data \\\n# shared data\n && install --mode=0777 -d /uploads\n',
      findings: [
        {
          line: 2,
          column: 15,
          messageId: 'worldWritable',
          data: { via: 'mkdir -m' },
          suggestions: [{ output: F + 'RUN mkdir -pm 775 /data \\\n# shared data\n && install --mode=0777 -d /uploads\n' }],
        },
        {
          line: 4,
          column: 20,
          messageId: 'worldWritable',
          data: { via: 'install -m' },
          suggestions: [{ output: F + 'RUN mkdir -pm 777 /data \\\n# shared data\n && install --mode=0775 -d /uploads\n' }],
        },
      ],
    },
    {
      name: 'exec form, sh -c, heredoc, ONBUILD',
      code: F + 'RUN ["chmod", "777", "/app"]\nRUN ["sh", "-c", "chmod 666 /app/x"]\nRUN <<EOF\nchmod o+w /app/y\nEOF\nONBUILD RUN chmod 777 /app/z\n',
      findings: [
        {
          line: 2,
          column: 16,
          messageId: 'worldWritable',
          suggestions: [
            {
              output:
                F + 'RUN ["chmod", "775", "/app"]\nRUN ["sh", "-c", "chmod 666 /app/x"]\nRUN <<EOF\nchmod o+w /app/y\nEOF\nONBUILD RUN chmod 777 /app/z\n',
            },
          ],
        },
        {
          line: 3,
          column: 25,
          messageId: 'worldWritable',
          suggestions: [
            {
              output:
                F + 'RUN ["chmod", "777", "/app"]\nRUN ["sh", "-c", "chmod 664 /app/x"]\nRUN <<EOF\nchmod o+w /app/y\nEOF\nONBUILD RUN chmod 777 /app/z\n',
            },
          ],
        },
        { line: 5, column: 7, messageId: 'worldWritable' },
        {
          line: 7,
          column: 19,
          messageId: 'worldWritable',
          suggestions: [
            {
              output:
                F + 'RUN ["chmod", "777", "/app"]\nRUN ["sh", "-c", "chmod 666 /app/x"]\nRUN <<EOF\nchmod o+w /app/y\nEOF\nONBUILD RUN chmod 775 /app/z\n',
            },
          ],
        },
      ],
    },
    {
      name: 'umask 000 is reported at info',
      code: F + 'RUN umask 000 && make install\n',
      findings: [{ line: 2, column: 11, endColumn: 14, messageId: 'umask', data: { mode: '000' } }],
    },
  ],
});
