import rule from '../../../../server/src/engine/rules/dockerfile/pipe-to-shell';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'a PowerShell SHELL: POSIX pipes are not read (its own iwr | iex check still is)',
      code: 'FROM mcr.microsoft.com/powershell:7.4-debian-12\nSHELL ["pwsh", "-Command"]\nRUN Get-Content x.txt | Select-String sh\n',
    },
    {
      name: 'download, verify, run',
      code: 'FROM debian:12\nRUN curl -fsSL -o /tmp/setup.sh https://example.com/setup.sh \\\n && echo "abc  /tmp/setup.sh" | sha256sum -c - \\\n && bash /tmp/setup.sh\n',
    },
    {
      name: 'the download goes to a file, nothing through the pipe (issue 12)',
      code: 'FROM debian:12\nRUN curl -o setup.sh https://example.com/setup.sh | bash\nRUN curl -fsSLo /tmp/x.sh https://a | sh\nRUN curl --output=/tmp/x https://a | sh\nRUN curl -O https://a/x.sh | sh\nRUN curl --remote-name https://a/x.sh | sh\n',
    },
    {
      name: 'wget and fetch save to a file unless told to print',
      code: 'FROM debian:12\nRUN wget https://example.com/install.sh | sh\nRUN wget -q -O /tmp/i.sh https://a | sh\nRUN wget --output-document=/tmp/i https://a | sh\nRUN fetch https://a | sh\n',
    },
    { name: 'a substitution of a download saved to a file', code: 'FROM debian:12\nRUN bash <(curl -so /tmp/x https://a)\nRUN sh -c "$(wget https://a)"\n' },
    { name: 'a download unpacked by tar', code: 'FROM debian:12\nRUN curl -fsSL https://example.com/tool.tgz | tar xz -C /usr/local/bin\n' },
    {
      name: 'JSON parsed by python -c',
      code: 'FROM python:3.12\nRUN curl -s https://example.com/v.json | python3 -c "import json,sys; print(json.load(sys.stdin)[\'v\'])"\n',
    },
    { name: 'python -m json.tool', code: 'FROM python:3.12\nRUN curl -s https://example.com/v.json | python -m json.tool\n' },
    { name: 'the download is input to a script file', code: 'FROM debian:12\nRUN curl -s https://example.com/list | bash ./process.sh\n' },
    { name: 'sh -c with its own script', code: 'FROM debian:12\nRUN curl -s https://example.com/a | sh -c "cat > /tmp/a"\n' },
    { name: 'a local script piped into a shell', code: 'FROM debian:12\nCOPY setup.sh /tmp/\nRUN cat /tmp/setup.sh | sh\n' },
    { name: 'downloads and shells in separate commands', code: 'FROM debian:12\nRUN curl -fsSLO https://example.com/x.sh; sh -n x.sh\n' },
    {
      name: 'the output of a download given as an argument to a script',
      code: 'FROM debian:12\nRUN bash ./install.sh "$(curl -fsSL https://example.com/version)"\n',
    },
    { name: 'a process substitution read as data', code: 'FROM debian:12\nRUN diff <(curl -s https://a) <(curl -s https://b) || true\n' },
    { name: 'a heredoc that is not shell', code: 'FROM python:3.12\nRUN python3 <<EOF\nimport os\nprint("curl x | sh")\nEOF\n' },
    { name: 'in a comment', code: 'FROM debian:12\n# RUN curl https://example.com | sh\nRUN echo ok\n' },
    { name: 'half-typed pipes', code: 'FROM debian:12\nRUN curl https://example.com |' },
    { name: 'half-typed substitution', code: 'FROM debian:12\nRUN bash <(' },
    { name: 'empty RUN', code: 'FROM debian:12\nRUN' },
  ],
  invalid: [
    {
      name: 'curl | sh',
      code: 'FROM debian:12\nRUN curl -fsSL https://get.example.com | sh\n',
      findings: [{ line: 2, column: 5, endColumn: 44, messageId: 'pipe', data: { program: 'sh' } }],
      output: null,
    },
    {
      name: 'told to print after all: curl -o -, curl -o /dev/stdout, wget --output-document=-, fetch -o -, HTTPie',
      code: 'FROM debian:12\nRUN curl -fsSLo - https://a | sh\nRUN curl --output /dev/stdout https://b | bash\nRUN wget --output-document=- https://c | sh\nRUN fetch -o - https://d | sh\nRUN http https://e | sh\n',
      findings: [
        { line: 2, messageId: 'pipe', data: { program: 'sh' } },
        { line: 3, messageId: 'pipe', data: { program: 'bash' } },
        { line: 4, messageId: 'pipe', data: { program: 'sh' } },
        { line: 5, messageId: 'pipe', data: { program: 'sh' } },
        { line: 6, messageId: 'pipe', data: { program: 'sh' } },
      ],
      output: null,
    },
    {
      name: 'wget -O- | sudo bash',
      code: 'FROM debian:12\nRUN wget -qO- https://example.com/install.sh | sudo -E bash\n',
      findings: [{ line: 2, column: 5, endColumn: 60, messageId: 'pipe', data: { program: 'bash' } }],
      output: null,
    },
    {
      name: 'rustup style: sh -s -- -y',
      code: "FROM debian:12\nRUN curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y\n",
      findings: [{ line: 2, column: 5, endColumn: 67, messageId: 'pipe' }],
      output: null,
    },
    {
      name: 'bash - and python3 -',
      code: 'FROM debian:12\nRUN curl -fsSL https://deb.nodesource.com/setup_22.x | bash -\nRUN curl -sSL https://install.python-poetry.org | python3 -\n',
      findings: [
        { line: 2, column: 5, endColumn: 60, messageId: 'pipe' },
        { line: 3, column: 5, endColumn: 58, messageId: 'pipe', data: { program: 'python3' } },
      ],
      output: null,
    },
    {
      name: 'through tee, across continuation lines',
      code: 'FROM debian:12\nRUN curl -fsSL https://example.com/i.sh \\\n  | tee /tmp/i.sh \\\n  | bash\n',
      findings: [{ line: 2, column: 5, endLine: 4, endColumn: 9, messageId: 'pipe' }],
      output: null,
    },
    {
      name: 'process substitution',
      code: 'FROM debian:12\nRUN bash <(curl -fsSL https://example.com/i.sh) --prefix=/usr\n',
      findings: [{ line: 2, column: 5, endColumn: 48, messageId: 'processSubstitution' }],
      output: null,
    },
    {
      name: 'command substitution: sh -c, ruby -e, eval',
      code: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://a.example)"\nRUN ruby -e "$(curl -fsSL https://b.example)"\nRUN eval "$(wget -qO- https://c.example)"\n',
      findings: [
        { line: 2, column: 5, endColumn: 44, messageId: 'commandSubstitution', data: { program: 'sh' } },
        { line: 3, column: 5, messageId: 'commandSubstitution', data: { program: 'ruby' } },
        { line: 4, column: 5, messageId: 'commandSubstitution', data: { program: 'eval' } },
      ],
      output: null,
    },
    {
      name: 'inside a bash -c string',
      code: 'FROM debian:12\nRUN bash -c "curl -fsSL https://example.com | bash"\n',
      findings: [{ line: 2, column: 14, endColumn: 51, messageId: 'pipe' }],
      output: null,
    },
    {
      name: 'exec form',
      code: 'FROM debian:12\nRUN ["/bin/sh", "-c", "curl -fsSL https://example.com | sh"]\n',
      findings: [{ line: 2, column: 24, endColumn: 59, messageId: 'pipe' }],
      output: null,
    },
    {
      name: 'heredoc script',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\ncurl -fsSL https://example.com/i.sh | sh\nEOF\n',
      findings: [{ line: 4, column: 1, endColumn: 41, messageId: 'pipe' }],
      output: null,
    },
    {
      name: 'ONBUILD RUN',
      code: 'FROM debian:12\nONBUILD RUN curl -s https://example.com | bash\n',
      findings: [{ line: 2, column: 13, messageId: 'pipe' }],
      output: null,
    },
    {
      name: 'busybox wget into busybox sh',
      code: 'FROM busybox:1.36\nRUN busybox wget -qO- http://example.com/i.sh | busybox sh\n',
      findings: [{ line: 2, column: 13, endColumn: 59, messageId: 'pipe', data: { program: 'sh' } }],
      output: null,
    },
    {
      name: 'PowerShell iwr | iex and DownloadString',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command "iwr https://example.com/i.ps1 -UseBasicParsing | iex"\nRUN powershell iex ((New-Object System.Net.WebClient).DownloadString(\'https://community.chocolatey.org/install.ps1\'))\n',
      findings: [
        { line: 2, column: 26, endColumn: 78, messageId: 'invokeExpression' },
        { line: 3, column: 16, messageId: 'invokeExpression' },
      ],
      output: null,
    },
    {
      name: 'two pipelines in one RUN',
      code: 'FROM debian:12\nRUN curl -s https://a | sh && wget -qO- https://b | bash\n',
      findings: [
        { line: 2, column: 5, endColumn: 27, messageId: 'pipe' },
        { line: 2, column: 31, endColumn: 57, messageId: 'pipe' },
      ],
      output: null,
    },
    {
      name: 'the issue example: exec form running sh -c',
      code: 'FROM debian:12\nRUN ["sh", "-c", "curl https://x | sh"]\n',
      findings: [{ line: 2, column: 19, endColumn: 38, messageId: 'pipe' }],
      output: null,
    },
    {
      name: 'exec form through bash -lc and busybox sh -c',
      code: 'FROM alpine:3.20\nRUN ["/bin/bash", "-lc", "wget -qO- https://x/i.sh | bash"]\nRUN ["busybox", "sh", "-c", "wget -qO- https://x/i.sh | sh"]\n',
      findings: [
        { line: 2, column: 27, messageId: 'pipe' },
        { line: 3, column: 30, messageId: 'pipe' },
      ],
      output: null,
    },
    {
      name: 'a SHELL changed to bash is still read as POSIX code',
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x | bash\n',
      findings: [{ line: 3, column: 5, messageId: 'pipe' }],
      output: null,
    },
  ],
});
