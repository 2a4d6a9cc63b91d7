import rule from '../../../../server/src/engine/rules/dockerfile/base-image-not-pinned-by-digest';
import { testRule } from '../../../support/rule-tester';

const DIGEST = 'sha256:beefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdead';

testRule(rule, {
  valid: [
    { code: `FROM node:20-alpine@${DIGEST}\n` },
    { name: 'digest without a tag', code: `FROM alpine@${DIGEST}\n` },
    { name: 'no tag is the business of unpinned-base-image', code: 'FROM ubuntu\n' },
    { name: 'latest pins nothing: unpinned-base-image says so, once', code: 'FROM debian:latest\n' },
    {
      name: 'nor do other moving tags, with or without a variant (unpinned-base-image)',
      code: 'FROM debian:stable-slim\nFROM node:lts-alpine\nFROM alpine:edge\nFROM nginx:MAINLINE\nFROM debian:sid\nFROM cgr.dev/chainguard/go:latest-dev\n',
    },
    { name: 'scratch', code: 'FROM scratch\n' },
    { name: 'earlier stages', code: `FROM golang:1.22@${DIGEST} AS build\nFROM build\n` },
    { name: 'unresolved ARG is the business of unpinned-base-image', code: 'ARG BASE\nFROM ${BASE}\n' },
    { name: 'digest from an ARG default', code: `ARG BASE=python:3.12-slim@${DIGEST}\nFROM \${BASE}\n` },
    { name: 'half-typed tag', code: 'FROM node:' },
    { name: 'half-typed FROM', code: 'FROM' },
    { name: 'empty file', code: '' },
  ],
  invalid: [
    {
      name: 'a dated snapshot of a moving tag names one release',
      code: 'FROM debian:stable-20240110-slim\nFROM ghcr.io/acme/tools:main-3f9a2c1\n',
      findings: [
        { line: 1, messageId: 'tagOnly', data: { image: 'debian:stable-20240110-slim' } },
        { line: 2, messageId: 'tagOnly', data: { image: 'ghcr.io/acme/tools:main-3f9a2c1' } },
      ],
      output: null,
    },
    {
      name: 'a tag only: the finding is on the tag',
      code: 'FROM node:20-alpine\n',
      findings: [{ line: 1, column: 11, endColumn: 20, messageId: 'tagOnly', data: { image: 'node:20-alpine' } }],
      output: null,
    },
    {
      name: 'every stage, registry with a port',
      code: 'FROM localhost:5000/build-tools:1.2 AS tools\nFROM gcr.io/distroless/static-debian12:nonroot\n',
      findings: [
        { line: 1, column: 33, endColumn: 36, messageId: 'tagOnly' },
        { line: 2, column: 40, endColumn: 47, messageId: 'tagOnly' },
      ],
      output: null,
    },
    {
      name: 'from an ARG default: reported on the FROM image',
      code: 'ARG BASE=node:20\nFROM ${BASE}\n',
      findings: [{ line: 2, column: 6, endColumn: 13, messageId: 'tagOnly', data: { image: 'node:20' } }],
      output: null,
    },
  ],
});
