import rule from '../../../../server/src/engine/rules/dockerfile/package-cache-kept';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'lists removed by folder', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl; rm -r /var/lib/apt/lists\n' },
    {
      name: 'apt cache mount',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl\n',
    },
    {
      name: 'apt lists cache mount with dst=',
      code: 'FROM debian:12\nRUN --mount=type=cache,dst=/var/lib/apt/lists apt-get update && apt-get install -y curl\n',
    },
    { name: 'apk --no-cache', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
    { name: 'apk --no-cache before add', code: 'FROM alpine:3.20\nRUN apk --no-cache add curl\n' },
    { name: 'apk cache removed', code: 'FROM alpine:3.20\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n' },
    { name: 'apk cache mount', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n' },
    { name: 'yum clean all', code: 'FROM centos:7\nRUN yum install -y curl && yum clean all\n' },
    { name: 'dnf clean all', code: 'FROM fedora:40\nRUN dnf install -y curl && dnf clean all\n' },
    { name: 'microdnf clean all', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y curl && microdnf clean all\n' },
    { name: 'dnf cache removed', code: 'FROM fedora:40\nRUN dnf install -y curl && rm -rf /var/cache/dnf\n' },
    {
      name: 'builder stages may keep caches: they never ship',
      code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nRUN apk add gcc\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out /out\n',
    },
    { name: 'no install', code: 'FROM debian:12\nRUN apt-get purge -y curl && apk del curl && dnf remove -y curl\n' },
    {
      name: 'apt-get dist-clean removes the lists (Debian trixie images end with it)',
      code: 'FROM debian:13\nRUN apt-get update && apt-get install -y curl && apt-get dist-clean\n',
    },
    { name: 'apk add --no-network downloads nothing to keep', code: 'FROM alpine:3.20\nRUN apk add --no-network /tmp/pkgs/*.apk\n' },
    {
      name: 'a tmpfs on the cache folder keeps it out of the layer, as a cache mount does',
      code: 'FROM debian:12\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\nRUN --mount=type=tmpfs,target=/var/cache/apk apk add curl\n',
    },
    { name: "dnf5's cache folder removed", code: 'FROM fedora:41\nRUN dnf5 install -y curl && rm -rf /var/cache/libdnf5\n' },
    { name: 'the aliases of dnf install, cleaned', code: 'FROM fedora:40\nRUN dnf in -y curl && dnf rei -y jq && dnf clean all\n' },
    { name: 'half-typed', code: 'FROM debian:12\nRUN apt-get' },
    {
      name: "docker-clean removed, both apt folders cache-mounted (Docker's recipe)",
      code: 'FROM debian:12\nRUN rm -f /etc/apt/apt.conf.d/docker-clean; echo \'Binary::apt::APT::Keep-Downloaded-Packages "true";\' > /etc/apt/apt.conf.d/keep-cache\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    apt-get update && apt-get install -y gcc\n',
    },
    {
      name: 'docker-clean removed, the archives cleaned in the same RUN',
      code: 'FROM debian:12\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN apt-get update && apt-get install -y curl && apt-get clean && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get install -y jq && rm -rf /var/cache/apt/archives /var/lib/apt/lists/*\n',
    },
    {
      name: 'docker-clean removed only after the install, or in a builder stage the image does not build on',
      code: 'FROM debian:12 AS build\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nFROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\n',
    },
    {
      name: 'zypper clean, cc and clean -a (hadolint DL3036)',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean\nRUN zypper -n in git && zypper cc\nRUN zypper -n in jq && zypper clean -a\n',
    },
    {
      name: 'zypper cache removed or mounted',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && rm -rf /var/cache/zypp/*\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n in git\n',
    },
    {
      name: 'dnf, yum and zypper caches removed with a brace list or by a folder above (hadolint DL3040 rm /var/cache/yum)',
      code: 'FROM fedora:40\nRUN dnf install -y a && rm -rf /var/cache/{dnf,yum,zypp}\nRUN microdnf install -y b && rm -rf /var/cache/yum/*\nRUN yum install -y c && rm -rf /var/cache/*\n',
    },
    { name: 'aptitude with its lists removed', code: 'FROM debian:12\nRUN aptitude update && aptitude install -y curl && rm -rf /var/lib/apt/lists/*\n' },
    {
      name: 'pip with --no-cache-dir, before or after install, pip2/pip3/python -m pip (hadolint DL3042)',
      code: 'FROM python:3.12\nRUN pip2 install MySQL_python --no-cache-dir\nRUN pip3 --no-cache-dir install x\nRUN python3 -m pip install --no-cache-dir y && /opt/venv/bin/pip install --no-cache-dir z\n',
    },
    {
      name: 'PIP_NO_CACHE_DIR on the command line, exported, in ENV or ARG, also off and 0, which pip reads as off too',
      code: 'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install a && env PIP_NO_CACHE_DIR=true pip install b\nRUN export PIP_NO_CACHE_DIR=off && pip install c\nENV PIP_NO_CACHE_DIR=0\nRUN pip install d\n',
    },
    {
      name: 'PIP_NO_CACHE_DIR set in the stage built on (hadolint DL3042)',
      code: 'FROM debian:12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install six\n',
    },
    { name: 'ARG PIP_NO_CACHE_DIR with a value', code: 'FROM python:3.12\nARG PIP_NO_CACHE_DIR=1\nRUN pip install six\n' },
    {
      name: 'pip cache purged, removed or mounted',
      code: 'FROM python:3.12\nRUN pip install a && pip cache purge\nRUN pip install b; rm -rf ~/.cache/pip\nRUN pip install c && rm -rf /root/.cache\nRUN --mount=type=cache,target=/root/.cache/pip pip install d\nRUN --mount=type=cache,target=/home/app/.cache pip install e\n',
    },
    {
      name: 'pipx, pipenv and pip download are not pip install (hadolint DL3042)',
      code: 'FROM python:3.12\nRUN pipx install black && pipenv install && pip download x && pip freeze\n',
    },
    {
      name: 'uv with --no-cache, UV_NO_CACHE, uv cache clean or a cache mount',
      code: 'FROM python:3.12\nRUN uv pip install --system --no-cache a && uv sync -n\nENV UV_NO_CACHE=1\nRUN uv sync --frozen\nFROM python:3.12\nRUN uv sync && uv cache clean\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n',
    },
    {
      name: 'npm cache cleaned, removed or mounted',
      code: 'FROM node:22\nRUN npm ci && npm cache clean --force\nRUN npm install -g pm2 && rm -rf /root/.npm\nRUN --mount=type=cache,target=/root/.npm npm ci\nRUN npm run build && npm test\n',
    },
    {
      name: 'yarn cache cleaned, removed or mounted (hadolint DL3060)',
      code: 'FROM node:22\nRUN yarn install bar && yarn cache clean\nRUN yarn add x && rm -rf /usr/local/share/.cache/yarn/*\nRUN yarn global add y && rm -rf "$(yarn cache dir)"\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\nRUN yarn build\n',
    },
    {
      name: 'pip, npm and yarn in a builder stage that is not shipped (hadolint DL3060 stage not reused)',
      code: 'FROM node:22 AS build\nRUN yarn install foo && npm ci\nFROM python:3.12 AS py\nRUN pip install flask\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out /out\nCOPY --from=py /x /x\n',
    },
    { name: 'no FROM', code: 'RUN apt-get install -y curl\n' },
    {
      name: 'gem with --no-document or -N, on an official ruby image (its gemrc says --no-document), or after a gemrc that does',
      code: "FROM debian:12\nRUN gem install --no-document rake && gem i -N rails && gem install --no-ri --no-rdoc x\nRUN echo 'gem: --no-document' > ~/.gemrc\nRUN gem install bundler\nFROM ruby:3.3-slim\nRUN gem install bundler && bundle install\n",
    },
  ],
  invalid: [
    {
      name: 'docker-clean removed above: a cache mount on /var/lib/apt alone leaves the .deb files (hadolint DL3009)',
      code: 'FROM debian:12\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/lib/apt \\\n    apt-get update && apt-get install -y python3\n',
      findings: [{ line: 4, column: 23, endColumn: 38, messageId: 'aptArchives' }],
      output: null,
    },
    {
      name: 'Keep-Downloaded-Packages set in the stage the image builds on, lists removed: the archives stay',
      code: 'FROM debian:12 AS base\nRUN echo \'Binary::apt::APT::Keep-Downloaded-Packages "true";\' > /etc/apt/apt.conf.d/keep-cache\nFROM base\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      findings: [{ line: 4, column: 23, messageId: 'aptArchives' }],
      output: null,
    },
    {
      name: 'docker-clean removed in the same RUN, before the install',
      code: 'FROM debian:12\nRUN rm -f /etc/apt/apt.conf.d/docker-clean && apt-get update && apt-get install -y jq && rm -rf /var/lib/apt/lists/*\n',
      findings: [{ line: 2, column: 65, messageId: 'aptArchives' }],
      output: null,
    },
    {
      name: 'gem: --no-document after install, exec form too; a gemrc written in another stage does not count',
      code: 'FROM debian:12 AS other\nRUN echo \'gem: --no-document\' > /etc/gemrc\nFROM debian:12\nRUN gem install bundler -v 2.5.0\nRUN ["gem", "install", "rake"]\n',
      findings: [
        { line: 4, column: 5, endColumn: 16, messageId: 'gemDocs', data: { command: 'gem install' } },
        { line: 5, column: 7, messageId: 'gemDocs' },
      ],
      output:
        'FROM debian:12 AS other\nRUN echo \'gem: --no-document\' > /etc/gemrc\nFROM debian:12\nRUN gem install --no-document bundler -v 2.5.0\nRUN ["gem", "install", "--no-document", "rake"]\n',
    },
    {
      name: 'zypper: append zypper clean -a (hadolint DL3036)',
      code: 'FROM opensuse/leap:15.6\nRUN zypper install -y mariadb=10.4\n',
      findings: [{ line: 2, column: 5, endColumn: 19, messageId: 'zypperCache' }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper install -y mariadb=10.4 && zypper clean -a\n',
    },
    {
      name: 'zypper cleaned before the install, sudo, continuation line',
      code: 'FROM opensuse/leap:15.6\nRUN zypper clean -a && sudo zypper --non-interactive \\\n    in curl\n',
      findings: [{ line: 2, column: 29, messageId: 'zypperCache' }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper clean -a && sudo zypper --non-interactive \\\n    in curl && zypper clean -a\n',
    },
    {
      name: 'aptitude keeps the apt lists too',
      code: 'FROM debian:12\nRUN aptitude update && aptitude install -y curl\n',
      findings: [{ line: 2, column: 24, endColumn: 40, messageId: 'aptLists' }],
      output: 'FROM debian:12\nRUN aptitude update && aptitude install -y curl && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'microdnf with a cleanup before it, and a cache removed elsewhere (hadolint DL3040)',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf clean all && microdnf install -y mariadb && rm -rf /var/cache/apt\n',
      findings: [{ line: 2, column: 27, messageId: 'dnfCache', data: { program: 'microdnf' } }],
      output:
        'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf clean all && microdnf install -y mariadb && rm -rf /var/cache/apt && microdnf clean all\n',
    },
    {
      name: 'pip, pip3, python -m pip: --no-cache-dir after install, each call (hadolint DL3042)',
      code: 'FROM python:3.12\nRUN pip install MySQL_python\nRUN python3 -m pip install --upgrade pip && pip3 install -r requirements.txt\n',
      findings: [
        { line: 2, column: 5, endColumn: 16, messageId: 'pipCache', data: { command: 'pip install' } },
        { line: 3, column: 5, endColumn: 27, messageId: 'pipCache', data: { command: 'python3 -m pip install' } },
        { line: 3, column: 45, endColumn: 57, messageId: 'pipCache', data: { command: 'pip3 install' } },
      ],
      output:
        'FROM python:3.12\nRUN pip install --no-cache-dir MySQL_python\nRUN python3 -m pip install --no-cache-dir --upgrade pip && pip3 install --no-cache-dir -r requirements.txt\n',
    },
    {
      name: 'pip: an empty PIP_NO_CACHE_DIR, one set in another stage, or after the RUN, turns nothing off (hadolint DL3042)',
      code: 'FROM debian:12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM debian:12\nENV PIP_NO_CACHE_DIR=\nRUN pip install six\nENV PIP_NO_CACHE_DIR=1\n',
      findings: [{ line: 5, messageId: 'pipCache' }],
      output:
        'FROM debian:12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM debian:12\nENV PIP_NO_CACHE_DIR=\nRUN pip install --no-cache-dir six\nENV PIP_NO_CACHE_DIR=1\n',
    },
    {
      name: 'pip: exec form, sh -c, heredoc, a cache mount elsewhere',
      code: 'FROM python:3.12\nRUN ["pip", "install", "flask"]\nRUN ["sh", "-c", "pip install gunicorn"]\nRUN --mount=type=cache,target=/root/.npm <<EOF\npip install uvicorn\nEOF\n',
      findings: [
        { line: 2, column: 7, messageId: 'pipCache' },
        { line: 3, column: 19, messageId: 'pipCache' },
        { line: 5, column: 1, messageId: 'pipCache' },
      ],
      output:
        'FROM python:3.12\nRUN ["pip", "install", "--no-cache-dir", "flask"]\nRUN ["sh", "-c", "pip install --no-cache-dir gunicorn"]\nRUN --mount=type=cache,target=/root/.npm <<EOF\npip install --no-cache-dir uvicorn\nEOF\n',
    },
    {
      name: 'uv: --no-cache after the subcommand',
      code: 'FROM python:3.12\nRUN uv pip install --system flask && uv sync --frozen\n',
      findings: [
        { line: 2, column: 5, endColumn: 19, messageId: 'uvCache', data: { command: 'uv pip install' } },
        { line: 2, column: 38, endColumn: 45, messageId: 'uvCache', data: { command: 'uv sync' } },
      ],
      output: 'FROM python:3.12\nRUN uv pip install --no-cache --system flask && uv sync --no-cache --frozen\n',
    },
    {
      name: 'npm: one cleanup appended to the RUN, in the stage the final one builds on',
      code: 'FROM node:22 AS base\nRUN npm ci --omit=dev && npm install -g pm2\nFROM base\nCMD ["pm2-runtime", "app.js"]\n',
      findings: [{ line: 2, column: 5, endColumn: 11, messageId: 'npmCache', data: { command: 'npm ci' } }],
      output: 'FROM node:22 AS base\nRUN npm ci --omit=dev && npm install -g pm2 && npm cache clean --force\nFROM base\nCMD ["pm2-runtime", "app.js"]\n',
    },
    {
      name: 'npm cleaned before the install',
      code: 'FROM node:22\nRUN npm cache clean --force && npm i\n',
      findings: [{ line: 2, column: 32, messageId: 'npmCache' }],
      output: 'FROM node:22\nRUN npm cache clean --force && npm i && npm cache clean --force\n',
    },
    {
      name: "yarn: a suggestion only, as Plug'n'Play reads packages from the cache (hadolint DL3060)",
      code: 'FROM node:22\nRUN yarn install --frozen-lockfile\nRUN yarn\n',
      findings: [
        {
          line: 2,
          column: 5,
          endColumn: 17,
          messageId: 'yarnCache',
          data: { command: 'yarn install' },
          suggestions: [{ output: 'FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean\nRUN yarn\n' }],
        },
        {
          line: 3,
          column: 5,
          endColumn: 9,
          messageId: 'yarnCache',
          data: { command: 'yarn' },
          suggestions: [{ output: 'FROM node:22\nRUN yarn install --frozen-lockfile\nRUN yarn && yarn cache clean\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'lists removed before the install, which fetches them again (issue 12)',
      code: 'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y curl\n',
      findings: [{ line: 2, messageId: 'aptLists' }],
      output: 'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'apk and dnf caches cleaned before the install',
      code: 'FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && apk add curl\nRUN dnf clean all && dnf install -y jq\n',
      findings: [
        { line: 2, messageId: 'apkCache' },
        { line: 3, messageId: 'dnfCache', data: { program: 'dnf' } },
      ],
      output: 'FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && apk add --no-cache curl\nRUN dnf clean all && dnf install -y jq && dnf clean all\n',
    },
    {
      name: 'a cache mount on /var/cache/apt only: the lists in /var/lib/apt stay in the layer (issue 12)',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\n',
      findings: [{ line: 2, messageId: 'aptLists' }],
      output: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'dnf in and dnf rei install too (issue 12)',
      code: 'FROM fedora:40\nRUN dnf in -y curl\nRUN dnf rei -y jq\n',
      findings: [
        { line: 2, column: 5, endColumn: 11, messageId: 'dnfCache', data: { program: 'dnf' } },
        { line: 3, column: 5, endColumn: 12, messageId: 'dnfCache', data: { program: 'dnf' } },
      ],
      output: 'FROM fedora:40\nRUN dnf in -y curl && dnf clean all\nRUN dnf rei -y jq && dnf clean all\n',
    },
    {
      name: 'apt in a heredoc never closed (its delimiter misspelt): no fix, the appended line would be more of it',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF`',
      findings: [{ line: 4, messageId: 'aptLists' }],
      output: null,
    },
    {
      name: 'apt in a RUN with an unclosed quote: no fix, which fix-all appended ten times inside the quote (issue 12)',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && echo "done\n',
      findings: [{ line: 2, messageId: 'aptLists' }],
      output: null,
    },
    {
      name: 'apt: append the cleanup to the RUN',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      findings: [{ line: 2, column: 23, endColumn: 38, messageId: 'aptLists' }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'apt: continuation lines, the cleanup goes after the last word',
      code: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y \\\n      curl \\\n      git\nUSER nobody\n',
      findings: [{ line: 3, messageId: 'aptLists' }],
      output: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y \\\n      curl \\\n      git && rm -rf /var/lib/apt/lists/*\nUSER nobody\n',
    },
    {
      name: 'apt: a trailing shell comment stays after the cleanup',
      code: 'FROM debian:12\nRUN apt-get install -y curl # tools\n',
      findings: [{ line: 2, messageId: 'aptLists' }],
      output: 'FROM debian:12\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/* # tools\n',
    },
    {
      name: 'apt: heredoc gets a line of its own before the terminator',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n',
      findings: [{ line: 5, column: 1, endColumn: 16, messageId: 'aptLists' }],
      output: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n',
    },
    {
      name: 'apt: CRLF heredoc keeps CRLF',
      code: 'FROM debian:12\r\nRUN <<EOF\r\napt-get install -y curl\r\nEOF\r\n',
      findings: [{ line: 3, messageId: 'aptLists' }],
      output: 'FROM debian:12\r\nRUN <<EOF\r\napt-get install -y curl\r\nrm -rf /var/lib/apt/lists/*\r\nEOF\r\n',
    },
    {
      name: 'apt: one finding per RUN, on the first install',
      code: 'FROM debian:12\nRUN apt-get install -y a && apt install -y b\n',
      findings: [{ line: 2, column: 5, messageId: 'aptLists' }],
      output: 'FROM debian:12\nRUN apt-get install -y a && apt install -y b && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'apt: exec form cannot be appended to, so no fix',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
      findings: [{ line: 2, messageId: 'aptLists' }],
      output: null,
    },
    {
      name: 'apt: no fix when a later RUN installs without its own update',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y a\nRUN apt-get install -y b && rm -rf /var/lib/apt/lists/*\n',
      findings: [{ line: 2, messageId: 'aptLists' }],
      output: null,
    },
    {
      name: 'apt: a later RUN with its own update does not need the lists',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y a\nRUN apt-get update && apt-get install -y b && rm -rf /var/lib/apt/lists/*\n',
      findings: [{ line: 2, messageId: 'aptLists' }],
      output:
        'FROM debian:12\nRUN apt-get update && apt-get install -y a && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get install -y b && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'apt: a cache mount elsewhere does not count',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/root/.npm apt-get install -y curl\n',
      findings: [{ line: 2, messageId: 'aptLists' }],
      output: 'FROM debian:12\nRUN --mount=type=cache,target=/root/.npm apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'apt: in a stage the final one builds on',
      code: 'FROM debian:12 AS base\nRUN apt-get install -y curl\nFROM base\nCMD ["curl"]\n',
      findings: [{ line: 2, messageId: 'aptLists' }],
      output: 'FROM debian:12 AS base\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nFROM base\nCMD ["curl"]\n',
    },
    {
      name: 'apk: insert --no-cache after add',
      code: 'FROM alpine:3.20\nRUN apk update && apk add curl git\n',
      findings: [{ line: 2, column: 19, endColumn: 26, messageId: 'apkCache' }],
      output: 'FROM alpine:3.20\nRUN apk update && apk add --no-cache curl git\n',
    },
    {
      name: 'apk: every add is fixed, options kept, exec form too',
      code: 'FROM alpine:3.20\nRUN apk add --virtual .deps gcc && apk -U add curl\nRUN ["apk", "add", "jq"]\n',
      findings: [
        { line: 2, column: 5, messageId: 'apkCache' },
        { line: 2, column: 36, messageId: 'apkCache' },
        { line: 3, column: 7, messageId: 'apkCache' },
      ],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps gcc && apk -U add --no-cache curl\nRUN ["apk", "add", "--no-cache", "jq"]\n',
    },
    {
      name: 'yum: append yum clean all',
      code: 'FROM centos:7\nRUN yum install -y httpd\n',
      findings: [{ line: 2, column: 5, endColumn: 16, messageId: 'dnfCache', data: { program: 'yum' } }],
      output: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    },
    {
      name: 'dnf and microdnf each clean their own',
      code: 'FROM registry.access.redhat.com/ubi9/ubi:9.4\nRUN dnf install -y a && microdnf install -y b\n',
      findings: [
        { line: 2, column: 5, messageId: 'dnfCache' },
        { line: 2, column: 25, messageId: 'dnfCache' },
      ],
      output: 'FROM registry.access.redhat.com/ubi9/ubi:9.4\nRUN dnf install -y a && microdnf install -y b && dnf clean all && microdnf clean all\n',
    },
    {
      name: 'ONBUILD RUN in the final stage',
      code: 'FROM alpine:3.20\nONBUILD RUN apk add curl\n',
      findings: [{ line: 2, column: 13, messageId: 'apkCache' }],
      output: 'FROM alpine:3.20\nONBUILD RUN apk add --no-cache curl\n',
    },
  ],
});
