import { allServicePorts, isAllInterfaces, portRange, type PortMapping } from '../../documents/compose-ports';
import { scalarString } from '../../documents/compose-values';
import type { ComposeModel } from '../../documents/compose';
import { defineComposeRule } from '../../rule';
import type { Range } from '../../types';

/** More host ports than this in one entry is a range published wholesale rather than the ports a service uses. */
const MAX_PORTS = 100;

export default defineComposeRule({
  meta: {
    id: 'port-range-too-wide',
    code: 'DG226',
    severity: 'warning',
    category: 'network',
    title: 'Port range publishes hundreds of host ports',
    description:
      'A port range such as `30000-32767:30000-32767` publishes every port in it on the host, in use or not: whatever starts listening on one of them later is reachable, and Docker sets up a forwarding rule (or a proxy process) for each.',
    references: { compose: 'services.<name>.ports' },
    messages: {
      wide: 'Host ports {{range}} ({{count}} ports) are published at once on every interface, so anything that listens on one of them is reachable by anyone who reaches the host; publish only the ports the service uses, or a much narrower range.',
      wideOnAddress:
        'Host ports {{range}} ({{count}} ports) are published at once on {{ip}}, so anything that listens on one of them is reachable through that address; publish only the ports the service uses, or a much narrower range.',
    },
    fixable: false,
    hasSuggestions: false,
  },
  check({ model, report }) {
    for (const { service, port } of allServicePorts(model)) {
      // A range without host ports is published on as many random host ports.
      const spec = port.published ? port.published : port.target;
      const range = portRange(spec);
      if (!range) continue;
      const count = range[1] - range[0] + 1;
      if (count <= MAX_PORTS) continue;
      // With the host's network stack nothing is published at all.
      if (scalarString(model, service.get('network_mode')?.value) === 'host') continue;
      const data = { range: `${range[0]}-${range[1]}`, count: String(count) };
      if (isAllInterfaces(port.hostIp)) report({ range: rangeOf(model, port), messageId: 'wide', data });
      else
        report({
          range: rangeOf(model, port),
          messageId: 'wideOnAddress',
          data: { ...data, ip: port.hostIp! },
          severity: isLoopback(port.hostIp!) ? 'info' : undefined,
        });
    }
  },
});

function isLoopback(ip: string): boolean {
  return ip.startsWith('127.') || ip === '::1' || ip === 'localhost';
}

/** The short entry, or the long syntax's `published` (else `target`) value. */
function rangeOf(model: ComposeModel, port: PortMapping): Range {
  const pair = port.pairs?.published ?? port.pairs?.target;
  return model.rangeOf((pair?.value ?? port.node) as never);
}
