import rule from '../../../../server/src/engine/rules/dockerfile/non-minimal-base-image';
import { testRule } from '../../../support/rule-tester';

const DIGEST = 'sha256:beefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdead';

testRule(rule, {
  valid: [
    { code: 'FROM node:20-alpine\nCMD ["node", "index.js"]\n' },
    { name: 'slim Python', code: 'FROM python:3.12-slim-bookworm\nCMD ["python"]\n' },
    { name: 'slim Debian', code: 'FROM debian:bookworm-slim\n' },
    { name: 'slim Debian by version', code: 'FROM debian:12.5-slim\n' },
    { name: 'a JRE', code: 'FROM eclipse-temurin:21-jre-noble\n' },
    { name: 'JDK on Alpine is already Alpine', code: 'FROM eclipse-temurin:17-jdk-alpine\n' },
    { name: 'Alpine with a version', code: 'FROM golang:1.22-alpine3.20\n' },
    { name: 'UBI minimal and micro', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nFROM registry.access.redhat.com/ubi9/ubi-micro:9.4\n' },
    { name: 'AlmaLinux and Rocky minimal', code: 'FROM almalinux:9-minimal\nFROM rockylinux:9-minimal\n' },
    { name: 'distroless', code: 'FROM gcr.io/distroless/nodejs22-debian12:nonroot\nCMD ["index.js"]\n' },
    { name: 'Nano Server', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n' },
    { name: 'chiseled .NET', code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled\n' },
    {
      name: 'builder stages may be big',
      code: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n',
    },
    { name: 'a final stage from scratch', code: 'FROM node:20 AS build\nFROM scratch\n' },
    { name: 'an image this table does not know', code: 'FROM myorg/app:1.2\n' },
    { name: 'a tag this table does not know', code: 'FROM node:20-onbuild\nFROM python:3.12-windowsservercore-ltsc2022\n' },
    { name: 'php with Apache has no Alpine variant', code: 'FROM php:8.3-apache\n' },
    { name: 'Temurin versions without a JRE image', code: 'FROM eclipse-temurin:22\n' },
    { name: 'an unresolved ARG is silent for this rule', code: 'ARG BASE\nFROM ${BASE}\n' },
    { name: 'half-typed tag', code: 'FROM node:' },
    { name: 'half-typed FROM', code: 'FROM ' },
    { name: 'empty file', code: '' },
  ],
  invalid: [
    {
      name: 'node:14: Alpine and slim, the tag is edited',
      code: 'FROM node:14\nCMD ["node", "index.js"]\n',
      findings: [
        {
          line: 1,
          column: 11,
          endColumn: 13,
          messageId: 'fullImage',
          data: { image: 'node:14', description: 'a full Node.js image', remedy: 'a minimal variant such as node:14-alpine' },
          suggestions: [
            { title: /Use node:14-alpine \(Alpine variant\)/, output: 'FROM node:14-alpine\nCMD ["node", "index.js"]\n' },
            { title: /Use node:14-slim/, output: 'FROM node:14-slim\nCMD ["node", "index.js"]\n' },
          ],
        },
      ],
    },
    {
      name: 'python:3.5 with groupadd: only slim has groupadd',
      code: 'FROM python:3.5\nRUN groupadd -r app && useradd -r -g app app\nCMD ["python"]\n',
      findings: [
        {
          line: 1,
          column: 13,
          endColumn: 16,
          messageId: 'fullImage',
          data: { remedy: 'a minimal variant such as python:3.5-slim' },
          suggestions: [{ title: /python:3\.5-slim/, output: 'FROM python:3.5-slim\nRUN groupadd -r app && useradd -r -g app app\nCMD ["python"]\n' }],
        },
      ],
    },
    {
      name: 'node suite tags put -slim last',
      code: 'FROM node:20-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends tini\nCMD ["node", "server.js"]\n',
      findings: [
        {
          line: 1,
          column: 11,
          endColumn: 22,
          messageId: 'fullImage',
          suggestions: [
            {
              title: /node:20-bookworm-slim/,
              output: 'FROM node:20-bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends tini\nCMD ["node", "server.js"]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'python suite tags put slim first',
      code: 'FROM python:3.12-bookworm\nCMD ["python", "main.py"]\n',
      findings: [
        {
          line: 1,
          messageId: 'fullImage',
          suggestions: [
            { title: /python:3\.12-alpine/, output: 'FROM python:3.12-alpine\nCMD ["python", "main.py"]\n' },
            { title: /python:3\.12-slim-bookworm/, output: 'FROM python:3.12-slim-bookworm\nCMD ["python", "main.py"]\n' },
          ],
        },
      ],
    },
    {
      name: 'Python 3.11 with nothing to run at build time: distroless too, CMD loses the interpreter',
      code: 'FROM python:3.11\nCOPY app.py /app/\nUSER 65532\nCMD ["python", "/app/app.py"]\n',
      findings: [
        {
          line: 1,
          messageId: 'fullImage',
          suggestions: [
            { output: 'FROM python:3.11-alpine\nCOPY app.py /app/\nUSER 65532\nCMD ["python", "/app/app.py"]\n' },
            { output: 'FROM python:3.11-slim\nCOPY app.py /app/\nUSER 65532\nCMD ["python", "/app/app.py"]\n' },
            {
              title: /Use gcr\.io\/distroless\/python3-debian12 \(distroless.*CMD no longer names the runtime\)/,
              output: 'FROM gcr.io/distroless/python3-debian12\nCOPY app.py /app/\nUSER 65532\nCMD ["/app/app.py"]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'Node 22 with a user distroless does not have: no distroless',
      code: 'FROM node:22\nCOPY . /app\nUSER node\nCMD ["node", "/app/server.js"]\n',
      findings: [
        {
          line: 1,
          messageId: 'fullImage',
          suggestions: [
            { output: 'FROM node:22-alpine\nCOPY . /app\nUSER node\nCMD ["node", "/app/server.js"]\n' },
            { output: 'FROM node:22-slim\nCOPY . /app\nUSER node\nCMD ["node", "/app/server.js"]\n' },
          ],
        },
      ],
    },
    {
      name: 'Node 20 started through npm: no distroless',
      code: 'FROM node:20\nCOPY . /app\nCMD ["npm", "start"]\n',
      findings: [
        {
          line: 1,
          messageId: 'fullImage',
          suggestions: [
            { output: 'FROM node:20-alpine\nCOPY . /app\nCMD ["npm", "start"]\n' },
            { output: 'FROM node:20-slim\nCOPY . /app\nCMD ["npm", "start"]\n' },
          ],
        },
      ],
    },
    {
      name: 'Node 20 with a shell-form RUN: no distroless; apt rules out Alpine',
      code: 'FROM node:20\nRUN apt-get update\nCMD ["node", "index.js"]\n',
      findings: [{ line: 1, messageId: 'fullImage', suggestions: [{ output: 'FROM node:20-slim\nRUN apt-get update\nCMD ["node", "index.js"]\n' }] }],
    },
    {
      name: 'a HEALTHCHECK with curl rules out both slim and Alpine: reported without suggestions',
      code: 'FROM node:18\nHEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\nCMD ["node", "index.js"]\n',
      findings: [{ line: 1, messageId: 'fullImage', data: { remedy: 'a minimal variant such as node:18-alpine' } }],
    },
    {
      name: 'Java: JRE, JRE on Alpine, distroless with java -jar dropped',
      code: 'FROM eclipse-temurin:17\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
      findings: [
        {
          line: 1,
          column: 22,
          endColumn: 24,
          messageId: 'fullImage',
          data: { description: 'a Java development kit image' },
          suggestions: [
            {
              title: /eclipse-temurin:17-jre \(runtime only, no JDK\)/,
              output: 'FROM eclipse-temurin:17-jre\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
            },
            { output: 'FROM eclipse-temurin:17-jre-alpine\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n' },
            { title: /java17-debian12/, output: 'FROM gcr.io/distroless/java17-debian12\nCOPY app.jar /app.jar\nCMD ["/app.jar"]\n' },
          ],
        },
      ],
    },
    {
      name: 'Temurin JDK on Ubuntu keeps the Ubuntu release; javac rules out the JRE',
      code: 'FROM eclipse-temurin:21-jdk-jammy\nRUN javac Main.java\nCMD ["java", "Main"]\n',
      findings: [{ line: 1, messageId: 'fullImage' }],
    },
    {
      name: 'openjdk: jdk-slim and, for 11, jre-slim',
      code: 'FROM openjdk:11-jdk\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
      findings: [
        {
          line: 1,
          messageId: 'fullImage',
          suggestions: [
            { output: 'FROM openjdk:11-jdk-slim\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n' },
            { output: 'FROM openjdk:11-jre-slim\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n' },
          ],
        },
      ],
    },
    {
      name: 'Debian with a copied binary: slim and distroless base',
      code: 'FROM golang:1.22 AS build\nRUN go build -o /out/app\nFROM debian:bookworm\nCOPY --from=build /out/app /usr/local/bin/\nENTRYPOINT ["/usr/local/bin/app"]\n',
      findings: [
        {
          line: 3,
          column: 13,
          endColumn: 21,
          messageId: 'fullImage',
          data: { description: 'a full Debian distribution' },
          suggestions: [
            {
              output:
                'FROM golang:1.22 AS build\nRUN go build -o /out/app\nFROM debian:bookworm-slim\nCOPY --from=build /out/app /usr/local/bin/\nENTRYPOINT ["/usr/local/bin/app"]\n',
            },
            {
              title: /base-debian12/,
              output:
                'FROM golang:1.22 AS build\nRUN go build -o /out/app\nFROM gcr.io/distroless/base-debian12\nCOPY --from=build /out/app /usr/local/bin/\nENTRYPOINT ["/usr/local/bin/app"]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'Debian running a system binary: no distroless',
      code: 'FROM debian:12\nCMD ["/bin/bash"]\n',
      findings: [{ line: 1, messageId: 'fullImage', suggestions: [{ output: 'FROM debian:12-slim\nCMD ["/bin/bash"]\n' }] }],
    },
    {
      name: 'Debian without a tag is stable: stable-slim is inserted',
      code: 'FROM debian\n',
      findings: [{ line: 1, column: 6, endColumn: 12, messageId: 'fullImage', suggestions: [{ output: 'FROM debian:stable-slim\n' }] }],
    },
    {
      name: 'no tag: the variant tag is inserted after the name',
      code: 'FROM golang\nRUN go build -o /app .\nCMD ["/app"]\n',
      findings: [
        {
          line: 1,
          column: 6,
          endColumn: 12,
          messageId: 'fullImage',
          suggestions: [{ title: /golang:alpine/, output: 'FROM golang:alpine\nRUN go build -o /app .\nCMD ["/app"]\n' }],
        },
      ],
    },
    {
      name: 'the image comes from a global ARG default: its value is edited',
      code: 'ARG BASE=node:20\nFROM ${BASE}\nCMD ["node", "x.js"]\n',
      findings: [
        {
          line: 2,
          column: 6,
          endColumn: 13,
          messageId: 'fullImage',
          data: { image: '${BASE} (node:20)', description: 'a full Node.js image', remedy: 'a minimal variant such as node:20-alpine' },
          suggestions: [
            { output: 'ARG BASE=node:20-alpine\nFROM ${BASE}\nCMD ["node", "x.js"]\n' },
            { output: 'ARG BASE=node:20-slim\nFROM ${BASE}\nCMD ["node", "x.js"]\n' },
            { output: 'ARG BASE=gcr.io/distroless/nodejs20-debian12\nFROM ${BASE}\nCMD ["x.js"]\n' },
          ],
        },
      ],
    },
    {
      name: "an ARG default shared with a builder stage: the builder's apt-get rules out Alpine",
      code: 'ARG BASE=node:20\nFROM ${BASE} AS build\nRUN apt-get update && apt-get install -y --no-install-recommends python3\nFROM ${BASE}\nCOPY --from=build /app /app\nCMD ["node", "/app/index.js"]\n',
      findings: [
        {
          line: 4,
          column: 6,
          endColumn: 13,
          messageId: 'fullImage',
          suggestions: [
            {
              output:
                'ARG BASE=node:20-slim\nFROM ${BASE} AS build\nRUN apt-get update && apt-get install -y --no-install-recommends python3\nFROM ${BASE}\nCOPY --from=build /app /app\nCMD ["node", "/app/index.js"]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a quoted ARG default',
      code: 'ARG BASE="python:3.12"\nFROM $BASE\nRUN pip install flask\n',
      findings: [
        {
          line: 2,
          messageId: 'fullImage',
          suggestions: [
            { output: 'ARG BASE="python:3.12-alpine"\nFROM $BASE\nRUN pip install flask\n' },
            { output: 'ARG BASE="python:3.12-slim"\nFROM $BASE\nRUN pip install flask\n' },
          ],
        },
      ],
    },
    {
      name: 'a tag from a variable: suffixes are appended after it',
      code: 'ARG NODE_VERSION=18\nFROM node:${NODE_VERSION}\nRUN npm ci\nCMD ["node", "x.js"]\n',
      findings: [
        {
          line: 2,
          column: 6,
          endColumn: 26,
          messageId: 'fullImage',
          suggestions: [
            { output: 'ARG NODE_VERSION=18\nFROM node:${NODE_VERSION}-alpine\nRUN npm ci\nCMD ["node", "x.js"]\n' },
            { output: 'ARG NODE_VERSION=18\nFROM node:${NODE_VERSION}-slim\nRUN npm ci\nCMD ["node", "x.js"]\n' },
          ],
        },
      ],
    },
    {
      name: 'a digest named the old image: it is removed with the switch',
      code: `FROM ruby:3.3@${DIGEST}\nCMD ["ruby", "app.rb"]\n`,
      findings: [
        {
          line: 1,
          column: 11,
          endColumn: 14,
          messageId: 'fullImage',
          suggestions: [
            { title: /ruby:3\.3-alpine \(Alpine variant; pin its digest again\)/, output: 'FROM ruby:3.3-alpine\nCMD ["ruby", "app.rb"]\n' },
            { output: 'FROM ruby:3.3-slim\nCMD ["ruby", "app.rb"]\n' },
          ],
        },
      ],
    },
    {
      name: 'the final stage builds on a stage: the root FROM is reported and edited',
      code: 'FROM node:20 AS base\nWORKDIR /app\nFROM base AS build\nRUN npm ci\nFROM base\nCOPY --from=build /app /app\nCMD ["node", "index.js"]\n',
      findings: [
        {
          line: 1,
          column: 11,
          endColumn: 13,
          messageId: 'fullImageThroughStage',
          data: { image: 'node:20', stage: 'base', description: 'a full Node.js image', remedy: 'a minimal variant such as node:20-alpine' },
          suggestions: [
            {
              output:
                'FROM node:20-alpine AS base\nWORKDIR /app\nFROM base AS build\nRUN npm ci\nFROM base\nCOPY --from=build /app /app\nCMD ["node", "index.js"]\n',
            },
            {
              output:
                'FROM node:20-slim AS base\nWORKDIR /app\nFROM base AS build\nRUN npm ci\nFROM base\nCOPY --from=build /app /app\nCMD ["node", "index.js"]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a builder stage on the same image with bash rules out Alpine',
      code: 'FROM python:3.12 AS base\nFROM base AS build\nRUN bash ./build.sh\nFROM base\nCMD ["python"]\n',
      findings: [
        {
          line: 1,
          messageId: 'fullImageThroughStage',
          suggestions: [{ output: 'FROM python:3.12-slim AS base\nFROM base AS build\nRUN bash ./build.sh\nFROM base\nCMD ["python"]\n' }],
        },
      ],
    },
    {
      name: 'PHP-FPM keeps its flavour',
      code: 'FROM php:8.3-fpm\nCOPY . /var/www/html\n',
      findings: [{ line: 1, messageId: 'fullImage', suggestions: [{ output: 'FROM php:8.3-fpm-alpine\nCOPY . /var/www/html\n' }] }],
    },
    {
      name: 'UBI: the name becomes ubi-minimal, the build suffix is dropped; micro has no package manager',
      code: 'FROM registry.access.redhat.com/ubi9/ubi:9.4-1123\nRUN microdnf install -y nginx && microdnf clean all\n',
      findings: [
        {
          line: 1,
          column: 42,
          endColumn: 50,
          messageId: 'fullImage',
          suggestions: [
            {
              title: /ubi9\/ubi-minimal:9\.4 \(minimal variant\)/,
              output: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y nginx && microdnf clean all\n',
            },
          ],
        },
      ],
    },
    {
      name: 'UBI without RUN: minimal and micro',
      code: 'FROM registry.access.redhat.com/ubi8/ubi\nCOPY app /app\nCMD ["/app"]\n',
      findings: [
        {
          line: 1,
          column: 6,
          endColumn: 41,
          messageId: 'fullImage',
          suggestions: [
            { output: 'FROM registry.access.redhat.com/ubi8/ubi-minimal\nCOPY app /app\nCMD ["/app"]\n' },
            { output: 'FROM registry.access.redhat.com/ubi8/ubi-micro\nCOPY app /app\nCMD ["/app"]\n' },
          ],
        },
      ],
    },
    {
      name: 'Rocky Linux with dnf: minimal has only microdnf, so no suggestion',
      code: 'FROM rockylinux:9\nRUN dnf install -y nginx\n',
      findings: [{ line: 1, messageId: 'fullImage', data: { remedy: 'a minimal variant such as rockylinux:9-minimal' } }],
    },
    {
      name: 'AlmaLinux date tags put -minimal before the date',
      code: 'FROM almalinux:8.7-20221110\nCOPY app /app\n',
      findings: [{ line: 1, messageId: 'fullImage', suggestions: [{ output: 'FROM almalinux:8.7-minimal-20221110\nCOPY app /app\n' }] }],
    },
    {
      name: '.NET SDK in the final stage: the ASP.NET runtime image',
      code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY out /app\nENTRYPOINT ["dotnet", "/app/app.dll"]\n',
      findings: [
        {
          line: 1,
          column: 35,
          endColumn: 38,
          messageId: 'fullImage',
          data: { description: 'the .NET SDK image' },
          suggestions: [
            {
              title: /dotnet\/aspnet:8\.0 \(runtime only, no SDK\)/,
              output: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY out /app\nENTRYPOINT ["dotnet", "/app/app.dll"]\n',
            },
            { output: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine\nCOPY out /app\nENTRYPOINT ["dotnet", "/app/app.dll"]\n' },
          ],
        },
      ],
    },
    {
      name: '.NET SDK that publishes in the final stage: the runtime cannot, so no suggestion',
      code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY . /src\nRUN dotnet publish /src -o /app\nENTRYPOINT ["dotnet", "/app/app.dll"]\n',
      findings: [{ line: 1, messageId: 'fullImage' }],
    },
    {
      name: 'Windows Server Core: Nano Server',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app.exe C:/app/\nCMD ["C:/app/app.exe"]\n',
      findings: [
        {
          line: 1,
          column: 43,
          endColumn: 51,
          messageId: 'fullImage',
          suggestions: [
            {
              title: /windows\/nanoserver:ltsc2022 \(Nano Server\)/,
              output: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app.exe C:/app/\nCMD ["C:/app/app.exe"]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'Windows Server Core with PowerShell: no Nano Server',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\nSHELL ["powershell", "-Command"]\nRUN Install-WindowsFeature Web-Server\n',
      findings: [{ line: 1, messageId: 'fullImage' }],
    },
    {
      name: 'Ubuntu: reported, nothing of the same image to switch to',
      code: 'FROM ubuntu:24.04\nCMD ["bash"]\n',
      findings: [
        {
          line: 1,
          column: 13,
          endColumn: 18,
          messageId: 'fullImage',
          data: { image: 'ubuntu:24.04', description: 'a full Ubuntu distribution', remedy: 'a slim, Alpine or distroless image' },
        },
      ],
    },
    {
      name: 'CentOS is end of life: the message names replacements',
      code: 'FROM centos:7\n',
      findings: [{ line: 1, messageId: 'fullImage', data: { remedy: 'ubi9/ubi-minimal or quay.io/centos/centos:stream9-minimal' } }],
    },
  ],
});
