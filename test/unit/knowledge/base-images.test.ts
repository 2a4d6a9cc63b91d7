import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseImageRef } from '../../../server/src/engine/documents/image-ref';
import { minimalAlternatives, runsServiceByDefault } from '../../../server/src/engine/knowledge/base-images';

/** The references a lookup offers, written out as a user would type them. */
function offered(image: string): string[] | undefined {
  const ref = parseImageRef(image)!;
  const advice = minimalAlternatives(ref);
  if (!advice) return undefined;
  return advice.variants.map((v) => {
    if (v.reference) return v.reference;
    const tag = v.tag ?? ref.tag;
    return ref.raw.slice(0, ref.pathEnd - ref.name.length) + (v.name ?? ref.name) + (tag !== undefined ? `:${tag}` : '');
  });
}

describe('minimalAlternatives: each image in its own tag grammar', () => {
  const cases: [string, string[] | undefined][] = [
    ['node:14', ['node:14-alpine', 'node:14-slim']],
    ['node:4', ['node:4-slim']], // Alpine variants start with Node 6
    ['node:20-bookworm', ['node:20-alpine', 'node:20-bookworm-slim', 'gcr.io/distroless/nodejs20-debian12']],
    ['node:18-stretch', ['node:18-alpine', 'node:18-slim']], // no stretch-slim tag
    ['node:22.3.0', ['node:22.3.0-alpine', 'node:22.3.0-slim', 'gcr.io/distroless/nodejs22-debian12']],
    ['node:lts', ['node:lts-alpine', 'node:lts-slim']],
    ['node:iron-bookworm', ['node:iron-alpine', 'node:iron-bookworm-slim']],
    ['node', ['node:alpine', 'node:slim']],
    ['node:latest', ['node:alpine', 'node:slim']],
    ['python:3.5', ['python:3.5-alpine', 'python:3.5-slim']],
    ['python:3.12-bookworm', ['python:3.12-alpine', 'python:3.12-slim-bookworm']],
    ['python:bookworm', ['python:alpine', 'python:slim-bookworm']],
    ['python:3.11.9', ['python:3.11.9-alpine', 'python:3.11.9-slim', 'gcr.io/distroless/python3-debian12']],
    ['python:3.15-rc', ['python:3.15-rc-alpine', 'python:3.15-rc-slim']],
    ['ruby:3.3-bookworm', ['ruby:3.3-alpine', 'ruby:3.3-slim-bookworm']],
    ['golang:1.22', ['golang:1.22-alpine']],
    ['golang:1.22-windowsservercore-ltsc2022', ['golang:1.22-nanoserver-ltsc2022']],
    ['php:8.3', ['php:8.3-alpine']],
    ['php:8.3-fpm-bookworm', ['php:8.3-fpm-alpine']],
    ['php:8.3-zts', ['php:8.3-zts-alpine']],
    ['php:8.3-apache', undefined],
    ['eclipse-temurin:17', ['eclipse-temurin:17-jre', 'eclipse-temurin:17-jre-alpine', 'gcr.io/distroless/java17-debian12']],
    [
      'eclipse-temurin:21.0.2_13-jdk-jammy',
      ['eclipse-temurin:21.0.2_13-jre-jammy', 'eclipse-temurin:21.0.2_13-jre-alpine', 'gcr.io/distroless/java21-debian12'],
    ],
    ['eclipse-temurin:11-jdk', ['eclipse-temurin:11-jre', 'eclipse-temurin:11-jre-alpine']],
    ['eclipse-temurin:22-jdk', undefined],
    ['openjdk:8u222-jdk', ['openjdk:8u222-jdk-slim', 'openjdk:8u222-jre-slim']],
    ['openjdk:17', ['openjdk:17-slim', 'gcr.io/distroless/java17-debian12']],
    ['openjdk:11-jdk-buster', ['openjdk:11-jdk-slim-buster', 'openjdk:11-jre-slim']],
    ['debian:12', ['debian:12-slim', 'gcr.io/distroless/base-debian12']],
    ['debian:bookworm-20240110', ['debian:bookworm-20240110-slim', 'gcr.io/distroless/base-debian12']],
    ['debian:bullseye', ['debian:bullseye-slim']],
    ['debian', ['debian:stable-slim']],
    ['debian:bookworm-backports', undefined],
    ['debian:experimental', undefined],
    ['ubuntu:24.04', []],
    ['rockylinux:9', ['rockylinux:9-minimal']],
    ['rockylinux:9.3.20231119', ['rockylinux:9.3.20231119-minimal']],
    ['rockylinux:8.4', undefined],
    ['almalinux:8.7-20221110', ['almalinux:8.7-minimal-20221110']],
    ['almalinux', ['almalinux:minimal']],
    ['oraclelinux:9', ['oraclelinux:9-slim']],
    ['registry.access.redhat.com/ubi9/ubi:9.4-1123', ['registry.access.redhat.com/ubi9/ubi-minimal:9.4', 'registry.access.redhat.com/ubi9/ubi-micro:9.4']],
    ['registry.access.redhat.com/ubi8:8.9', ['registry.access.redhat.com/ubi8-minimal:8.9', 'registry.access.redhat.com/ubi8-micro:8.9']],
    ['quay.io/centos/centos:stream9', ['quay.io/centos/centos:stream9-minimal']],
    ['mcr.microsoft.com/dotnet/sdk:8.0', ['mcr.microsoft.com/dotnet/aspnet:8.0', 'mcr.microsoft.com/dotnet/aspnet:8.0-alpine']],
    ['mcr.microsoft.com/dotnet/sdk:8.0.204-bookworm-slim', ['mcr.microsoft.com/dotnet/aspnet:8.0-bookworm-slim']],
    ['mcr.microsoft.com/dotnet/sdk:8.0-alpine', ['mcr.microsoft.com/dotnet/aspnet:8.0-alpine']],
    ['mcr.microsoft.com/windows/servercore:ltsc2019', ['mcr.microsoft.com/windows/nanoserver:1809']],
    ['mcr.microsoft.com/windows/servercore:ltsc2016', undefined],
    // already minimal, or unknown
    ['node:20-alpine3.20', undefined],
    ['python:3.12-slim', undefined],
    ['eclipse-temurin:17-jre', undefined],
    ['golang:1.22-nanoserver-ltsc2022', undefined],
    ['node:20-onbuild', undefined],
    ['library/node:20', ['library/node:20-alpine', 'library/node:20-slim', 'gcr.io/distroless/nodejs20-debian12']],
    ['someone/node:20', undefined],
    ['ghcr.io/org/python:3.12', undefined],
    ['gcr.io/distroless/nodejs20-debian12', undefined],
  ];
  for (const [image, expected] of cases) {
    it(image, () => assert.deepEqual(offered(image), expected));
  }

  it('names Ubuntu, CentOS and Fedora as full distributions with alternatives elsewhere', () => {
    for (const image of ['ubuntu:22.04', 'centos:7', 'fedora:40', 'quay.io/fedora/fedora:40']) {
      const advice = minimalAlternatives(parseImageRef(image)!)!;
      assert.equal(advice.variants.length, 0, image);
      assert.ok(advice.alternative, image);
    }
  });

  it('knows which variants lack a shell or a package manager', () => {
    const node = minimalAlternatives(parseImageRef('node:20')!)!;
    assert.deepEqual(
      node.variants.map((v) => [v.kind, v.packageManager]),
      [
        ['alpine', 'apk'],
        ['slim', 'apt'],
        ['distroless', undefined],
      ],
    );
    assert.deepEqual(node.variants[2].distroless?.runtime?.programs, ['node', 'nodejs']);
  });
});

describe('runsServiceByDefault', () => {
  it('knows service images on Docker Hub and stays off for shells and runtimes', () => {
    for (const image of ['nginx:1.27', 'postgres:16-alpine', 'grafana/grafana:11.0.0', 'quay.io/keycloak/keycloak:25.0'])
      assert.ok(runsServiceByDefault(parseImageRef(image)!), image);
    for (const image of ['node:20', 'alpine:3.20', 'debian:12', 'ghcr.io/x/nginx:1', 'someone/nginx:1'])
      assert.ok(!runsServiceByDefault(parseImageRef(image)!), image);
  });
});
