import { displayValue } from '../../documents/compose-interpolation';
import { allServiceMounts, boundVolumes, hostPathRiskOf } from '../../documents/compose-mounts';
import { normalizeHostPath } from '../../knowledge/host-paths';
import { defineComposeRule } from '../../rule';

export default defineComposeRule({
  meta: {
    id: 'docker-socket-mount',
    code: 'DG212',
    severity: 'error',
    category: 'isolation',
    title: 'Container runtime socket mounted',
    description:
      'A container that can reach the Docker (or Podman, containerd) socket can start a privileged container with the host’s filesystem mounted: it is root on the host.',
    references: { cis: '5.31', compose: 'services.<name>.volumes', kics: ['docker_socket_mounted_in_container'], composeLint: ['CL-0001'] },
    messages: {
      socket:
        'Mounting {{what}} ({{source}}) lets the container control the container runtime, which is root on the host, read-only or not; remove the mount, or put a socket proxy that allows only the calls needed in between.',
      socketReadOnly:
        'Mounting {{what}} ({{source}}) lets the container control the container runtime, which is root on the host, and :ro does not change that: it only stops writes to the socket file, not API calls through it; remove the mount, or put a socket proxy that allows only the calls needed in between.',
    },
    fixable: false,
    hasSuggestions: false,
  },
  check({ model, report }) {
    for (const { mount } of allServiceMounts(model)) {
      if ((mount.type !== 'bind' && mount.type !== 'npipe') || mount.source === undefined) continue;
      const risk = hostPathRiskOf(model, mount.source);
      if (risk?.kind === 'socket') report({ range: mount.sourceRange, ...message(mount.source, risk.what, mount.readOnly) });
    }
    for (const volume of boundVolumes(model)) {
      const risk = hostPathRiskOf(model, volume.device);
      if (risk?.kind === 'socket') report({ range: volume.deviceRange, ...message(volume.device, risk.what, false) });
    }
  },
});

function message(source: string, what: string, readOnly: boolean): { messageId: 'socket' | 'socketReadOnly'; data: Record<string, string> } {
  return { messageId: readOnly ? 'socketReadOnly' : 'socket', data: { what, source: displayValue(normalizeHostPath(source)) } };
}
