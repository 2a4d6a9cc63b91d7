import rule from '../../../../server/src/engine/rules/dockerfile/untrusted-registry';
import { testRule } from '../../../support/rule-tester';

const config = { trustedRegistries: ['docker.io', 'gcr.io', 'registry.example.com/team'] };

testRule(rule, {
  valid: [
    { name: 'silent while trustedRegistries is empty', code: 'FROM quay.io/prometheus/node-exporter:v1.8.1\nFROM evil.example.net/x:1\n' },
    { name: 'Docker Hub official image', code: 'FROM node:20-alpine\n', config },
    { name: 'Docker Hub user image', code: 'FROM bitnami/redis:7.2\n', config },
    { name: 'Docker Hub written out', code: 'FROM docker.io/library/nginx:1.27\nFROM index.docker.io/library/nginx:1.27\n', config },
    { name: 'a trusted registry host', code: 'FROM gcr.io/distroless/static-debian12:nonroot\n', config },
    { name: 'a trusted path prefix', code: 'FROM registry.example.com/team/app:1.2\nFROM registry.example.com/team/sub/app:1.2\n', config },
    { name: 'registry host case does not matter', code: 'FROM GCR.IO/distroless/base-debian12\n', config },
    { name: 'entries with a scheme or a trailing slash', code: 'FROM quay.io/org/app:1\n', config: { trustedRegistries: ['https://quay.io/'] } },
    { name: 'a Docker Hub alias in the list', code: 'FROM alpine:3.20\n', config: { trustedRegistries: ['index.docker.io'] } },
    {
      name: 'Docker Hub namespace entry',
      code: 'FROM myorg/app:1\nFROM library/node:20\nFROM node:20\n',
      config: { trustedRegistries: ['docker.io/myorg', 'docker.io/library'] },
    },
    { name: 'scratch and stages', code: 'FROM gcr.io/distroless/base-debian12 AS base\nFROM base\nFROM scratch\n', config },
    { name: 'an ARG default from a trusted registry', code: 'ARG BASE=gcr.io/distroless/static-debian12\nFROM ${BASE}\n', config },
    { name: 'unresolved path on a trusted host', code: 'ARG IMAGE\nFROM gcr.io/${IMAGE}\n', config },
    { name: 'half-typed FROM', code: 'FROM ', config },
    {
      name: 'wildcards, as hadolint reads them: *.example.com for its subdomains, * for every registry',
      code: 'FROM registry.example.com/app:1\nFROM eu.mirror.example.com/team/app:1\n',
      config: { trustedRegistries: ['*.example.com'] },
    },
    { name: '* trusts every registry', code: 'FROM quay.io/org/app:1\nFROM node:22\n', config: { trustedRegistries: ['*'] } },
    { name: 'half-typed reference', code: 'FROM quay.io/', config: { trustedRegistries: ['quay.io'] } },
  ],
  invalid: [
    {
      name: 'a wildcard entry stands for subdomains, not the domain itself nor a look-alike',
      code: 'FROM example.com/app:1\nFROM badexample.com/app:1\n',
      config: { trustedRegistries: ['*.example.com'] },
      findings: [
        { line: 1, messageId: 'untrusted', data: { registry: 'example.com' } },
        { line: 2, messageId: 'untrusted', data: { registry: 'badexample.com' } },
      ],
    },
    {
      name: 'another registry: the finding is on the registry',
      code: 'FROM quay.io/prometheus/node-exporter:v1.8.1\n',
      config,
      findings: [
        {
          line: 1,
          column: 6,
          endColumn: 13,
          messageId: 'untrusted',
          data: { image: 'quay.io/prometheus/node-exporter:v1.8.1', registry: 'quay.io', trusted: 'docker.io, gcr.io, registry.example.com/team' },
        },
      ],
      output: null,
    },
    {
      name: 'outside the trusted path prefix',
      code: 'FROM registry.example.com/other/app:1\n',
      config,
      findings: [{ line: 1, column: 6, endColumn: 26, messageId: 'untrusted' }],
      output: null,
    },
    {
      name: 'a prefix of a name is not a path prefix',
      code: 'FROM registry.example.com/teammate/app:1\n',
      config,
      findings: [{ line: 1, messageId: 'untrusted' }],
      output: null,
    },
    {
      name: 'Docker Hub when only other registries are trusted: the finding is on the name',
      code: 'FROM node:20\n',
      config: { trustedRegistries: ['registry.example.com'] },
      findings: [
        { line: 1, column: 6, endColumn: 10, messageId: 'untrusted', data: { image: 'node:20', registry: 'docker.io', trusted: 'registry.example.com' } },
      ],
      output: null,
    },
    {
      name: 'builder stages count: their output ships',
      code: 'FROM ghcr.io/org/builder:1 AS build\nFROM gcr.io/distroless/static-debian12\n',
      config,
      findings: [{ line: 1, column: 6, endColumn: 13, messageId: 'untrusted' }],
      output: null,
    },
    {
      name: 'unresolved image: unknown',
      code: 'ARG BASE\nFROM ${BASE}\n',
      config,
      findings: [{ line: 2, column: 6, endColumn: 13, messageId: 'unresolvedArg', data: { image: '${BASE}' } }],
      output: null,
    },
    {
      name: 'unresolved path on an untrusted host: the host is enough',
      code: 'ARG IMAGE\nFROM quay.io/${IMAGE}\n',
      config,
      findings: [
        { line: 2, messageId: 'untrusted', data: { image: 'quay.io/${IMAGE}', registry: 'quay.io', trusted: 'docker.io, gcr.io, registry.example.com/team' } },
      ],
      output: null,
    },
    {
      name: 'unresolved path where only a path prefix is trusted: unknown',
      code: 'ARG IMAGE\nFROM registry.example.com/${IMAGE}\n',
      config,
      findings: [{ line: 2, messageId: 'unresolvedArg' }],
      output: null,
    },
    {
      name: 'an ARG default from an untrusted registry',
      code: 'ARG BASE=quay.io/org/app:1\nFROM ${BASE}\n',
      config,
      findings: [
        {
          line: 2,
          column: 6,
          endColumn: 13,
          messageId: 'untrusted',
          data: { image: 'quay.io/org/app:1', registry: 'quay.io', trusted: 'docker.io, gcr.io, registry.example.com/team' },
        },
      ],
      output: null,
    },
  ],
});
