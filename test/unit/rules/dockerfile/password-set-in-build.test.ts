import rule from '../../../../server/src/engine/rules/dockerfile/password-set-in-build';
import { testRule } from '../../../support/rule-tester';

const F = 'FROM debian:12-slim\n';

testRule(rule, {
  valid: [
    {
      name: 'a password read from a build secret, a variable or a file',
      code:
        F +
        'RUN --mount=type=secret,id=pw echo "app:$(cat /run/secrets/pw)" | chpasswd && echo "root:${ROOT_PW}" | chpasswd\nRUN chpasswd < /run/secrets/users && useradd -p "$HASH" app && openssl passwd -6 -stdin < /run/secrets/pw\n',
    },
    {
      name: 'accounts locked or without a password set',
      code: F + 'RUN useradd -r -u 10001 -s /usr/sbin/nologin app && passwd -l root && usermod -p "*" app && useradd -p ! svc && adduser -D -u 1000 web\n',
    },
    {
      name: 'look-alikes: a message, passwd options that set nothing, a grep',
      code: F + 'RUN echo "run chpasswd later" && passwd -S root && grep -q passwd /etc/nsswitch.conf && echo root:x:0:0 > /dev/null\n',
    },
    { name: 'half-typed', code: F + 'RUN echo root: | chpass' },
    { name: 'useradd -p with nothing after it', code: F + 'RUN useradd -p' },
  ],
  invalid: [
    {
      name: 'echo user:password piped into chpasswd, through sudo, and a here-string',
      code: F + 'RUN echo \'root:Docker!\' | chpasswd\nRUN echo app:s3cret | sudo /usr/sbin/chpasswd && chpasswd <<< "deploy:hunter2"\n',
      findings: [
        { line: 2, column: 10, endColumn: 24, messageId: 'literal', data: { tool: 'chpasswd', user: 'root' } },
        { line: 3, column: 10, endColumn: 20, messageId: 'literal', data: { user: 'app' } },
        { line: 3, column: 63, endColumn: 79, messageId: 'literal', data: { user: 'deploy' } },
      ],
    },
    {
      name: 'printf with a format, several users on lines, chpasswd -e',
      code: F + "RUN printf 'app:%s\\n' s3cret | chpasswd\nRUN printf 'a:x1\\nb:x2\\n' | chpasswd -e\n",
      findings: [
        { line: 2, column: 12, endColumn: 29, messageId: 'literal', data: { user: 'app' } },
        { line: 3, column: 12, endColumn: 26, messageId: 'hash', data: { tool: 'chpasswd', user: 'a, b' } },
      ],
    },
    {
      name: 'a password piped into passwd; passwd -d empties it',
      code: F + 'RUN echo -e "s3cret\\ns3cret" | passwd app\nRUN passwd -d root\n',
      findings: [
        { line: 2, column: 13, endColumn: 29, messageId: 'literal', data: { tool: 'passwd', user: 'app' } },
        { line: 3, column: 12, endColumn: 14, messageId: 'empty', data: { tool: 'passwd -d', user: 'root' } },
      ],
    },
    {
      name: "useradd -p with a hash, --password='…' (unquoted, $1 is the shell's), an empty password",
      code:
        F +
        "RUN useradd -m -s /bin/bash -p '$6$salt$abcdefghijklmnop' app\nRUN usermod --password='$1$x$yz' app && useradd -p '' guest\nRUN usermod --password=$1$x$yz app\n",
      findings: [
        { line: 2, column: 32, endColumn: 58, messageId: 'hash', data: { tool: 'useradd -p', user: 'app' } },
        { line: 3, column: 13, endColumn: 33, messageId: 'hash', data: { tool: 'usermod -p', user: 'app' } },
        { line: 3, column: 52, endColumn: 54, messageId: 'empty', data: { tool: "useradd -p ''", user: 'guest' } },
      ],
    },
    {
      name: 'the password given to openssl passwd or mkpasswd, inside a command substitution',
      code: F + 'RUN useradd -m -p "$(openssl passwd -6 -salt abc s3cret)" app && useradd -p $(mkpasswd -m sha-512 hunter2) ops\n',
      findings: [
        { line: 2, column: 50, endColumn: 56, messageId: 'literal', data: { tool: 'openssl passwd' } },
        { line: 2, column: 99, endColumn: 106, messageId: 'literal', data: { tool: 'mkpasswd' } },
      ],
    },
    {
      name: 'exec form, sh -c, heredoc and a continued line',
      code: F + 'RUN ["sh", "-c", "echo root:toor | chpasswd"]\nRUN <<EOF\necho ops:pa55 | chpasswd\nEOF\nRUN useradd app \\\n && echo app:pa55 | chpasswd\n',
      findings: [
        { line: 2, column: 24, endColumn: 33, messageId: 'literal', data: { user: 'root' } },
        { line: 4, column: 6, endColumn: 14, messageId: 'literal', data: { user: 'ops' } },
        { line: 7, column: 10, endColumn: 18, messageId: 'literal', data: { user: 'app' } },
      ],
    },
  ],
});
