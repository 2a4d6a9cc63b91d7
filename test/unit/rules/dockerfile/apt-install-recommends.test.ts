import rule from '../../../../server/src/engine/rules/dockerfile/apt-install-recommends';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'PowerShell SHELL', code: 'FROM mcr.microsoft.com/powershell:7.4-debian-12\nSHELL ["pwsh", "-c"]\nRUN apt-get install -y curl\n' },
    { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n' },
    { name: 'option before the subcommand', code: 'FROM debian:12\nRUN apt-get --no-install-recommends install -y curl\n' },
    { name: 'apt config option', code: 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n' },
    { name: 'apt config option glued, value 0', code: 'FROM debian:12\nRUN apt-get -oAPT::Install-Recommends=0 install -y curl\n' },
    { name: 'apt config option, long form', code: 'FROM debian:12\nRUN apt install --option=APT::Install-Recommends=false -y curl\n' },
    {
      name: 'recommends turned off in apt.conf.d by an earlier RUN',
      code: 'FROM debian:12\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/99norecommends\nRUN apt-get install -y curl\n',
    },
    {
      name: 'recommends turned off in a stage this one builds on',
      code: 'FROM debian:12 AS base\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/99norecommends\nFROM base\nRUN apt-get install -y curl\n',
    },
    { name: 'not an install', code: 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y && apt-get remove -y curl\n' },
    { name: 'apk and the language package managers have no recommends', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl && pip install x && npm ci\n' },
    {
      name: 'aptitude with -R, --without-recommends or in a cluster',
      code: 'FROM debian:12\nRUN aptitude install -y -R curl && aptitude -yR install git && aptitude install --without-recommends jq\n',
    },
    {
      name: 'dnf, dnf5, yum and microdnf with weak dependencies off',
      code: 'FROM fedora:40\nRUN dnf install -y --setopt=install_weak_deps=False curl && dnf5 --setopt install_weak_deps=0 install -y git\nRUN yum install -y --setopt=install_weak_deps=false jq && microdnf --setopt=install_weak_deps=0 install -y tar\n',
    },
    {
      name: 'weak dependencies turned off in dnf.conf by an earlier RUN',
      code: 'FROM fedora:40\nRUN echo "install_weak_deps=False" >> /etc/dnf/dnf.conf\nRUN dnf install -y curl\n',
    },
    { name: 'zypper --no-recommends', code: 'FROM opensuse/leap:15.6\nRUN zypper -n install --no-recommends curl\n' },
    {
      name: 'recommends turned off in zypp.conf',
      code: "FROM opensuse/leap:15.6\nRUN sed -i 's/^# *solver.onlyRequires.*/solver.onlyRequires = true/' /etc/zypp/zypp.conf\nRUN zypper -n install curl\n",
    },
    {
      name: 'yum 3 (EL7 and older, Amazon Linux 2) has no weak dependencies',
      code: 'FROM centos:7\nRUN yum install -y httpd\nFROM amazonlinux:2\nRUN yum install -y jq\nFROM registry.access.redhat.com/ubi7/ubi:7.9\nRUN yum install -y tar\nFROM oraclelinux:7-slim\nRUN yum install -y git\n',
    },
    { name: 'install as an argument, not a subcommand', code: 'FROM debian:12\nRUN echo apt-get install curl && make install\n' },
    {
      name: 'an option value that looks like a subcommand',
      code: 'FROM debian:12\nRUN apt-get -o Debug::pkgProblemResolver=yes -t install --no-install-recommends install -y x\n',
    },
    { name: 'half-typed RUN', code: 'FROM debian:12\nRUN apt-get' },
    { name: 'empty RUN', code: 'FROM debian:12\nRUN ' },
  ],
  invalid: [
    {
      name: 'aptitude: --without-recommends after install',
      code: 'FROM debian:12\nRUN aptitude install -y curl\n',
      findings: [
        {
          line: 2,
          column: 5,
          endColumn: 21,
          messageId: 'recommends',
          data: { command: 'aptitude install', option: '--without-recommends' },
          suggestions: [{ output: 'FROM debian:12\nRUN aptitude install --without-recommends -y curl\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'dnf, dnf5 and yum on EL8 and later: weak dependencies off after the subcommand',
      code: 'FROM rockylinux:9\nRUN dnf install -y curl && sudo dnf5 in -y git\nFROM centos:8\nRUN yum install -y jq\n',
      findings: [
        {
          line: 2,
          column: 5,
          endColumn: 16,
          messageId: 'recommends',
          data: { command: 'dnf install', option: '--setopt=install_weak_deps=False' },
          suggestions: [
            {
              output:
                'FROM rockylinux:9\nRUN dnf install --setopt=install_weak_deps=False -y curl && sudo dnf5 in -y git\nFROM centos:8\nRUN yum install -y jq\n',
            },
          ],
        },
        {
          line: 2,
          column: 33,
          endColumn: 40,
          messageId: 'recommends',
          data: { command: 'dnf5 in' },
          suggestions: [
            {
              output:
                'FROM rockylinux:9\nRUN dnf install -y curl && sudo dnf5 in --setopt=install_weak_deps=False -y git\nFROM centos:8\nRUN yum install -y jq\n',
            },
          ],
        },
        {
          line: 4,
          messageId: 'recommends',
          data: { command: 'yum install' },
          suggestions: [
            {
              output:
                'FROM rockylinux:9\nRUN dnf install -y curl && sudo dnf5 in -y git\nFROM centos:8\nRUN yum install --setopt=install_weak_deps=False -y jq\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'microdnf: the global option before the subcommand; exec form',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN ["microdnf", "install", "-y", "tar"]\n',
      findings: [
        {
          line: 2,
          column: 7,
          messageId: 'recommends',
          data: { command: 'microdnf install', option: '--setopt=install_weak_deps=0' },
          suggestions: [
            { output: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN ["microdnf", "--setopt=install_weak_deps=0", "install", "-y", "tar"]\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'zypper: --no-recommends after install, in sh -c; dnf.conf set only in another stage',
      code: 'FROM fedora:40 AS other\nRUN echo install_weak_deps=0 >> /etc/dnf/dnf.conf\nFROM opensuse/leap:15.6\nRUN sh -c "zypper -n in curl"\n',
      findings: [
        {
          line: 4,
          column: 12,
          endColumn: 24,
          messageId: 'recommends',
          data: { command: 'zypper in', option: '--no-recommends' },
          suggestions: [
            {
              output:
                'FROM fedora:40 AS other\nRUN echo install_weak_deps=0 >> /etc/dnf/dnf.conf\nFROM opensuse/leap:15.6\nRUN sh -c "zypper -n in --no-recommends curl"\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the seed case: insert the option after install',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      findings: [
        {
          line: 2,
          column: 23,
          endColumn: 38,
          messageId: 'recommends',
          data: { program: 'apt-get' },
          suggestions: [{ output: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'apt, options before install, continuation lines',
      code: 'FROM ubuntu:24.04\nRUN apt-get update \\\n    && apt -y install \\\n       curl \\\n       ca-certificates\n',
      findings: [
        {
          line: 3,
          column: 8,
          endColumn: 22,
          messageId: 'recommends',
          data: { program: 'apt' },
          suggestions: [
            { output: 'FROM ubuntu:24.04\nRUN apt-get update \\\n    && apt -y install --no-install-recommends \\\n       curl \\\n       ca-certificates\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'heredoc body',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n',
      findings: [
        {
          line: 5,
          column: 1,
          endColumn: 16,
          messageId: 'recommends',
          suggestions: [{ output: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install --no-install-recommends -y curl\nEOF\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'exec form: a JSON element is added',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
      findings: [
        {
          line: 2,
          column: 7,
          endColumn: 25,
          messageId: 'recommends',
          suggestions: [{ output: 'FROM debian:12\nRUN ["apt-get", "install", "--no-install-recommends", "-y", "curl"]\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'two installs in one RUN, each fixed',
      code: 'FROM debian:12\nRUN apt-get install -y a && DEBIAN_FRONTEND=noninteractive apt-get install -y b\n',
      findings: [
        {
          line: 2,
          column: 5,
          messageId: 'recommends',
          suggestions: [
            { output: 'FROM debian:12\nRUN apt-get install --no-install-recommends -y a && DEBIAN_FRONTEND=noninteractive apt-get install -y b\n' },
          ],
        },
        {
          line: 2,
          column: 60,
          messageId: 'recommends',
          suggestions: [
            { output: 'FROM debian:12\nRUN apt-get install -y a && DEBIAN_FRONTEND=noninteractive apt-get install --no-install-recommends -y b\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'through sudo, and with a full path',
      code: 'FROM debian:12\nRUN sudo /usr/bin/apt-get install -y curl\n',
      findings: [
        {
          line: 2,
          column: 10,
          messageId: 'recommends',
          suggestions: [{ output: 'FROM debian:12\nRUN sudo /usr/bin/apt-get install --no-install-recommends -y curl\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'ONBUILD RUN',
      code: 'FROM debian:12\nONBUILD RUN apt-get install -y curl\n',
      findings: [
        {
          line: 2,
          column: 13,
          messageId: 'recommends',
          suggestions: [{ output: 'FROM debian:12\nONBUILD RUN apt-get install --no-install-recommends -y curl\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'config written in another, unrelated stage does not count',
      code: 'FROM debian:12 AS a\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/99x\nFROM debian:12\nRUN apt-get install -y curl\n',
      findings: [
        {
          line: 4,
          messageId: 'recommends',
          suggestions: [
            {
              output:
                'FROM debian:12 AS a\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/99x\nFROM debian:12\nRUN apt-get install --no-install-recommends -y curl\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'recommends turned on explicitly',
      code: 'FROM debian:12\nRUN apt-get install -o APT::Install-Recommends=true -y curl\n',
      findings: [
        {
          line: 2,
          messageId: 'recommends',
          suggestions: [{ output: 'FROM debian:12\nRUN apt-get install --no-install-recommends -o APT::Install-Recommends=true -y curl\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'a half-typed install without packages yet',
      code: 'FROM debian:12\nRUN apt-get install',
      findings: [{ line: 2, messageId: 'recommends', suggestions: [{ output: 'FROM debian:12\nRUN apt-get install --no-install-recommends' }] }],
      output: null,
    },
    {
      name: 'exec form running bash -c: the option goes inside the script',
      code: 'FROM debian:12\nRUN ["/bin/bash", "-c", "apt-get install -y curl"]\n',
      findings: [
        {
          line: 2,
          column: 26,
          endColumn: 41,
          messageId: 'recommends',
          suggestions: [{ output: 'FROM debian:12\nRUN ["/bin/bash", "-c", "apt-get install --no-install-recommends -y curl"]\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'direct argv exec form: the option is a new element',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "python3"]\n',
      findings: [
        {
          line: 2,
          messageId: 'recommends',
          suggestions: [{ output: 'FROM debian:12\nRUN ["apt-get", "install", "--no-install-recommends", "-y", "python3"]\n' }],
        },
      ],
      output: null,
    },
    {
      name: "shell form sh -c '…' and a bash SHELL",
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN sh -c \'apt-get install -y curl\'\n',
      findings: [
        {
          line: 3,
          column: 12,
          messageId: 'recommends',
          suggestions: [{ output: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN sh -c \'apt-get install --no-install-recommends -y curl\'\n' }],
        },
      ],
      output: null,
    },
  ],
});
