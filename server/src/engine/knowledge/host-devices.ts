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
  // `//dev/./sda` is /dev/sda to the kernel.
  const device =
    path
      .replace(/\/\.(?=\/|$)/g, '')
      .replace(/\/{2,}/g, '/')
      .replace(/\/$/, '') || '/'; // one slash left at most
  if (/^\/dev\/(?:k?mem|port)$/.test(device)) return { severity: 'error', what: "raw access to the host's memory or I/O ports" };
  if (
    // Disk names: sda…sdzzz, hda…hdt (IDE), vda, xvda, NVMe, MMC, RAID (md0, named arrays under /dev/md/), device
    // mapper, loop, ZFS volumes, network block devices, MTD block devices; /dev itself and the directories that
    // hold disks grant every disk below them. /dev/hdmi0 or /dev/mtd0 are no disks.
    /^\/dev\/(?:sd[a-z]{1,3}\d*|hd[a-t]\d*|vd[a-z]{1,2}\d*|xvd[a-z]{1,2}\d*|nvme\d+(?:n\d+)?(?:p\d+)?|mmcblk\d+(?:p\d+)?|md\d+|dm-\d+|loop\d+|zd\d+|nbd\d+|mtdblock\d+)$/.test(
      device,
    ) ||
    /^\/dev(?:\/(?:disk|mapper|md|zvol|block)(?:\/.*)?)?$/.test(device)
  ) {
    return { severity: 'error', what: 'raw access to a host disk, past every file permission and mount on the host' };
  }
  if (device === '/dev/kmsg') return { severity: 'warning', what: "the host's kernel log, which leaks kernel addresses" };
  return { severity: 'warning', what: 'direct access to that host device, outside what the container isolates' };
}
