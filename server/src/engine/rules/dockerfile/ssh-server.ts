import { Instruction } from 'dockerfile-ast';
import { stageChain } from '../../documents/dockerfile';
import type { LocalShellSource } from '../../documents/shell-source';
import { installedPackages, namesPackage, packageCommand } from '../../knowledge/packages';
import { orderedCommands } from '../../knowledge/shell-scopes';
import { defineDockerfileRule } from '../../rule';

const SSH_SERVERS = ['openssh-server', 'openssh', 'openssh-server-pam', 'dropbear'];
const EXPOSED_PORT = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i;

export default defineDockerfileRule({
  meta: {
    id: 'ssh-server',
    code: 'DG115',
    severity: 'warning',
    category: 'attack-surface',
    title: 'SSH server in the image',
    description:
      'An SSH daemon in a container is a second way in, with its own keys and passwords to manage and patch, that bypasses the access control of the container runtime. `docker exec` (or `kubectl exec`) already gives a shell when one is needed.',
    references: { cis: '5.6', kics: ['exposing_port_22'], trivy: ['DS004'], checkov: ['CKV_DOCKER_1'] },
    messages: {
      exposesSsh:
        'EXPOSE {{port}} publishes an SSH port, a second way into the container to secure and patch; drop it and use docker exec for a shell instead.',
      installsSshServer:
        'Installing {{server}} puts an SSH server in the final image, a second way in to secure and patch; remove it and use docker exec for a shell instead.',
    },
    fixable: false,
    hasSuggestions: false,
  },
  check({ model, report }) {
    const final = model.finalStage;
    if (!final) return;
    const chain = stageChain(final);

    // A stage's own EXPOSEs (ONBUILD triggers are not the stage's).
    for (const { instruction, stage, onbuild } of model.entriesOf('EXPOSE')) {
      if (onbuild || !stage || !chain.includes(stage)) continue;
      for (const port of exposedSshPorts(instruction)) {
        report({
          range: port.getRange(),
          messageId: 'exposesSsh',
          data: { port: port.getValue() },
        });
      }
    }

    for (const source of model.shellSources) {
      if (!source.stage || source.onbuild) continue;
      // What each source installs is kept with it: a keystroke reads no command again.
      const installs = source.reading(SSH_INSTALLS, sshServersInstalled, model.text);
      if (installs.length === 0 || !chain.includes(source.stage)) continue;
      for (const { server, start, end } of installs) {
        report({
          range: source.rangeOf(start, end),
          messageId: 'installsSshServer',
          data: { server },
        });
      }
    }
  },
});

const SSH_INSTALLS = Symbol('ssh-server: the SSH servers a shell source installs');

/** The SSH server packages a source installs, each with the offsets of its word in the source's text. */
function sshServersInstalled(source: LocalShellSource, text: string): { server: string; start: number; end: number }[] {
  const installs: { server: string; start: number; end: number }[] = [];
  for (const command of orderedCommands(source, text)) {
    const call = packageCommand(command);
    if (!call) continue;
    for (const { name, word } of installedPackages(call)) {
      const server = SSH_SERVERS.find((wanted) => namesPackage(name, wanted));
      if (server) installs.push({ server, start: word.start, end: word.end });
    }
  }
  return installs;
}

/** EXPOSE arguments that cover TCP port 22: `22`, `22/tcp`, a range such as `20-25`. */
function exposedSshPorts(expose: Instruction) {
  return expose.getArguments().filter((argument) => {
    const match = EXPOSED_PORT.exec(argument.getValue());
    if (!match || (match[3] && match[3].toLowerCase() !== 'tcp')) return false;
    const low = Number(match[1]);
    const high = match[2] === undefined ? low : Number(match[2]);
    return low <= 22 && 22 <= high;
  });
}
