import { isMap, isSeq, type Node, type Pair } from 'yaml';
import type { ComposeModel, Service, ServiceEntry } from '../../documents/compose';
import { removePair } from '../../documents/compose-edits';
import { keyName } from '../../documents/compose-merge-keys';
import { knownText, removeListItem } from '../../documents/compose-runtime';
import { scalarString, seqItems } from '../../documents/compose-values';
import { defineComposeRule } from '../../rule';
import type { Severity, TextEdit } from '../../types';

/** Kernel settings that belong to a namespace (the ones runc accepts), and which namespace; `net.*` is the network's. */
const IPC_SYSCTLS = new Set([
  'kernel.msgmax',
  'kernel.msgmnb',
  'kernel.msgmni',
  'kernel.sem',
  'kernel.shmall',
  'kernel.shmmax',
  'kernel.shmmni',
  'kernel.shm_rmid_forced',
]);
const UTS_SYSCTLS = new Set(['kernel.hostname', 'kernel.domainname']);

/** Settings of the host's hardening or that run a program as root on the host: errors. */
const HOST_CONTROL =
  /^(?:kernel\.(?:core_pattern|modprobe|randomize_va_space|kptr_restrict|dmesg_restrict|yama\.ptrace_scope|unprivileged_bpf_disabled|sysrq)|fs\.(?:suid_dumpable|protected_\w+)|vm\.mmap_min_addr)$/;

interface Namespace {
  key: string;
  what: string;
}

export default defineComposeRule({
  meta: {
    id: 'host-sysctls',
    code: 'DG230',
    severity: 'warning',
    category: 'isolation',
    title: 'Kernel setting that reaches the host',
    description:
      "Only some kernel settings belong to a container's own namespaces (the network settings, IPC limits, its hostname); any other `sysctls` entry, or one whose namespace the service shares with the host, changes the host's kernel for every process on it.",
    references: { compose: 'services.<name>.sysctls' },
    messages: {
      notNamespaced:
        'sysctls: {{name}} is not namespaced, so it would change the host kernel for every process on the host (runc refuses to start such a container); set it on the host if it is really needed, and remove it here.',
      sharedNamespace:
        "sysctls: {{name}} changes the host's {{what}} for every process on the host, because the service uses {{key}}: host; remove it, or give the service its own namespace.",
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    const seen = new Set<Node>();
    for (const service of model.services) {
      const entry = service.get('sysctls');
      if (!entry?.value || seen.has(entry.value)) continue;
      seen.add(entry.value);
      for (const { name, node, edit } of sysctls(model, service, entry)) {
        const namespace = namespaceOf(name);
        const shared = namespace && sharesWithHost(model, service, namespace.key) ? namespace : undefined;
        if (namespace && !shared) continue;
        const severity: Severity | undefined = HOST_CONTROL.test(name) ? 'error' : undefined;
        const fix = edit();
        report({
          range: model.rangeOf(node),
          ...(shared ? { messageId: 'sharedNamespace', data: { name, what: shared.what, key: shared.key } } : { messageId: 'notNamespaced', data: { name } }),
          severity,
          fixes: fix ? [{ title: `Remove ${name} from sysctls`, kind: 'suggestion', edits: [fix] }] : [],
        });
      }
    }
  },
});

/** The namespace a setting belongs to; undefined for settings of the whole kernel. */
function namespaceOf(name: string): Namespace | undefined {
  if (name.startsWith('net.')) return { key: 'network_mode', what: 'network settings' };
  if (IPC_SYSCTLS.has(name) || name.startsWith('fs.mqueue.')) return { key: 'ipc', what: 'IPC limits' };
  if (UTS_SYSCTLS.has(name)) return { key: 'uts', what: 'hostname' };
  return undefined;
}

function sharesWithHost(model: ComposeModel, service: Service, key: string): boolean {
  return knownText(model, service.get(key)?.value) === 'host';
}

/** `sysctls:` as a map (`net.core.somaxconn: 1024`) or a list (`- net.core.somaxconn=1024`), with an edit that removes one. */
function sysctls(model: ComposeModel, service: Service, entry: ServiceEntry): { name: string; node: Node; edit(): TextEdit | undefined }[] {
  const value = entry.value;
  const result: { name: string; node: Node; edit(): TextEdit | undefined }[] = [];
  if (isMap(value)) {
    const pairs = value.items as Pair<Node, Node | null>[];
    for (const pair of pairs) {
      const name = keyName(pair)?.trim();
      if (!name || name === '<<') continue;
      result.push({
        name,
        node: pair.key,
        edit: () => {
          if (!entry.own || value !== entry.pair.value) return undefined;
          // The last setting takes `sysctls:` along: an empty mapping says nothing.
          return pairs.length === 1 ? removePair(model, service.map, entry.pair) : removePair(model, value, pair);
        },
      });
    }
  } else if (isSeq(value)) {
    for (const item of seqItems(model, value)) {
      const text = scalarString(model, item);
      const name = text?.split('=')[0].trim();
      if (!name) continue;
      result.push({ name, node: item, edit: () => (entry.own ? removeListItem(model, service, entry.pair, item) : undefined) });
    }
  }
  return result;
}
