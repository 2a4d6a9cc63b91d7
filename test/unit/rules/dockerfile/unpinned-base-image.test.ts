import rule from '../../../../server/src/engine/rules/dockerfile/unpinned-base-image';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    { code: 'FROM node:20-alpine\n' },
    { code: 'FROM python:3.12.4-slim-bookworm AS build\nFROM gcr.io/distroless/python3-debian12:nonroot\n' },
    { name: 'scratch needs no tag', code: 'FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build /app /app\n' },
    { name: 'an earlier stage needs no tag', code: 'FROM node:20 AS base\nFROM base AS test\nFROM BASE\n' },
    { name: 'a digest pins the image without a tag', code: 'FROM alpine@sha256:beefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdead\n' },
    { name: 'latest pinned by digest is pinned', code: 'FROM nginx:latest@sha256:beefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdead\n' },
    { name: 'registry with a port is not a tag', code: 'FROM localhost:5000/team/app:1.4.2\n' },
    { name: 'pinned image from an ARG default', code: 'ARG BASE=node:20.11.1\nFROM ${BASE}\n' },
    { name: 'pinned tag from an ARG default', code: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-alpine\n' },
    { name: '--platform flag', code: 'FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build\n' },
    { name: 'a tag named like latest but not latest', code: 'FROM example/app:latest-2024\n' },
    {
      name: 'snapshots of moving tags and words that only start like one name a release',
      code: 'FROM debian:stable-20240110-slim\nFROM ghcr.io/acme/tools:main-3f9a2c1\nFROM example/app:devops-1\nFROM example/app:release\nFROM python:3.15-rc\n',
    },
    { name: 'half-typed FROM', code: 'FROM ' },
    { name: 'half-typed tag', code: 'FROM node:' },
    { name: 'half-typed digest', code: 'FROM node@' },
    { name: 'empty file', code: '' },
    { name: 'instructions without FROM', code: 'RUN echo hi\nCMD ["x"]\n' },
  ],
  invalid: [
    {
      name: 'moving tags follow releases as latest does: channels, branches, with a variant; on the tag',
      code: 'FROM node:lts-alpine AS build\nFROM alpine:edge\nFROM debian:stable-slim\nFROM nginx:mainline\nFROM fedora:rawhide\nFROM ghcr.io/acme/tools:nightly\nFROM cgr.dev/chainguard/python:latest-dev\n',
      findings: [
        { line: 1, column: 11, endColumn: 21, messageId: 'latest', data: { image: 'node:lts-alpine', tag: 'lts-alpine' } },
        { line: 2, column: 13, endColumn: 17, messageId: 'latest', data: { tag: 'edge' } },
        { line: 3, messageId: 'latest', data: { tag: 'stable-slim' } },
        { line: 4, messageId: 'latest', data: { tag: 'mainline' } },
        { line: 5, messageId: 'latest', data: { tag: 'rawhide' } },
        { line: 6, messageId: 'latest', data: { tag: 'nightly' } },
        { line: 7, messageId: 'latest', data: { tag: 'latest-dev' } },
      ],
      output: null,
    },
    {
      name: 'a moving tag through an ARG default',
      code: 'ARG BASE=node:current-alpine\nFROM $BASE\n',
      findings: [
        { line: 2, column: 6, endColumn: 11, messageId: 'latestVia', data: { image: 'node:current-alpine', written: '$BASE', tag: 'current-alpine' } },
      ],
      output: null,
    },
    {
      name: 'no tag: the finding is on the image name',
      code: 'FROM ubuntu\nRUN echo hi\n',
      findings: [{ line: 1, column: 6, endColumn: 12, messageId: 'noTag', data: { image: 'ubuntu', written: 'ubuntu' } }],
      output: null,
    },
    {
      name: 'latest: the finding is on the tag',
      code: 'FROM node:latest\n',
      findings: [{ line: 1, column: 11, endColumn: 17, messageId: 'latest', data: { image: 'node:latest', written: 'node:latest' } }],
      output: null,
    },
    {
      name: 'LATEST in capitals',
      code: 'FROM node:LATEST\n',
      findings: [{ line: 1, column: 11, endColumn: 17, messageId: 'latest' }],
      output: null,
    },
    {
      name: 'a registry and namespace, no tag: the whole name',
      code: 'FROM registry.example.com:5000/team/app AS app\n',
      findings: [{ line: 1, column: 6, endColumn: 40, messageId: 'noTag' }],
      output: null,
    },
    {
      name: 'builder stages count too',
      code: 'FROM golang AS build\nFROM alpine:3.20\n',
      findings: [{ line: 1, column: 6, endColumn: 12, messageId: 'noTag' }],
      output: null,
    },
    {
      name: 'unresolved ARG without default is reported as unknown',
      code: 'ARG BASE\nFROM ${BASE}\n',
      findings: [{ line: 2, column: 6, endColumn: 13, messageId: 'unresolvedArg' }],
      output: null,
    },
    {
      name: 'unresolved tag variable is unknown too',
      code: 'ARG VERSION\nFROM node:${VERSION}\n',
      findings: [{ line: 2, column: 6, endColumn: 21, messageId: 'unresolvedArg' }],
      output: null,
    },
    {
      name: 'an ARG default without a tag: reported on the FROM image, naming where it comes from',
      code: 'ARG BASE=python\nFROM $BASE\n',
      findings: [{ line: 2, column: 6, endColumn: 11, messageId: 'noTagVia', data: { image: 'python', written: '$BASE' } }],
      output: null,
    },
    {
      name: 'several stages, each reported',
      code: 'FROM node AS deps\nFROM node:latest AS build\nFROM node:20\n',
      findings: [
        { line: 1, messageId: 'noTag' },
        { line: 2, column: 11, messageId: 'latest' },
      ],
      output: null,
    },
    {
      name: 'latest through an ARG default: names where it comes from',
      code: 'ARG BASE=node:latest\nFROM ${BASE}\n',
      findings: [{ line: 2, column: 6, endColumn: 13, messageId: 'latestVia', data: { image: 'node:latest', written: '${BASE}' } }],
      output: null,
    },
  ],
});
