import rule from '../../../../server/src/engine/rules/dockerfile/unpinned-package';
import { testRule } from '../../../support/rule-tester';

const u = (line: number, pkg: string, column?: number) => ({ line, column, messageId: 'unpinned', data: { package: pkg } });

testRule(rule, {
  valid: [
    {
      name: 'apt: name=version, epochs and wildcards, a local .deb, -t release',
      code: 'FROM debian:12\nRUN apt-get -yqq --no-install-recommends install nodejs=0.10 \\\n  python-demjson=2.2.2* \\\n  git=1:2.5.0* ./wkhtmltox_0.12.5-1.bionic_amd64.deb \\\n  && apt-get install -y -t bookworm-backports openjdk-17-jdk=17.0.9+9-1~deb12u1\n',
    },
    {
      name: 'gem: a boolean after an option the rule does not know is its value, not a gem (hadolint DL3028)',
      code: 'FROM ruby:3.3\nRUN gem install bundler:2.0.1 --use-system-libraries true && gem install rake:13.2.1 --no-document --explain false\n',
    },
    { name: 'apt: versions in variables', code: 'FROM debian:12\nARG CURL_VERSION=7.88.1-10\nRUN apt-get install -y curl=${CURL_VERSION} $EXTRA_PACKAGES\n' },
    {
      name: 'apk: =, ~, --virtual name, --repository URL, -X URL, .apk file',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps flex=2.6.4-r1 git~2.45 --repository https://dl-cdn.alpinelinux.org/alpine/edge/testing -X https://x/y mypackage-1.1.1.apk\n',
    },
    {
      name: 'pip: specifiers, quoted ranges, requirements and constraints files, local paths, wheels, git refs, option values',
      code: "FROM python:3.12\nRUN pip install --no-cache-dir Flask==3.0.3 'alabaster>=0.7' 'b<0.7' 'c!=0.7' d~=1.2 e===1.0 pip=20.3 -r requirements.txt --requirement r2.txt . ./pkg mypkg.whl mypkg.tar.gz git+https://github.com/org/read-ext.git@0.6-alpha#egg=read-ext --index-url https://user:pass@eg.com/simple --trusted-host eg.com --target /opt/lib\nRUN pip install -c constraints.txt requests\nRUN python -m pip install --user six==1.16.0\n",
    },
    {
      name: 'npm/yarn/pnpm: @version, scoped with version, ranges, bare install, tarballs, folders, git with a ref',
      code: 'FROM node:22\nRUN npm install && npm ci && npm install express@4.1.1 @myorg/privatepackage@">=0.1.0 <0.2.0" --loglevel verbose sax@0.1.1 ./local-dir ../x pkg.tgz git+ssh://git@github.com:npm/cli.git#v1.0.27 --registry https://example.com/ -g typescript@5.4.5\nRUN yarn add react@18.3.1 && pnpm add lodash@4.17.21 && yarn install\n',
    },
    {
      name: 'gem: name:version, -v, --version=',
      code: "FROM ruby:3.3\nRUN gem install bundler:2.5.9 && gem i rails -v '7.1.3' && gem install puma --version='6.4.2' && gem install nokogiri:1.16.0 -- --use-system-libraries=true\n",
    },
    {
      name: 'go install with a version; local packages',
      code: 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.15.3 && go install -ldflags "-s -w" ./cmd/... && go install .\n',
    },
    {
      name: 'yum/dnf/microdnf: name-version, epochs, dashes in names, variables, modules with a stream, groups',
      code: 'FROM rockylinux:9\nRUN yum install -y tomcat-9.2 openssl-1:1.1.1k rpm-sign-4.16.1.3 gcc-c++-1.1.1 "git-core-${GIT_VER}" tomcat-$VERSION && dnf module install -y tomcat:9 && dnf group install -y "Development Tools" && dnf install -y @core\nRUN microdnf install -y shadow-utils-4.9\n',
    },
    {
      name: 'zypper: =, >=, escaped comparisons, an .rpm',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n install tomcat=9.0.39 tomcat\\>=9.0 a\\>9.0 b\\<=9.0 c\\<9.0 tomcat-9.0.39-1.rpm\n',
    },
    {
      name: 'not installs',
      code: 'FROM debian:12\nRUN apt-get update && apt-get remove -y curl && pip download x && npm run install && notdnf install tomcat && echo apt-get install curl\n',
    },
    { name: 'a PowerShell SHELL', code: 'FROM mcr.microsoft.com/powershell:7.4-debian-12\nSHELL ["pwsh", "-c"]\nRUN apt-get install -y curl\n' },
  ],
  invalid: [
    {
      name: 'apt: one finding per package, on the package, across continuation lines with a comment',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y \\\n    curl \\\n    # tools\n    git=1:2.39.2-1.1 \\\n    ca-certificates\n',
      findings: [u(3, 'curl', 5), u(6, 'ca-certificates', 5)],
      output: null,
    },
    {
      name: 'apt exec form, sh -c, heredoc, ONBUILD, lower-case run, release suffix is no version',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "python3"]\nRUN ["/bin/bash", "-c", "apt-get install -y jq"]\nRUN <<EOF\naptitude install -y vim\nEOF\nONBUILD RUN apt-get install -y make\nrun apt-get install -y nginx/bookworm-backports\n',
      findings: [u(2, 'python3', 29), u(3, 'jq'), u(5, 'vim', 21), u(7, 'make'), u(8, 'nginx/bookworm-backports')],
      output: null,
    },
    {
      name: 'apk: one bare package among pinned ones; --update, --dir with a value',
      code: 'FROM alpine:3.20\nRUN apk add --update py-pip=24.0-r2 libffi \\\n && apk add --dir /dir libimagequant\n',
      findings: [u(2, 'libffi'), u(3, 'libimagequant')],
      output: null,
    },
    {
      name: 'pip spellings, python -m pip, uv pip, an option value before, a git URL without a ref',
      code: 'FROM python:3.12\nRUN pip install MySQL_python && pip3 install --user pip && pip3.11 install a && python3 -m pip install example && uv pip install b \\\n && pip install --index-url https://eg.com/simple c git+https://github.com/org/read-ext.git#egg=read-ext\nRUN ["pip", "install", "connexion"]\n',
      findings: [
        u(2, 'MySQL_python'),
        u(2, 'pip'),
        u(2, 'a'),
        u(2, 'example'),
        u(2, 'b'),
        u(3, 'c'),
        u(3, 'git+https://github.com/org/read-ext.git#egg=read-ext'),
        u(4, 'connexion'),
      ],
      output: null,
    },
    {
      name: 'npm: bare names, scoped without a version, @latest, git without a ref, -g, exec form add, yarn and pnpm',
      code: 'FROM node:22\nRUN npm install express sax@0.1.1 @myorg/privatepackage && npm i -g @angular/cli && npm install sax@latest git://github.com/npm/cli.git --registry=https://x express2\nRUN ["npm", "add", "sax"]\nRUN yarn global add pm2 && pnpm add left-pad\n',
      findings: [
        u(2, 'express'),
        u(2, '@myorg/privatepackage'),
        u(2, '@angular/cli'),
        u(2, 'sax@latest'),
        u(2, 'git://github.com/npm/cli.git'),
        u(2, 'express2'),
        u(3, 'sax'),
        u(4, 'pm2'),
        u(4, 'left-pad'),
      ],
      output: null,
    },
    {
      name: 'gem: bare names, one pinned and one not; go install without a version or @latest',
      code: 'FROM ruby:3.3\nRUN gem i bundler && gem install bunlder:1 nokogiri\nFROM golang:1.22\nRUN go install golang.org/x/tools/gopls && go install -tags netgo github.com/x/y@latest\n',
      findings: [u(2, 'bundler'), u(2, 'nokogiri'), u(4, 'golang.org/x/tools/gopls'), u(4, 'github.com/x/y@latest')],
      output: null,
    },
    {
      name: 'yum, dnf, dnf5, microdnf, dnf module without a stream, zypper',
      code: 'FROM rockylinux:9\nRUN yum install -y httpd && yum clean all && dnf install -y rpm-sign && dnf5 in -y tomcat && dnf module install -y nodejs && microdnf install git\nFROM opensuse/leap:15.6\nRUN zypper -n in tomcat\n',
      findings: [u(2, 'httpd'), u(2, 'rpm-sign'), u(2, 'tomcat'), u(2, 'nodejs'), u(2, 'git'), u(4, 'tomcat')],
      output: null,
    },
    {
      name: 'microdnf module install without a stream, as dnf (hadolint DL3041)',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf module install -y tomcat && microdnf module install -y nodejs:20\n',
      findings: [{ ...u(2, 'tomcat'), data: { package: 'tomcat', pin: 'tomcat:<stream>' } }],
      output: null,
    },
  ],
});
