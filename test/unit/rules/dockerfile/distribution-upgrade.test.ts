import rule from '../../../../server/src/engine/rules/dockerfile/distribution-upgrade';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n' },
    { name: 'upgrading named packages only (dnf, zypper, apk)', code: 'FROM fedora:40\nRUN dnf -y upgrade openssl && zypper up -y curl && apk upgrade musl\n' },
    { name: 'apt-get install --only-upgrade names its packages', code: 'FROM debian:12\nRUN apt-get install -y --only-upgrade openssl\n' },
    { name: 'upgrade as an argument', code: 'FROM python:3.12\nRUN pip install --upgrade pip==24.0 && echo apt-get upgrade\n' },
    { name: 'index refresh only', code: 'FROM debian:12\nRUN apt-get update && apk update\n' },
    { name: 'half-typed', code: 'FROM debian:12\nRUN apt-get' },
  ],
  invalid: [
    {
      name: 'apt-get upgrade and dist-upgrade, with options',
      code: 'FROM debian:12\nRUN apt-get update && apt-get -y upgrade --no-install-recommends && apt-get dist-upgrade -y\n',
      findings: [
        { line: 2, column: 23, endColumn: 41, messageId: 'upgrade', data: { command: 'apt-get upgrade' } },
        { line: 2, messageId: 'upgrade', data: { command: 'apt-get dist-upgrade' } },
      ],
      output: null,
    },
    {
      name: 'yum update, dnf upgrade-minimal, microdnf upgrade with no package named',
      code: 'FROM rockylinux:9\nRUN yum update -y\nRUN dnf -y upgrade-minimal --security\nFROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf upgrade\n',
      findings: [
        { line: 2, messageId: 'upgrade', data: { command: 'yum update' } },
        { line: 3, messageId: 'upgrade', data: { command: 'dnf upgrade-minimal' } },
        { line: 5, messageId: 'upgrade', data: { command: 'microdnf upgrade' } },
      ],
      output: null,
    },
    {
      name: 'zypper dup, apk upgrade, aptitude full-upgrade: heredoc, exec form and ONBUILD',
      code: 'FROM opensuse/tumbleweed\nRUN <<EOF\nzypper -n dup\nEOF\nFROM alpine:3.20\nRUN ["apk", "upgrade", "--no-cache"]\nONBUILD RUN ["sh", "-c", "aptitude -y full-upgrade"]\n',
      findings: [
        { line: 3, column: 1, messageId: 'upgrade', data: { command: 'zypper dup' } },
        { line: 6, messageId: 'upgrade', data: { command: 'apk upgrade' } },
        { line: 7, messageId: 'upgrade', data: { command: 'aptitude full-upgrade' } },
      ],
      output: null,
    },
  ],
});
