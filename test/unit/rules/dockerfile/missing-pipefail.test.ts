import rule from '../../../../server/src/engine/rules/dockerfile/missing-pipefail';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'no pipe', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl || true\n' },
    { name: 'only echo or printf feeds the pipe', code: 'FROM debian:12\nRUN echo "${SUM}  /tmp/x" | sha256sum -c - && printf x | tee /f\n' },
    { name: 'a quoted bar is no pipe', code: 'FROM debian:12\nRUN echo "a|b" && grep -E \'x|y\' f\n' },
    { name: 'set -o pipefail first (Trivy)', code: 'FROM debian:12\nRUN set -o pipefail && wget -O - https://x | wc -l > /n\n' },
    { name: 'set -euxo pipefail;', code: 'FROM debian:12\nRUN set -euxo pipefail; curl -fsSL https://x | tar -xz\n' },
    {
      name: 'SHELL with pipefail: bash -o, -eo, -e -o, -o errexit -o, zsh, /usr/bin/bash',
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN a | b\nSHELL ["bash", "-e", "-o", "pipefail", "-c"]\nRUN a | b\nSHELL ["/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]\nRUN a | b\nSHELL ["/usr/local/bin/zsh", "-o", "pipefail", "-c"]\nRUN a | b\nSHELL ["/usr/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n',
    },
    {
      name: 'pipefail SHELL inherited through FROM <stage>',
      code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN a | b\n',
    },
    {
      name: 'PowerShell and cmd shells',
      code: 'FROM mcr.microsoft.com/powershell:7.4-debian-12\nSHELL ["pwsh", "-Command"]\nRUN Get-ChildItem | Select-Object Name\nSHELL ["cmd.exe", "/S", "/C"]\nRUN dir | findstr x\n',
    },
    {
      name: 'exec form without a shell: the bar is an argument (KICS positive, deliberate)',
      code: 'FROM debian:12\nRUN [ "/bin/bash", "./some_output", "|", "./some_script" ]\n',
    },
    { name: 'exec form bash -o pipefail -c', code: 'FROM debian:12\nRUN ["/bin/bash", "-o", "pipefail", "-c", "curl -fsSL https://x | tar -xz"]\n' },
    { name: 'heredoc run by bash -o pipefail', code: 'FROM debian:12\nRUN bash -o pipefail <<EOF\ncurl -fsSL https://x | tar -xz\nEOF\n' },
    { name: 'heredoc setting pipefail first', code: 'FROM debian:12\nRUN <<EOF\nset -eo pipefail\ncurl -fsSL https://x | tar -xz\nEOF\n' },
  ],
  invalid: [
    {
      name: 'hadolint DL4006: a pipe under the default sh',
      code: 'FROM debian:12\nRUN wget -O - https://some.site | wc -l > /number\n',
      findings: [
        {
          line: 2,
          column: 33,
          endColumn: 34,
          messageId: 'pipe',
          suggestions: [{ output: 'FROM debian:12\nRUN set -o pipefail && wget -O - https://some.site | wc -l > /number\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'plain sh -o pipefail, bash without it, a later SHELL that drops it',
      code: 'FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\nSHELL ["/bin/bash", "-c"]\nRUN a | b\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nSHELL ["/bin/sh", "-c"]\nRUN a | b\n',
      findings: [
        {
          line: 3,
          messageId: 'pipe',
          suggestions: [
            {
              output:
                'FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN set -o pipefail && a | b\nSHELL ["/bin/bash", "-c"]\nRUN a | b\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nSHELL ["/bin/sh", "-c"]\nRUN a | b\n',
            },
          ],
        },
        {
          line: 5,
          messageId: 'pipe',
          suggestions: [
            {
              output:
                'FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\nSHELL ["/bin/bash", "-c"]\nRUN set -o pipefail && a | b\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nSHELL ["/bin/sh", "-c"]\nRUN a | b\n',
            },
          ],
        },
        {
          line: 9,
          messageId: 'pipe',
          suggestions: [
            {
              output:
                'FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\nSHELL ["/bin/bash", "-c"]\nRUN a | b\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nSHELL ["/bin/sh", "-c"]\nRUN set -o pipefail && a | b\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'pipefail SHELL in stage 1 does not cover a stage on another image',
      code: 'FROM debian:12 AS build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nFROM debian:12\nRUN c | d\n',
      findings: [
        {
          line: 5,
          column: 7,
          messageId: 'pipe',
          suggestions: [
            { output: 'FROM debian:12 AS build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nFROM debian:12\nRUN set -o pipefail && c | d\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'continuation lines with a comment, after a flag, pipefail set after the pipe, lower-case run, ONBUILD',
      code: 'FROM alpine:3.20\nrun --mount=type=cache,target=/root/.cache curl -fsSL https://x \\\n  # unpack\n  | tar -xz && set -o pipefail\nONBUILD RUN a | b\n',
      findings: [
        {
          line: 4,
          column: 3,
          messageId: 'pipe',
          suggestions: [
            {
              output:
                'FROM alpine:3.20\nrun --mount=type=cache,target=/root/.cache set -o pipefail && curl -fsSL https://x \\\n  # unpack\n  | tar -xz && set -o pipefail\nONBUILD RUN a | b\n',
            },
          ],
        },
        {
          line: 5,
          column: 15,
          messageId: 'pipe',
          suggestions: [
            {
              output:
                'FROM alpine:3.20\nrun --mount=type=cache,target=/root/.cache curl -fsSL https://x \\\n  # unpack\n  | tar -xz && set -o pipefail\nONBUILD RUN set -o pipefail && a | b\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'exec form sh -c and a heredoc script with a shebang',
      code: 'FROM debian:12\nRUN ["sh", "-c", "curl -fsSL https://x | tar -xz"]\nRUN <<EOF\n#!/bin/bash\ncurl -fsSL https://y | tar -xz\nEOF\n',
      findings: [
        {
          line: 2,
          column: 40,
          messageId: 'pipe',
          suggestions: [
            {
              output:
                'FROM debian:12\nRUN ["sh", "-c", "set -o pipefail && curl -fsSL https://x | tar -xz"]\nRUN <<EOF\n#!/bin/bash\ncurl -fsSL https://y | tar -xz\nEOF\n',
            },
          ],
        },
        {
          line: 5,
          column: 22,
          messageId: 'pipe',
          suggestions: [
            {
              output:
                'FROM debian:12\nRUN ["sh", "-c", "curl -fsSL https://x | tar -xz"]\nRUN <<EOF\n#!/bin/bash\nset -o pipefail\ncurl -fsSL https://y | tar -xz\nEOF\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'KICS negative with a pwsh command under the default sh is still an sh pipe (deliberate)',
      code: 'FROM debian:12\nRUN pwsh SOME_CMD | SOME_OTHER_CMD\n',
      findings: [
        { line: 2, column: 19, messageId: 'pipe', suggestions: [{ output: 'FROM debian:12\nRUN set -o pipefail && pwsh SOME_CMD | SOME_OTHER_CMD\n' }] },
      ],
      output: null,
    },
  ],
});
