import rule from '../../../../server/src/engine/rules/dockerfile/package-index-update-alone';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'apk update then add; apk add --update', code: 'FROM alpine:3.20\nRUN apk update && apk add curl\nRUN apk add --update git\n' },
    { name: 'update then upgrade', code: 'FROM debian:12\nRUN apt-get update && apt-get -y upgrade\n' },
    {
      name: 'zypper refresh then in, dnf makecache then install',
      code: 'FROM opensuse/leap:15.6\nRUN zypper ref && zypper -n in vim\nFROM fedora:40\nRUN dnf makecache && dnf -y install git\n',
    },
    { name: 'update in the RUN line, install in its heredoc script', code: 'FROM debian:12\nRUN apt-get update && bash <<EOF\napt-get install -y curl\nEOF\n' },
    { name: 'inside sh -c, exec form', code: 'FROM debian:12\nRUN ["sh", "-c", "apt-get update && apt-get install -y curl"]\n' },
    { name: 'dnf update is an upgrade, not an index refresh', code: 'FROM fedora:40\nRUN dnf update -y\n' },
    { name: 'update as an argument', code: 'FROM debian:12\nRUN echo apt-get update\n' },
  ],
  invalid: [
    {
      name: 'apt-get update alone, the install in a later RUN',
      code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n',
      findings: [{ line: 2, column: 5, endColumn: 19, messageId: 'alone', data: { command: 'apt-get update' } }],
      output: null,
    },
    {
      name: 'install before update does not count',
      code: 'FROM debian:12\nRUN apt-get install -y curl && apt-get update\n',
      findings: [{ line: 2, column: 32, messageId: 'alone' }],
      output: null,
    },
    {
      name: 'apk update, zypper refresh, dnf makecache, in a heredoc, exec form, ONBUILD and lower case',
      code: 'FROM alpine:3.20\nrun apk update\nRUN <<EOF\nzypper --non-interactive refresh\nEOF\nRUN ["dnf", "makecache"]\nONBUILD RUN apt update\n',
      findings: [
        { line: 2, messageId: 'alone', data: { command: 'apk update' } },
        { line: 4, column: 1, messageId: 'alone', data: { command: 'zypper refresh' } },
        { line: 6, messageId: 'alone', data: { command: 'dnf makecache' } },
        { line: 7, column: 13, messageId: 'alone', data: { command: 'apt update' } },
      ],
      output: null,
    },
  ],
});
