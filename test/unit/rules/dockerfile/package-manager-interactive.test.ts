import rule from '../../../../server/src/engine/rules/dockerfile/package-manager-interactive';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n' },
    {
      name: 'apt answers: -yq, -qq, --yes, --assume-yes, -q=2',
      code: 'FROM debian:12\nRUN apt-get install -yq a && apt-get -qq install b && apt-get install --yes c && apt-get --assume-yes remove d && apt-get -q=2 purge e\n',
    },
    {
      name: 'apt: Assume-Yes set with -o',
      code: 'FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl && apt-get -oAPT::Get::Assume-Yes=1 install wget\n',
    },
    {
      name: 'apt quiet level 2 given twice implies -y: -q -q, --quiet --quiet',
      code: 'FROM debian:12\nRUN apt-get -q -q install a && apt-get --quiet --quiet install b\n',
    },
    { name: 'yes piped in', code: 'FROM debian:12\nRUN yes | apt-get install curl\n' },
    { name: 'nothing to confirm: update, search, clean', code: 'FROM debian:12\nRUN apt-get update && apt-cache search x && apt-get clean\n' },
    {
      name: 'yum/dnf answers',
      code: 'FROM fedora:40\nRUN dnf -y install a && yum install --assumeyes b && dnf5 --setopt=assumeyes=True install c && dnf group install -y d\n',
    },
    {
      name: 'zypper answers: -n, --non-interactive, -y, --no-confirm',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n in a && zypper --non-interactive install b && zypper install -y c && zypper rm --no-confirm d\n',
    },
    { name: 'apk never asks', code: 'FROM alpine:3.20\nRUN apk add curl\n' },
    {
      name: 'microdnf answered: -y, --assumeyes, --setopt=assumeyes=1; clean and makecache ask nothing',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf -y install a && microdnf install --assumeyes b && microdnf --setopt=assumeyes=1 remove c && microdnf clean all && microdnf makecache\n',
    },
    { name: 'dnf5 and aptitude with -y', code: 'FROM fedora:41\nRUN dnf5 install -y curl && aptitude -y install git\n' },
    { name: 'aptitude -y', code: 'FROM debian:12\nRUN aptitude install -y curl\n' },
    { name: 'a PowerShell SHELL', code: 'FROM mcr.microsoft.com/powershell:7.4-debian-12\nSHELL ["pwsh", "-c"]\nRUN apt-get install curl\n' },
    { name: 'half-typed', code: 'FROM debian:12\nRUN apt-get ' },
  ],
  invalid: [
    {
      name: 'microdnf install and upgrade on UBI 9: -y offered as a suggestion, older microdnf rejects it',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf upgrade && microdnf install --nodocs curl\n',
      findings: [
        {
          line: 2,
          column: 5,
          endColumn: 21,
          messageId: 'confirmMicrodnf',
          data: { command: 'microdnf upgrade' },
          suggestions: [{ output: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf -y upgrade && microdnf install --nodocs curl\n' }],
        },
        {
          line: 2,
          column: 25,
          endColumn: 41,
          messageId: 'confirmMicrodnf',
          data: { command: 'microdnf install' },
          suggestions: [{ output: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf upgrade && microdnf -y install --nodocs curl\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'dnf5, yum, aptitude and zypper in a heredoc, with sudo and env',
      code: 'FROM fedora:41\nRUN <<EOF\nsudo dnf5 install curl\nenv LANG=C yum remove git\naptitude install jq\nzypper in tar\nEOF\n',
      findings: [
        { line: 3, column: 6, messageId: 'confirm', data: { command: 'dnf5 install', option: '-y' } },
        { line: 4, column: 12, messageId: 'confirm', data: { command: 'yum remove', option: '-y' } },
        { line: 5, column: 1, messageId: 'confirm', data: { command: 'aptitude install', option: '-y' } },
        { line: 6, column: 1, messageId: 'confirm', data: { command: 'zypper in', option: '-n' } },
      ],
      output: 'FROM fedora:41\nRUN <<EOF\nsudo dnf5 -y install curl\nenv LANG=C yum -y remove git\naptitude -y install jq\nzypper -n in tar\nEOF\n',
    },
    {
      name: 'apt-get install: -y after the subcommand',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install curl\n',
      findings: [{ line: 2, column: 23, endColumn: 38, messageId: 'confirm', data: { command: 'apt-get install', option: '-y' } }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get -y install curl\n',
    },
    {
      name: 'DEBIAN_FRONTEND=noninteractive answers no question; -q alone neither',
      code: 'FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive apt-get -q install curl\n',
      findings: [{ line: 2, messageId: 'confirm' }],
      output: 'FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive apt-get -y -q install curl\n',
    },
    {
      name: 'continuation lines with a comment, upgrade and remove',
      code: 'FROM ubuntu:24.04\nRUN apt-get update \\\n # then\n && apt-get upgrade \\\n && apt remove vim\n',
      findings: [
        { line: 4, column: 5, messageId: 'confirm', data: { command: 'apt-get upgrade' } },
        { line: 5, column: 5, messageId: 'confirm', data: { command: 'apt remove' } },
      ],
      output: 'FROM ubuntu:24.04\nRUN apt-get update \\\n # then\n && apt-get -y upgrade \\\n && apt -y remove vim\n',
    },
    {
      name: 'yum, dnf and dnf group install',
      code: 'FROM rockylinux:9\nRUN yum install httpd && dnf group install "Development Tools"\n',
      findings: [
        { line: 2, column: 5, messageId: 'confirm', data: { command: 'yum install' } },
        { line: 2, column: 26, messageId: 'confirm', data: { command: 'dnf group' } },
      ],
      output: 'FROM rockylinux:9\nRUN yum -y install httpd && dnf -y group install "Development Tools"\n',
    },
    {
      name: 'the fix and another rule appending at the end of the RUN do not meet',
      code: 'FROM debian:12\nRUN apt-get install\n',
      findings: [{ line: 2, messageId: 'confirm' }],
      output: 'FROM debian:12\nRUN apt-get -y install\n',
    },
    {
      name: 'zypper: -n goes before the subcommand; the in alias',
      code: 'FROM opensuse/leap:15.6\nRUN zypper in vim\n',
      findings: [{ line: 2, messageId: 'confirm', data: { command: 'zypper in', option: '-n' } }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n in vim\n',
    },
    {
      name: 'exec form direct argv and sh -c, heredoc, ONBUILD, lower-case run',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "curl"]\nRUN ["sh", "-c", "aptitude install curl"]\nRUN <<EOF\napt-get install wget\nEOF\nONBUILD RUN apt-get install git\nrun apt-get install make\n',
      findings: [
        { line: 2, messageId: 'confirm' },
        { line: 3, messageId: 'confirm', data: { command: 'aptitude install' } },
        { line: 5, messageId: 'confirm' },
        { line: 7, column: 13, messageId: 'confirm' },
        { line: 8, messageId: 'confirm' },
      ],
      output:
        'FROM debian:12\nRUN ["apt-get", "-y", "install", "curl"]\nRUN ["sh", "-c", "aptitude -y install curl"]\nRUN <<EOF\napt-get -y install wget\nEOF\nONBUILD RUN apt-get -y install git\nrun apt-get -y install make\n',
    },
  ],
});
