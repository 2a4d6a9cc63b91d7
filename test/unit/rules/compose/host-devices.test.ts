import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../../server/src/engine/analyze';
import rule from '../../../../server/src/engine/rules/compose/host-devices';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'no devices; GPUs reserved the compose way',
      code: 'services:\n  ml:\n    image: a:1\n    deploy:\n      resources:\n        reservations:\n          devices:\n            - driver: nvidia\n              count: 1\n              capabilities: [gpu]\n',
    },
    { name: 'a device from the environment', code: 'services:\n  a:\n    image: a:1\n    devices: ["${SERIAL_PORT}:/dev/ttyUSB0"]\n' },
    { name: 'a long entry still without its source', code: 'services:\n  a:\n    image: a:1\n    devices:\n      - target: /dev/x\n' },
  ],
  invalid: [
    {
      name: 'a serial port (warning) and a disk (error), on the host path',
      code: 'services:\n  a:\n    image: a:1\n    devices:\n      - /dev/ttyUSB0:/dev/ttyUSB0:rwm\n      - "/dev/sda:/dev/xvda:r"\n      - /dev/nvme0n1p2\n',
      findings: [
        {
          line: 5,
          column: 9,
          endColumn: 21,
          messageId: 'hostDevice',
          data: { device: '/dev/ttyUSB0', what: 'direct access to that host device, outside what the container isolates' },
        },
        {
          line: 6,
          column: 10,
          endColumn: 18,
          messageId: 'hostDevice',
          data: { device: '/dev/sda', what: 'raw access to a host disk, past every file permission and mount on the host' },
        },
        { line: 7, column: 9, endColumn: 23, messageId: 'hostDevice' },
      ],
      output: null,
    },
    {
      name: 'the long syntax, a CDI device and /dev/mem; 4-space indentation',
      code: 'services:\n    a:\n        image: a:1\n        devices:\n            - source: /dev/mem\n              target: /dev/mem\n              permissions: r\n            - nvidia.com/gpu=all\n',
      findings: [
        { line: 5, column: 23, messageId: 'hostDevice', data: { device: '/dev/mem', what: "raw access to the host's memory or I/O ports" } },
        { line: 8, column: 15, messageId: 'cdiDevice', data: { device: 'nvidia.com/gpu=all' } },
      ],
      output: null,
    },
    {
      name: 'device cgroup rules',
      code: "services:\n  a:\n    image: a:1\n    device_cgroup_rules:\n      - 'c 189:* rmw'\n      - 'a *:* rwm'\n      - 'b 8:0 r'\n",
      findings: [
        { line: 5, messageId: 'cgroupRule', data: { rule: 'c 189:* rmw', what: 'host character devices of major number 189' } },
        { line: 6, messageId: 'cgroupRule', data: { what: 'every host device' } },
        { line: 7, messageId: 'cgroupRule', data: { what: 'host block devices (disks)' } },
      ],
      output: null,
    },
    {
      name: 'a list in an anchor: reported once, where written',
      code: 'x-dev: &dev\n  devices: [/dev/kvm]\nservices:\n  a:\n    <<: *dev\n    image: a:1\n  b:\n    <<: *dev\n    image: b:1\n',
      findings: [{ line: 2, column: 13, messageId: 'hostDevice' }],
      output: null,
    },
  ],
});

describe('host-devices severities', () => {
  it('disks, raw memory and catch-all cgroup rules are errors; other devices warnings', () => {
    const text =
      "services:\n  a:\n    image: a:1\n    devices: [/dev/sdb1, /dev/mapper/root, /dev/port, /dev/dri/renderD128, /dev/fuse, /dev/net/tun, /dev/kmsg]\n    device_cgroup_rules: ['c *:* m', 'c 10:200 rwm']\n";
    const findings = analyze(text, { kind: 'compose', rules: [rule] });
    assert.deepEqual(
      findings.map((f) => f.severity),
      ['error', 'error', 'error', 'warning', 'warning', 'warning', 'warning', 'error', 'warning'],
    );
  });
});

describe('host-devices: which devices are disks (compose-lint CL-0016 cases)', () => {
  const severities = (devices: string[]) =>
    analyze(`services:\n  a:\n    image: a:1\n    devices:\n${devices.map((d) => `      - "${d}:${d}"\n`).join('')}`, { kind: 'compose', rules: [rule] }).map(
      (f) => `${f.data?.device} ${f.severity}`,
    );
  it('named RAID arrays, ZFS and network block devices, MTD blocks, old IDE disks, /dev itself and the disk directories are disks', () => {
    const disks = [
      '/dev/md/raid1',
      '/dev/zd16',
      '/dev/zvol/tank/vm-100-disk-0',
      '/dev/nbd0',
      '/dev/mtdblock0',
      '/dev/hdb1',
      '/dev',
      '/dev/disk',
      '/dev/mapper',
      '/dev/md',
    ];
    assert.deepEqual(
      severities(disks),
      disks.map((d) => `${d} error`),
    );
  });
  it('near misses are other devices, not disks: /dev/hdmi0, /dev/hidraw0, /dev/mtd0, /dev/zero', () => {
    const others = ['/dev/hdmi0', '/dev/hidraw0', '/dev/mtd0', '/dev/zero'];
    assert.deepEqual(
      severities(others),
      others.map((d) => `${d} warning`),
    );
  });
  it('a path written with // or /./ is the device it names', () => {
    assert.deepEqual(severities(['//dev/./nvme0n1']), ['//dev/./nvme0n1 error']);
  });
});
