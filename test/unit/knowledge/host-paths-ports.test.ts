import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostPathRisk, normalizeHostPath } from '../../../server/src/engine/knowledge/host-paths';
import { privateService } from '../../../server/src/engine/knowledge/ports';

const kind = (path: string) => hostPathRisk(path)?.kind ?? 'none';

describe('host paths', () => {
  it('normalises the way the kernel resolves', () => {
    assert.equal(normalizeHostPath('/etc/'), '/etc');
    assert.equal(normalizeHostPath('//srv/./x/../../etc'), '/etc');
    assert.equal(normalizeHostPath('~/'), '~');
    assert.equal(normalizeHostPath('C:\\Users\\me'), 'c:/Users/me');
    assert.equal(normalizeHostPath('\\\\.\\pipe\\docker_engine'), '//./pipe/docker_engine');
    assert.equal(normalizeHostPath('./data/'), './data');
  });

  it('knows container runtime sockets and the directories holding them', () => {
    for (const path of [
      '/var/run/docker.sock',
      '/run/docker.sock',
      '/var/run',
      '/run/',
      '/run/podman/podman.sock',
      '/run/containerd/containerd.sock',
      '/run/user/1000/docker.sock',
      '/run/user/1000',
      '~/.docker/run/docker.sock',
      '\\\\.\\pipe\\docker_engine',
    ]) {
      assert.equal(kind(path), 'socket', path);
    }
  });

  it('knows sensitive system paths, what is below them and what contains them', () => {
    for (const path of [
      '/',
      '/etc',
      '/etc/shadow',
      '/proc',
      '/sys/fs/cgroup',
      '/boot',
      '/dev',
      '/root/.ssh',
      '/usr',
      '/lib/modules',
      '/var/lib/docker',
      '/var',
      '/var/lib',
      '/run/secrets',
      '/home',
      '/home/me',
      '/home/me/.aws',
      '~',
      '~/.ssh',
      '~/.kube/config',
      '/srv/../etc',
    ]) {
      assert.equal(kind(path), 'sensitive', path);
    }
    const risk = hostPathRisk('/var');
    assert.equal(risk?.kind === 'sensitive' ? risk.path : undefined, '/var/lib/docker');
  });

  it('leaves project directories, data directories and harmless read-only files alone', () => {
    for (const path of [
      './data',
      '.',
      '../shared',
      '/srv/app',
      '/opt/data',
      '/var/log',
      '/home/me/src/app',
      '~/code/app',
      '/etc/localtime',
      '/usr/share/zoneinfo/UTC',
      '/etc/ssl/certs',
      'c:/data',
    ]) {
      assert.equal(kind(path), 'none', path);
    }
  });
});

describe('private ports', () => {
  it('names databases, caches, brokers and debuggers by container port, ranges included', () => {
    assert.deepEqual(privateService([5432, 5432]), { port: 5432, what: 'PostgreSQL' });
    assert.deepEqual(privateService([6000, 6400]), { port: 6379, what: 'Redis' });
    assert.equal(privateService([80, 80]), undefined);
    assert.equal(privateService([8080, 8085]), undefined);
  });
});
