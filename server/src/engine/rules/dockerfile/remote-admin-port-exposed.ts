import { Arg, Env, type Argument, type Instruction } from 'dockerfile-ast';
import { stageChain, type DockerfileModel, type Stage } from '../../documents/dockerfile';
import { propertiesOf } from '../../documents/dockerfile-properties';
import { substitute } from '../../documents/variables';
import { remove } from '../../fixes';
import { defineDockerfileRule, type Report } from '../../rule';
import type { Fix } from '../../types';

type MessageId = 'dockerApi' | 'adminPort';

/** Remote-administration services by port; 22 (SSH) is ssh-server's. `udp` marks those that also listen on UDP. */
const ADMIN_PORTS: { low: number; high: number; service: string; udp?: boolean; dockerApi?: boolean }[] = [
  { low: 2375, high: 2375, service: 'the Docker API without TLS', dockerApi: true },
  { low: 2376, high: 2376, service: 'the Docker API', dockerApi: true },
  { low: 23, high: 23, service: 'telnet, which sends passwords in clear text' },
  { low: 3389, high: 3389, service: 'Remote Desktop (RDP)', udp: true },
  { low: 5900, high: 5906, service: 'VNC remote desktop' },
  { low: 5985, high: 5986, service: 'Windows Remote Management (WinRM)' },
  { low: 10250, high: 10250, service: 'the kubelet API' },
];
const EXPOSED_PORT = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i;

export default defineDockerfileRule({
  meta: {
    id: 'remote-admin-port-exposed',
    code: 'DG140',
    severity: 'warning',
    category: 'attack-surface',
    title: 'Remote-administration port exposed',
    description:
      'EXPOSE of a remote-administration port (Docker API 2375/2376, telnet 23, RDP 3389, VNC 5900, WinRM 5985/5986, kubelet 10250) advertises a way to control the container, or with the Docker API the host, that is a favourite target of scanners and password guessing; `docker -P` publishes it on every interface.',
    messages: {
      dockerApi:
        'EXPOSE {{port}} advertises {{service}}: whoever reaches it starts containers on the host with root rights; remove it, and reach the daemon through its local socket or an SSH tunnel.',
      adminPort:
        'EXPOSE {{port}} advertises {{service}}, a way to control the container that scanners and password guessing target; remove it and use docker exec, or a VPN or SSH tunnel, for administration.',
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report }) {
    const final = model.finalStage;
    if (!final) return;
    const chain = stageChain(final);
    let scope: Map<string, string | undefined> | undefined;
    let scopeStage: Stage | undefined;
    // A stage's own EXPOSEs in file order (ONBUILD triggers are not the stage's); the variables as the first
    // EXPOSE of the stage that needs them sees them.
    for (const { instruction, stage, onbuild } of model.entriesOf('EXPOSE')) {
      if (onbuild || !stage || !chain.includes(stage)) continue;
      if (stage !== scopeStage) {
        scope = undefined;
        scopeStage = stage;
      }
      const args = instruction.getArguments();
      for (const argument of args) {
        let written = argument.getValue();
        let resolved = true;
        if (written.includes('$')) {
          scope ??= stageScope(model, stage, instruction);
          const value = substitute(written, scope);
          if (value === undefined) continue; // unknown at edit time: nothing to judge
          resolved = false;
          written = value;
        }
        for (const port of written.split(/\s+/)) {
          const admin = adminService(port);
          if (!admin) continue;
          const messageId: MessageId = admin.dockerApi ? 'dockerApi' : 'adminPort';
          const fix = resolved ? removePort(model, instruction, args, argument) : undefined;
          report({
            range: argument.getRange(),
            messageId,
            data: { port: resolved ? port : `${argument.getValue()} (${port})`, service: admin.service },
            severity: admin.dockerApi ? 'error' : undefined,
            fixes: fix ? [fix] : [],
          } satisfies Report<MessageId>);
          break;
        }
      }
    }
  },
});

function adminService(port: string): (typeof ADMIN_PORTS)[number] | undefined {
  const match = EXPOSED_PORT.exec(port);
  if (!match) return undefined;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  const udp = match[3]?.toLowerCase() === 'udp';
  if (match[3] && !udp && match[3].toLowerCase() !== 'tcp') return undefined;
  return ADMIN_PORTS.find((admin) => admin.low <= high && low <= admin.high && (!udp || admin.udp));
}

/** ARG defaults and ENV values in effect at the instruction: the global ARGs, then the stage's own, in order. */
function stageScope(model: DockerfileModel, stage: Stage, before: Instruction): Map<string, string | undefined> {
  const scope = new Map<string, string | undefined>(model.globalScope);
  const stages = stageChain(stage).reverse();
  for (const s of stages) {
    for (const instruction of s.instructions) {
      if (instruction === before) return scope;
      if (!(instruction instanceof Arg || instruction instanceof Env)) continue;
      for (const property of propertiesOf(instruction)) {
        const value = property.getValue();
        const name = property.getName();
        // `ARG NAME` re-declares a global ARG: its global default applies.
        if (value === null) scope.set(name, instruction instanceof Arg ? model.globalScope.get(name) : undefined);
        else scope.set(name, substitute(value, scope));
      }
    }
  }
  return scope;
}

/** Drops the port from the EXPOSE line, or the whole line when it is the only port. */
function removePort(model: DockerfileModel, instruction: Instruction, args: Argument[], argument: Argument): Fix | undefined {
  const lines = model.lines;
  if (args.length === 1) {
    const range = instruction.getRange();
    if (range.start.line !== range.end.line) return undefined;
    const start = lines.lineStartOffset(range.start.line);
    const end = range.end.line + 1 < lines.lineCount ? lines.lineStartOffset(range.end.line + 1) : lines.text.length;
    return { title: `Remove EXPOSE ${argument.getValue()}`, kind: 'suggestion', edits: [remove(lines.rangeAt(start, end))] };
  }
  let start = lines.offsetAt(argument.getRange().start);
  const end = lines.offsetAt(argument.getRange().end);
  while (start > 0 && (lines.text[start - 1] === ' ' || lines.text[start - 1] === '\t')) start--;
  return { title: `Remove ${argument.getValue()} from EXPOSE`, kind: 'suggestion', edits: [remove(lines.rangeAt(start, end))] };
}
