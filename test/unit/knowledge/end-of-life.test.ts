import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseImageRef } from '../../../server/src/engine/documents/image-ref';
import { END_OF_LIFE_TABLES } from '../../../server/src/engine/knowledge/end-of-life-data';
import { endOfLife, isoDay, parseIsoDay, withTag } from '../../../server/src/engine/knowledge/end-of-life';
import { movingTag } from '../../../server/src/engine/knowledge/moving-tags';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

describe('end-of-life tables', () => {
  for (const [name, table] of Object.entries(END_OF_LIFE_TABLES)) {
    it(`${name}: sorted by version, real days, each release out before its end`, () => {
      const rows = table
        .trim()
        .split('\n')
        .map((line) => line.trim().split(/\s+/));
      let previous: number[] | undefined;
      for (const [cycle, released, eol, codename, ...rest] of rows) {
        assert.match(cycle, /^\d+(\.\d+)?$/, `${name} ${cycle}`);
        assert.match(released, DAY, `${name} ${cycle} released`);
        assert.ok(eol === '-' || DAY.test(eol), `${name} ${cycle} eol ${eol}`);
        for (const day of [released, eol].filter((d) => d !== '-'))
          assert.equal(isoDay(new Date(`${day}T00:00:00Z`)), day, `${name} ${cycle}: ${day} is a day`);
        if (eol !== '-') assert.ok(released < eol, `${name} ${cycle}: released before its end`);
        assert.ok(codename === undefined || /^[a-z]+$/.test(codename), `${name} ${cycle} codename`);
        assert.deepEqual(rest, []);
        const parts = cycle.split('.').map(Number);
        if (previous)
          assert.ok(parts[0] > previous[0] || (parts[0] === previous[0] && parts[1] > previous[1]), `${name}: ${cycle} after ${previous.join('.')}`);
        previous = parts;
      }
    });
  }
});

describe('endOfLife: what ended, and the nearest supported tag with the same variant', () => {
  const today = '2026-12-05';
  const cases: [string, string | undefined][] = [
    ['python:3.5', '3.11'],
    ['python:3.7-slim-buster', '3.11-slim-bookworm'],
    ['python:3.8.10-alpine3.14', '3.11-alpine'],
    ['node:14-buster-slim', '22-bookworm-slim'],
    ['node:19', '22'], // odd majors are never the target
    ['ruby:2.7-slim-bullseye', '3.3-slim-bookworm'],
    ['php:8.0-zts-bullseye', '8.2-zts-bookworm'],
    ['debian:jessie-slim', 'bookworm-slim'],
    ['debian:9', '12'],
    ['ubuntu:23.10', '24.04'], // interim releases move to the next LTS
    ['ubuntu:xenial-20210114', 'jammy'],
    ['alpine:3.19.1', '3.22'],
    ['golang:1.24-alpine3.17', '1.24-alpine'],
    ['eclipse-temurin:11.0.20_8-jdk-focal', '11-jdk-jammy'],
    ['mysql:8.0-debian', undefined], // no tag: "debian" is not a variant this table knows for mysql
  ];
  for (const [image, tag] of cases) {
    it(`${image} → ${tag ?? 'a remedy'}`, () => {
      const eol = endOfLife(parseImageRef(image)!, today);
      assert.ok(eol, `${image} is past its end of life`);
      assert.equal(eol.tag, tag);
    });
  }

  it('silent for supported releases, unknown versions, moving tags, other publishers', () => {
    for (const image of [
      'python:3.13',
      'node:24-alpine',
      'debian:trixie',
      'ubuntu:26.04',
      'python:3.99',
      'node:lts',
      'python:latest',
      'debian:sid',
      'someone/python:2',
      'golang:1.25',
      'python:rc',
    ]) {
      assert.equal(endOfLife(parseImageRef(image)!, today), undefined, image);
    }
  });

  it('a coarse version ends only when a newer family replaced it: python:2 and php:7, never alpine:3', () => {
    assert.equal(endOfLife(parseImageRef('python:2')!, today)?.ended[0].name, 'Python 2.7');
    assert.equal(endOfLife(parseImageRef('php:7-fpm')!, today)?.ended[0].name, 'PHP 7.4');
    assert.equal(endOfLife(parseImageRef('alpine:3')!, '2099-01-01'), undefined);
    assert.equal(endOfLife(parseImageRef('node:22')!, '2099-01-01')?.ended[0].name, 'Node.js 22');
  });

  it('depends only on the day given', () => {
    const ref = parseImageRef('node:20')!;
    assert.equal(endOfLife(ref, '2026-04-29'), undefined);
    assert.equal(endOfLife(ref, '2026-04-30')?.ended[0].eol, '2026-04-30');
  });

  it('withTag keeps the registry and drops the digest', () => {
    assert.equal(withTag(parseImageRef('docker.io/library/python:3.6@sha256:00')!, '3.11'), 'docker.io/library/python:3.11');
  });
});

describe('movingTag', () => {
  const cases: [string, string | undefined][] = [
    ['latest', 'latest'],
    ['LATEST', 'latest'],
    ['stable-slim', 'stable'],
    ['lts-alpine3.20', 'lts'],
    ['current-alpine', 'current'],
    ['latest-dev', 'latest'],
    ['slim-latest', 'latest'],
    ['sid', 'sid'],
    ['rawhide', 'rawhide'],
    ['stable-20240110', undefined],
    ['latest-2024', undefined],
    ['main-3f9a2c1', undefined],
    ['rc-1.2', undefined],
    ['3.15-rc', undefined],
    ['mainframe', undefined],
    ['1.27', undefined],
    ['bookworm', undefined],
  ];
  for (const [tag, word] of cases) it(`${tag} → ${word ?? 'names a release'}`, () => assert.equal(movingTag(tag), word));
});

describe('parseIsoDay (DOCKGUARD_TODAY)', () => {
  it('reads a calendar day, at midnight UTC, and nothing else', () => {
    assert.equal(parseIsoDay('2027-05-01')?.toISOString(), '2027-05-01T00:00:00.000Z');
    for (const wrong of [undefined, '', '2027-02-30', '2027-5-1', '2027-05-01T10:00', 'tomorrow', '20270501'])
      assert.equal(parseIsoDay(wrong), undefined, String(wrong));
  });
});
