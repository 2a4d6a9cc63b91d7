import type { Severity } from '../types';

export interface DeviceRisk {
  severity: Severity;
  /** Completes "gives the container …". */
  what: string;
}

/**
 * How much a host device hands over. Disks, raw memory and I/O ports bypass every file permission and mount on
 * the host: errors. The rest (GPUs, serial ports, /dev/fuse, /dev/net/tun, /dev/kvm, …) are real access to the
 * host's hardware or kernel interfaces that the service should be known to need: warnings.
 */
export function deviceRisk(path: string): DeviceRisk {
  const device = path.replace(/\/+$/, '');
  if (/^\/dev\/(?:k?mem|port)$/.test(device)) return { severity: 'error', what: "raw access to the host's memory or I/O ports" };
  if (
    /^\/dev\/(?:[shv]d[a-z]+\d*|xvd[a-z]+\d*|nvme\d+(?:n\d+)?(?:p\d+)?|mmcblk\d+(?:p\d+)?|md\d+|dm-\d+|loop\d+)$/.test(device) ||
    /^\/dev\/(?:disk|mapper)\//.test(device)
  ) {
    return { severity: 'error', what: 'raw access to a host disk, past every file permission and mount on the host' };
  }
  if (device === '/dev/kmsg') return { severity: 'warning', what: "the host's kernel log, which leaks kernel addresses" };
  return { severity: 'warning', what: 'direct access to that host device, outside what the container isolates' };
}
