import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCompose } from '../../../server/src/engine/documents/compose';
import { displayValue, interpolate, UNKNOWN } from '../../../server/src/engine/documents/compose-interpolation';
import { isHostPath, parseShortVolume, readMounts } from '../../../server/src/engine/documents/compose-mounts';
import { isAllInterfaces, parsePortSpec, portRange, readPorts } from '../../../server/src/engine/documents/compose-ports';
import { scalarSliceRange } from '../../../server/src/engine/documents/compose-values';

describe('compose interpolation', () => {
  it('takes defaults, unescapes $$ and marks what depends on the environment', () => {
    assert.equal(interpolate('nginx:${TAG:-1.27}'), 'nginx:1.27');
    assert.equal(interpolate('nginx:${TAG-1.27}'), 'nginx:1.27');
    assert.equal(interpolate('${REGISTRY}/app:1.0'), `${UNKNOWN}/app:1.0`);
    assert.equal(interpolate('app:$TAG'), `app:${UNKNOWN}`);
    assert.equal(interpolate('app:${TAG:?set TAG}'), `app:${UNKNOWN}`);
    assert.equal(interpolate('a:${A:-${B:-2}}'), 'a:2');
    assert.equal(interpolate('echo $$HOME'), 'echo $HOME');
    assert.equal(interpolate('cost: 5$'), 'cost: 5$');
    assert.equal(interpolate('broken ${A'), `broken ${UNKNOWN}`);
    assert.equal(displayValue(interpolate('/etc/${X}/$Y')), '/etc/${…}/${…}');
  });
});

describe('compose volumes', () => {
  it('splits short entries, Windows drives included', () => {
    assert.deepEqual(parseShortVolume('./data:/data'), { source: './data', target: '/data', sourceEnd: 6, options: undefined });
    assert.deepEqual(parseShortVolume('/srv:/srv:ro,z'), { source: '/srv', target: '/srv', sourceEnd: 4, options: { list: ['ro', 'z'], start: 10 } });
    assert.deepEqual(parseShortVolume('C:\\data:/data:rw'), { source: 'C:\\data', target: '/data', sourceEnd: 7, options: { list: ['rw'], start: 14 } });
    assert.deepEqual(parseShortVolume('/cache'), { target: '/cache', sourceEnd: 0 });
  });

  it('tells host paths from volume names', () => {
    for (const path of ['./x', '../x', '.', '/etc', '~/x', '~', 'C:\\x', 'd:/x', '\\\\.\\pipe\\docker_engine']) assert.ok(isHostPath(path), path);
    for (const name of ['data', 'db-data', 'my_volume']) assert.ok(!isHostPath(name), name);
  });

  it('reads short and long mounts with their source ranges', () => {
    const text =
      'services:\n  web:\n    volumes:\n      - "./data:/data:rw"\n      - db:/var/lib/db\n      - type: bind\n        source: /etc\n        target: /host-etc\n        read_only: true\n      - ${HOME}/.ssh:/root/.ssh\n';
    const model = parseCompose(text);
    const mounts = readMounts(model, model.services[0].get('volumes')!.value);
    assert.deepEqual(
      mounts.map((m) => [m.type, m.source, m.target, m.readOnly, m.long]),
      [
        ['bind', './data', '/data', false, false],
        ['volume', 'db', '/var/lib/db', false, false],
        ['bind', '/etc', '/host-etc', true, true],
        ['bind', '~/.ssh', '/root/.ssh', false, false],
      ],
    );
    assert.deepEqual(mounts[0].sourceRange, { start: { line: 3, character: 9 }, end: { line: 3, character: 15 } });
    assert.deepEqual(mounts[2].sourceRange, { start: { line: 6, character: 16 }, end: { line: 6, character: 20 } });
  });
});

describe('compose ports', () => {
  it('splits short specs the way Docker does', () => {
    assert.deepEqual(parsePortSpec('80'), { target: '80', protocol: undefined, hostIpSpan: [0, 0], parts: 0 });
    assert.deepEqual(parsePortSpec('8080:80/udp'), { published: '8080', target: '80', protocol: 'udp', hostIpSpan: [0, 0], parts: 1 });
    assert.deepEqual(parsePortSpec('127.0.0.1::80'), { hostIp: '127.0.0.1', published: '', target: '80', protocol: undefined, hostIpSpan: [0, 9], parts: 2 });
    assert.deepEqual(parsePortSpec('[::]:8080-8081:80-81'), {
      hostIp: '::',
      published: '8080-8081',
      target: '80-81',
      protocol: undefined,
      hostIpSpan: [0, 4],
      parts: 2,
    });
    assert.equal(parsePortSpec('::1:53:53')?.hostIp, '::1');
  });

  it('knows which host IPs mean every interface', () => {
    for (const ip of [undefined, '', '0.0.0.0', '::', '[::]', '0:0:0:0:0:0:0:0']) assert.ok(isAllInterfaces(ip), String(ip));
    for (const ip of ['127.0.0.1', '::1', '[::1]', '192.168.1.10']) assert.ok(!isAllInterfaces(ip), ip);
  });

  it('reads port ranges', () => {
    assert.deepEqual(portRange('8080'), [8080, 8080]);
    assert.deepEqual(portRange('8000-8010'), [8000, 8010]);
    assert.equal(portRange('${PORT}'), undefined);
    assert.equal(portRange('90-80'), undefined);
  });

  it('reads short and long mappings', () => {
    const text = 'services:\n  web:\n    ports:\n      - 8080:80\n      - 443\n      - target: 5432\n        published: "5432"\n        host_ip: 0.0.0.0\n';
    const model = parseCompose(text);
    const ports = readPorts(model, model.services[0].get('ports')!.value);
    assert.deepEqual(
      ports.map((p) => [p.long, p.hostIp, p.published, p.target]),
      [
        [false, undefined, '8080', '80'],
        [false, undefined, undefined, '443'],
        [true, '0.0.0.0', '5432', '5432'],
      ],
    );
  });
});

describe('scalar slices', () => {
  it('maps value offsets to the source when the source spells the value', () => {
    const text = 'a: "x:y"\nb: x:y\nc: "x\\ty"\n';
    const model = parseCompose(text);
    const value = (key: string) => model.root!.items.find((p) => String((p.key as { value: unknown }).value) === key)!.value;
    assert.deepEqual(scalarSliceRange(model, value('a'), 2, 3), { start: { line: 0, character: 6 }, end: { line: 0, character: 7 } });
    assert.deepEqual(scalarSliceRange(model, value('b'), 0, 1), { start: { line: 1, character: 3 }, end: { line: 1, character: 4 } });
    assert.equal(scalarSliceRange(model, value('c'), 0, 1), undefined);
  });
});
