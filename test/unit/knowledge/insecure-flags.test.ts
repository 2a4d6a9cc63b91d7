import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyInsecureSetting, findInsecureText, INSECURE_FLAGS } from '../../../server/src/engine/knowledge/insecure-flags';

describe('classifyInsecureSetting', () => {
  const insecure: [string, string, RegExp][] = [
    ['NODE_TLS_REJECT_UNAUTHORIZED', '0', /Node\.js/],
    ['GIT_SSL_NO_VERIFY', '1', /git/],
    ['GIT_SSL_NO_VERIFY', 'false', /whatever its value/],
    ['GIT_SSL_NO_VERIFY', '', /git/],
    ['DOCKER_CONTENT_TRUST', '0', /signatures/],
    ['PYTHONHTTPSVERIFY', '0', /Python/],
    ['NPM_CONFIG_STRICT_SSL', 'false', /npm/],
    ['npm_config_strict_ssl', 'false', /npm/],
    ['NPM_CONFIG_REGISTRY', 'http://registry.example.com/', /plain-HTTP/],
    ['YARN_ENABLE_STRICT_SSL', 'false', /yarn/],
    ['GOINSECURE', 'example.com/*', /GOINSECURE/],
    ['GONOSUMDB', 'example.com/private', /checksum database/],
    ['GONOSUMCHECK', '1', /checksum database/],
    ['GOSUMDB', 'off', /GOSUMDB=off/],
    ['GOFLAGS', '-mod=mod -insecure', /-insecure/],
    ['PIP_TRUSTED_HOST', 'pypi.example.com', /PIP_TRUSTED_HOST/],
    ['PIP_INDEX_URL', 'http://pypi.example.com/simple', /plain-HTTP/],
    ['UV_INSECURE_HOST', 'example.com', /uv/],
    ['CONDA_SSL_VERIFY', 'false', /conda/],
    ['BUNDLE_SSL_VERIFY_MODE', '0', /Bundler/],
    ['GIT_SSH_COMMAND', 'ssh -o StrictHostKeyChecking=no', /host keys/],
    ['MAVEN_OPTS', '-Dmaven.wagon.http.ssl.insecure=true', /Maven/],
  ];
  for (const [name, value, description] of insecure) {
    it(`${name}=${value} switches verification off`, () => assert.match(classifyInsecureSetting(name, value) ?? '', description));
  }

  const safe: [string, string | undefined][] = [
    ['NODE_TLS_REJECT_UNAUTHORIZED', '1'],
    ['GIT_SSL_NO_VERIFY', undefined],
    ['DOCKER_CONTENT_TRUST', '1'],
    ['PYTHONHTTPSVERIFY', '1'],
    ['NPM_CONFIG_STRICT_SSL', 'true'],
    ['NPM_CONFIG_REGISTRY', 'https://registry.npmjs.org/'],
    ['GOINSECURE', ''],
    ['GONOSUMDB', ''],
    ['GOSUMDB', 'sum.golang.org'],
    ['GOFLAGS', '-mod=mod -trimpath'],
    ['PIP_INDEX_URL', 'https://pypi.org/simple'],
    ['PIP_TRUSTED_HOST', ''],
    ['GIT_SSH_COMMAND', 'ssh -i /run/secrets/key'],
    ['PATH', '/usr/local/bin:/usr/bin'],
  ];
  for (const [name, value] of safe) {
    it(`${name}=${value} keeps verification on`, () => assert.equal(classifyInsecureSetting(name, value), undefined));
  }
});

describe('findInsecureText', () => {
  it('finds key=value spellings with their offsets', () => {
    const text = '[repo]\ngpgcheck=0\nsslverify = false\ndeb [arch=amd64 trusted=yes] http://x stable main\nAPT::Get::AllowUnauthenticated "true";';
    assert.deepEqual(
      findInsecureText(text).map((h) => text.slice(h.start, h.end)),
      ['gpgcheck=0', 'sslverify = false', 'trusted=yes', 'AllowUnauthenticated "true"'],
    );
  });

  it('ignores the settings that keep checks on', () => {
    assert.deepEqual(findInsecureText('gpgcheck=1\nsslverify=1\nrepo_gpgcheck=true\nStrictHostKeyChecking yes\nstrict-ssl=true'), []);
  });

  // No timing assertion (speed lives in bench/): the test timeout only catches a hang, e.g. a backtracking regex.
  it('finishes on long lines', { timeout: 60_000 }, () => {
    const long = `${'gpgcheck'.repeat(50_000)}${' '.repeat(100_000)}${'AllowUnauthenticated '.repeat(20_000)}`;
    findInsecureText(long);
  });
});

describe('INSECURE_FLAGS', () => {
  it('marks as removable only flags that do nothing but switch a check off', () => {
    for (const [program, flags] of Object.entries(INSECURE_FLAGS)) {
      for (const [flag, entry] of [...Object.entries(flags.long), ...Object.entries(flags.short ?? {})]) {
        assert.equal(entry.removable, true, `${program} ${flag}`);
        assert.ok(entry.description.length > 20);
      }
    }
  });
});
