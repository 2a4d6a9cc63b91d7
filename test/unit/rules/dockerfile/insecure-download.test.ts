import rule from '../../../../server/src/engine/rules/dockerfile/insecure-download';
import { testRule } from '../../../support/rule-tester';

const F = 'FROM debian:12\n';

testRule(rule, {
  valid: [
    { code: F + 'RUN curl -fsSLo /tmp/x.tgz https://example.com/x.tgz\n' },
    { name: 'the build machine itself', code: F + 'RUN curl -fsS http://localhost:8080/x http://127.0.0.1/y && wget http://host.docker.internal:9000/z\n' },
    { name: 'an http proxy carries HTTPS', code: F + 'RUN curl -x http://proxy.corp:3128 -fsSLO https://example.com/x\n' },
    {
      name: "pip and npm indexes over HTTP are verification-disabled's",
      code: F + 'RUN pip install -i http://pypi.corp/simple flask && npm install --registry http://npm.corp express\n',
    },
    { name: 'a URL in a message is not downloaded', code: F + 'RUN echo "see http://example.com/docs" && cat /etc/hosts\n' },
    { name: "ADD http:// is add-remote-without-checksum's", code: F + 'ADD http://example.com/x.tgz /tmp/\n' },
    {
      name: "a trusted=yes source is verification-disabled's",
      code: F + 'RUN echo "deb [trusted=yes] http://repo.corp/debian ./" > /etc/apt/sources.list.d/corp.list\n',
    },
    { name: 'https sources', code: F + 'RUN echo "deb https://deb.debian.org/debian bookworm main" > /etc/apt/sources.list\n' },
  ],
  invalid: [
    {
      name: 'curl over http from a host that serves https',
      code: F + 'RUN curl -fsSLo /tmp/go.tgz http://dl.google.com/go/go1.22.linux-amd64.tar.gz\n',
      findings: [
        {
          line: 2,
          column: 29,
          endColumn: 78,
          messageId: 'download',
          suggestions: [{ title: /https/, output: F + 'RUN curl -fsSLo /tmp/go.tgz https://dl.google.com/go/go1.22.linux-amd64.tar.gz\n' }],
        },
      ],
    },
    {
      name: 'wget quoted, git clone, an unknown host has no suggestion',
      code: F + 'RUN wget -q "http://downloads.example.com/tool.sh" \\\n # the tool\n && git clone http://git.example.com/app.git /src\n',
      findings: [
        { line: 2, column: 14, messageId: 'download', data: { url: 'http://downloads.example.com/tool.sh' } },
        { line: 4, column: 15, messageId: 'download', data: { url: 'http://git.example.com/app.git' } },
      ],
    },
    {
      name: 'apt and apk sources are info',
      code:
        F +
        'RUN echo "deb http://deb.debian.org/debian bookworm main" > /etc/apt/sources.list \\\n && echo http://dl-cdn.alpinelinux.org/alpine/v3.20/main >> /etc/apk/repositories\n',
      findings: [
        {
          line: 2,
          column: 15,
          messageId: 'packageSource',
          suggestions: [
            {
              output:
                F +
                'RUN echo "deb https://deb.debian.org/debian bookworm main" > /etc/apt/sources.list \\\n && echo http://dl-cdn.alpinelinux.org/alpine/v3.20/main >> /etc/apk/repositories\n',
            },
          ],
        },
        {
          line: 3,
          column: 10,
          messageId: 'packageSource',
          suggestions: [
            {
              output:
                F +
                'RUN echo "deb http://deb.debian.org/debian bookworm main" > /etc/apt/sources.list \\\n && echo https://dl-cdn.alpinelinux.org/alpine/v3.20/main >> /etc/apk/repositories\n',
            },
          ],
        },
      ],
    },
    {
      name: 'repository options: apk --repository, dnf config-manager --add-repo, zypper ar, add-apt-repository',
      code:
        F +
        'RUN apk add --repository http://mirror.example.com/alpine/edge x\nRUN dnf config-manager --add-repo http://repo.example.com/x.repo\nRUN zypper ar http://repo.example.com/sle x\nRUN add-apt-repository "deb http://ppa.example.com/u jammy main"\n',
      findings: [
        { line: 2, column: 26, messageId: 'packageSource' },
        { line: 3, column: 35, messageId: 'packageSource' },
        { line: 4, column: 15, messageId: 'packageSource' },
        { line: 5, column: 29, messageId: 'packageSource' },
      ],
    },
    {
      name: 'exec form, sh -c, heredoc, ONBUILD, pip with a direct URL',
      code:
        F +
        'RUN ["curl", "-o", "/x", "http://example.com/x"]\nRUN ["sh", "-c", "wget http://example.com/y"]\nRUN <<EOF\ncurl -O http://example.com/z\nEOF\nONBUILD RUN python3 -m pip install http://example.com/pkg.tar.gz\n',
      findings: [
        { line: 2, column: 27, messageId: 'download' },
        { line: 3, column: 24, messageId: 'download' },
        { line: 5, column: 9, messageId: 'download' },
        { line: 7, column: 36, messageId: 'download' },
      ],
    },
  ],
});
