import { removePair } from '../../documents/compose-edits';
import { knownText, pairRange } from '../../documents/compose-runtime';
import { defineComposeRule } from '../../rule';
import type { Severity } from '../../types';

interface Namespace {
  key: string;
  severity: Severity;
  /** Completes "KEY: host …". */
  risk: string;
  remedy: string;
}

/**
 * Host namespaces, most dangerous first. Network, PID and IPC reach the host's services, processes and shared
 * memory: errors. UTS, user and cgroup namespaces mostly expose information or undo a hardening the daemon may
 * not have enabled: warnings.
 */
const NAMESPACES: Namespace[] = [
  {
    key: 'network_mode',
    severity: 'error',
    risk: "puts the container on the host's network: it reaches every service listening on the host's localhost, and the ports it opens bypass Docker's port publishing and firewall rules",
    remedy: 'remove it and publish only the ports it needs',
  },
  {
    key: 'pid',
    severity: 'error',
    risk: "shares the host's process table: the container sees every host process with its command line and environment, and can signal or trace those of its user",
    remedy: 'remove it',
  },
  {
    key: 'ipc',
    severity: 'error',
    risk: "shares the host's IPC namespace: the container can read and write the host's shared memory and message queues",
    remedy: 'remove it, or share IPC only with another service (ipc: "service:<name>")',
  },
  {
    key: 'uts',
    severity: 'warning',
    risk: "shares the host's hostname and domain name with the container, and with CAP_SYS_ADMIN lets it change them for the whole host",
    remedy: 'remove it',
  },
  {
    key: 'userns_mode',
    severity: 'warning',
    risk: "turns off user-namespace remapping for this container, so its root is the host's root when the daemon remaps users (userns-remap)",
    remedy: 'remove it',
  },
  {
    key: 'cgroup',
    severity: 'warning',
    risk: "shows the container the host's whole cgroup hierarchy, with every other container's limits and usage",
    remedy: 'remove it (private is the default)',
  },
];

export default defineComposeRule({
  meta: {
    id: 'host-namespace',
    code: 'DG209',
    severity: 'error',
    category: 'isolation',
    title: 'Host namespace shared with the container',
    description:
      "`network_mode: host`, `pid: host`, `ipc: host` and their kin put the container in the host's own namespace, where the isolation that makes it a container no longer applies.",
    references: {
      cis: '5.9, 5.15, 5.16, 5.20, 5.30',
      compose: 'services.<name>.network_mode, pid, ipc, uts, userns_mode, cgroup',
      kics: ['host_namespace_is_shared', 'shared_host_network_namespace', 'shared_host_ipc_namespace', 'shared_host_user_namespace'],
      composeLint: ['CL-0008', 'CL-0010'],
    },
    messages: {
      hostNamespace: '{{key}}: host {{risk}}; {{remedy}}.',
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    const seen = new Set<unknown>();
    for (const service of model.services) {
      for (const namespace of NAMESPACES) {
        const entry = service.get(namespace.key);
        // Written once in an anchor shared by several services: reported once, where it is written.
        if (!entry || seen.has(entry.pair) || knownText(model, entry.value) !== 'host') continue;
        seen.add(entry.pair);
        const edit = entry.own ? removePair(model, service.map, entry.pair) : undefined;
        report({
          range: pairRange(model, entry.pair),
          messageId: 'hostNamespace',
          data: { key: namespace.key, risk: namespace.risk, remedy: namespace.remedy },
          severity: namespace.severity,
          fixes: edit ? [{ title: `Remove ${namespace.key}: host`, kind: 'suggestion', edits: [edit] }] : [],
        });
      }
    }
  },
});
