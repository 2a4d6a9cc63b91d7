// hadolint's own cases (test/Hadolint/Rule/DLxxxxSpec.hs in hadolint/hadolint) for every DL code our rules map.
// Single-instruction cases get a FROM line of a matching image, so their instruction is line 2.
import { peerSuite, type PeerCase } from './peer-cases';

const df = (...lines: string[]) => lines.join('\n') + '\n';
const deb = (...lines: string[]) => df('FROM debian:12', ...lines);
const alp = (...lines: string[]) => df('FROM alpine:3.20', ...lines);
const fed = (...lines: string[]) => df('FROM fedora:40', ...lines);
const suse = (...lines: string[]) => df('FROM opensuse/leap:15.6', ...lines);
const py = (...lines: string[]) => df('FROM python:3.12', ...lines);
const node = (...lines: string[]) => df('FROM node:22', ...lines);
const rb = (...lines: string[]) => df('FROM ruby:3.3', ...lines);

const cases: PeerCase[] = [
  // DL3002 "Last user should not be root"
  { peer: 'DL3002 "last user should not be root"', rule: 'root-user', code: df('FROM scratch', 'USER root'), fires: [2] },
  { peer: 'DL3002 "no root"', rule: 'root-user', code: df('FROM scratch', 'USER foo') },
  { peer: 'DL3002 "no root UID"', rule: 'root-user', code: df('FROM scratch', 'USER 0'), fires: [2] },
  { peer: 'DL3002 "no root:root"', rule: 'root-user', code: df('FROM scratch', 'USER root:root'), fires: [2] },
  { peer: 'DL3002 "no UID:GID"', rule: 'root-user', code: df('FROM scratch', 'USER 0:0'), fires: [2] },
  { peer: 'DL3002 "can switch back to non root"', rule: 'root-user', code: df('FROM scratch', 'USER root', 'RUN something', 'USER foo') },
  {
    peer: 'DL3002 "warns on transitive root user"',
    rule: 'root-user',
    code: df('FROM debian as base', 'USER root', 'RUN something', 'FROM base', 'RUN something else'),
    fires: [2],
  },
  {
    peer: 'DL3002 "warns on multiple stages"',
    rule: 'root-user',
    code: df('FROM debian as base', 'USER root', 'RUN something', 'FROM scratch', 'USER foo', 'RUN something else'),
    fires: [2],
    deviation: { reason: 'a builder stage that ends as root is silent when the final stage is not root' },
  },
  {
    peer: 'DL3002 "does not warn when switching in multiple stages"',
    rule: 'root-user',
    code: df('FROM debian as base', 'USER root', 'RUN something', 'USER foo', 'FROM scratch', 'RUN something else'),
    deviation: { reason: 'a final stage with no USER at all fires', fires: [5] },
  },

  // DL3004 "Do not use sudo"
  { peer: 'DL3004 "sudo"', rule: 'sudo-in-run', code: deb('RUN sudo apt-get update'), fires: [2] },
  { peer: 'DL3004 "sudo" (ONBUILD)', rule: 'sudo-in-run', code: deb('ONBUILD RUN sudo apt-get update'), fires: [2] },
  { peer: 'DL3004 "install sudo"', rule: 'sudo-in-run', code: deb('RUN apt-get install sudo') },
  { peer: 'DL3004 "sudo chained programs"', rule: 'sudo-in-run', code: deb('RUN apt-get update && sudo apt-get install'), fires: [2] },

  // DL3005 "Do not use apt-get dist-upgrade", DL3035 "Do not use zypper dist-upgrade"
  { peer: 'DL3005 "apt-get dist-upgrade"', rule: 'distribution-upgrade', code: deb('RUN apt-get update && apt-get dist-upgrade'), fires: [2] },
  { peer: 'DL3035 "not ok: zypper dist-upgrade"', rule: 'distribution-upgrade', code: suse('RUN zypper dist-upgrade'), fires: [2] },
  { peer: 'DL3035 "not ok: zypper dup"', rule: 'distribution-upgrade', code: suse('RUN zypper dup'), fires: [2] },

  // DL3006 "Always tag the version of an image explicitly"
  { peer: 'DL3006 "no untagged"', rule: 'unpinned-base-image', code: df('FROM debian'), fires: [1] },
  { peer: 'DL3006 "no untagged with name"', rule: 'unpinned-base-image', code: df('FROM debian AS builder'), fires: [1] },
  { peer: 'DL3006 "untagged digest is not an error"', rule: 'unpinned-base-image', code: df('FROM ruby@sha256:f1dbca0f5dbc9') },
  { peer: 'DL3006 "untagged digest is not an error" (ruby:2)', rule: 'unpinned-base-image', code: df('FROM ruby:2') },
  {
    peer: 'DL3006 "using args is not an error"',
    rule: 'unpinned-base-image',
    code: df('FROM ${VALUE}'),
    deviation: { reason: 'FROM ${VALUE} with no ARG default is reported as unknown', fires: [1] },
  },
  {
    peer: 'DL3006 "local aliases are OK to be untagged"',
    rule: 'unpinned-base-image',
    code: df('FROM golang:1.9.3-alpine3.7 AS build', 'RUN foo', 'FROM build as unit-test', 'RUN bar', 'FROM alpine:3.7', 'RUN baz'),
  },
  {
    peer: 'DL3006 "other untagged cases are not ok"',
    rule: 'unpinned-base-image',
    code: df('FROM golang:1.9.3-alpine3.7 AS build', 'RUN foo', 'FROM node as unit-test', 'RUN bar', 'FROM alpine:3.7', 'RUN baz'),
    fires: [3],
  },
  { peer: 'DL3006 "scratch"', rule: 'unpinned-base-image', code: df('FROM scratch') },

  // DL3007 "Using latest is prone to errors"
  { peer: 'DL3007 "explicit latest"', rule: 'unpinned-base-image', code: df('FROM debian:latest'), fires: [1] },
  { peer: 'DL3007 "explicit latest with name"', rule: 'unpinned-base-image', code: df('FROM debian:latest AS builder'), fires: [1] },
  { peer: 'DL3007 "explicit tagged"', rule: 'unpinned-base-image', code: df('FROM debian:jessie') },
  {
    peer: 'DL3007 "explicit SHA"',
    rule: 'unpinned-base-image',
    code: df('FROM hub.docker.io/debian@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb'),
  },
  { peer: 'DL3007 "explicit tagged with name"', rule: 'unpinned-base-image', code: df('FROM debian:jessie AS builder') },

  // DL3008 "Pin versions in apt-get install"
  { peer: 'DL3008 "apt-get version pinning"', rule: 'unpinned-package', code: deb('RUN apt-get update && apt-get install python'), fires: [2] },
  {
    peer: 'DL3008 "apt-get pinned chained"',
    rule: 'unpinned-package',
    code: deb('RUN apt-get update \\', ' && apt-get -yqq --no-install-recommends install nodejs=0.10 \\', ' && rm -rf /var/lib/apt/lists/*'),
  },
  {
    peer: 'DL3008 "apt-get pinned regression"',
    rule: 'unpinned-package',
    code: deb(
      'RUN apt-get update && apt-get install --no-install-recommends -y \\',
      'python-demjson=2.2.2* \\',
      'wget=1.16.1* \\',
      'git=1:2.5.0* \\',
      'ruby=1:2.1.*',
    ),
  },
  { peer: 'DL3008 "apt-get version"', rule: 'unpinned-package', code: deb('RUN apt-get install -y python=1.2.2') },
  { peer: 'DL3008 "apt-get version" (local .deb)', rule: 'unpinned-package', code: deb('RUN apt-get install ./wkhtmltox_0.12.5-1.bionic_amd64.deb') },
  { peer: 'DL3008 "apt-get pinned"', rule: 'unpinned-package', code: deb('RUN apt-get -y --no-install-recommends install nodejs=0.10') },
  {
    peer: 'DL3008 "apt-get tolerate target-release"',
    rule: 'unpinned-package',
    code: deb(
      'RUN set -e &&\\',
      ' echo "deb http://http.debian.net/debian jessie-backports main" > /etc/apt/sources.list.d/jessie-backports.list &&\\',
      ' apt-get update &&\\',
      ' apt-get install -y --no-install-recommends -t jessie-backports openjdk-8-jdk=8u131-b11-1~bpo8+1 &&\\',
      ' rm -rf /var/lib/apt/lists/*',
    ),
  },

  // DL3009 "Delete the apt-get lists after installing something"
  { peer: 'DL3009 "apt-get no cleanup"', rule: 'package-cache-kept', code: df('FROM scratch', 'RUN apt-get update && apt-get install python'), fires: [2] },
  {
    peer: 'DL3009 "apt-get cleanup in stage image"',
    rule: 'package-cache-kept',
    code: df('FROM ubuntu as foo', 'RUN apt-get update && apt-get install python', 'FROM scratch', 'RUN echo hey!'),
  },
  {
    peer: 'DL3009 "apt-get no cleanup in last stage"',
    rule: 'package-cache-kept',
    code: df('FROM ubuntu as foo', 'RUN hey!', 'FROM scratch', 'RUN apt-get update && apt-get install python'),
    fires: [4],
  },
  {
    peer: 'DL3009 "apt-get no cleanup in intermediate stage"',
    rule: 'package-cache-kept',
    code: df('FROM ubuntu as foo', 'RUN apt-get update && apt-get install python', 'FROM foo', 'RUN hey!'),
    fires: [2],
  },
  {
    peer: 'DL3009 "no warn apt-get cleanup in intermediate stage that cleans lists"',
    rule: 'package-cache-kept',
    code: df('FROM ubuntu as foo', 'RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*', 'FROM foo', 'RUN hey!'),
  },
  {
    peer: 'DL3009 "no warn apt-get cleanup in intermediate stage when stage not used later"',
    rule: 'package-cache-kept',
    code: df('FROM ubuntu as foo', 'RUN apt-get update && apt-get install python', 'FROM scratch', 'RUN hey!'),
  },
  {
    peer: 'DL3009 "apt-get cleanup"',
    rule: 'package-cache-kept',
    code: df('FROM scratch', 'RUN apt-get update && apt-get install python && rm -rf /var/lib/apt/lists/*'),
  },
  {
    peer: `DL3009 "don't warn: BuildKit cache mount to apt lists directory"`,
    rule: 'package-cache-kept',
    code: deb('RUN --mount=type=cache,target=/var/lib/apt/lists \\', '    apt-get update && apt-get install python'),
  },
  {
    peer: `DL3009 "don't warn: BuildKit cache mount to apt directories 1"`,
    rule: 'package-cache-kept',
    code: deb(
      'RUN --mount=type=cache,target=/var/lib/apt \\',
      '    --mount=type=cache,target=/var/cache/apt \\',
      '    rm -f /etc/apt/apt.conf.d/docker-clean && \\',
      '    apt-get update && apt-get install python',
    ),
  },
  {
    peer: `DL3009 "don't warn: BuildKit cache mount to apt directories 2"`,
    rule: 'package-cache-kept',
    code: deb(
      'RUN rm -f /etc/apt/apt.conf.d/docker-clean',
      'RUN --mount=type=cache,target=/var/cache/apt \\',
      '    --mount=type=cache,target=/var/lib/apt \\',
      '    apt-get update && apt-get install foo',
    ),
  },
  {
    peer: 'DL3009 "warn: BuildKit cache mount to apt cache directory only"',
    rule: 'package-cache-kept',
    code: deb(
      'RUN --mount=type=cache,target=/var/cache/apt \\',
      '    rm -f /etc/apt/apt.conf.d/docker-clean && \\',
      '    apt-get update && apt-get install python',
    ),
    fires: [2],
  },
  {
    peer: 'DL3009 "warn: BuildKit cache mount to apt lists directory only"',
    rule: 'package-cache-kept',
    code: deb('RUN rm -f /etc/apt/apt.conf.d/docker-clean', 'RUN --mount=type=cache,target=/var/lib/apt \\', '    apt-get update && apt-get install python'),
    fires: [3],
  },

  // DL3013 "Pin versions in pip"
  { peer: 'DL3013 "pip2 version not pinned"', rule: 'unpinned-package', code: py('RUN pip2 install MySQL_python'), fires: [2] },
  { peer: 'DL3013 "pip3 version not pinned"', rule: 'unpinned-package', code: py('RUN pip3 install MySQL_python'), fires: [2] },
  { peer: 'DL3013 "pip3 version pinned"', rule: 'unpinned-package', code: py('RUN pip3 install MySQL_python==1.2.2') },
  { peer: 'DL3013 "pip3 install from local package" (.whl)', rule: 'unpinned-package', code: py('RUN pip3 install mypkg.whl') },
  { peer: 'DL3013 "pip3 install from local package" (.tar.gz)', rule: 'unpinned-package', code: py('RUN pip3 install mypkg.tar.gz') },
  { peer: 'DL3013 "pip install requirements"', rule: 'unpinned-package', code: py('RUN pip install -r requirements.txt') },
  { peer: 'DL3013 "pip install requirements with long flag"', rule: 'unpinned-package', code: py('RUN pip install --requirement requirements.txt') },
  { peer: 'DL3013 "pip install use setup.py"', rule: 'unpinned-package', code: py('RUN pip install .') },
  { peer: 'DL3013 "pip version not pinned"', rule: 'unpinned-package', code: py('RUN pip install MySQL_python'), fires: [2] },
  { peer: 'DL3013 "pip version pinned"', rule: 'unpinned-package', code: py('RUN pip install MySQL_python==1.2.2') },
  { peer: 'DL3013 "pip version pinned with ~= operator"', rule: 'unpinned-package', code: py('RUN pip install MySQL_python~=1.2.2') },
  { peer: 'DL3013 "pip version pinned with === operator"', rule: 'unpinned-package', code: py('RUN pip install MySQL_python===1.2.2') },
  {
    peer: 'DL3013 "pip version pinned with flag --ignore-installed"',
    rule: 'unpinned-package',
    code: py('RUN pip install --ignore-installed MySQL_python==1.2.2'),
  },
  { peer: 'DL3013 "pip version pinned with flag --build"', rule: 'unpinned-package', code: py('RUN pip3 install --build /opt/yamllint yamllint==1.20.0') },
  { peer: 'DL3013 "pip version pinned with flag --prefix"', rule: 'unpinned-package', code: py('RUN pip3 install --prefix /opt/yamllint yamllint==1.20.0') },
  { peer: 'DL3013 "pip version pinned with flag --root"', rule: 'unpinned-package', code: py('RUN pip3 install --root /opt/yamllint yamllint==1.20.0') },
  { peer: 'DL3013 "pip version pinned with flag --target"', rule: 'unpinned-package', code: py('RUN pip3 install --target /opt/yamllint yamllint==1.20.0') },
  { peer: 'DL3013 "pip version pinned with flag --trusted-host"', rule: 'unpinned-package', code: py('RUN pip3 install --trusted-host host example==1.2.2') },
  { peer: 'DL3013 "pip version pinned with python -m"', rule: 'unpinned-package', code: py('RUN python -m pip install example==1.2.2') },
  { peer: 'DL3013 "pip version not pinned with python -m"', rule: 'unpinned-package', code: py('RUN python -m pip install example'), fires: [2] },
  {
    peer: 'DL3013 "pip version not pinned with python -m" (--index-url)',
    rule: 'unpinned-package',
    code: py('RUN python -m pip install --index-url url example'),
    fires: [2],
  },
  { peer: 'DL3013 "pip install git"', rule: 'unpinned-package', code: py('RUN pip install git+https://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext') },
  {
    peer: 'DL3013 "pip install unversioned git"',
    rule: 'unpinned-package',
    code: py('RUN pip install git+https://github.com/rtfd/read-ext.git#egg=read-ext'),
    fires: [2],
  },
  { peer: 'DL3013 "pip install upper bound"', rule: 'unpinned-package', code: py("RUN pip install 'alabaster>=0.7'") },
  { peer: 'DL3013 "pip install lower bound"', rule: 'unpinned-package', code: py("RUN pip install 'alabaster<0.7'") },
  { peer: 'DL3013 "pip install excluded version"', rule: 'unpinned-package', code: py("RUN pip install 'alabaster!=0.7'") },
  { peer: 'DL3013 "pip install user directory"', rule: 'unpinned-package', code: py('RUN pip install MySQL_python==1.2.2 --user') },
  { peer: 'DL3013 "pip install no pip version check"', rule: 'unpinned-package', code: py('RUN pip install MySQL_python==1.2.2 --disable-pip-version-check') },
  { peer: 'DL3013 "pip install --index-url"', rule: 'unpinned-package', code: py('RUN pip install --index-url https://eg.com/foo foobar==1.0.0') },
  {
    peer: 'DL3013 "pip install --index-url with --extra-index-url"',
    rule: 'unpinned-package',
    code: py('RUN pip install --index-url https://eg.com/foo --extra-index-url https://ex-eg.io/foo foobar==1.0.0'),
  },
  { peer: 'DL3013 "pip install no cache dir"', rule: 'unpinned-package', code: py('RUN pip install MySQL_python==1.2.2 --no-cache-dir') },
  {
    peer: 'DL3013 "pip install constraints file - long version argument"',
    rule: 'unpinned-package',
    code: py('RUN pip install pykafka --constraint http://foo.bar.baz'),
  },
  {
    peer: 'DL3013 "pip install constraints file - short version argument"',
    rule: 'unpinned-package',
    code: py('RUN pip install pykafka -c http://foo.bar.baz'),
  },
  {
    peer: 'DL3013 "pip install --index-url with --extra-index-url with basic auth"',
    rule: 'unpinned-package',
    code: py('RUN pip install --index-url https://user:pass@eg.com/foo --extra-index-url https://user:pass@ex-eg.io/foo foobar==1.0.0'),
  },

  // DL3014 "Use the -y switch"
  { peer: 'DL3014 "apt-get auto yes"', rule: 'package-manager-interactive', code: deb('RUN apt-get install python'), fires: [2] },
  { peer: 'DL3014 "apt-get yes shortflag"', rule: 'package-manager-interactive', code: deb('RUN apt-get install -yq python') },
  { peer: 'DL3014 "apt-get yes quiet level 2 implies -y"', rule: 'package-manager-interactive', code: deb('RUN apt-get install -qq python') },
  { peer: 'DL3014 "apt-get yes different pos"', rule: 'package-manager-interactive', code: deb('RUN apt-get install -y python') },
  { peer: 'DL3014 "apt-get with auto yes"', rule: 'package-manager-interactive', code: deb('RUN apt-get -y install python') },
  { peer: 'DL3014 "apt-get with auto expanded yes"', rule: 'package-manager-interactive', code: deb('RUN apt-get --yes install python') },
  { peer: 'DL3014 "apt-get with assume-yes"', rule: 'package-manager-interactive', code: deb('RUN apt-get --assume-yes install python') },

  // DL3015 "Avoid additional packages by specifying --no-install-recommends"
  { peer: 'DL3015 "apt-get install recommends"', rule: 'apt-install-recommends', code: deb('RUN apt-get install --no-install-recommends python') },
  { peer: 'DL3015 "apt-get no install recommends"', rule: 'apt-install-recommends', code: deb('RUN apt-get install python'), fires: [2] },
  { peer: 'DL3015 "apt-get no install recommends" (-y)', rule: 'apt-install-recommends', code: deb('RUN apt-get -y install python'), fires: [2] },
  {
    peer: 'DL3015 "apt-get no install recommends via option"',
    rule: 'apt-install-recommends',
    code: deb('RUN apt-get -o APT::Install-Recommends=false install python'),
  },

  // DL3016 "Pin versions in npm"
  { peer: 'DL3016 "version pinned in package.json"', rule: 'unpinned-package', code: node('RUN npm install') },
  { peer: 'DL3016 "version pinned in package.json with arguments"', rule: 'unpinned-package', code: node('RUN npm install --progress=false') },
  { peer: 'DL3016 "version pinned"', rule: 'unpinned-package', code: node('RUN npm install express@4.1.1') },
  { peer: 'DL3016 "version pinned with scope"', rule: 'unpinned-package', code: node('RUN npm install @myorg/privatepackage@">=0.1.0"') },
  { peer: 'DL3016 "version pinned multiple packages"', rule: 'unpinned-package', code: node('RUN npm install express@"4.1.1" sax@0.1.1') },
  { peer: 'DL3016 "version pinned with --global"', rule: 'unpinned-package', code: node('RUN npm install --global express@"4.1.1"') },
  { peer: 'DL3016 "version pinned with -g"', rule: 'unpinned-package', code: node('RUN npm install -g express@"4.1.1"') },
  { peer: 'DL3016 "version does not have to be pinned for tarball suffix .tar"', rule: 'unpinned-package', code: node('RUN npm install package-v1.2.3.tar') },
  {
    peer: 'DL3016 "version does not have to be pinned for tarball suffix .tar.gz"',
    rule: 'unpinned-package',
    code: node('RUN npm install package-v1.2.3.tar.gz'),
  },
  { peer: 'DL3016 "version does not have to be pinned for tarball suffix .tgz"', rule: 'unpinned-package', code: node('RUN npm install package-v1.2.3.tgz') },
  { peer: 'DL3016 "version does not have to be pinned for folder - absolute path"', rule: 'unpinned-package', code: node('RUN npm install /folder') },
  { peer: 'DL3016 "... folder - relative path from current folder"', rule: 'unpinned-package', code: node('RUN npm install ./folder') },
  { peer: 'DL3016 "... folder - relative path to parent folder"', rule: 'unpinned-package', code: node('RUN npm install ../folder') },
  { peer: 'DL3016 "... folder - relative path from home"', rule: 'unpinned-package', code: node('RUN npm install ~/folder') },
  { peer: 'DL3016 "commit pinned for git+ssh"', rule: 'unpinned-package', code: node('RUN npm install git+ssh://git@github.com:npm/npm.git#v1.0.27') },
  { peer: 'DL3016 "commit pinned for git+http"', rule: 'unpinned-package', code: node('RUN npm install git+http://isaacs@github.com/npm/npm#semver:^5.0') },
  { peer: 'DL3016 "commit pinned for git+https"', rule: 'unpinned-package', code: node('RUN npm install git+https://isaacs@github.com/npm/npm.git#v1.0.27') },
  { peer: 'DL3016 "commit pinned for git"', rule: 'unpinned-package', code: node('RUN npm install git://github.com/npm/npm.git#v1.0.27') },
  { peer: 'DL3016 "npm run install is fine"', rule: 'unpinned-package', code: node('RUN npm run --crazy install') },
  { peer: 'DL3016 "version pinned with scope" (range)', rule: 'unpinned-package', code: node('RUN npm install @myorg/privatepackage@">=0.1.0 <0.2.0"') },
  { peer: 'DL3016 "version not pinned"', rule: 'unpinned-package', code: node('RUN npm install express'), fires: [2] },
  { peer: 'DL3016 "version not pinned with scope"', rule: 'unpinned-package', code: node('RUN npm install @myorg/privatepackage'), fires: [2] },
  { peer: 'DL3016 "version not pinned multiple packages"', rule: 'unpinned-package', code: node('RUN npm install express sax@0.1.1'), fires: [2] },
  { peer: 'DL3016 "version not pinned with --global"', rule: 'unpinned-package', code: node('RUN npm install --global express'), fires: [2] },
  { peer: 'DL3016 "commit not pinned for git+ssh"', rule: 'unpinned-package', code: node('RUN npm install git+ssh://git@github.com:npm/npm.git'), fires: [2] },
  { peer: 'DL3016 "commit not pinned for git+http"', rule: 'unpinned-package', code: node('RUN npm install git+http://isaacs@github.com/npm/npm'), fires: [2] },
  {
    peer: 'DL3016 "commit not pinned for git+https"',
    rule: 'unpinned-package',
    code: node('RUN npm install git+https://isaacs@github.com/npm/npm.git'),
    fires: [2],
  },
  { peer: 'DL3016 "commit not pinned for git"', rule: 'unpinned-package', code: node('RUN npm install git://github.com/npm/npm.git'), fires: [2] },
  { peer: `DL3016 "don't fire on loglevel flag"`, rule: 'unpinned-package', code: node('RUN npm install --loglevel verbose sax@0.1.1') },
  { peer: `DL3016 "don't fire on registry flag"`, rule: 'unpinned-package', code: node('RUN npm install --registry https://example.com sax@0.1.1') },
  {
    peer: 'DL3016 "version not pinned with --registry flag"',
    rule: 'unpinned-package',
    code: node('RUN npm install --registry https://example.com express'),
    fires: [2],
  },
  {
    peer: 'DL3016 "version not pinned with --registry=value form"',
    rule: 'unpinned-package',
    code: node('RUN npm install --registry=https://example.com express'),
    fires: [2],
  },

  // DL3018 "Pin versions in apk add"
  { peer: 'DL3018 "apk add version pinning single"', rule: 'unpinned-package', code: alp('RUN apk add flex'), fires: [2] },
  { peer: 'DL3018 "apk add no version pinning single"', rule: 'unpinned-package', code: alp('RUN apk add flex=2.6.4-r1') },
  { peer: 'DL3018 "apk add tilde version pinning single"', rule: 'unpinned-package', code: alp('RUN apk add --no-cache git~2.52.0') },
  {
    peer: 'DL3018 "apk add version pinned chained"',
    rule: 'unpinned-package',
    code: alp('RUN apk add --no-cache flex=2.6.4-r1 \\', ' && pip install -r requirements.txt'),
  },
  {
    peer: 'DL3018 "apk add version pinned regression"',
    rule: 'unpinned-package',
    code: alp('RUN apk add --no-cache \\', 'flex=2.6.4-r1 \\', 'libffi=3.2.1-r3 \\', 'python2=2.7.13-r1 \\', 'libbz2=1.0.6-r5'),
  },
  {
    peer: 'DL3018 "apk add version pinned regression - one missed"',
    rule: 'unpinned-package',
    code: alp('RUN apk add --no-cache \\', 'flex=2.6.4-r1 \\', 'libffi \\', 'python2=2.7.13-r1 \\', 'libbz2=1.0.6-r5'),
    fires: [2],
  },
  {
    peer: 'DL3018 "apk add virtual package"',
    rule: 'unpinned-package',
    code: alp(
      'RUN apk add \\',
      '--virtual build-dependencies \\',
      'python-dev=1.1.1 build-base=2.2.2 wget=3.3.3 \\',
      '&& pip install -r requirements.txt \\',
      '&& python setup.py install \\',
      '&& apk del build-dependencies',
    ),
  },
  {
    peer: 'DL3018 "apk add with repository without equal sign"',
    rule: 'unpinned-package',
    code: alp('RUN apk add --no-cache \\', '--repository https://nl.alpinelinux.org/alpine/edge/testing \\', 'flow=0.78.0-r0'),
  },
  {
    peer: 'DL3018 "apk add with repository with equal sign"',
    rule: 'unpinned-package',
    code: alp('RUN apk add --no-cache \\', '--repository=https://nl.alpinelinux.org/alpine/edge/testing \\', 'flow=0.78.0-r0'),
  },
  {
    peer: 'DL3018 "apk add with repository (-X) without equal sign"',
    rule: 'unpinned-package',
    code: alp('RUN apk add --no-cache \\', '-X https://nl.alpinelinux.org/alpine/edge/testing \\', 'flow=0.78.0-r0'),
  },
  { peer: `DL3018 "don't trigger when installing from .apk file"`, rule: 'unpinned-package', code: alp('RUN apk add mypackage-1.1.1.apk') },

  // DL3019 "Use the --no-cache switch"
  { peer: 'DL3019 "apk add with --no-cache"', rule: 'package-cache-kept', code: alp('RUN apk add flex=2.6.4-r1'), fires: [2] },
  { peer: 'DL3019 "apk add without --no-cache"', rule: 'package-cache-kept', code: alp('RUN apk add --no-cache flex=2.6.4-r1') },
  {
    peer: `DL3019 "don't warn: apk add with BuildKit cache mount"`,
    rule: 'package-cache-kept',
    code: alp('RUN --mount=type=cache,target=/var/cache/apk apk add -U curl=7.77.0'),
  },
  {
    peer: `DL3019 "don't warn: apk add with BuildKit cache mount in wrong dir and --no-cache"`,
    rule: 'package-cache-kept',
    code: alp('RUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=7.77.0'),
  },
  {
    peer: 'DL3019 "warn: apk add with BuildKit cache mount to wrong dir"',
    rule: 'package-cache-kept',
    code: alp('RUN --mount=type=cache,target=/var/cache/foo apk add -U curl=7.77.0'),
    fires: [2],
  },

  // DL3020 "Use COPY instead of ADD for files and folders"
  { peer: 'DL3020 "add for tar"', rule: 'add-instead-of-copy', code: deb('ADD file.tar /usr/src/app/') },
  { peer: 'DL3020 "add for gzip"', rule: 'add-instead-of-copy', code: deb('ADD file.gz /usr/src/app/') },
  { peer: 'DL3020 "add for bz2"', rule: 'add-instead-of-copy', code: deb('ADD file.bz2 /usr/src/app/') },
  { peer: 'DL3020 "add for xz"', rule: 'add-instead-of-copy', code: deb('ADD file.xz /usr/src/app/') },
  { peer: 'DL3020 "add for tgz"', rule: 'add-instead-of-copy', code: deb('ADD file.tgz /usr/src/app/') },
  { peer: 'DL3020 "add for url"', rule: 'add-instead-of-copy', code: deb('ADD http://file.com /usr/src/app/') },
  { peer: 'DL3020 "using add"', rule: 'add-instead-of-copy', code: deb('ADD file /usr/src/app/'), fires: [2] },
  { peer: 'DL3020 "warn for zip"', rule: 'add-instead-of-copy', code: deb('ADD file.zip /usr/src/app/'), fires: [2] },
  { peer: 'DL3020 "add for tgz with quotes"', rule: 'add-instead-of-copy', code: deb('ADD "file.tgz" /usr/src/app/') },
  { peer: 'DL3020 "add for url with quotes"', rule: 'add-instead-of-copy', code: deb('ADD "http://file.com" /usr/src/app/') },
  { peer: 'DL3020 "warn for zip with quotes"', rule: 'add-instead-of-copy', code: deb('ADD "file.zip" /usr/src/app/'), fires: [2] },

  // DL3022 "COPY --from should reference a previously defined FROM alias": a --from that names no earlier stage
  // is an image, which image-outside-from judges (here untagged).
  { peer: 'DL3022 "warn on missing alias"', rule: 'image-outside-from', code: deb('COPY --from=foo bar .'), fires: [2] },
  {
    peer: 'DL3022 "warn on alias defined after"',
    rule: 'image-outside-from',
    code: df('FROM scratch', 'COPY --from=build foo .', 'FROM node as build', 'RUN baz'),
    fires: [2],
  },
  {
    peer: `DL3022 "don't warn on correctly defined aliases"`,
    rule: 'image-outside-from',
    code: df('FROM scratch as build', 'RUN foo', 'FROM node', 'COPY --from=build foo .', 'RUN baz'),
  },

  // DL3026 "Use only an allowed registry in the FROM image" (allowedRegistries = trustedRegistries)
  { peer: 'DL3026 "does not warn on empty allowed registries"', rule: 'untrusted-registry', code: df('FROM random.com/debian') },
  {
    peer: 'DL3026 "warn on non-allowed registry"',
    rule: 'untrusted-registry',
    code: df('FROM random.com/debian'),
    config: { trustedRegistries: ['docker.io'] },
    fires: [1],
  },
  {
    peer: 'DL3026 "does not warn on allowed registries"',
    rule: 'untrusted-registry',
    code: df('FROM random.com/debian'),
    config: { trustedRegistries: ['x.com', 'random.com'] },
  },
  {
    peer: `DL3026 "doesn't warn on scratch image"`,
    rule: 'untrusted-registry',
    code: df('FROM scratch'),
    config: { trustedRegistries: ['x.com', 'random.com'] },
  },
  {
    peer: 'DL3026 "allows boths all forms of docker.io"',
    rule: 'untrusted-registry',
    code: df('FROM ubuntu:18.04 AS builder1', 'FROM zemanlx/ubuntu:18.04 AS builder2', 'FROM docker.io/zemanlx/ubuntu:18.04 AS builder3'),
    config: { trustedRegistries: ['docker.io'] },
  },
  {
    peer: 'DL3026 "allows using previous stages"',
    rule: 'untrusted-registry',
    code: df('FROM random.com/foo AS builder1', 'FROM builder1 AS builder2'),
    config: { trustedRegistries: ['random.com'] },
  },
  {
    peer: 'DL3026 "warn on non-allowed wildcard registry"',
    rule: 'untrusted-registry',
    code: df('FROM x.com/debian'),
    config: { trustedRegistries: ['*.random.com'] },
    fires: [1],
  },
  {
    peer: 'DL3026 "does not warn on allowed wildcard registries"',
    rule: 'untrusted-registry',
    code: df('FROM foo.random.com/debian'),
    config: { trustedRegistries: ['x.com', '*.random.com'] },
  },
  {
    peer: 'DL3026 "does not warn on * registry"',
    rule: 'untrusted-registry',
    code: df('FROM ubuntu:18.04 AS builder1', 'FROM zemanlx/ubuntu:18.04 AS builder2', 'FROM docker.io/zemanlx/ubuntu:18.04 AS builder3'),
    config: { trustedRegistries: ['*'] },
  },

  // DL3028 "Pin versions in gem install"
  { peer: 'DL3028 "i unpinned"', rule: 'unpinned-package', code: rb('RUN gem i bundler'), fires: [2] },
  { peer: 'DL3028 "i pinned"', rule: 'unpinned-package', code: rb('RUN gem i bundler:1') },
  { peer: 'DL3028 "i multi"', rule: 'unpinned-package', code: rb('RUN gem i bunlder:1 nokogiri'), fires: [2] },
  { peer: 'DL3028 "i multi" (both pinned)', rule: 'unpinned-package', code: rb('RUN gem i bunlder:1 nokogirii:1') },
  { peer: 'DL3028 "install unpinned"', rule: 'unpinned-package', code: rb('RUN gem install bundler'), fires: [2] },
  { peer: 'DL3028 "install pinned"', rule: 'unpinned-package', code: rb('RUN gem install bundler:1') },
  { peer: 'DL3028 "does not warn on -v"', rule: 'unpinned-package', code: rb("RUN gem install bundler -v '2.0.1'") },
  { peer: 'DL3028 "does not warn on --version without ="', rule: 'unpinned-package', code: rb("RUN gem install bundler --version '2.0.1'") },
  { peer: 'DL3028 "does not warn on --version with ="', rule: 'unpinned-package', code: rb("RUN gem install bundler --version='2.0.1'") },
  {
    peer: 'DL3028 "does not warn when using extra flags with equal sign and double dashes"',
    rule: 'unpinned-package',
    code: rb('RUN gem install bundler:2.0.1 -- --use-system-libraries=true'),
  },
  {
    peer: 'DL3028 "does not warn when using extra flags with double dashes"',
    rule: 'unpinned-package',
    code: rb('RUN gem install bundler:2.0.1 -- --use-system-libraries true'),
  },
  { peer: 'DL3028 "does not warn when using extra flags"', rule: 'unpinned-package', code: rb('RUN gem install bundler:2.0.1 --use-system-libraries true') },
  {
    peer: 'DL3028 "does not warn when using extra flags with equal sign"',
    rule: 'unpinned-package',
    code: rb('RUN gem install bundler:2.0.1 --use-system-libraries=true'),
  },

  // DL3030 "Use the -y switch to avoid manual input yum install -y <package>"
  {
    peer: 'DL3030 "not ok when not using -y switch"',
    rule: 'package-manager-interactive',
    code: fed('RUN yum install httpd-2.4.24 && yum clean all'),
    fires: [2],
  },
  { peer: 'DL3030 "ok when using -y switch"', rule: 'package-manager-interactive', code: fed('RUN yum install -y httpd-2.4.24 && yum clean all') },
  {
    peer: 'DL3030 "ok when using -y switch" (not even a yum command)',
    rule: 'package-manager-interactive',
    code: fed('RUN bash -c `# not even a yum command`'),
  },

  // DL3032 "yum clean all missing after yum command"
  { peer: 'DL3032 "not ok with no clean all"', rule: 'package-cache-kept', code: fed('RUN yum install -y mariadb-10.4'), fires: [2] },
  { peer: 'DL3032 "ok with yum clean all"', rule: 'package-cache-kept', code: fed('RUN yum install -y mariadb-10.4 && yum clean all') },
  { peer: 'DL3032 "ok with yum clean all" (not even a yum command)', rule: 'package-cache-kept', code: fed('RUN bash -c `# not even a yum command`') },

  // DL3033 "Specify version with yum install -y <package>-<version>"
  { peer: 'DL3033 "not ok without yum version pinning"', rule: 'unpinned-package', code: fed('RUN yum install -y tomcat && yum clean all'), fires: [2] },
  { peer: 'DL3033 "ok with yum version pinning"', rule: 'unpinned-package', code: fed('RUN yum install -y tomcat-9.2 && yum clean all') },
  { peer: 'DL3033 "ok with yum version pinning" (not even a yum command)', rule: 'unpinned-package', code: fed('RUN bash -c `# not even a yum command`') },
  { peer: 'DL3033 "ok with yum version pinning - version contains epoch"', rule: 'unpinned-package', code: fed('RUN yum install -y openssl-1:1.1.1k') },
  { peer: 'DL3033 "ok with yum version pinning - package name contains -"', rule: 'unpinned-package', code: fed('RUN yum install -y rpm-sign-4.16.1.3') },
  { peer: 'DL3033 "ok with yum version pinning - package name contains - and +"', rule: 'unpinned-package', code: fed('RUN yum install -y gcc-c++-1.1.1') },
  {
    peer: 'DL3033 "not ok without yum version pinning - modules"',
    rule: 'unpinned-package',
    code: fed('RUN yum module install -y tomcat && yum clean all'),
    fires: [2],
  },
  { peer: 'DL3033 "ok with yum version pinning - modules"', rule: 'unpinned-package', code: fed('RUN yum module install -y tomcat:9 && yum clean all') },
  {
    peer: 'DL3033 "ok with yum version pinning via shell variable" (1)',
    rule: 'unpinned-package',
    code: fed('RUN yum install -y "git-core-${GIT_VER}" && yum clean all'),
  },
  {
    peer: 'DL3033 "ok with yum version pinning via shell variable" (2)',
    rule: 'unpinned-package',
    code: fed('RUN yum install -y "which-${WHICH_VERSION}" && yum clean all'),
  },
  {
    peer: 'DL3033 "ok with yum version pinning via shell variable" (3)',
    rule: 'unpinned-package',
    code: fed('RUN yum install -y "rpm-sign-${VERSION}" && yum clean all'),
  },
  {
    peer: 'DL3033 "ok with yum version pinning via shell variable" (4)',
    rule: 'unpinned-package',
    code: fed('RUN yum install -y tomcat-$VERSION && yum clean all'),
  },

  // DL3034 "Non-interactive switch missing from zypper command"
  {
    peer: 'DL3034 "not ok without non-interactive switch"',
    rule: 'package-manager-interactive',
    code: suse('RUN zypper install httpd=2.4.24 && zypper clean'),
    fires: [2],
  },
  {
    peer: 'DL3034 "ok with non-interactive switch present" (-n)',
    rule: 'package-manager-interactive',
    code: suse('RUN zypper install -n httpd=2.4.24 && zypper clean'),
  },
  {
    peer: 'DL3034 "ok with non-interactive switch present" (--non-interactive)',
    rule: 'package-manager-interactive',
    code: suse('RUN zypper install --non-interactive httpd=2.4.24 && zypper clean'),
  },
  {
    peer: 'DL3034 "ok with non-interactive switch present" (-y)',
    rule: 'package-manager-interactive',
    code: suse('RUN zypper install -y httpd=2.4.24 && zypper clean'),
  },
  {
    peer: 'DL3034 "ok with non-interactive switch present" (--no-confirm)',
    rule: 'package-manager-interactive',
    code: suse('RUN zypper install --no-confirm httpd=2.4.24 && zypper clean'),
  },

  // DL3036 "`zypper clean` missing after zypper use"
  { peer: 'DL3036 "not ok without zypper clean"', rule: 'package-cache-kept', code: suse('RUN zypper install -y mariadb=10.4'), fires: [2] },
  { peer: 'DL3036 "ok with zypper clean"', rule: 'package-cache-kept', code: suse('RUN zypper install -y mariadb=10.4 && zypper clean') },
  { peer: 'DL3036 "ok with zypper clean" (cc)', rule: 'package-cache-kept', code: suse('RUN zypper install -y mariadb=10.4 && zypper cc') },

  // DL3037 "Specify version with zypper install -y <package>[=]<version>"
  { peer: 'DL3037 "not ok without zypper version pinning"', rule: 'unpinned-package', code: suse('RUN zypper install -y tomcat && zypper clean'), fires: [2] },
  {
    peer: 'DL3037 "ok with different variants of zypper version pinning" (=)',
    rule: 'unpinned-package',
    code: suse('RUN zypper install -y tomcat=9.0.39 && zypper clean'),
  },
  { peer: 'DL3037 "... zypper version pinning" (>=)', rule: 'unpinned-package', code: suse('RUN zypper install -y tomcat\\>=9.0 && zypper clean') },
  { peer: 'DL3037 "... zypper version pinning" (>)', rule: 'unpinned-package', code: suse('RUN zypper install -y tomcat\\>9.0 && zypper clean') },
  { peer: 'DL3037 "... zypper version pinning" (<=)', rule: 'unpinned-package', code: suse('RUN zypper install -y tomcat\\<=9.0 && zypper clean') },
  { peer: 'DL3037 "... zypper version pinning" (<)', rule: 'unpinned-package', code: suse('RUN zypper install -y tomcat\\<9.0 && zypper clean') },
  { peer: 'DL3037 "... zypper version pinning" (.rpm)', rule: 'unpinned-package', code: suse('RUN zypper install -y tomcat-9.0.39-1.rpm && zypper clean') },

  // DL3038 "Use the -y switch to avoid manual input dnf install -y <package>"
  {
    peer: 'DL3038 "not ok without dnf non-interactive flag"',
    rule: 'package-manager-interactive',
    code: fed('RUN dnf install httpd-2.4.24 && dnf clean all'),
    fires: [2],
  },
  { peer: 'DL3038 "ok with dnf non-interactive flag"', rule: 'package-manager-interactive', code: fed('RUN dnf install -y httpd-2.4.24 && dnf clean all') },
  { peer: 'DL3038 "ok with dnf non-interactive flag" (notdnf)', rule: 'package-manager-interactive', code: fed('RUN notdnf install httpd') },

  // DL3040 "dnf clean all missing after dnf command"
  { peer: 'DL3040 "no ok without dnf clean all" (dnf)', rule: 'package-cache-kept', code: fed('RUN dnf install -y mariadb-10.4'), fires: [2] },
  { peer: 'DL3040 "no ok without dnf clean all" (microdnf)', rule: 'package-cache-kept', code: fed('RUN microdnf install -y mariadb-10.4'), fires: [2] },
  {
    peer: 'DL3040 "no ok without dnf clean all" (dnf install, then microdnf clean all)',
    rule: 'package-cache-kept',
    code: fed('RUN dnf install -y mariadb-10.4 && microdnf clean all'),
    fires: [2],
  },
  { peer: 'DL3040 "ok with dnf clean all"', rule: 'package-cache-kept', code: fed('RUN dnf install -y mariadb-10.4 && dnf clean all') },
  { peer: 'DL3040 "ok with dnf clean all" (microdnf)', rule: 'package-cache-kept', code: fed('RUN microdnf install -y mariadb-10.4 && microdnf clean all') },
  { peer: 'DL3040 "ok with dnf clean all" (notdnf)', rule: 'package-cache-kept', code: fed('RUN notdnf install mariadb') },
  { peer: 'DL3040 "ok with rm /var/cache/yum"', rule: 'package-cache-kept', code: fed('RUN dnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*') },
  {
    peer: 'DL3040 "ok with rm /var/cache/yum" (microdnf)',
    rule: 'package-cache-kept',
    code: fed('RUN microdnf install -y mariadb-10.4 && rm -rf /var/cache/yum/*'),
  },

  // DL3041 "Specify version with dnf install -y <package>-<version>"
  { peer: 'DL3041 "not ok without dnf version pinning"', rule: 'unpinned-package', code: fed('RUN dnf install -y tomcat && dnf clean all'), fires: [2] },
  {
    peer: 'DL3041 "not ok without dnf version pinning" (microdnf)',
    rule: 'unpinned-package',
    code: fed('RUN microdnf install -y tomcat && microdnf clean all'),
    fires: [2],
  },
  {
    peer: 'DL3041 "not ok without dnf version pinning - package name with -"',
    rule: 'unpinned-package',
    code: fed('RUN dnf install -y rpm-sign && dnf clean all'),
    fires: [2],
  },
  {
    peer: 'DL3041 "not ok without dnf version pinning - package name with -" (microdnf)',
    rule: 'unpinned-package',
    code: fed('RUN microdnf install -y rpm-sign && microdnf clean all'),
    fires: [2],
  },
  { peer: 'DL3041 "ok with dnf version pinning"', rule: 'unpinned-package', code: fed('RUN dnf install -y tomcat-9.0.1 && dnf clean all') },
  {
    peer: 'DL3041 "ok with dnf version pinning" (microdnf)',
    rule: 'unpinned-package',
    code: fed('RUN microdnf install -y tomcat-9.0.1 && microdnf clean all'),
  },
  { peer: 'DL3041 "ok with version pinning if command is not dnf or microdnf"', rule: 'unpinned-package', code: fed('RUN notdnf install openssl-1:1.1.1k') },
  { peer: 'DL3041 "ok without version pinning if command is not dnf or microdnf"', rule: 'unpinned-package', code: fed('RUN notdnf install tomcat') },
  {
    peer: 'DL3041 "ok with dnf version pinning - package name with -"',
    rule: 'unpinned-package',
    code: fed('RUN dnf install -y rpm-sign-4.16.1.3 && dnf clean all'),
  },
  { peer: 'DL3041 "ok with dnf version pinning - package name with - and +"', rule: 'unpinned-package', code: fed('RUN dnf install -y gcc-c++-1.1.1') },
  {
    peer: 'DL3041 "ok with dnf version pinning - package name with - and +" (microdnf)',
    rule: 'unpinned-package',
    code: fed('RUN microdnf install -y gcc-c++-1.1.1'),
  },
  { peer: 'DL3041 "ok with dnf version pinning - package version with epoch"', rule: 'unpinned-package', code: fed('RUN dnf install -y openssl-1:1.1.1k') },
  {
    peer: 'DL3041 "not ok without dnf version pinning - modules"',
    rule: 'unpinned-package',
    code: fed('RUN dnf module install -y tomcat && dnf clean all'),
    fires: [2],
  },
  {
    peer: 'DL3041 "not ok without dnf version pinning - modules" (microdnf)',
    rule: 'unpinned-package',
    code: fed('RUN microdnf module install -y tomcat && microdnf clean all'),
    fires: [2],
  },
  { peer: 'DL3041 "ok with dnf version pinning - modules"', rule: 'unpinned-package', code: fed('RUN dnf module install -y tomcat:9 && dnf clean all') },
  { peer: 'DL3041 "ok with dnf version pinning - modules" (notdnf)', rule: 'unpinned-package', code: fed('RUN notdnf module install tomcat') },
  {
    peer: 'DL3041 "ok with dnf version pinning via shell variable" (1)',
    rule: 'unpinned-package',
    code: fed('RUN dnf install -y "git-core-${GIT_VER}" && dnf clean all'),
  },
  {
    peer: 'DL3041 "ok with dnf version pinning via shell variable" (2)',
    rule: 'unpinned-package',
    code: fed('RUN dnf install -y "rpm-sign-${VERSION}" && dnf clean all'),
  },
  {
    peer: 'DL3041 "ok with dnf version pinning via shell variable" (3)',
    rule: 'unpinned-package',
    code: fed('RUN dnf install -y tomcat-$VERSION && dnf clean all'),
  },

  // DL3042 "Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`"
  { peer: 'DL3042 "pip2 --no-cache-dir not used"', rule: 'package-cache-kept', code: py('RUN pip2 install MySQL_python'), fires: [2] },
  { peer: 'DL3042 "pip3 --no-cache-dir not used"', rule: 'package-cache-kept', code: py('RUN pip3 install MySQL_python'), fires: [2] },
  { peer: 'DL3042 "pip --no-cache-dir not used"', rule: 'package-cache-kept', code: py('RUN pip install MySQL_python'), fires: [2] },
  { peer: 'DL3042 "pip2 --no-cache-dir used"', rule: 'package-cache-kept', code: py('RUN pip2 install MySQL_python --no-cache-dir') },
  { peer: 'DL3042 "pip3 --no-cache-dir used"', rule: 'package-cache-kept', code: py('RUN pip3 install --no-cache-dir MySQL_python') },
  { peer: 'DL3042 "pip --no-cache-dir used"', rule: 'package-cache-kept', code: py('RUN pip install MySQL_python --no-cache-dir') },
  { peer: `DL3042 "don't match on pipx"`, rule: 'package-cache-kept', code: py('RUN pipx install software') },
  { peer: `DL3042 "don't match on pipenv"`, rule: 'package-cache-kept', code: py('RUN pipenv install library') },
  ...['1', 'on', 'yes', 'true'].flatMap((value): PeerCase[] => [
    {
      peer: `DL3042 "respect ENV PIP_NO_CACHE_DIR with truthy values" (${value})`,
      rule: 'package-cache-kept',
      code: py(`ENV PIP_NO_CACHE_DIR=${value}`, 'RUN pip install MySQL_python'),
    },
    {
      peer: `DL3042 "respect RUN PIP_NO_CACHE_DIR=... with truthy values" (${value})`,
      rule: 'package-cache-kept',
      code: py(`RUN PIP_NO_CACHE_DIR=${value} pip install MySQL_python`),
    },
    {
      peer: `DL3042 "respect RUN export PIP_NO_CACHE_DIR=... with truthy values" (${value})`,
      rule: 'package-cache-kept',
      code: py(`RUN export PIP_NO_CACHE_DIR=${value} && pip install MySQL_python`),
    },
  ]),
  ...['0', 'off', 'no', 'false'].flatMap((value): PeerCase[] => [
    {
      peer: `DL3042 "respect ENV PIP_NO_CACHE_DIR with falsy values" (${value})`,
      rule: 'package-cache-kept',
      code: py(`ENV PIP_NO_CACHE_DIR=${value}`, 'RUN pip install MySQL_python'),
      fires: [3],
      deviation: { reason: 'PIP_NO_CACHE_DIR set to a false value (0, off, no, false) is silent' },
    },
    {
      peer: `DL3042 "respect RUN PIP_NO_CACHE_DIR=... with falsy values" (${value})`,
      rule: 'package-cache-kept',
      code: py(`RUN PIP_NO_CACHE_DIR=${value} pip install MySQL_python`),
      fires: [2],
      deviation: { reason: 'PIP_NO_CACHE_DIR set to a false value (0, off, no, false) is silent' },
    },
  ]),
  {
    peer: `DL3042 "don't trigger if PIP_NO_CACHE_DIR is inherited"`,
    rule: 'package-cache-kept',
    code: df('FROM debian:buster as base', 'ENV PIP_NO_CACHE_DIR=1', 'FROM base', 'RUN pip install six'),
  },
  {
    peer: 'DL3042 "trigger if PIP_NO_CACHE_DIR is not inherited"',
    rule: 'package-cache-kept',
    code: df('FROM debian:buster as base', 'ENV PIP_NO_CACHE_DIR=1', 'FROM debian:buster', 'RUN pip install six'),
    fires: [4],
  },

  // DL3060 "`yarn cache clean` missing after `yarn install`"
  { peer: 'DL3060 "ok with non-yarn commands"', rule: 'package-cache-kept', code: node('RUN foo') },
  { peer: 'DL3060 "not ok with no cache clean"', rule: 'package-cache-kept', code: node('RUN yarn install foo'), fires: [2] },
  { peer: 'DL3060 "ok with cache clean"', rule: 'package-cache-kept', code: node('RUN yarn install bar && yarn cache clean') },
  {
    peer: 'DL3060 "not ok when yarn install is in last stage w/o yarn clean"',
    rule: 'package-cache-kept',
    code: df('FROM node:lts-alpine as foo', 'RUN hey!', 'FROM scratch', 'RUN yarn install'),
    fires: [4],
  },
  {
    peer: 'DL3060 "not ok when inheriting from stage with yarn install w/o yarn clean"',
    rule: 'package-cache-kept',
    code: df('FROM node:lts-alpine as foo', 'RUN yarn install', 'FROM foo', 'RUN hey!'),
    fires: [2],
  },
  {
    peer: 'DL3060 "ok when inheriting from stage with yarn cache clear"',
    rule: 'package-cache-kept',
    code: df('FROM node:lts-alpine as foo', 'RUN yarn install && yarn cache clean', 'FROM foo', 'RUN hey!'),
  },
  {
    peer: 'DL3060 "ok when omitting yarn cache clean in stage that is not reused later"',
    rule: 'package-cache-kept',
    code: df('FROM node:lts-alpine as foo', 'RUN yarn install foo', 'FROM scratch', 'RUN hey!'),
  },

  // DL3062 (hadolint's current numbering, "Install only essential dependencies") is not a pinning check:
  // unpinned-package maps the older DL3062 "Pin versions in go install"; its install-all-dependencies cases are
  // silent for us (npm install of the project's package.json pins through the lock file).
  { peer: 'DL3062 "npm install without production flag should trigger warning"', rule: 'unpinned-package', code: node('RUN npm install') },
  { peer: 'DL3062 "npm ci without production flag should trigger warning"', rule: 'unpinned-package', code: node('RUN npm ci') },

  // DL3064 "Potential sensitive data should not be used in ARG or ENV"
  { peer: 'DL3064 "ok: no ARG, no ENV"', rule: ['secret-build-arg', 'hardcoded-secret'], code: df('FROM debian:bullseye', 'RUN foobar') },
  {
    peer: 'DL3064 "ok: ARG no sensitive data, no ENV"',
    rule: ['secret-build-arg', 'hardcoded-secret'],
    code: df('ARG foobar', 'FROM debian:bullseye', 'RUN foobar'),
  },
  {
    peer: 'DL3064 "ok: no ARG, ENV no sensitive data"',
    rule: ['secret-build-arg', 'hardcoded-secret'],
    code: df('FROM debian:bullseye', 'ENV foobar=barfoo', 'RUN foobar'),
  },
  {
    peer: 'DL3064 "not ok: ARG with sensitive data"',
    rule: ['secret-build-arg', 'hardcoded-secret'],
    code: df('ARG AWS_ACCESS_KEY_ID', 'FROM debian:bullseye', 'RUN foobar'),
    fires: [1],
    deviation: { reason: 'a global ARG before the first FROM that no stage redeclares is silent' },
  },
  {
    peer: 'DL3064 "not ok: ARG with sensitive data, different casing"',
    rule: ['secret-build-arg', 'hardcoded-secret'],
    code: df('ARG openai_api_key', 'FROM debian:bullseye', 'RUN foobar'),
    fires: [1],
    deviation: { reason: 'a global ARG before the first FROM that no stage redeclares is silent' },
  },
  {
    peer: 'DL3064 "not ok: ENV with sensitive data"',
    rule: ['secret-build-arg', 'hardcoded-secret'],
    code: df('FROM debian:bullseye', 'ENV AWS_ACCESS_KEY_ID=abcdefghijklmnopqrstuvwxyz', 'RUN foobar'),
    fires: [2],
    deviation: { reason: 'AWS_ACCESS_KEY_ID is silent' },
  },
  {
    peer: 'DL3064 "not ok: ENV with sensitive data, different casing"',
    rule: ['secret-build-arg', 'hardcoded-secret'],
    code: df('FROM debian:bullseye', 'ENV my_password=abcdefghijklmnopqrstuvwxyz', 'RUN foobar'),
    fires: [2],
  },

  // DL4006 "Set the SHELL option -o pipefail before RUN with a pipe in it"
  {
    peer: 'DL4006 "warn on missing pipefail"',
    rule: 'missing-pipefail',
    code: df('FROM scratch', 'RUN wget -O - https://some.site | wc -l > /number'),
    fires: [2],
  },
  {
    peer: `DL4006 "don't warn on commands with no pipes"`,
    rule: 'missing-pipefail',
    code: df('FROM scratch as build', 'RUN wget -O - https://some.site && wc -l file > /number'),
  },
  {
    peer: `DL4006 "don't warn on commands with pipes and the pipefail option"`,
    rule: 'missing-pipefail',
    code: df('FROM scratch as build', 'SHELL ["/bin/bash", "-eo", "pipefail", "-c"]', 'RUN wget -O - https://some.site | wc -l file > /number'),
  },
  {
    peer: `DL4006 "don't warn on commands with pipes and the pipefail option 2"`,
    rule: 'missing-pipefail',
    code: df('FROM scratch as build', 'SHELL ["/bin/bash", "-e", "-o", "pipefail", "-c"]', 'RUN wget -O - https://some.site | wc -l file > /number'),
  },
  {
    peer: `DL4006 "don't warn on commands with pipes and the pipefail option 3"`,
    rule: 'missing-pipefail',
    code: df('FROM scratch as build', 'SHELL ["/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]', 'RUN wget -O - https://some.site | wc -l file > /number'),
  },
  {
    peer: `DL4006 "don't warn on commands with pipes and the pipefail zsh"`,
    rule: 'missing-pipefail',
    code: df('FROM scratch as build', 'SHELL ["/bin/zsh", "-o", "pipefail", "-c"]', 'RUN wget -O - https://some.site | wc -l file > /number'),
  },
  {
    peer: `DL4006 "don't warn when bash is invoked via a non-standard absolute path"`,
    rule: 'missing-pipefail',
    code: df('FROM scratch as build', 'SHELL ["/usr/bin/bash", "-o", "pipefail", "-c"]', 'RUN wget -O - https://some.site | wc -l file > /number'),
  },
  {
    peer: `DL4006 "don't warn when zsh is invoked via a non-standard absolute path"`,
    rule: 'missing-pipefail',
    code: df('FROM scratch as build', 'SHELL ["/usr/local/bin/zsh", "-o", "pipefail", "-c"]', 'RUN wget -O - https://some.site | wc -l file > /number'),
  },
  {
    peer: `DL4006 "don't warn on powershell"`,
    rule: 'missing-pipefail',
    code: df('FROM scratch as build', 'SHELL ["pwsh", "-c"]', 'RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value'),
  },
  {
    peer: 'DL4006 "warns when using plain sh"',
    rule: 'missing-pipefail',
    code: df('FROM scratch as build', 'SHELL ["/bin/sh", "-o", "pipefail", "-c"]', 'RUN wget -O - https://some.site | wc -l file > /number'),
    fires: [3],
  },
  {
    peer: 'DL4006 "warn on missing pipefail in the next image"',
    rule: 'missing-pipefail',
    code: df(
      'FROM scratch as build',
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
      'RUN wget -O - https://some.site | wc -l file > /number',
      'FROM scratch as build2',
      'RUN wget -O - https://some.site | wc -l file > /number',
    ),
    fires: [5],
  },
  {
    peer: 'DL4006 "warn on missing pipefail if next SHELL is not using it"',
    rule: 'missing-pipefail',
    code: df(
      'FROM scratch as build',
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
      'RUN wget -O - https://some.site | wc -l file > /number',
      'SHELL ["/bin/sh", "-c"]',
      'RUN wget -O - https://some.site | wc -l file > /number',
    ),
    fires: [5],
  },
  {
    peer: 'DL4006 "ignore non posix shells: pwsh"',
    rule: 'missing-pipefail',
    code: df(
      'FROM mcr.microsoft.com/powershell:ubuntu-16.04',
      'SHELL [ "pwsh", "-c" ]',
      'RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value',
    ),
  },
  {
    peer: 'DL4006 "ignore non posix shells: powershell"',
    rule: 'missing-pipefail',
    code: df(
      'FROM mcr.microsoft.com/powershell:ubuntu-16.04',
      'SHELL [ "powershell.exe" ]',
      'RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value',
    ),
  },
  {
    peer: 'DL4006 "ignore non posix shells: cmd.exe"',
    rule: 'missing-pipefail',
    code: df(
      'FROM mcr.microsoft.com/powershell:ubuntu-16.04',
      'SHELL [ "cmd.exe", "/c" ]',
      'RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value',
    ),
  },
];

peerSuite('hadolint', 'dockerfile', cases);
