import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { resolveConfig, severityOf } from '../../../server/src/engine/config';
import { parseDockguardConfig, parseHadolintConfig } from '../../../server/src/engine/config-file';
import { findRule } from '../../../server/src/engine/rules';
import { readSettings } from '../../../server/src/lsp/settings';
import { isIgnoredPath, ProjectConfigLoader } from '../../../server/src/project-config';
import { tempDir } from '../../support/temp-dir';

const rootUser = findRule('root-user')!;
const ROOT = 'FROM alpine:3.23\nCMD ["sh"]\n';

describe('configuration precedence: defaults < settings < .dockguard.yaml < inline', () => {
  it('uses the rule default without configuration', () => {
    assert.equal(severityOf(rootUser, resolveConfig()), 'warning');
  });

  it('lets editor settings change a severity, by id or code', () => {
    assert.equal(severityOf(rootUser, resolveConfig(readSettings({ rules: { 'root-user': 'error' } }).config)), 'error');
    assert.equal(severityOf(rootUser, resolveConfig(readSettings({ rules: { DG101: 'off' } }).config)), 'off');
  });

  it('lets .dockguard.yaml override the settings', () => {
    const settings = readSettings({ rules: { 'root-user': 'error' }, limits: { memory: '1G' } }).config;
    const project = parseDockguardConfig('rules:\n  DG101: info\n').config;
    const config = resolveConfig(settings, project);
    assert.equal(severityOf(rootUser, config), 'info');
    assert.equal(config.limits.memory, '1G', 'keys the project does not set keep the setting');
  });

  it('lets an inline comment silence what the configuration enables', () => {
    const config = resolveConfig(parseDockguardConfig('rules:\n  root-user: error\n').config);
    assert.equal(analyze(ROOT, { kind: 'dockerfile', config })[0].severity, 'error');
    assert.deepEqual(analyze('# dockguard-ignore root-user -- init\n' + ROOT, { kind: 'dockerfile', config }), []);
  });

  it('turns strict-profile rules on only with the strict profile or by name', () => {
    const strictRule = { ...rootUser, profile: 'strict' as const };
    assert.equal(severityOf(strictRule, resolveConfig()), 'off');
    assert.equal(severityOf(strictRule, resolveConfig({ profile: 'strict' })), 'warning');
    assert.equal(severityOf(strictRule, resolveConfig({ rules: { 'root-user': 'on' } })), 'warning');
  });

  it('ignores ill-typed settings from editors that send anything', () => {
    const settings = readSettings({
      enable: 'yes',
      profile: 'max',
      rules: { DG101: 'fatal', DG102: 3 },
      limits: { pids: -1, memory: 42 },
      trustedRegistries: 'docker.io',
    });
    assert.equal(settings.enable, true);
    assert.deepEqual(settings.config, { rules: {}, limits: {} });
    assert.equal(readSettings({ enable: false }).enable, false);
  });
});

describe('.dockguard.yaml problems', () => {
  it('reports unknown keys, unknown rules, bad values, with ranges and a suggestion', () => {
    const { config, problems } = parseDockguardConfig(
      'profile: paranoid\nrules:\n  root-usr: error\n  DG101: critical\n  not-analyzed: off\nlimits:\n  memory: lots\n  pids: 100\nextra: 1\n',
    );
    assert.deepEqual(
      problems.map((p) => p.range.start.line + 1),
      [1, 3, 4, 7, 9],
    );
    assert.match(problems[1].message, /did you mean root-user/);
    assert.deepEqual(config.rules, { 'not-analyzed': 'off' }, 'the valid parts still apply');
    assert.deepEqual(config.limits, { pids: 100 });
  });

  it('reports YAML errors and a non-mapping file', () => {
    assert.equal(parseDockguardConfig('rules: [\n').problems.length > 0, true);
    assert.equal(parseDockguardConfig('- a\n').problems.length, 1);
    assert.deepEqual(parseDockguardConfig('').problems, []);
  });
});

describe('.hadolint.yaml compatibility', () => {
  it('maps ignored, override and trustedRegistries onto equivalent rules', () => {
    const { config } = parseHadolintConfig(
      'ignored:\n  - DL3002\n  - DL3008\noverride:\n  error:\n    - DL3006\n  style:\n    - DL9999\ntrustedRegistries:\n  - docker.io\n  - my.registry.io\nfailure-threshold: warning\n',
    );
    assert.equal(config.rules?.['root-user'], 'off');
    assert.deepEqual(config.trustedRegistries, ['docker.io', 'my.registry.io']);
    assert.deepEqual(analyze(ROOT, { kind: 'dockerfile', config: resolveConfig(config) }), []);
  });
});

describe('project configuration files on disk', () => {
  const root = tempDir('dockguard-config');
  mkdirSync(join(root, 'a', 'b'), { recursive: true });
  mkdirSync(join(root, 'h'), { recursive: true });
  writeFileSync(join(root, '.dockguard.yaml'), 'rules:\n  root-user: error\nignorePaths:\n  - "vendor/**"\n');
  writeFileSync(join(root, 'a', '.hadolint.yaml'), 'ignored: [DL3002]\n');
  writeFileSync(join(root, 'h', '.hadolint.yml'), 'ignored: [DL3002]\n');

  it('finds .dockguard.yaml upward and prefers it over a nearer .hadolint.yaml', () => {
    const loader = new ProjectConfigLoader();
    const found = loader.forFile(join(root, 'a', 'b', 'Dockerfile'))!;
    assert.equal(found.source, 'dockguard');
    assert.equal(found.file, join(root, '.dockguard.yaml'));
  });

  it('uses .hadolint.yaml where no .dockguard.yaml exists up to the workspace root', () => {
    const loader = new ProjectConfigLoader();
    const found = loader.forFile(join(root, 'h', 'Dockerfile'), join(root, 'h'))!;
    assert.equal(found.source, 'hadolint');
    assert.equal(found.config.rules?.['root-user'], 'off');
  });

  it('matches ignore paths relative to the configuration file', () => {
    assert.equal(isIgnoredPath(join(root, 'vendor', 'x', 'Dockerfile'), ['vendor/**'], root), true);
    assert.equal(isIgnoredPath(join(root, 'app', 'Dockerfile'), ['vendor/**'], root), false);
    assert.equal(isIgnoredPath(join(root, 'app', 'Dockerfile.test'), ['Dockerfile.test'], root), true, 'a bare name matches at any depth');
  });
});
