import { isMap, type Node } from 'yaml';
import type { ComposeModel } from '../../documents/compose';
import { insertIntoMap, replaceScalar } from '../../documents/compose-edits';
import { allServicePorts, isAllInterfaces, portRange, type PortMapping } from '../../documents/compose-ports';
import { displayValue, hasUnknown } from '../../documents/compose-interpolation';
import { scalarSliceRange, scalarString } from '../../documents/compose-values';
import { privateService } from '../../knowledge/ports';
import { defineComposeRule, type Report } from '../../rule';
import type { Fix, Range, TextEdit } from '../../types';

const LOOPBACK = '127.0.0.1';

export default defineComposeRule({
  meta: {
    id: 'port-on-all-interfaces',
    code: 'DG213',
    severity: 'warning',
    category: 'network',
    title: 'Port published on every network interface',
    description:
      'A published port without a host IP listens on every interface of the host, and Docker’s own firewall rules bypass host firewalls such as ufw: anyone who can reach the machine can reach the service.',
    references: { cis: '5.13', compose: 'services.<name>.ports', kics: ['container_traffic_not_bound_to_host_interface'], composeLint: ['CL-0005'] },
    messages: {
      public: `Container port {{port}} is published on host port {{hostPort}} on every network interface, so anyone who can reach the host can reach it; bind it to ${LOOPBACK} unless it must be public.`,
      publicRandomPort: `Container port {{port}} is published on a random host port on every network interface, so anyone who can reach the host can reach it; bind it to ${LOOPBACK} unless it must be public.`,
      publicSensitive: `{{what}} (container port {{port}}) is published on host port {{hostPort}} on every network interface, so anyone who can reach the host can reach it; bind it to ${LOOPBACK}, or drop the port if only other services need it (they reach it over the compose network).`,
      publicSensitiveRandomPort: `{{what}} (container port {{port}}) is published on a random host port on every network interface, so anyone who can reach the host can reach it; bind it to ${LOOPBACK}, or drop the port if only other services need it (they reach it over the compose network).`,
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    for (const { service, port, own } of allServicePorts(model)) {
      if (!isAllInterfaces(port.hostIp)) continue;
      // With the host's network stack, ports are not published at all (the service binds host interfaces itself).
      if (scalarString(model, service.get('network_mode')?.value) === 'host') continue;
      const target = portRange(port.target);
      const sensitive = target && privateService(target);
      const edit = own ? loopbackEdit(model, port) : undefined;
      // Preferred where publishing is clearly a mistake (a database, a debugger); a web port may be public on purpose.
      const fixes: Fix[] = edit ? [{ title: `Publish on ${LOOPBACK} only`, kind: 'suggestion', preferred: sensitive !== undefined, edits: [edit] }] : [];
      report({ range: rangeOf(model, port), ...message(port, sensitive), fixes, severity: sensitive ? 'error' : undefined });
    }
  },
});

function message(
  port: PortMapping,
  sensitive: { port: number; what: string } | undefined,
): Pick<Report<'public' | 'publicRandomPort' | 'publicSensitive' | 'publicSensitiveRandomPort'>, 'messageId' | 'data'> {
  // A host port from the environment is named as written (`${WEB_PORT}`), not as what interpolation left of it.
  const hostPort = port.published && (hasUnknown(port.published) ? (port.publishedWritten ?? displayValue(port.published)) : port.published);
  if (sensitive) {
    const data = { what: sensitive.what, port: sensitive.port };
    return hostPort ? { messageId: 'publicSensitive', data: { ...data, hostPort } } : { messageId: 'publicSensitiveRandomPort', data };
  }
  const data = { port: port.target === undefined ? '?' : displayValue(port.target) };
  return hostPort ? { messageId: 'public', data: { ...data, hostPort } } : { messageId: 'publicRandomPort', data };
}

function rangeOf(model: ComposeModel, port: PortMapping): Range {
  if (!port.long) return model.rangeOf(port.node);
  const pair = port.pairs?.hostIp ?? port.pairs?.published ?? port.pairs?.target;
  const node = (pair?.value ?? pair?.key ?? (isMap(port.node) ? port.node.items[0]?.key : undefined) ?? port.node) as Node;
  return model.rangeOf(node);
}

/** `8080:80` → `127.0.0.1:8080:80`, `80` → `127.0.0.1::80`, `0.0.0.0:…` → `127.0.0.1:…`; long syntax gets `host_ip`. */
function loopbackEdit(model: ComposeModel, port: PortMapping): TextEdit | undefined {
  if (port.long) {
    if (!isMap(port.node)) return undefined;
    const hostIp = port.pairs?.hostIp;
    if (hostIp) return port.node.items.includes(hostIp) ? replaceScalar(model, hostIp.value, LOOPBACK) : undefined;
    return insertIntoMap(model, port.node, [['host_ip', LOOPBACK]]);
  }
  if (!port.hostIpSpan) return undefined;
  const range = scalarSliceRange(model, port.node, ...port.hostIpSpan);
  if (!range) return undefined;
  // A plain scalar inside `[...]` would meet flow indicators; quoted ones are safe anywhere.
  if (port.inFlow && (port.node as { type?: string }).type === 'PLAIN') return undefined;
  const newText = port.parts === 0 ? `${LOOPBACK}::` : port.parts === 1 ? `${LOOPBACK}:` : LOOPBACK;
  return { range, newText };
}
