import type { Severity } from '../types';

/**
 * Linux capabilities as Docker grants them. Docker normalises names case-insensitively and accepts them with or
 * without the `CAP_` prefix (`sys_admin`, `CAP_SYS_ADMIN`); `ALL` stands for every capability.
 */
export function normalizeCapability(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

/** What a container gets without cap_add or cap_drop (moby's default set). */
export const DEFAULT_CAPABILITIES = [
  'CHOWN',
  'DAC_OVERRIDE',
  'FSETID',
  'FOWNER',
  'MKNOD',
  'NET_RAW',
  'SETGID',
  'SETUID',
  'SETFCAP',
  'SETPCAP',
  'NET_BIND_SERVICE',
  'SYS_CHROOT',
  'KILL',
  'AUDIT_WRITE',
];

export interface CapabilityRisk {
  severity: Severity;
  /** Completes "cap_add: X …": what the capability lets a compromised container do. */
  risk: string;
}

/**
 * Capabilities that reach past the container. Errors: each is a known road to the host (kernel code, raw
 * memory or disks, mounts and namespaces, security policy). Warnings: they act on things the kernel does not
 * namespace (the clock, the kernel log, audit rules) or on the network, but are not an escape by themselves.
 * Not listed, by decision: the default set above (dropping it is missing-cap-drop-all's business; NET_RAW
 * there is what `ping` needs) and narrow ones such as NET_BIND_SERVICE, SYS_NICE or IPC_LOCK.
 */
export const DANGEROUS_CAPABILITIES: Record<string, CapabilityRisk> = {
  ALL: { severity: 'error', risk: 'grants every capability, as good as privileged: true for a process that wants out' },
  SYS_ADMIN: { severity: 'error', risk: 'lets the container mount filesystems, create namespaces and reach the host through many known escapes' },
  SYS_MODULE: { severity: 'error', risk: 'lets the container load kernel modules, that is run its own code in the host kernel' },
  SYS_RAWIO: { severity: 'error', risk: 'gives raw access to I/O ports and device memory, bypassing every file permission on the host' },
  SYS_PTRACE: { severity: 'warning', risk: 'lets the container trace and inject code into other processes it can see' },
  DAC_READ_SEARCH: { severity: 'error', risk: 'lets the container open host files by handle (the "shocker" escape) and read past every file permission' },
  SYS_BOOT: { severity: 'error', risk: 'lets the container load a new kernel (kexec), which is not limited to the container' },
  BPF: { severity: 'error', risk: 'lets the container load eBPF programs into the host kernel, which can read kernel memory' },
  MAC_ADMIN: { severity: 'error', risk: 'lets the container change the AppArmor or SELinux policy that confines it' },
  MAC_OVERRIDE: { severity: 'error', risk: 'lets the container ignore the AppArmor or SELinux policy that confines it' },
  NET_ADMIN: {
    severity: 'warning',
    risk: 'lets the container reconfigure interfaces, routes and firewall rules and sniff or redirect traffic on its networks',
  },
  SYS_TIME: {
    severity: 'warning',
    risk: "lets the container set the host's clock, which is shared by every container and breaks certificate and log timestamps",
  },
  PERFMON: { severity: 'warning', risk: "gives access to kernel performance events, which leak kernel addresses and other processes' activity" },
  SYSLOG: { severity: 'warning', risk: "lets the container read and clear the host's kernel log, which leaks kernel addresses" },
  AUDIT_CONTROL: { severity: 'warning', risk: "lets the container change or switch off the host's audit rules" },
};

/** A capability is dangerous by itself, or becomes so with a host namespace that reaches the host's processes or network. */
export function capabilityRisk(capability: string, context: { hostPid: boolean; hostNetwork: boolean }): CapabilityRisk | undefined {
  const risk = DANGEROUS_CAPABILITIES[capability];
  if (!risk) return undefined;
  if (capability === 'SYS_PTRACE' && context.hostPid) {
    return { severity: 'error', risk: 'with pid: host lets the container trace and inject code into every process of the host' };
  }
  if (capability === 'NET_ADMIN' && context.hostNetwork) {
    return { severity: 'error', risk: "with network_mode: host lets the container rewrite the host's own interfaces, routes and firewall" };
  }
  return risk;
}
