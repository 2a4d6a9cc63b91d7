import rule from '../../../../server/src/engine/rules/dockerfile/add-instead-of-copy';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    { code: 'FROM alpine:3.20\nCOPY app /app\n' },
    { name: 'a local tar archive is what ADD is for', code: 'FROM scratch\nADD rootfs.tar.gz /\n' },
    {
      name: 'a quoted local archive: BuildKit removes the quotes and ADD unpacks it (issue 12: the fix to COPY broke the build)',
      code: 'FROM alpine:3.20\nADD "file.tgz" /dir/\nADD \'rootfs.tar.xz\' /\n',
    },
    { name: "a quoted remote URL is the checksum rule's business", code: 'FROM alpine:3.20\nADD "https://example.com/tool" /usr/local/bin/tool\n' },
    {
      name: 'every archive spelling',
      code: 'FROM scratch\nADD a.tar /a\nADD b.tgz /b\nADD c.tar.bz2 /c\nADD d.tbz2 /d\nADD e.tar.xz /e\nADD f.txz /f\nADD g.tar.zst /g\nADD h.TAR.GZ /h\n',
    },
    { name: 'remote URL: the checksum rule decides', code: 'FROM alpine:3.20\nADD https://example.com/tool /usr/local/bin/tool\n' },
    { name: 'git source over https', code: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.14.0 /src\n' },
    { name: 'git source over ssh', code: 'FROM alpine:3.20\nADD git@github.com:moby/buildkit.git /src\n' },
    { name: 'heredoc ADD', code: 'FROM alpine:3.20\nADD <<EOF /etc/motd\nhello\nEOF\n' },
    { name: 'a source known only at build time may be an archive', code: 'FROM alpine:3.20\nARG SRC\nADD ${SRC} /app\n' },
    { name: 'a glob ending in a wildcard may match an archive', code: 'FROM alpine:3.20\nADD dist/* /app/\n' },
    { name: 'mixed sources including an archive', code: 'FROM alpine:3.20\nADD config.yml vendor.tar.gz /app/\n' },
    { name: 'half-typed ADD', code: 'FROM alpine:3.20\nADD' },
    { name: 'half-typed ADD with a flag only', code: 'FROM alpine:3.20\nADD --chown=1:1 ' },
    { name: 'empty file', code: '' },
  ],
  invalid: [
    {
      name: 'plain local file',
      code: 'FROM alpine:3.20\nADD app.py /app/app.py\nCMD ["python", "/app/app.py"]\n',
      findings: [{ line: 2, column: 1, endColumn: 4, messageId: 'useCopy' }],
      output: 'FROM alpine:3.20\nCOPY app.py /app/app.py\nCMD ["python", "/app/app.py"]\n',
    },
    {
      name: 'a directory and COPY-compatible flags are kept',
      code: 'FROM nginx:1.27-alpine\nADD --chown=nginx:nginx --chmod=644 --link site/ /usr/share/nginx/html/\n',
      findings: [{ line: 2, column: 1, endColumn: 4, messageId: 'useCopy' }],
      output: 'FROM nginx:1.27-alpine\nCOPY --chown=nginx:nginx --chmod=644 --link site/ /usr/share/nginx/html/\n',
    },
    {
      name: 'lower-case keyword stays lower case',
      code: 'from alpine:3.20\nadd . /src\n',
      findings: [{ line: 2, messageId: 'useCopy' }],
      output: 'from alpine:3.20\ncopy . /src\n',
    },
    {
      name: 'exec form with a space in a name',
      code: 'FROM alpine:3.20\nADD ["my file.txt", "/data/"]\n',
      findings: [{ line: 2, messageId: 'useCopy' }],
      output: 'FROM alpine:3.20\nCOPY ["my file.txt", "/data/"]\n',
    },
    {
      name: 'ONBUILD ADD: only the trigger keyword changes',
      code: 'FROM alpine:3.20\nONBUILD ADD . /app/src\n',
      findings: [{ line: 2, column: 9, endColumn: 12, messageId: 'useCopy' }],
      output: 'FROM alpine:3.20\nONBUILD COPY . /app/src\n',
    },
    {
      name: 'an ADD-only flag: reported, but no fix',
      code: 'FROM alpine:3.20\nADD --keep-git-dir=true src /src\n',
      findings: [{ line: 2, messageId: 'useCopyWithoutFlags', data: { flags: 'keep-git-dir' } }],
      output: null,
    },
    {
      name: 'two ADDs, two fixes, continuation lines untouched',
      code: 'FROM alpine:3.20\nADD a.txt \\\n    b.txt /data/\nRUN ls /data\nADD conf/ /etc/app/\n',
      findings: [
        { line: 2, messageId: 'useCopy' },
        { line: 5, messageId: 'useCopy' },
      ],
      output: 'FROM alpine:3.20\nCOPY a.txt \\\n    b.txt /data/\nRUN ls /data\nCOPY conf/ /etc/app/\n',
    },
    {
      name: 'CRLF file',
      code: 'FROM alpine:3.20\r\nADD app /app\r\n',
      findings: [{ line: 2, messageId: 'useCopy' }],
      output: 'FROM alpine:3.20\r\nCOPY app /app\r\n',
    },
  ],
});
