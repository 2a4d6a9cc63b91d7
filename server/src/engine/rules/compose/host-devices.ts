import { isMap, type Node } from 'yaml';
import { type ComposeModel } from '../../documents/compose';
import { mapPair } from '../../documents/compose-merge-keys';
import { knownText } from '../../documents/compose-runtime';
import { scalarSliceRange, seqItems } from '../../documents/compose-values';
import { deviceRisk } from '../../knowledge/host-devices';
import { defineComposeRule } from '../../rule';
import type { Range, Severity } from '../../types';

export default defineComposeRule({
  meta: {
    id: 'host-devices',
    code: 'DG217',
    severity: 'warning',
    category: 'isolation',
    title: 'Host device passed to the container',
    description:
      'A device under `devices:` (or allowed by `device_cgroup_rules`) gives the container direct access to host hardware or kernel interfaces, outside what the container isolates; a disk or /dev/mem gives it the host.',
    references: { cis: '5.17', compose: 'services.<name>.devices', composeLint: ['CL-0016'] },
    messages: {
      cdiDevice:
        "The CDI device {{device}} gives the container the host devices, files and hooks its vendor's specification lists; keep it only if the service needs that hardware.",
      hostDevice: 'The host device {{device}} gives the container {{what}}; pass only devices the service needs, read-only (:r) where it can.',
      cgroupRule:
        "device_cgroup_rules '{{rule}}' lets the container use {{what}} once it creates the device node (mknod is a default capability); allow only the devices the service needs.",
    },
    fixable: false,
    hasSuggestions: false,
  },
  check({ model, report }) {
    const seen = new Set<Node>();
    const once = (item: Node) => !seen.has(item) && !!seen.add(item);
    for (const service of model.services) {
      for (const item of seqItems(model, service.get('devices')?.value)) {
        if (!once(item)) continue; // a list in an anchor: reported once, where it is written
        const device = readDevice(model, item);
        if (!device) continue;
        if (device.cdi) {
          report({
            range: device.range,
            messageId: 'cdiDevice',
            data: { device: device.name },
          });
          continue;
        }
        const risk = deviceRisk(device.name);
        report({
          range: device.range,
          messageId: 'hostDevice',
          data: { device: device.name, what: risk.what },
          severity: risk.severity,
        });
      }
      for (const item of seqItems(model, service.get('device_cgroup_rules')?.value)) {
        if (!once(item)) continue;
        const rule = knownText(model, item);
        const grant = rule === undefined ? undefined : cgroupGrant(rule);
        if (!grant) continue;
        report({
          range: model.rangeOf(item),
          messageId: 'cgroupRule',
          data: { rule: rule!, what: grant.what },
          severity: grant.severity,
        });
      }
    }
  },
});

interface Device {
  name: string;
  cdi: boolean;
  range: Range;
}

/** `/dev/x[:/dev/y[:rwm]]`, a CDI name (`vendor.com/class=name`), or the long `{ source, target, permissions }`. */
function readDevice(model: ComposeModel, item: Node): Device | undefined {
  if (isMap(item)) {
    const source = mapPair(model, item, 'source');
    const name = knownText(model, source?.value);
    if (!source || !name) return undefined;
    return { name, cdi: false, range: model.rangeOf((model.resolve(source.value) ?? source.key) as Node) };
  }
  const text = knownText(model, item);
  if (!text) return undefined;
  if (!text.startsWith('/') && text.includes('=')) return { name: text, cdi: true, range: model.rangeOf(item) };
  const name = text.split(':')[0];
  return { name, cdi: false, range: scalarSliceRange(model, item, 0, name.length) ?? model.rangeOf(item) };
}

/** `a *:* rwm`, `c 189:* rmw`, `b 8:0 r`: what a device cgroup rule opens, and how bad that is. */
function cgroupGrant(rule: string): { what: string; severity: Severity } | undefined {
  const [type, numbers = ''] = rule.trim().split(/\s+/);
  const [major = '*'] = numbers.split(':');
  if (type === 'a') return { what: 'every host device', severity: 'error' };
  if (type === 'b') return { what: 'host block devices (disks)', severity: 'error' };
  if (type === 'c' && major === '*') return { what: 'every host character device, /dev/mem included', severity: 'error' };
  if (type === 'c') return { what: `host character devices of major number ${major}`, severity: 'warning' };
  return undefined;
}
