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
    references: { cis: '5.5', compose: 'services.<name>.volumes', kics: ['volume_has_sensitive_host_directory'], composeLint: ['CL-0013', 'CL-0025'] },
    messages: {
      mount: "Mounting the host's {{path}} exposes it to the container ({{what}}); mount only the specific files the service needs, or a copy of them.",
      mountReadOnly:
        "Mounting the host's {{path}} exposes it to the container ({{what}}), even read-only: reading it is enough; mount only the specific files the service needs, or a copy of them.",
      volume:
        "The volume {{volume}} binds the host's {{path}} exposes it to the container ({{what}}); mount only the specific files the service needs, or a copy of them.",
    },
    fixable: false,
    hasSuggestions: false,
  },
  check({ model, report }) {
    for (const { mount } of allServiceMounts(model)) {
      if (mount.type !== 'bind' || mount.source === undefined) continue;
      const risk = hostPathRiskOf(model, mount.source);
      if (risk?.kind !== 'sensitive') continue;
      report({ range: mount.sourceRange, ...message(mount.source, risk.what, mount.readOnly) });
    }
    for (const volume of boundVolumes(model)) {
      const risk = hostPathRiskOf(model, volume.device);
      if (risk?.kind === 'sensitive') report({ range: volume.deviceRange, ...message(volume.device, risk.what, false, volume.name) });
    }
  },
});

function message(
  source: string,
  what: string,
  readOnly: boolean,
  volume?: string,
): { messageId: 'mount' | 'mountReadOnly' | 'volume'; data: Record<string, string> } {
  const path = displayValue(normalizeHostPath(source));
  if (volume) return { messageId: 'volume', data: { volume, path, what } };
  return { messageId: readOnly ? 'mountReadOnly' : 'mount', data: { path, what } };
}
