import rule from '../../../../server/src/engine/rules/dockerfile/verification-disabled';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'a repository of packages the build made itself: deb [trusted=yes] file:/// (the official postgres images, issue 12)',
      code: 'FROM debian:12\nRUN echo "deb [ trusted=yes ] file:///tmp/packages ./" > /etc/apt/sources.list.d/temp.list\nRUN echo \'deb [trusted=yes] copy:/var/local/repo ./\' >> /etc/apt/sources.list\n',
    },
    {
      name: 'apk index --allow-untrusted over the packages just built (issue 12)',
      code: 'FROM alpine:3.20\nRUN abuild -r && apk index --allow-untrusted -o /tmp/packages/APKINDEX.tar.gz /tmp/packages/*.apk\n',
    },
    {
      name: 'a downloaded package checked with gpg --verify before apk add --allow-untrusted (issue 12)',
      code: 'FROM alpine:3.20\nRUN curl -fsSLo x.apk https://example.com/x.apk && curl -fsSLo x.apk.asc https://example.com/x.apk.asc \\\n && gpg --batch --verify x.apk.asc x.apk && apk add --allow-untrusted ./x.apk\n',
    },
    {
      name: 'a downloaded package checked with its checksum, and local packages of every manager',
      code: 'FROM fedora:40\nRUN wget -q https://example.com/z.rpm && echo "abc  z.rpm" | sha256sum -c - && rpm -i --nosignature z.rpm\nCOPY x.rpm /tmp/\nRUN dnf install -y --nogpgcheck /tmp/x.rpm && zypper --no-gpg-checks in ./y.rpm\n',
    },
    {
      name: 'gpgcheck=0 for a repository on this machine',
      code: 'FROM fedora:40\nRUN printf "[local]\\nname=local\\nbaseurl=file:///tmp/repo\\ngpgcheck=0\\n" > /etc/yum.repos.d/local.repo\n',
    },
    { name: 'curl with ordinary flags', code: 'FROM debian:12\nRUN curl -fsSL https://example.com -o /tmp/x\n' },
    { name: '-k as the value of -o is a file name', code: 'FROM debian:12\nRUN curl -o -k https://example.com\n' },
    { name: 'a k inside an option value', code: 'FROM debian:12\nRUN curl -sSL -H "X-Flag: -k" -A kube https://example.com -o k\n' },
    { name: 'a value-taking letter ends the cluster', code: 'FROM debian:12\nRUN curl -sok https://example.com\n' },
    { name: '-k after -- is an argument', code: 'FROM debian:12\nRUN curl -s -- -k\n' },
    { name: 'wget with certificate checks', code: 'FROM debian:12\nRUN wget -qO- https://example.com > /tmp/x\n' },
    { name: 'other programs with -k', code: 'FROM debian:12\nRUN ssh-keygen -k -f x || true\nRUN sort -k 2 file\n' },
    { name: 'pip over https', code: 'FROM python:3.12\nRUN pip install --index-url https://pypi.example.com/simple -r requirements.txt\n' },
    { name: 'npm strict-ssl true', code: 'FROM node:22\nRUN npm config set strict-ssl true && npm ci\n' },
    { name: 'git sslVerify true', code: 'FROM debian:12\nRUN git config --global http.sslVerify true\n' },
    { name: 'sed turning gpgcheck on', code: "FROM rockylinux:9\nRUN sed -i 's/gpgcheck=0/gpgcheck=1/' /etc/yum.repos.d/x.repo\n" },
    { name: 'dnf with signature checks', code: 'FROM rockylinux:9\nRUN dnf install -y --setopt=install_weak_deps=False nginx\n' },
    { name: 'docker content trust explicitly on', code: 'FROM docker:27\nRUN docker pull --disable-content-trust=false alpine\nENV DOCKER_CONTENT_TRUST=1\n' },
    {
      name: 'safe environment values',
      code: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1 GOSUMDB=sum.golang.org NPM_CONFIG_STRICT_SSL=true\nARG GOINSECURE\n',
    },
    { name: 'the flag in a comment', code: 'FROM debian:12\n# RUN curl -k https://example.com\nRUN true\n' },
    { name: 'half-typed', code: 'FROM debian:12\nRUN curl -' },
    { name: 'half-typed ENV', code: 'FROM debian:12\nENV NODE_TLS_REJECT_UNAUTHORIZED' },
    { name: 'empty', code: '' },
  ],
  invalid: [
    {
      name: 'a local package file that was downloaded and never checked',
      code: 'FROM alpine:3.20\nRUN curl -fsSLo x.apk https://example.com/x.apk && apk add --allow-untrusted ./x.apk\nADD https://example.com/y.apk /tmp/\nRUN apk add --allow-untrusted /tmp/y.apk\n',
      findings: [
        {
          line: 2,
          messageId: 'signature',
          suggestions: [
            {
              output:
                'FROM alpine:3.20\nRUN curl -fsSLo x.apk https://example.com/x.apk && apk add ./x.apk\nADD https://example.com/y.apk /tmp/\nRUN apk add --allow-untrusted /tmp/y.apk\n',
            },
          ],
        },
        {
          line: 4,
          messageId: 'signature',
          suggestions: [
            {
              output:
                'FROM alpine:3.20\nRUN curl -fsSLo x.apk https://example.com/x.apk && apk add --allow-untrusted ./x.apk\nADD https://example.com/y.apk /tmp/\nRUN apk add /tmp/y.apk\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'trusted=yes and gpgcheck=0 for remote repositories',
      code: 'FROM debian:12\nRUN echo "deb [trusted=yes] https://repo.example.com ./" > /etc/apt/sources.list.d/x.list\nRUN printf "[x]\\nbaseurl=file:///tmp/a\\n[y]\\nbaseurl=https://example.com/\\ngpgcheck=0\\n" > /etc/yum.repos.d/y.repo\n',
      findings: [
        { line: 2, messageId: 'signature' },
        { line: 3, messageId: 'signature' },
      ],
      output: null,
    },
    {
      name: 'curl -k: the suggestion removes the flag and its space',
      code: 'FROM debian:12\nRUN curl -k https://example.com/x -o /x\n',
      findings: [
        {
          line: 2,
          column: 10,
          endColumn: 12,
          messageId: 'tls',
          data: { what: 'curl -k accepts any TLS certificate, so a machine in the middle can serve anything' },
          suggestions: [{ title: /Remove -k/, output: 'FROM debian:12\nRUN curl https://example.com/x -o /x\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'a letter of a combined flag: only the letter goes',
      code: 'FROM debian:12\nRUN curl -fsSLk https://example.com/x | tar xz\n',
      findings: [
        {
          line: 2,
          column: 15,
          endColumn: 16,
          messageId: 'tls',
          suggestions: [{ title: /Remove -k from -fsSLk/, output: 'FROM debian:12\nRUN curl -fsSL https://example.com/x | tar xz\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'a letter inside a quoted cluster',
      code: "FROM debian:12\nRUN curl '-sk' https://example.com\n",
      findings: [{ line: 2, column: 13, endColumn: 14, messageId: 'tls', suggestions: [{ output: "FROM debian:12\nRUN curl '-s' https://example.com\n" }] }],
      output: null,
    },
    {
      name: '--insecure at the end of the command',
      code: 'FROM debian:12\nRUN curl -fsSL https://example.com/x --insecure',
      findings: [{ line: 2, column: 38, endColumn: 48, messageId: 'tls', suggestions: [{ output: 'FROM debian:12\nRUN curl -fsSL https://example.com/x' }] }],
      output: null,
    },
    {
      name: 'a flag alone on a continuation line takes its line',
      code: 'FROM debian:12\nRUN curl -fsSL \\\n    --insecure \\\n    https://example.com/x\n',
      findings: [{ line: 3, column: 5, messageId: 'tls', suggestions: [{ output: 'FROM debian:12\nRUN curl -fsSL \\\n    https://example.com/x\n' }] }],
      output: null,
    },
    {
      name: 'a flag alone on the last continuation line takes the continuation',
      code: 'FROM debian:12\nRUN wget -q https://example.com/x \\\n    --no-check-certificate\nCMD ["x"]\n',
      findings: [
        {
          line: 3,
          column: 5,
          messageId: 'tls',
          data: { what: 'wget --no-check-certificate accepts any TLS certificate, so a machine in the middle can serve anything' },
          suggestions: [{ output: 'FROM debian:12\nRUN wget -q https://example.com/x\nCMD ["x"]\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'exec form: the element and its comma go',
      code: 'FROM debian:12\nRUN ["curl", "-k", "-o", "/x", "https://example.com/x"]\n',
      findings: [
        {
          line: 2,
          column: 15,
          endColumn: 17,
          messageId: 'tls',
          suggestions: [{ output: 'FROM debian:12\nRUN ["curl", "-o", "/x", "https://example.com/x"]\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'exec form, last element',
      code: 'FROM debian:12\nRUN ["apk", "add", "tool", "--allow-untrusted"]\n',
      findings: [
        {
          line: 2,
          column: 29,
          messageId: 'signature',
          data: { what: 'apk --allow-untrusted installs packages without checking their signatures' },
          suggestions: [{ output: 'FROM debian:12\nRUN ["apk", "add", "tool"]\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'inside sh -c and $(…)',
      code: 'FROM debian:12\nRUN sh -c "curl -k https://a | tar x" && echo "$(wget --no-check-certificate -qO- https://b)"\n',
      findings: [
        {
          line: 2,
          column: 17,
          endColumn: 19,
          messageId: 'tls',
          suggestions: [{ output: 'FROM debian:12\nRUN sh -c "curl https://a | tar x" && echo "$(wget --no-check-certificate -qO- https://b)"\n' }],
        },
        {
          line: 2,
          column: 55,
          endColumn: 77,
          messageId: 'tls',
          suggestions: [{ output: 'FROM debian:12\nRUN sh -c "curl -k https://a | tar x" && echo "$(wget -qO- https://b)"\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'package managers that skip signatures',
      code: 'FROM debian:12\nRUN apt-get install -y --allow-unauthenticated curl\n',
      findings: [
        {
          line: 2,
          column: 24,
          endColumn: 47,
          messageId: 'signature',
          data: { what: 'apt-get --allow-unauthenticated installs packages without checking their signatures' },
          suggestions: [{ title: /signature checks back on/, output: 'FROM debian:12\nRUN apt-get install -y curl\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'more package managers, packages from repositories and URLs',
      code: 'FROM rockylinux:9\nRUN apt-get -y --force-yes install x && apt-get update --allow-insecure-repositories && apk add --allow-untrusted x && yum install -y --nogpgcheck x && microdnf install --nogpgcheck y && zypper --no-gpg-checks in z && rpm -i --nosignature https://example.com/z.rpm\n',
      findings: [
        {
          line: 2,
          messageId: 'signature',
          data: { what: 'apt-get --force-yes installs unauthenticated packages among other things it forces' },
          suggestions: [
            {
              output:
                'FROM rockylinux:9\nRUN apt-get -y install x && apt-get update --allow-insecure-repositories && apk add --allow-untrusted x && yum install -y --nogpgcheck x && microdnf install --nogpgcheck y && zypper --no-gpg-checks in z && rpm -i --nosignature https://example.com/z.rpm\n',
            },
          ],
        },
        {
          line: 2,
          messageId: 'signature',
          data: { what: 'apt-get --allow-insecure-repositories reads package lists that are not signed' },
          suggestions: [
            {
              output:
                'FROM rockylinux:9\nRUN apt-get -y --force-yes install x && apt-get update && apk add --allow-untrusted x && yum install -y --nogpgcheck x && microdnf install --nogpgcheck y && zypper --no-gpg-checks in z && rpm -i --nosignature https://example.com/z.rpm\n',
            },
          ],
        },
        {
          line: 2,
          messageId: 'signature',
          data: { what: 'apk --allow-untrusted installs packages without checking their signatures' },
          suggestions: [
            {
              output:
                'FROM rockylinux:9\nRUN apt-get -y --force-yes install x && apt-get update --allow-insecure-repositories && apk add x && yum install -y --nogpgcheck x && microdnf install --nogpgcheck y && zypper --no-gpg-checks in z && rpm -i --nosignature https://example.com/z.rpm\n',
            },
          ],
        },
        {
          line: 2,
          messageId: 'signature',
          data: { what: 'dnf --nogpgcheck installs packages without checking their signatures' },
          suggestions: [
            {
              output:
                'FROM rockylinux:9\nRUN apt-get -y --force-yes install x && apt-get update --allow-insecure-repositories && apk add --allow-untrusted x && yum install -y x && microdnf install --nogpgcheck y && zypper --no-gpg-checks in z && rpm -i --nosignature https://example.com/z.rpm\n',
            },
          ],
        },
        {
          line: 2,
          messageId: 'signature',
          data: { what: 'dnf --nogpgcheck installs packages without checking their signatures' },
          suggestions: [
            {
              output:
                'FROM rockylinux:9\nRUN apt-get -y --force-yes install x && apt-get update --allow-insecure-repositories && apk add --allow-untrusted x && yum install -y --nogpgcheck x && microdnf install y && zypper --no-gpg-checks in z && rpm -i --nosignature https://example.com/z.rpm\n',
            },
          ],
        },
        {
          line: 2,
          messageId: 'signature',
          data: { what: 'zypper --no-gpg-checks installs packages without checking their signatures' },
          suggestions: [
            {
              output:
                'FROM rockylinux:9\nRUN apt-get -y --force-yes install x && apt-get update --allow-insecure-repositories && apk add --allow-untrusted x && yum install -y --nogpgcheck x && microdnf install --nogpgcheck y && zypper in z && rpm -i --nosignature https://example.com/z.rpm\n',
            },
          ],
        },
        {
          line: 2,
          messageId: 'signature',
          data: { what: 'rpm --nosignature installs packages without checking their signatures' },
          suggestions: [
            {
              output:
                'FROM rockylinux:9\nRUN apt-get -y --force-yes install x && apt-get update --allow-insecure-repositories && apk add --allow-untrusted x && yum install -y --nogpgcheck x && microdnf install --nogpgcheck y && zypper --no-gpg-checks in z && rpm -i https://example.com/z.rpm\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'dnf setopt and repository files',
      code: "FROM rockylinux:9\nRUN dnf install -y --setopt=sslverify=0 --setopt='*.gpgcheck=0' x\nRUN echo 'gpgcheck=0' >> /etc/yum.repos.d/x.repo\nRUN sed -i 's/gpgcheck=1/gpgcheck=0/' /etc/dnf/dnf.conf\n",
      findings: [
        { line: 2, column: 29, endColumn: 40, messageId: 'tls', data: { what: 'TLS certificates are not verified (sslverify off)' } },
        { line: 2, column: 53, messageId: 'signature', data: { what: 'Packages are installed without checking their signatures (gpgcheck=0)' } },
        { line: 3, column: 11, messageId: 'signature' },
        { line: 4, column: 26, endColumn: 36, messageId: 'signature' },
      ],
      output: null,
    },
    {
      name: 'apt sources and options',
      code: "FROM debian:12\nRUN echo 'deb [trusted=yes] http://repo.example.com stable main' > /etc/apt/sources.list.d/x.list\nRUN apt-get -o Acquire::https::Verify-Peer=false -o APT::Get::AllowUnauthenticated=true update\n",
      findings: [
        { line: 2, column: 16, endColumn: 27, messageId: 'signature', data: { what: 'apt trusts this source without checking its signature ([trusted=yes])' } },
        { line: 3, column: 32, messageId: 'tls', data: { what: 'apt accepts any TLS certificate (Verify-Peer false)' } },
        { line: 3, column: 63, messageId: 'signature' },
      ],
      output: null,
    },
    {
      name: 'pip trusted hosts and plain-HTTP indexes',
      code: 'FROM python:3.12\nRUN pip install --trusted-host pypi.example.com -i http://pypi.example.com/simple x\nRUN python3 -m pip install --index-url=http://m.example.com/simple y && pip config set global.trusted-host m.example.com\n',
      findings: [
        { line: 2, column: 17, endColumn: 48, messageId: 'tls', data: { what: 'pip skips TLS verification for this host (trusted-host)' } },
        {
          line: 2,
          column: 49,
          endColumn: 82,
          messageId: 'plainHttp',
          data: { what: 'Packages come from a plain-HTTP index, which anyone on the path can tamper with' },
        },
        { line: 3, column: 28, messageId: 'plainHttp', data: { what: 'Packages come from a plain-HTTP index, which anyone on the path can tamper with' } },
        { line: 3, column: 88, messageId: 'tls', data: { what: 'pip skips TLS verification for this host (trusted-host)' } },
      ],
      output: null,
    },
    {
      name: 'npm, yarn, git and conda settings',
      code: 'FROM node:22\nRUN npm config set strict-ssl false && yarn config set strict-ssl false && npm --strict-ssl=false ci && npm install --no-strict-ssl\nRUN git config --global http.sslVerify false && git -c http.sslVerify=false clone https://example.com/r.git\nRUN conda config --set ssl_verify false && npm config set registry http://registry.example.com/\n',
      findings: [
        { line: 2, column: 20, endColumn: 36, messageId: 'tls' },
        { line: 2, column: 56, endColumn: 72, messageId: 'tls' },
        { line: 2, column: 80, endColumn: 98, messageId: 'tls' },
        {
          line: 2,
          column: 117,
          endColumn: 132,
          messageId: 'tls',
          suggestions: [
            {
              output:
                'FROM node:22\nRUN npm config set strict-ssl false && yarn config set strict-ssl false && npm --strict-ssl=false ci && npm install\nRUN git config --global http.sslVerify false && git -c http.sslVerify=false clone https://example.com/r.git\nRUN conda config --set ssl_verify false && npm config set registry http://registry.example.com/\n',
            },
          ],
        },
        { line: 3, column: 25, endColumn: 45, messageId: 'tls', data: { what: 'git accepts any TLS certificate (http.sslVerify false)' } },
        { line: 3, column: 56, endColumn: 76, messageId: 'tls' },
        { line: 4, column: 24, messageId: 'tls', data: { what: 'conda accepts any TLS certificate (ssl_verify false)' } },
        { line: 4, column: 59, messageId: 'plainHttp', data: { what: 'Packages come from a plain-HTTP registry, which anyone on the path can tamper with' } },
      ],
      output: null,
    },
    {
      name: 'environment in ENV and ARG: the assignment is the range',
      code: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=0 \\\n    GIT_SSL_NO_VERIFY=false\nARG GOSUMDB=off\nENV GOFLAGS="-mod=mod -insecure" GONOSUMDB=example.com/private PIP_TRUSTED_HOST=pypi.example.com\nENV DOCKER_CONTENT_TRUST=0 PYTHONHTTPSVERIFY=0 NPM_CONFIG_STRICT_SSL=false GOINSECURE=example.com\n',
      findings: [
        { line: 2, column: 5, endColumn: 35, messageId: 'tls', data: { what: 'Node.js accepts any TLS certificate (NODE_TLS_REJECT_UNAUTHORIZED=0)' } },
        {
          line: 3,
          column: 5,
          endColumn: 28,
          messageId: 'tls',
          data: { what: 'git accepts any TLS certificate (GIT_SSL_NO_VERIFY is set, whatever its value)' },
        },
        {
          line: 4,
          column: 5,
          endColumn: 16,
          messageId: 'checksum',
          data: { what: 'go does not check module checksums against the checksum database (GOSUMDB=off)' },
        },
        { line: 5, column: 5, messageId: 'tls', data: { what: 'go fetches modules over unverified connections (GOFLAGS=-insecure)' } },
        { line: 5, column: 34, messageId: 'checksum', data: { what: 'go does not check these modules against the checksum database' } },
        { line: 5, column: 64, messageId: 'tls', data: { what: 'pip skips TLS verification for these hosts (PIP_TRUSTED_HOST)' } },
        { line: 6, column: 5, messageId: 'signature', data: { what: 'Docker pulls images without verifying their signatures (DOCKER_CONTENT_TRUST off)' } },
        { line: 6, column: 28, messageId: 'tls', data: { what: 'Python accepts any HTTPS certificate (PYTHONHTTPSVERIFY=0)' } },
        { line: 6, column: 48, messageId: 'tls', data: { what: 'npm accepts any TLS certificate (npm_config_strict_ssl=false)' } },
        { line: 6, column: 76, messageId: 'tls', data: { what: 'go fetches these modules without TLS verification (GOINSECURE)' } },
      ],
      output: null,
    },
    {
      name: 'environment in RUN: export and inline assignments',
      code: 'FROM node:22\nRUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && GIT_SSL_NO_VERIFY=1 git clone https://example.com/r.git && env GOSUMDB=off go mod download\n',
      findings: [
        { line: 2, column: 12, endColumn: 42, messageId: 'tls' },
        { line: 2, column: 46, endColumn: 65, messageId: 'tls' },
        { line: 2, column: 109, endColumn: 120, messageId: 'checksum' },
      ],
      output: null,
    },
    {
      name: 'ssh host key checks',
      code: 'FROM debian:12\nRUN GIT_SSH_COMMAND="ssh -o StrictHostKeyChecking=no" git clone git@example.com:r.git\nENV GIT_SSH_COMMAND="ssh -o StrictHostKeyChecking=no"\n',
      findings: [
        { line: 2, column: 5, messageId: 'hostKey', data: { what: 'SSH does not check host keys, so any server can pose as the host' } },
        { line: 3, column: 5, messageId: 'hostKey' },
      ],
      output: null,
    },
    {
      name: 'configuration written by heredocs',
      code: 'FROM rockylinux:9\nRUN cat > /etc/yum.repos.d/x.repo <<EOF\n[x]\nbaseurl=https://repo.example.com\ngpgcheck=0\nEOF\nCOPY <<EOF /etc/apt/apt.conf.d/99insecure\nAcquire::https::Verify-Peer "false";\nEOF\n',
      findings: [
        { line: 5, column: 1, endColumn: 11, messageId: 'signature' },
        { line: 8, column: 17, endColumn: 36, messageId: 'tls' },
      ],
      output: null,
    },
    {
      name: 'ONBUILD RUN and a heredoc script',
      code: 'FROM debian:12\nONBUILD RUN wget --no-check-certificate https://example.com/x\nRUN <<EOF\ncurl --insecure https://example.com/y\nEOF\n',
      findings: [
        {
          line: 2,
          column: 18,
          endColumn: 40,
          messageId: 'tls',
          suggestions: [{ output: 'FROM debian:12\nONBUILD RUN wget https://example.com/x\nRUN <<EOF\ncurl --insecure https://example.com/y\nEOF\n' }],
        },
        {
          line: 4,
          column: 6,
          endColumn: 16,
          messageId: 'tls',
          suggestions: [
            { output: 'FROM debian:12\nONBUILD RUN wget --no-check-certificate https://example.com/x\nRUN <<EOF\ncurl https://example.com/y\nEOF\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'PowerShell',
      code: 'FROM mcr.microsoft.com/powershell:7.4-ubuntu-22.04\nRUN pwsh -Command "Invoke-WebRequest -Uri https://example.com/x.zip -OutFile x.zip -SkipCertificateCheck"\nRUN powershell -Command "[System.Net.ServicePointManager]::ServerCertificateValidationCallback = {$true}; iwr https://example.com"\n',
      findings: [
        { line: 2, column: 84, endColumn: 105, messageId: 'tls', data: { what: 'PowerShell accepts any TLS certificate (-SkipCertificateCheck)' } },
        { line: 3, column: 60, messageId: 'tls', data: { what: '.NET accepts any TLS certificate (ServerCertificateValidationCallback = {$true})' } },
      ],
      output: null,
    },
    {
      name: 'other tools',
      code: 'FROM alpine:3.20\nRUN helm repo add x https://charts.example.com --insecure-skip-tls-verify && skopeo copy --src-tls-verify=false docker://a docker://b && mvn -Dmaven.wagon.http.ssl.insecure=true package && composer config -g disable-tls true\n',
      findings: [
        {
          line: 2,
          messageId: 'tls',
          data: { what: 'helm --insecure-skip-tls-verify accepts any TLS certificate, so a machine in the middle can serve anything' },
          suggestions: [
            {
              output:
                'FROM alpine:3.20\nRUN helm repo add x https://charts.example.com && skopeo copy --src-tls-verify=false docker://a docker://b && mvn -Dmaven.wagon.http.ssl.insecure=true package && composer config -g disable-tls true\n',
            },
          ],
        },
        { line: 2, messageId: 'tls', data: { what: 'Registry TLS certificates are not verified (tls-verify=false)' } },
        { line: 2, messageId: 'tls', data: { what: 'Maven accepts any TLS certificate' } },
        { line: 2, messageId: 'tls', data: { what: 'composer downloads without TLS (disable-tls)' } },
      ],
      output: null,
    },
  ],
});
