import { displayValue } from '../../documents/compose-interpolation';
import { allServiceMounts, boundVolumes, hostPathRiskOf } from '../../documents/compose-mounts';
import { normalizeHostPath } from '../../knowledge/host-paths';
import { defineComposeRule } from '../../rule';

export default defineComposeRule({
  meta: {
    id: 'sensitive-host-mount',
    code: 'DG211',
    severity: 'error',
    category: 'isolation',
    title: 'Sensitive host path mounted',
    description:
      'Mounting host system directories (/, /etc, /proc, /sys, /dev, /var/lib/docker, home directories and their credential stores...) gives the container the host’s secrets or control of it, read-only or not.',
    references: { cis: '5.5', compose: 'services.<name>.volumes' },
    fixable: false,
    hasSuggestions: false,
  },
  check({ model, report }) {
    for (const { mount } of allServiceMounts(model)) {
      if (mount.type !== 'bind' || mount.source === undefined) continue;
      const risk = hostPathRiskOf(model, mount.source);
      if (risk?.kind !== 'sensitive') continue;
      report({ range: mount.sourceRange, message: message(mount.source, risk.what, mount.readOnly) });
    }
    for (const volume of boundVolumes(model)) {
      const risk = hostPathRiskOf(model, volume.device);
      if (risk?.kind === 'sensitive') report({ range: volume.deviceRange, message: message(volume.device, risk.what, false, volume.name) });
    }
  },
});

function message(source: string, what: string, readOnly: boolean, volume?: string): string {
  const path = displayValue(normalizeHostPath(source));
  const how = volume ? `The volume ${volume} binds the host's ${path}` : `Mounting the host's ${path}`;
  const ro = readOnly ? ', even read-only: reading it is enough' : '';
  return `${how} exposes it to the container (${what})${ro}; mount only the specific files the service needs, or a copy of them.`;
}
