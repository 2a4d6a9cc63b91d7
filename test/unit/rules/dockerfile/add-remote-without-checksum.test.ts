import rule from '../../../../server/src/engine/rules/dockerfile/add-remote-without-checksum';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'pinned with a checksum',
      code: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2015d0a6c9e7d7f0 https://example.com/tool.tgz /tmp/\n',
    },
    {
      name: 'checksum as a build argument',
      code: 'FROM alpine:3.20\nARG TOOL_SHA\nADD --checksum=sha256:${TOOL_SHA} https://example.com/tool /usr/local/bin/tool\n',
    },
    { name: 'local files are not downloads', code: 'FROM alpine:3.20\nADD app.tar.gz /app\nADD conf /etc/conf\n' },
    { name: 'git over https: pin the ref instead', code: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.14.0 /src\n' },
    { name: 'git over ssh', code: 'FROM alpine:3.20\nADD git@github.com:moby/buildkit.git /src\nADD ssh://git@example.com/repo.git /repo\n' },
    { name: 'COPY never downloads', code: 'FROM alpine:3.20\nCOPY https-notes.txt /notes\n' },
    { name: 'a URL only known at build time is not guessed', code: 'FROM alpine:3.20\nARG URL\nADD ${URL} /tmp/x\n' },
    { name: 'half-typed', code: 'FROM alpine:3.20\nADD https://' },
    { name: 'empty', code: '' },
  ],
  invalid: [
    {
      name: 'a quoted URL is still downloaded',
      code: 'FROM alpine:3.20\nADD "https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64" /usr/local/bin/gosu\n',
      findings: [{ line: 2, column: 5, endColumn: 71, messageId: 'noChecksum' }],
      output: null,
    },
    {
      name: 'https download',
      code: 'FROM alpine:3.20\nADD https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64 /usr/local/bin/gosu\n',
      findings: [{ line: 2, column: 5, endColumn: 69, messageId: 'noChecksum' }],
      output: null,
    },
    {
      name: 'plain http says so',
      code: 'FROM alpine:3.20\nADD http://example.com/tool.tar.gz /opt/\n',
      findings: [{ line: 2, column: 5, endColumn: 35, messageId: 'noChecksumPlainHttp' }],
      output: null,
    },
    {
      name: 'other flags do not count as a checksum',
      code: 'FROM alpine:3.20\nADD --chown=1000:1000 --chmod=755 https://example.com/run.sh /run.sh\n',
      findings: [{ line: 2, column: 35, endColumn: 61, messageId: 'noChecksum' }],
      output: null,
    },
    {
      name: 'an empty checksum does not count',
      code: 'FROM alpine:3.20\nADD --checksum= https://example.com/a /a\n',
      findings: [{ line: 2, column: 17, messageId: 'noChecksum' }],
      output: null,
    },
    {
      name: 'exec form, several URLs, upper-case scheme',
      code: 'FROM alpine:3.20\nADD ["https://example.com/a", "HTTPS://example.com/b", "/dl/"]\n',
      findings: [
        { line: 2, column: 7, endColumn: 28, messageId: 'noChecksum' },
        { line: 2, column: 32, endColumn: 53, messageId: 'noChecksum' },
      ],
      output: null,
    },
    {
      name: 'ONBUILD ADD',
      code: 'FROM alpine:3.20\nONBUILD ADD https://example.com/hook.sh /hook.sh\n',
      findings: [{ line: 2, column: 13, messageId: 'noChecksum' }],
      output: null,
    },
    {
      name: 'a URL with a variable part is still a download',
      code: 'FROM alpine:3.20\nARG VERSION=1.2.3\nADD https://example.com/releases/${VERSION}/tool /usr/local/bin/tool\n',
      findings: [{ line: 3, column: 5, messageId: 'noChecksum' }],
      output: null,
    },
  ],
});
