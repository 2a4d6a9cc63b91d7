import rule from '../../../../server/src/engine/rules/dockerfile/apt-key-global-trust';
import { testRule } from '../../../support/rule-tester';

const F = 'FROM debian:12\n';

testRule(rule, {
  valid: [
    {
      name: 'a keyring named by signed-by',
      code:
        F +
        'RUN curl -fsSL https://download.docker.com/linux/debian/gpg | gpg --dearmor -o /usr/share/keyrings/docker.gpg \\\n && echo "deb [signed-by=/usr/share/keyrings/docker.gpg] https://download.docker.com/linux/debian bookworm stable" > /etc/apt/sources.list.d/docker.list\n',
    },
    { name: 'listing keys', code: F + 'RUN apt-key list && apt-key finger\n' },
    { name: 'apt-key as a word', code: F + 'RUN echo apt-key add is deprecated\n' },
    { name: '/etc/apt/keyrings is per source', code: F + 'RUN gpg --dearmor -o /etc/apt/keyrings/x.gpg < /tmp/x.asc\n' },
  ],
  invalid: [
    {
      name: 'curl | apt-key add -',
      code: F + 'RUN curl -fsSL https://example.com/key.asc | apt-key add -\n',
      findings: [{ line: 2, column: 46, endColumn: 57, messageId: 'aptKey', data: { subcommand: 'add' } }],
    },
    {
      name: 'sudo, adv --recv-keys, continuation with a comment',
      code:
        F +
        'RUN wget -qO- https://example.com/key | sudo apt-key add - \\\n# the vendor key\n && apt-key adv --keyserver hkps://keyserver.ubuntu.com --recv-keys ABCDEF\n',
      findings: [
        { line: 2, column: 46, messageId: 'aptKey' },
        { line: 4, column: 5, messageId: 'aptKey', data: { subcommand: 'adv' } },
      ],
    },
    {
      name: 'keys written to trusted.gpg.d are info',
      code:
        F +
        'RUN curl -fsSL https://example.com/key.gpg -o /etc/apt/trusted.gpg.d/vendor.gpg\nRUN curl -fsSL https://example.com/k | gpg --dearmor --output=/etc/apt/trusted.gpg.d/k.gpg\n',
      findings: [
        { line: 2, column: 47, messageId: 'trustedDirectory', data: { path: '/etc/apt/trusted.gpg.d/vendor.gpg' } },
        { line: 3, column: 54, messageId: 'trustedDirectory' },
      ],
    },
    {
      name: 'exec form, sh -c, heredoc, ONBUILD',
      code:
        F +
        'RUN ["apt-key", "add", "/tmp/key"]\nRUN ["sh", "-c", "apt-key add /tmp/key"]\nRUN <<EOF\napt-key add /tmp/key\nEOF\nONBUILD RUN apt-key add /tmp/key\n',
      findings: [
        { line: 2, column: 7, messageId: 'aptKey' },
        { line: 3, column: 19, messageId: 'aptKey' },
        { line: 5, column: 1, messageId: 'aptKey' },
        { line: 7, column: 13, messageId: 'aptKey' },
      ],
    },
  ],
});
