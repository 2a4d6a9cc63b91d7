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
    { name: 'no FROM', code: 'RUN apt-get install -y curl\n' },
  ],
  invalid: [
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
