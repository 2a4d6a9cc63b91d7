import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../../server/src/engine/documents/dockerfile';
import { stageRunsAsRoot } from '../../../server/src/engine/knowledge/runs-as-root';

function verdict(text: string, stageName?: string) {
  const model = parseDockerfile(text);
  const stage = stageName ? model.stages.find((s) => s.name === stageName)! : model.finalStage!;
  const result = stageRunsAsRoot(stage);
  return result.root
    ? result.reason === 'user'
      ? `root by USER ${result.user.written}${result.inherited ? ' (inherited)' : ''}`
      : 'root, no USER'
    : 'not root';
}

describe('stageRunsAsRoot, shared by root-user and service-runs-as-root', () => {
  it('no USER on an ordinary image is root', () => assert.equal(verdict('FROM debian:12\nRUN true\n'), 'root, no USER'));
  it('a non-root USER is not', () => assert.equal(verdict('FROM debian:12\nUSER app\n'), 'not root'));
  it('USER root and USER 0:0 are', () => {
    assert.equal(verdict('FROM debian:12\nUSER root\n'), 'root by USER root');
    assert.equal(verdict('FROM debian:12\nUSER 0:0\n'), 'root by USER 0:0');
  });
  it('follows FROM <stage>', () => {
    assert.equal(verdict('FROM debian:12 AS base\nUSER root\nFROM base\n'), 'root by USER root (inherited)');
    assert.equal(verdict('FROM debian:12 AS base\nUSER app\nFROM base\n'), 'not root');
  });
  it('trusts images that default to a non-root user', () => {
    assert.equal(verdict('FROM gcr.io/distroless/static-debian12:nonroot\n'), 'not root');
    assert.equal(verdict('FROM cgr.dev/chainguard/node:latest\n'), 'not root');
  });
  it("takes a user from a build-time variable as the author's choice", () => assert.equal(verdict('FROM debian:12\nARG U\nUSER ${U}\n'), 'not root'));
  it('decides for any stage, not only the final one', () => {
    const text = 'FROM golang:1.22 AS build\nRUN go build\nFROM debian:12 AS run\nUSER app\n';
    assert.equal(verdict(text, 'build'), 'root, no USER');
    assert.equal(verdict(text, 'run'), 'not root');
  });
});
