import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { resolveConfig } from '../../../server/src/engine/config';
import { interpolate, UNKNOWN } from '../../../server/src/engine/documents/compose-interpolation';
import { parseDotEnv } from '../../../server/src/engine/documents/dotenv';

describe('.env files', () => {
  it('reads KEY=value lines as compose does: comments, export, quotes, multi-line double quotes', () => {
    const env = parseDotEnv(
      '# settings\nTAG=1.27\nexport PORT = 8080 # web\nEMPTY=\nSINGLE=\'a #b $c\'\nDOUBLE="x\\ny"\nMULTI="line1\nline2"\nREF=${OTHER}\nREF2="$OTHER"\nnot a line\n',
    );
    assert.deepEqual(Object.fromEntries(env), { TAG: '1.27', PORT: '8080', EMPTY: '', SINGLE: 'a #b $c', DOUBLE: 'x\ny', MULTI: 'line1\nline2' });
  });

  it('feeds interpolation: a set variable wins over defaults, an unset one keeps them, the rest stays unknown', () => {
    const env = parseDotEnv('TAG=1.27\nEMPTY=\nUSER_ID=0\n');
    assert.equal(interpolate('nginx:${TAG}', env), 'nginx:1.27');
    assert.equal(interpolate('nginx:$TAG', env), 'nginx:1.27');
    assert.equal(interpolate('nginx:${TAG:-latest}', env), 'nginx:1.27');
    assert.equal(interpolate('nginx:${EMPTY:-1.0}', env), 'nginx:1.0');
    assert.equal(interpolate('nginx:${EMPTY-1.0}', env), 'nginx:');
    assert.equal(interpolate('${MISSING:-x}', env), 'x');
    assert.equal(interpolate('${MISSING}', env), UNKNOWN);
    assert.equal(interpolate('${TAG:?required}', env), '1.27');
    assert.equal(interpolate('${EMPTY:?required}', env), UNKNOWN);
    assert.equal(interpolate('${TAG:+set}', env), 'set');
    assert.equal(interpolate('${EMPTY:+set}', env), '');
    assert.equal(interpolate('${MISSING:+set}', env), UNKNOWN);
    assert.equal(interpolate('${USER_ID}', undefined), UNKNOWN);
  });

  /** Every rule on /project/compose.yaml with these files around it. */
  function scan(compose: string, files: Record<string, string>) {
    return analyze(compose, {
      kind: 'compose',
      uri: '/project/compose.yaml',
      config: resolveConfig({}),
      readFile: (file) => files[path.relative('/project', file).split(path.sep).join('/')],
    }).map((f) => `${f.range.start.line + 1}:${f.ruleId}`);
  }

  it('judges image tags, ports and users on the values the .env next to the compose file gives them', () => {
    const compose = 'services:\n  web:\n    image: nginx:${TAG}\n    user: "${UID}"\n    ports:\n      - "${BIND}:${PORT}:80"\n';
    const unresolved = scan(compose, {});
    assert.ok(unresolved.includes('3:unpinned-image'), 'a tag from the environment is not assumed pinned');
    assert.ok(!unresolved.includes('4:service-runs-as-root'));

    const resolved = scan(compose, { '.env': 'TAG=latest\nUID=0\nBIND=0.0.0.0\nPORT=8080\n' });
    assert.ok(resolved.includes('3:unpinned-image'), 'TAG=latest');
    assert.ok(resolved.includes('4:service-runs-as-root'), 'UID=0');
    assert.ok(resolved.includes('6:port-on-all-interfaces'), 'BIND=0.0.0.0');

    const safe = scan(compose, { '.env': 'TAG=1.27.1\nUID=10001\nBIND=127.0.0.1\nPORT=8080\n' });
    assert.ok(!safe.includes('3:unpinned-image'));
    assert.ok(!safe.includes('4:service-runs-as-root'));
    assert.ok(!safe.includes('6:port-on-all-interfaces'));
  });

  it('interpolates a file reached through extends, and its path, with the same .env', () => {
    const common = 'services:\n  base:\n    image: a:1\n    read_only: ${RO:-true}\n';
    const compose = 'services:\n  app:\n    extends:\n      file: ${COMMON}\n      service: base\n';
    assert.ok(!scan(compose, { 'common.yaml': common }).includes('2:writable-root-filesystem'), 'without .env the file is not known');
    assert.ok(!scan(compose, { '.env': 'COMMON=common.yaml\n', 'common.yaml': common }).includes('2:writable-root-filesystem'));
    assert.ok(scan(compose, { '.env': 'COMMON=common.yaml\nRO=false\n', 'common.yaml': common }).includes('2:writable-root-filesystem'));
  });
});
