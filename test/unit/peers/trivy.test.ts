// Trivy's own cases (checks/docker/*_test.rego in aquasecurity/trivy-checks) for every DS check our rules map. Trivy's
// tests give parsed stages; each case here is the Dockerfile those stages come from. Trivy reports no lines for
// most checks: the line is where the fact is (the instruction, or the FROM of a stage without a USER/HEALTHCHECK).
// Not reproduced: cases of Trivy's own configuration (check_args, excluded/included envs), an ENV without a value
// (not a valid Dockerfile), and DS001's test_deny_global_arg_is_overrided_to_latest (an ARG inside a FROM's stage
// before it, which no Dockerfile can write).
import { peerSuite, type PeerCase } from './peer-cases';

const df = (...lines: string[]) => lines.join('\n') + '\n';
const UPGRADE = ['package-index-update-alone', 'distribution-upgrade'];
const SECRETS = ['hardcoded-secret', 'secret-build-arg', 'credentials-in-url', 'secret-on-command-line', 'sensitive-file-copied'];

const cases: PeerCase[] = [
  // DS001 latest_tag: "Specify a tag in the 'FROM' statement"
  { peer: 'DS001 test_allowed', rule: 'unpinned-base-image', code: df('FROM openjdk:8u292-oracle') },
  { peer: 'DS001 test_latest_tag_denied', rule: 'unpinned-base-image', code: df('FROM openjdk:latest'), fires: [1] },
  { peer: 'DS001 test_no_tag_denied', rule: 'unpinned-base-image', code: df('FROM openjdk'), fires: [1] },
  { peer: 'DS001 test_scratch_allowed', rule: 'unpinned-base-image', code: df('FROM scratch') },
  {
    peer: 'DS001 test_with_variables_allowed',
    rule: 'unpinned-base-image',
    code: df('FROM alpine:3.5', 'ARG IMAGE=alpine:3.12', 'FROM $IMAGE', 'CMD ["python", "/usr/src/app/app.py"]'),
    // The ARG is declared inside the first stage, so FROM $IMAGE cannot see it (only global ARGs reach FROM).
    deviation: { reason: 'FROM ${VALUE} with no ARG default is reported as unknown', fires: [3] },
  },
  {
    peer: 'DS001 test_with_variables_denied',
    rule: 'unpinned-base-image',
    code: df('FROM alpine:3.5', 'ARG IMAGE=all-in-one', 'FROM $IMAGE', 'CMD ["python", "/usr/src/app/app.py"]'),
    fires: [3],
  },
  { peer: 'DS001 test_multi_stage_allowed', rule: 'unpinned-base-image', code: df('FROM golang:1.15 as builder', 'RUN apt-get update', 'FROM alpine:3.13') },
  {
    peer: 'DS001 test_multi_stage_base_alias_allowed',
    rule: 'unpinned-base-image',
    code: df('FROM node:14.18.1-bullseye as dependencies', 'RUN apt-get update', 'FROM dependencies as build'),
  },
  {
    peer: 'DS001 test_multi_stage_denied',
    rule: 'unpinned-base-image',
    code: df('FROM node:14.18.1-bullseye as dependencies', 'RUN apt-get update', 'FROM alpine:latest'),
    fires: [3],
  },
  {
    peer: 'DS001 test_multi_stage_no_tag_denied',
    rule: 'unpinned-base-image',
    code: df('FROM node:14.18.1-bullseye as dependencies', 'RUN apt-get update', 'FROM alpine'),
    fires: [3],
  },
  {
    peer: 'DS001 test_deny_latest_tag_ref_to_global_arg_with_default_value',
    rule: 'unpinned-base-image',
    code: df('ARG TAG="latest"', 'FROM foo:${TAG}'),
    fires: [2],
  },
  {
    peer: 'DS001 test_allow_tag_ref_to_global_arg_without_default_value',
    rule: 'unpinned-base-image',
    code: df('ARG TAG', 'FROM foo:${TAG}'),
    deviation: { reason: 'FROM ${VALUE} with no ARG default is reported as unknown', fires: [2] },
  },
  {
    peer: 'DS001 test_deny_image_ref_to_global_arg_without_default_value',
    rule: 'unpinned-base-image',
    code: df('ARG REGISTRY', 'FROM ${REGISTRY}/ubuntu'),
    fires: [2],
  },
  {
    peer: 'DS001 test_deny_image_ref_to_multiple_args_but_tag_latest',
    rule: 'unpinned-base-image',
    code: df('ARG REPO=repo', 'ARG IMAGE=image', 'FROM $REPO/$IMAGE:latest'),
    fires: [3],
  },
  { peer: 'DS001 test_deny_empty_tag_arg', rule: 'unpinned-base-image', code: df('ARG TAG', 'FROM alpine$TAG'), fires: [2] },
  { peer: 'DS001 test_deny_missing_tag_arg', rule: 'unpinned-base-image', code: df('FROM alpine$TAG'), fires: [1] },

  // DS002 root_user: "Last USER command in Dockerfile should not be 'root'" / "Specify at least 1 USER command"
  { peer: 'DS002 test_not_root_allowed', rule: 'root-user', code: df('FROM alpine:3.13', 'USER user1') },
  { peer: 'DS002 test_last_non_root_allowed', rule: 'root-user', code: df('FROM alpine:3.13', 'USER root', 'USER user1') },
  { peer: 'DS002 test_no_user_cmd_denied', rule: 'root-user', code: df('FROM alpine:3.13', 'EXPOSE 22'), fires: [1] },
  {
    peer: 'DS002 test_last_root_denied',
    rule: 'root-user',
    code: df('FROM alpine:3.13', 'RUN apt-get update', 'USER user1', 'RUN apt-get update', 'USER root', 'RUN apt-get update'),
    fires: [5],
  },
  { peer: 'DS002 test_last_root_case_2', rule: 'root-user', code: df('FROM alpine:3.13', 'USER user1', 'USER root'), fires: [3] },
  { peer: 'DS002 test_last_root_with_group_denied', rule: 'root-user', code: df('FROM alpine:3.13', 'USER user1', 'USER root:root'), fires: [3] },
  { peer: 'DS002 test_last_root_as_uid_number_denied', rule: 'root-user', code: df('FROM alpine:3.13', 'USER user1', 'USER 0'), fires: [3] },
  { peer: 'DS002 test_last_root_as_uid_number_with_group_denied', rule: 'root-user', code: df('FROM alpine:3.13', 'USER user1', 'USER 0:0'), fires: [3] },
  {
    peer: 'DS002 test_multi_stage_build_allowed_if_last_stage_uses_non_root',
    rule: 'root-user',
    code: df('FROM alpine:3.13', 'USER root', 'FROM alpine:3.14', 'USER user1'),
  },
  {
    peer: 'DS002 test_multi_stage_build_denied_if_last_stage_does_not_specify_user',
    rule: 'root-user',
    code: df('FROM alpine:3.13', 'USER root', 'FROM alpine:3.14', 'COPY blah.zip .'),
    fires: [3],
  },

  // DS004 port22: "Port 22 should not be exposed in Dockerfile"
  { peer: 'DS004 test_denied', rule: 'ssh-server', code: df('FROM alpine:3.13', 'EXPOSE 22'), fires: [2] },
  { peer: 'DS004 test_tcp_denied', rule: 'ssh-server', code: df('FROM alpine:3.13', 'EXPOSE 22/tcp'), fires: [2] },
  { peer: 'DS004 test_allowed', rule: 'ssh-server', code: df('FROM alpine:3.13', 'EXPOSE 8080') },

  // DS005 add_instead_of_copy: "Consider using 'COPY …' command instead of 'ADD …'"
  {
    peer: 'DS005 test_mixed_commands_denied',
    rule: 'add-instead-of-copy',
    code: df('FROM alpine:3.13', 'ADD /target/resources.tar.gz resources.jar', 'ADD /target/app.jar app.jar'),
    fires: [3],
  },
  { peer: 'DS005 test_add_command_denied', rule: 'add-instead-of-copy', code: df('FROM alpine:3.13', 'ADD /target/app.jar app.jar'), fires: [2] },
  { peer: 'DS005 test_run_allowed', rule: 'add-instead-of-copy', code: df('FROM alpine:3.13', 'RUN tar -xjf /temp/package.file.tar.gz') },
  { peer: 'DS005 test_copy_allowed', rule: 'add-instead-of-copy', code: df('FROM alpine:3.13', 'COPY test.txt test2.txt') },
  {
    peer: 'DS005 test_add_file_colon_in_allowed',
    rule: 'add-instead-of-copy',
    code: df('FROM alpine:3.13', 'ADD file:8b8864b3e02a33a579dc216fd51b28a6047bc8eeaa03045b258980fe0cf7fcb3 in /xyz'),
    deviation: { reason: 'ADD file:<digest> in <dir> and ADD multi:<digest> in <dir> fire', fires: [2] },
  },
  {
    peer: 'DS005 test_add_multi_colon_in_allowed',
    rule: 'add-instead-of-copy',
    code: df('FROM alpine:3.13', 'ADD multi:8b8864b3e02a33a579dc216fd51b28a6047bc8eeaa03045b258980fe0cf7fcb3 in /xyz'),
    deviation: { reason: 'ADD file:<digest> in <dir> and ADD multi:<digest> in <dir> fire', fires: [2] },
  },
  { peer: 'DS005 test_add_tar_allowed', rule: 'add-instead-of-copy', code: df('FROM alpine:3.13', 'ADD /target/resources.tar.gz resources.tar.gz') },
  { peer: 'DS005 test_add_http_url_allowed', rule: 'add-instead-of-copy', code: df('FROM alpine:3.13', 'ADD http://example.com/foo.txt bar.txt') },
  { peer: 'DS005 test_add_https_url_allowed', rule: 'add-instead-of-copy', code: df('FROM alpine:3.13', 'ADD https://example.com/foo.txt bar.txt') },
  { peer: 'DS005 test_add_git_url_allowed', rule: 'add-instead-of-copy', code: df('FROM alpine:3.13', 'ADD git@github.com:user/repo.git /usr/src/things/') },

  // DS010 run_using_sudo: "Using 'sudo' in Dockerfile should be avoided"
  {
    peer: 'DS010 test_basic_denied',
    rule: 'sudo-in-run',
    code: df('FROM alpine:3.5', 'RUN apk add --update py2-pip', 'RUN sudo pip install --upgrade pip', 'CMD ["python", "/usr/src/app/app.py"]'),
    fires: [3],
  },
  { peer: 'DS010 test_chaining_denied', rule: 'sudo-in-run', code: df('FROM alpine:3.5', 'RUN apk add bash && sudo pip install --upgrade pip'), fires: [2] },
  {
    // Trivy counts one (its findings are a set of messages); both RUNs run sudo.
    peer: 'DS010 test_multi_vuls_denied',
    rule: 'sudo-in-run',
    code: df('FROM alpine:3.5', 'RUN sudo pip install --upgrade pip', 'RUN apk add bash && sudo pip install --upgrade pip'),
    fires: [2, 3],
  },
  {
    peer: 'DS010 test_basic_allowed',
    rule: 'sudo-in-run',
    code: df('FROM alpine:3.5', 'RUN apk add --update py2-pip', 'RUN apt-get install sudo', 'CMD ["python", "/usr/src/app/app.py"]'),
  },

  // DS017 update_instruction_alone: "'RUN <package-manager> update' should always be followed by '<package-manager> install'"
  {
    peer: 'DS017 test_denied',
    rule: 'package-index-update-alone',
    code: df(
      'FROM ubuntu:18.04',
      'RUN apt-get update',
      'RUN apt-get install -y --no-install-recommends mysql-client && rm -rf /var/lib/apt/lists/*',
      'ENTRYPOINT mysql',
    ),
    fires: [2],
  },
  {
    peer: 'DS017 test_json_array_denied',
    rule: 'package-index-update-alone',
    code: df('FROM ubuntu:18.04', 'RUN ["apt-get", "update"]', 'ENTRYPOINT mysql'),
    fires: [2],
  },
  {
    peer: 'DS017 test_chained_denied',
    rule: 'package-index-update-alone',
    code: df(
      'FROM ubuntu:18.04',
      'RUN apt-get update && adduser mike',
      'RUN apt-get install -y --no-install-recommends mysql-client && rm -rf /var/lib/apt/lists/*',
      'ENTRYPOINT mysql',
    ),
    fires: [2],
  },
  {
    peer: 'DS017 test_multiple_package_managers',
    rule: 'package-index-update-alone',
    code: df('FROM ubuntu:18.04', 'RUN apt-get update -y && apt-get upgrade -y && apt-get install -y curl && apk-update', 'ENTRYPOINT mysql'),
  },
  {
    peer: 'DS017 test_allowed',
    rule: 'package-index-update-alone',
    code: df(
      'FROM ubuntu:18.04',
      'RUN apt-get update && apt-get install -y --no-install-recommends mysql-client && rm -rf /var/lib/apt/lists/*',
      'RUN apk update && apk add --no-cache git ca-certificates',
      'RUN apk --update add easy-rsa',
      'RUN /bin/sh /scripts/someScript.sh update',
      'RUN apt-get install -y nginx',
      'ENTRYPOINT mysql',
    ),
  },
  {
    peer: 'DS017 test_allowed_cmds_separated_by_semicolon',
    rule: 'package-index-update-alone',
    code: df('FROM ubuntu:18.04', 'RUN apt-get update -y ; apt-get install -y curl', 'ENTRYPOINT mysql'),
  },
  {
    peer: 'DS017 test_allowed_multiple_install_cmds',
    rule: 'package-index-update-alone',
    code: df('FROM ubuntu:18.04', 'RUN apt-get update -y && apt-get upgrade -y && apt-get install -y curl', 'ENTRYPOINT mysql'),
  },
  { peer: 'DS017 test_allow_upgrade', rule: 'package-index-update-alone', code: df('FROM ubuntu:18.04', 'RUN test && apt-get update && apt upgrade --yes') },
  { peer: 'DS017 test_without_install_cmd_allowed', rule: 'package-index-update-alone', code: df('FROM alpine:latest', 'RUN echo "Test"') },
  {
    peer: 'DS017 test_non_package_manager_update_allowed',
    rule: 'package-index-update-alone',
    code: df('FROM maven:alpine', 'COPY build.sbt version.sbt ./', 'RUN sbt update '),
  },
  // yum/dnf update and zypper up upgrade every package rather than refresh an index: distribution-upgrade reports
  // that (one fact, one finding), on the line Trivy expects.
  { peer: 'DS017 test_dnf_update_denied', rule: UPGRADE, code: df('FROM centos:8', 'RUN dnf update -y'), fires: [2] },
  { peer: 'DS017 test_dnf_update_allowed', rule: 'package-index-update-alone', code: df('FROM centos:8', 'RUN dnf update && dnf install -y dnf-plugins-core') },
  { peer: 'DS017 test_zypper_update_denied', rule: UPGRADE, code: df('FROM opensuse/tumbleweed', 'RUN zypper up -y'), fires: [2] },
  {
    peer: 'DS017 test_zypper_update_allowed',
    rule: 'package-index-update-alone',
    code: df('FROM opensuse/tumbleweed', 'RUN zypper up -y  && zypper install -y curl wget zip unzip tar git'),
  },
  { peer: 'DS017 test_yum_update_denied', rule: UPGRADE, code: df('FROM centos:latest', 'RUN yum update -y'), fires: [2] },
  {
    peer: 'DS017 test_yum_update_allowed',
    rule: 'package-index-update-alone',
    code: df('FROM centos:latest', 'RUN yum update -y && yum -y install java-11-openjdk'),
  },

  // DS021 apt_get_missing_yes_flag_to_avoid_manual_input: "'-y' flag is missed"
  { peer: 'DS021 test_denied', rule: 'package-manager-interactive', code: df('FROM node:12', 'RUN apt-get install python=2.7'), fires: [2] },
  {
    peer: 'DS021 test_json_array_denied',
    rule: 'package-manager-interactive',
    code: df('FROM node:12', 'RUN ["apt-get", "install", "apt-utils"]'),
    fires: [2],
  },
  { peer: 'DS021 test_allowed', rule: 'package-manager-interactive', code: df('FROM node:12', 'RUN apt-get -fmy install apt-utils') },
  { peer: 'DS021 test_with_short_flags_behind_allowed', rule: 'package-manager-interactive', code: df('FROM node:12', 'RUN apt-get install -fmy apt-utils') },
  {
    peer: 'DS021 test_with_long_flags_behind_allowed',
    rule: 'package-manager-interactive',
    code: df('FROM node:12', 'RUN apt-get install --assume-yes apt-utils'),
  },
  {
    peer: 'DS021 test_json_array_short_flag_allowed',
    rule: 'package-manager-interactive',
    code: df('FROM node:12', 'RUN ["apt-get", "-fmy", "install", "apt-utils"]'),
  },
  {
    peer: 'DS021 test_json_array_long_flag_allowed',
    rule: 'package-manager-interactive',
    code: df('FROM node:12', 'RUN ["apt-get", "--yes", "-q", "install", "apt-utils"]'),
  },
  { peer: 'DS021 test_chained_allowed', rule: 'package-manager-interactive', code: df('FROM node:12', 'RUN apt-get update && apt-get -y install apt-utils') },
  {
    peer: 'DS021 test_flags_after_pkgs_allowed',
    rule: 'package-manager-interactive',
    code: df('FROM debian:11-slim', 'RUN apt-get update && apt-get install tzdata postgresql-10 -y && rm -rf /var/lib/apt/lists/*'),
  },

  // DS024 run_apt_get_dist_upgrade: "'apt-get dist-upgrade' should not be used in Dockerfile"
  {
    peer: 'DS024 test_denied',
    rule: 'distribution-upgrade',
    code: df('FROM debian', 'RUN apt-get update && apt-get dist-upgrade', 'CMD ["python", "/usr/src/app/app.py"]'),
    fires: [2],
  },
  { peer: 'DS024 test_shortflag_denied', rule: 'distribution-upgrade', code: df('FROM debian', 'RUN apt-get update && apt-get -q dist-upgrade'), fires: [2] },
  {
    peer: 'DS024 test_longflag_denied',
    rule: 'distribution-upgrade',
    code: df('FROM debian', 'RUN apt-get update && apt-get --quiet dist-upgrade'),
    fires: [2],
  },
  {
    peer: 'DS024 test_allowed',
    rule: 'distribution-upgrade',
    code: df('FROM debian', 'RUN apt-get update && apt-get upgrade', 'CMD ["python", "/usr/src/app/app.py"]'),
    deviation: { reason: 'apt-get upgrade fires', fires: [2] },
  },

  // DS026 no_healthcheck_instruction: "Add HEALTHCHECK instruction in your Dockerfile"
  { peer: 'DS026 test_denied', rule: 'missing-healthcheck', code: df('FROM busybox', 'RUN apt-get -y update', 'FROM alpine:latest', 'CMD ./app'), fires: [3] },
  {
    peer: 'DS026 test_allowed',
    rule: 'missing-healthcheck',
    code: df('FROM golang:1.7.3', 'CMD ./app', 'FROM alpine:latest', 'HEALTHCHECK CMD /bin/healthcheck', 'CMD ./app'),
  },

  // DS029 apt_get_missing_no_install_recommends: "'--no-install-recommends' flag is missed"
  { peer: 'DS029 test_denied', rule: 'apt-install-recommends', code: df('FROM node:12', 'RUN apt-get install -y python=2.7'), fires: [2] },
  {
    peer: 'DS029 test_json_array_denied',
    rule: 'apt-install-recommends',
    code: df('FROM node:12', 'RUN ["apt-get", "install", "-y", "apt-utils"]'),
    fires: [2],
  },
  { peer: 'DS029 test_allowed', rule: 'apt-install-recommends', code: df('FROM node:12', 'RUN apt-get -fmy install --no-install-recommends apt-utils') },
  {
    peer: 'DS029 test_with_flag_behind_allowed',
    rule: 'apt-install-recommends',
    code: df('FROM node:12', 'RUN apt-get --no-install-recommends install -fmy apt-utils'),
  },
  {
    peer: 'DS029 test_json_array_long_flag_allowed',
    rule: 'apt-install-recommends',
    code: df('FROM node:12', 'RUN ["apt-get", "--yes", "-q", "--no-install-recommends", "install", "apt-utils"]'),
  },
  {
    peer: 'DS029 test_chained_allowed',
    rule: 'apt-install-recommends',
    code: df('FROM node:12', 'RUN apt-get update && apt-get --no-install-recommends -y install apt-utils'),
  },
  {
    peer: 'DS029 test_flags_after_pkgs_allowed',
    rule: 'apt-install-recommends',
    code: df(
      'FROM debian:11-slim',
      'RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata postgresql-10 --no-install-recommends && rm -rf /var/lib/apt/lists/*',
    ),
  },

  // DS031 leaked_secrets: secrets in ENV/ARG, secret files copied in, secrets on the command line
  { peer: 'DS031 test_deny_secret_env_variable_with_default', rule: SECRETS, code: df('FROM busybox', 'ENV GITHUB_TOKEN=placeholder'), fires: [2] },
  { peer: 'DS031 test_deny_secret_arg_variable_with_default', rule: SECRETS, code: df('FROM busybox', 'ARG GITHUB_TOKEN=placeholder'), fires: [2] },
  { peer: 'DS031 test_deny_secret_arg', rule: SECRETS, code: df('FROM busybox', 'ARG GITHUB_TOKEN'), fires: [2] },
  {
    peer: 'DS031 test_deny_secret_arg_with_prefix',
    rule: SECRETS,
    code: df('FROM busybox', 'ARG VITE_AWS_ACCESS_KEY_ID=REPLACE_WITH_YOUR_OWN'),
    fires: [2],
    deviation: { reason: 'AWS_ACCESS_KEY_ID' },
  },
  {
    peer: 'DS031 test_deny_copy_secret_file',
    rule: SECRETS,
    code: df('FROM busybox', 'COPY ./config $AWS_CONFIG_FILE'),
    fires: [2],
  },
  {
    peer: 'DS031 test_allow_secret_file_without_copy',
    rule: SECRETS,
    code: df('FROM busybox', 'ENV GOOGLE_APPLICATION_CREDENTIALS=/credentials/google-storage-service.json'),
  },
  {
    peer: 'DS031 test_allow_secret_file_copy_with_other_base_path',
    rule: SECRETS,
    code: df('FROM busybox', 'COPY /src /src', 'ENV GOOGLE_APPLICATION_CREDENTIALS=./app/google-storage-service.json'),
  },
  {
    peer: 'DS031 test_deny_secret_file',
    rule: SECRETS,
    code: df('FROM busybox', 'COPY /src /app/', 'ENV GOOGLE_APPLICATION_CREDENTIALS=./app/google-storage-service.json'),
    fires: [3],
  },
  {
    peer: 'DS031 test_deny_secret_file_quoted_path',
    rule: SECRETS,
    code: df('FROM busybox', 'COPY . .', 'ENV GOOGLE_APPLICATION_CREDENTIALS="./news-extraction.json"'),
    fires: [3],
  },
  {
    peer: 'DS031 test_deny_secret_file_in_arg',
    rule: SECRETS,
    code: df('FROM busybox', 'COPY /src /app/', 'ARG GOOGLE_APPLICATION_CREDENTIALS=./app/google-storage-service.json'),
    fires: [3],
  },
  {
    peer: 'DS031 test_deny_secret_in_set_command',
    rule: SECRETS,
    code: df('FROM amazon/aws-cli:latest', 'RUN aws configure set aws_access_key_id test-id &&     aws configure set aws_secret_access_key test-key'),
    fires: [2],
  },
  {
    peer: 'DS031 test_allow_secret_in_set_command_with_secret_mount',
    rule: SECRETS,
    code: df(
      'FROM amazon/aws-cli:latest',
      'RUN --mount=type=secret,id=aws-key-id,env=AWS_ACCESS_KEY_ID --mount=type=secret,id=aws-secret-key,env=AWS_SECRET_ACCESS_KEY aws configure set aws_access_key_id $(cat /run/secrets/aws-key-id) &&     aws configure set aws_secret_access_key $(cat /run/secrets/aws-secret-key)',
    ),
  },

  // DS032 run_pipefail (the same check as hadolint DL4006)
  {
    peer: 'DS032 "pipe without pipefail"',
    rule: 'missing-pipefail',
    code: df('FROM alpine:3.5', 'RUN wget -O - https://some.site | wc -l > /number'),
    fires: [2],
  },
  {
    peer: 'DS032 "multiple runs with pipe"',
    rule: 'missing-pipefail',
    code: df('FROM alpine:3.5', 'RUN wget -O - https://some.site | wc -l > /number', 'RUN cat /etc/passwd | grep root'),
    fires: [2, 3],
  },
  {
    peer: 'DS032 "pipe with set -o pipefail"',
    rule: 'missing-pipefail',
    code: df('FROM alpine:3.5', 'RUN set -o pipefail && wget -O - https://some.site | wc -l > /number'),
  },
  {
    peer: 'DS032 "shell bash with pipefail flag"',
    rule: 'missing-pipefail',
    code: df('FROM alpine:3.5', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'RUN wget -O - https://some.site | wc -l > /number'),
  },
  {
    peer: 'DS032 "shell bash with -eo pipefail"',
    rule: 'missing-pipefail',
    code: df('FROM alpine:3.5', 'SHELL ["/bin/bash", "-eo", "pipefail", "-c"]', 'RUN wget -O - https://some.site | wc -l > /number'),
  },
  {
    peer: 'DS032 "shell bash with -e -o pipefail"',
    rule: 'missing-pipefail',
    code: df('FROM alpine:3.5', 'SHELL ["/bin/bash", "-e", "-o", "pipefail", "-c"]', 'RUN wget -O - https://some.site | wc -l > /number'),
  },
  {
    peer: 'DS032 "shell bash without pipefail"',
    rule: 'missing-pipefail',
    code: df('FROM alpine:3.5', 'SHELL ["/bin/bash", "-c"]', 'RUN wget -O - https://some.site | wc -l > /number'),
    fires: [3],
  },
  {
    peer: 'DS032 "shell sh with pipefail"',
    rule: 'missing-pipefail',
    code: df('FROM alpine:3.5', 'SHELL ["/bin/sh", "-o", "pipefail", "-c"]', 'RUN wget -O - https://some.site | wc -l > /number'),
    fires: [3],
  },
  {
    peer: 'DS032 "non posix shell pwsh"',
    rule: 'missing-pipefail',
    code: df('FROM alpine:3.5', 'SHELL ["pwsh", "-c"]', 'RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value'),
  },
  { peer: 'DS032 "no pipe"', rule: 'missing-pipefail', code: df('FROM alpine:3.5', 'RUN apt-get update && apt-get install -y curl') },
  { peer: 'DS032 "pipe in string"', rule: 'missing-pipefail', code: df('FROM alpine:3.5', 'RUN echo "foo|bar"') },
  {
    peer: 'DS032 "shell with pipefail reset by new from"',
    rule: 'missing-pipefail',
    code: df(
      'FROM alpine:3.5 AS build',
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
      'RUN wget -O - https://some.site | wc -l > /number',
      'FROM alpine:3.5 AS build2',
      'RUN wget -O - https://some.site | wc -l > /number',
    ),
    fires: [5],
  },
  {
    peer: 'DS032 "shell pipefail reset by new shell"',
    rule: 'missing-pipefail',
    code: df(
      'FROM alpine:3.5',
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
      'RUN wget -O - https://some.site | wc -l > /number',
      'SHELL ["/bin/sh", "-c"]',
      'RUN wget -O - https://some.site | wc -l > /number',
    ),
    fires: [5],
  },
  {
    peer: 'DS032 "non posix shell powershell.exe"',
    rule: 'missing-pipefail',
    code: df(
      'FROM mcr.microsoft.com/powershell:ubuntu-16.04',
      'SHELL ["powershell.exe"]',
      'RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value',
    ),
  },
  {
    peer: 'DS032 "non posix shell cmd.exe"',
    rule: 'missing-pipefail',
    code: df(
      'FROM mcr.microsoft.com/powershell:ubuntu-16.04',
      'SHELL ["cmd.exe", "/c"]',
      'RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value',
    ),
  },
];

peerSuite('Trivy', 'dockerfile', cases);
