import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCompose } from '../../../server/src/engine/documents/compose';
import { extendsChain, runtimeServices } from '../../../server/src/engine/documents/compose-extends';
import { isOverrideFile, knownFlag, ownSlot, securityOption } from '../../../server/src/engine/documents/compose-runtime';
import { normalizeCapability } from '../../../server/src/engine/knowledge/capabilities';
import { deviceRisk } from '../../../server/src/engine/knowledge/host-devices';

describe('compose runtime readers', () => {
  it('read security_opt items as Docker does: "=" first, then ":"', () => {
    assert.deepEqual(securityOption('seccomp:unconfined'), { key: 'seccomp', value: 'unconfined' });
    assert.deepEqual(securityOption('label=type:spc_t'), { key: 'label', value: 'type:spc_t' });
    assert.deepEqual(securityOption('label:type:spc_t'), { key: 'label', value: 'type:spc_t' });
    assert.deepEqual(securityOption(' No-New-Privileges '), { key: 'no-new-privileges', value: '' });
  });

  it('read booleans as compose does, with variable defaults, and leave the environment unknown', () => {
    const model = parseCompose('a: [true, "TRUE", yes, "0", false, "${X:-true}", "${X}", maybe]\n');
    const items = (model.root!.items[0].value as { items: unknown[] }).items;
    assert.deepEqual(
      items.map((item) => knownFlag(model, item)),
      [true, true, true, false, false, true, undefined, undefined],
    );
  });

  it('normalise capabilities and tell override files', () => {
    assert.deepEqual(['cap_sys_admin', ' SYS_ADMIN', 'CAP_ALL', 'all'].map(normalizeCapability), ['SYS_ADMIN', 'SYS_ADMIN', 'ALL', 'ALL']);
    assert.ok(isOverrideFile('file:///p/compose.override.yaml'));
    assert.ok(isOverrideFile('C:\\p\\docker-compose.override.yml'));
    assert.ok(!isOverrideFile('/p/compose.yaml'));
    assert.ok(!isOverrideFile(undefined));
  });

  it('classify devices: disks and raw memory are errors', () => {
    assert.deepEqual(
      ['/dev/sda', '/dev/nvme0n1p1', '/dev/mapper/vg-root', '/dev/mem', '/dev/ttyUSB0', '/dev/fuse', '/dev/sr0'].map((d) => deviceRisk(d).severity),
      ['error', 'error', 'error', 'error', 'warning', 'warning', 'warning'],
    );
  });

  it('tell a key written in the service from one merged from an anchor', () => {
    const model = parseCompose('x: &x\n  tmpfs: [/run]\nservices:\n  a:\n    <<: *x\n    read_only: true\n');
    const [a] = model.services;
    assert.equal(ownSlot(model, a, 'read_only').kind, 'own');
    assert.equal(ownSlot(model, a, 'tmpfs').kind, 'merged');
    assert.equal(ownSlot(model, a, 'cap_drop').kind, 'absent');
  });
});

describe('extends chains', () => {
  const files: Record<string, string> = {
    'base/common.yml': 'services:\n  base:\n    image: a:1\n    extends: {file: ./more.yml, service: root}\n',
    'base/more.yml': 'services:\n  root:\n    read_only: true\n',
  };
  const context = (text: string, read: string[] = []) => ({
    model: parseCompose(text),
    uri: '/p/compose.yaml',
    readFile: (file: string) => {
      read.push(file);
      return files[file];
    },
  });

  it('follow extends in the file and into other files, each file read once', () => {
    const read: string[] = [];
    const ctx = context(
      'services:\n  a:\n    extends: b\n  b:\n    extends:\n      file: base/common.yml\n      service: base\n  c:\n    extends: {file: base/common.yml, service: base}\n',
      read,
    );
    const names = (service: number) => extendsChain(ctx, ctx.model.services[service])!.map((link) => link.service.name);
    assert.deepEqual(names(0), ['a', 'b', 'base', 'root']);
    assert.deepEqual(names(2), ['c', 'base', 'root']);
    assert.deepEqual(read, ['base/common.yml', 'base/more.yml']);
  });

  it('give up on what cannot be known: unreadable files, variables, missing services, cycles', () => {
    for (const text of [
      'services:\n  a:\n    extends: {file: missing.yml, service: x}\n',
      'services:\n  a:\n    extends: {file: ${COMMON}, service: x}\n',
      'services:\n  a:\n    extends: nowhere\n',
      'services:\n  a:\n    extends: a\n',
    ]) {
      const ctx = context(text);
      assert.equal(extendsChain(ctx, ctx.model.services[0]), undefined, text);
      assert.deepEqual(runtimeServices(ctx), [], text);
    }
  });

  it('judge only services that run a container', () => {
    const ctx = context('services:\n  typing:\n  model:\n    provider: {type: model}\n  web:\n    image: a:1\n  api:\n    build: .\n');
    assert.deepEqual(
      runtimeServices(ctx).map((s) => s.service.name),
      ['web', 'api'],
    );
  });
});
