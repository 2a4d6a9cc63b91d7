import rule from '../../../../server/src/engine/rules/dockerfile/eol-base-image';
import { testRule } from '../../../support/rule-tester';

// Analysed on the rule tester's fixed day, 2026-12-05: Node.js 20 (2026-04-30), Python 3.10 (2026-10-31) and
// Debian 11 (2026-08-31) are past their end of life, Node.js 22, Python 3.11 and Debian 12 are not.
const DIGEST = 'sha256:beefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdead';

testRule(rule, {
  valid: [
    { code: 'FROM python:3.12-slim-bookworm\n' },
    { name: 'supported language and distribution versions', code: 'FROM node:22-alpine AS build\nFROM debian:12-slim\nFROM ubuntu:24.04\nFROM alpine:3.22\n' },
    { name: 'a patch version of a supported release', code: 'FROM python:3.11.9-slim\nFROM postgres:16.3\n' },
    { name: 'a version coarser than the release lines, with one supported', code: 'FROM python:3\nFROM alpine:3\nFROM node:22\n' },
    { name: 'scratch', code: 'FROM golang:1.26 AS build\nFROM scratch\nCOPY --from=build /app /app\n' },
    { name: 'a stage named like an image is not an image', code: 'FROM node:22 AS python\nFROM python\n' },
    {
      name: 'latest and other moving tags are unpinned-base-image findings',
      code: 'FROM python:latest\nFROM node:lts-alpine\nFROM debian:stable-slim\nFROM ubuntu\n',
    },
    { name: 'versions this table does not know', code: 'FROM python:3.99\nFROM node:hydrogen\nFROM golang:1.24\nFROM eclipse-temurin:8-jre\n' },
    { name: 'unreadable tags', code: 'FROM python:3.13.0rc2-slim\nFROM debian:bookworm-slim-x\nFROM python:nightly-3.x\n' },
    {
      name: 'images of other publishers and registries',
      code: 'FROM someone/python:3.5\nFROM registry.example.com/python:3.5\nFROM gcr.io/distroless/python3-debian11\n',
    },
    { name: 'an ARG without a default is unknown, not reported here', code: 'ARG PY\nFROM python:${PY}\n' },
    { name: 'half-typed', code: 'FROM python:\nFROM python:3.\nFROM \n' },
    { name: 'a date before the end of life', code: 'FROM python:3.8-slim-buster\n', now: new Date('2023-01-01T00:00:00Z') },
    { name: 'ubuntu codename that is supported', code: 'FROM ubuntu:noble-20240801\nFROM eclipse-temurin:21-jdk-jammy\n' },
  ],
  invalid: [
    {
      name: 'the example: a full image of Python 3.5, on the tag',
      code: 'FROM python:3.5\nCMD ["python", "app.py"]\n',
      findings: [
        {
          line: 1,
          column: 13,
          endColumn: 16,
          messageId: 'endOfLife',
          data: { image: 'python:3.5', release: 'Python 3.5', date: '2020-09-13', remedy: 'a supported release such as python:3.11' },
          suggestions: [
            { title: /^Use python:3\.11 \(supported until 2027-10-31; test the application on it\)$/, output: 'FROM python:3.11\nCMD ["python", "app.py"]\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the language and its Debian suite both ended: the nearest supported of each, same variant',
      code: 'FROM python:3.7-slim-buster\n',
      findings: [
        {
          line: 1,
          column: 13,
          endColumn: 28,
          messageId: 'endOfLife',
          data: {
            release: 'Python 3.7 on Debian 10 (buster)',
            date: '2023-06-27 and 2024-06-30',
            remedy: 'a supported release such as python:3.11-slim-bookworm',
          },
          suggestions: [{ output: 'FROM python:3.11-slim-bookworm\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'a patch version with an Alpine release: Alpine follows the newest release',
      code: 'FROM python:3.8.10-alpine3.14 AS build\nRUN pip wheel .\n',
      findings: [
        {
          line: 1,
          messageId: 'endOfLife',
          data: { release: 'Python 3.8 on Alpine Linux 3.14' },
          suggestions: [{ output: 'FROM python:3.11-alpine AS build\nRUN pip wheel .\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'only the distribution ended: the same version on a supported suite',
      code: 'FROM python:3.11-slim-bullseye\n',
      findings: [
        {
          line: 1,
          messageId: 'endOfLife',
          data: { release: 'Debian 11 (bullseye)', date: '2026-08-31', remedy: 'a supported release such as python:3.11-slim-bookworm' },
          suggestions: [{ title: /a supported distribution/, output: 'FROM python:3.11-slim-bookworm\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'Node.js: the next LTS line, with the suite-then-slim grammar kept',
      code: 'FROM node:14-buster-slim\nFROM node:20\n',
      findings: [
        {
          line: 1,
          messageId: 'endOfLife',
          data: { release: 'Node.js 14 on Debian 10 (buster)' },
          suggestions: [{ output: 'FROM node:22-bookworm-slim\nFROM node:20\n' }],
        },
        {
          line: 2,
          messageId: 'endOfLife',
          data: { release: 'Node.js 20', date: '2026-04-30' },
          suggestions: [{ output: 'FROM node:14-buster-slim\nFROM node:22\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'a digest pins an image that is still past its end of life; the suggestion drops the digest',
      code: `FROM python:3.6@${DIGEST}\n`,
      findings: [
        {
          line: 1,
          column: 13,
          endColumn: 16,
          messageId: 'endOfLife',
          data: { image: `python:3.6@${DIGEST}` },
          suggestions: [{ title: /pin its digest again/, output: 'FROM python:3.11\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'registry prefixes of Docker Hub',
      code: 'FROM docker.io/library/ruby:2.7-slim\nFROM index.docker.io/library/php:7.4-fpm-alpine\n',
      findings: [
        {
          line: 1,
          column: 29,
          messageId: 'endOfLife',
          data: { release: 'Ruby 2.7' },
          suggestions: [{ output: 'FROM docker.io/library/ruby:3.3-slim\nFROM index.docker.io/library/php:7.4-fpm-alpine\n' }],
        },
        {
          line: 2,
          column: 34,
          messageId: 'endOfLife',
          data: { release: 'PHP 7.4' },
          suggestions: [{ output: 'FROM docker.io/library/ruby:2.7-slim\nFROM index.docker.io/library/php:8.2-fpm-alpine\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'from a global ARG default: on the FROM image, the suggestion edits the default',
      code: 'ARG BASE="node:16-alpine"\nFROM ${BASE}\nFROM --platform=$BUILDPLATFORM $BASE AS tools\n',
      findings: [
        {
          line: 2,
          column: 6,
          endColumn: 13,
          messageId: 'endOfLife',
          data: { image: '${BASE} (node:16-alpine)' },
          suggestions: [{ output: 'ARG BASE="node:22-alpine"\nFROM ${BASE}\nFROM --platform=$BUILDPLATFORM $BASE AS tools\n' }],
        },
        {
          line: 3,
          messageId: 'endOfLife',
          suggestions: [{ output: 'ARG BASE="node:22-alpine"\nFROM ${BASE}\nFROM --platform=$BUILDPLATFORM $BASE AS tools\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'a tag built from an ARG default: reported on the image, no edit',
      code: 'ARG PY=3.6\nFROM python:${PY}-slim\n',
      findings: [{ line: 2, column: 6, endColumn: 23, messageId: 'endOfLife', data: { image: 'python:${PY}-slim (python:3.6-slim)' } }],
      output: null,
    },
    {
      name: 'distributions: codename stays a codename, a number a number, snapshots dropped, line continuation',
      code: 'FROM debian:buster-20240612-slim\nFROM ubuntu:18.04\nFROM \\\n  ubuntu:focal\nFROM alpine:3.14.2\nFROM fedora:38\n',
      findings: [
        {
          line: 1,
          messageId: 'endOfLife',
          data: { release: 'Debian 10 (buster)' },
          suggestions: [{ output: 'FROM debian:bookworm-slim\nFROM ubuntu:18.04\nFROM \\\n  ubuntu:focal\nFROM alpine:3.14.2\nFROM fedora:38\n' }],
        },
        {
          line: 2,
          messageId: 'endOfLife',
          data: { release: 'Ubuntu 18.04 (bionic)' },
          suggestions: [{ output: 'FROM debian:buster-20240612-slim\nFROM ubuntu:22.04\nFROM \\\n  ubuntu:focal\nFROM alpine:3.14.2\nFROM fedora:38\n' }],
        },
        {
          line: 4,
          column: 10,
          messageId: 'endOfLife',
          suggestions: [{ output: 'FROM debian:buster-20240612-slim\nFROM ubuntu:18.04\nFROM \\\n  ubuntu:jammy\nFROM alpine:3.14.2\nFROM fedora:38\n' }],
        },
        {
          line: 5,
          messageId: 'endOfLife',
          data: { release: 'Alpine Linux 3.14' },
          suggestions: [{ output: 'FROM debian:buster-20240612-slim\nFROM ubuntu:18.04\nFROM \\\n  ubuntu:focal\nFROM alpine:3.22\nFROM fedora:38\n' }],
        },
        {
          line: 6,
          messageId: 'endOfLife',
          data: { release: 'Fedora 38' },
          suggestions: [{ output: 'FROM debian:buster-20240612-slim\nFROM ubuntu:18.04\nFROM \\\n  ubuntu:focal\nFROM alpine:3.14.2\nFROM fedora:43\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'CentOS Linux has no supported release: a remedy, no suggestion',
      code: 'FROM centos:7\nFROM centos:centos8\n',
      findings: [
        {
          line: 1,
          messageId: 'endOfLife',
          data: {
            release: 'CentOS Linux 7',
            date: '2024-06-30',
            remedy: 'a maintained distribution such as almalinux:9, rockylinux:9 or a Red Hat UBI image (CentOS Linux has no supported release left)',
          },
        },
        { line: 2, messageId: 'endOfLife', data: { release: 'CentOS Linux 8', date: '2021-12-31' } },
      ],
      output: null,
    },
    {
      name: 'a database: the supported release named, no one-click upgrade of the data',
      code: 'FROM postgres:11-alpine\n',
      findings: [
        {
          line: 1,
          messageId: 'endOfLife',
          data: {
            remedy: 'a supported release such as postgres:15-alpine, migrating the data first (a new major version may not read the old data directory)',
          },
        },
      ],
      output: null,
    },
    {
      name: 'Go without a known supported successor, a Windows variant that may not exist: no suggestion',
      code: 'FROM golang:1.22 AS build\nFROM python:3.8-windowsservercore-1809\n',
      findings: [
        { line: 1, messageId: 'endOfLife', data: { release: 'Go 1.22', remedy: 'a supported Go release' } },
        { line: 2, messageId: 'endOfLife', data: { remedy: 'a supported Python release (3.11 or later)' } },
      ],
      output: null,
    },
    {
      name: 'a version coarser than the release lines, all of them ended',
      code: 'FROM python:2\nFROM php:7-apache\n',
      findings: [
        { line: 1, messageId: 'endOfLife', data: { release: 'Python 2.7' }, suggestions: [{ output: 'FROM python:3.11\nFROM php:7-apache\n' }] },
        { line: 2, messageId: 'endOfLife', data: { release: 'PHP 7.4' }, suggestions: [{ output: 'FROM python:2\nFROM php:8.2-apache\n' }] },
      ],
      output: null,
    },
    {
      name: 'Java: the next LTS release, on a supported Ubuntu',
      code: 'FROM eclipse-temurin:19-jdk-focal AS build\nFROM eclipse-temurin:17-jre-focal\n',
      findings: [
        {
          line: 1,
          messageId: 'endOfLife',
          data: { release: 'Eclipse Temurin 19 on Ubuntu 20.04 (focal)' },
          suggestions: [{ output: 'FROM eclipse-temurin:21-jdk-jammy AS build\nFROM eclipse-temurin:17-jre-focal\n' }],
        },
        {
          line: 2,
          messageId: 'endOfLife',
          data: { release: 'Ubuntu 20.04 (focal)' },
          suggestions: [{ output: 'FROM eclipse-temurin:19-jdk-focal AS build\nFROM eclipse-temurin:17-jre-jammy\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'the clock decides: on 2024-01-01 Node.js 18 was the nearest supported LTS and Debian 11 was supported',
      now: new Date('2024-01-01T00:00:00Z'),
      code: 'FROM node:14-bullseye\n',
      findings: [{ line: 1, messageId: 'endOfLife', data: { release: 'Node.js 14' }, suggestions: [{ output: 'FROM node:18-bullseye\n' }] }],
      output: null,
    },
  ],
});
