import { chmodFlag, modeGrants, shellModeChanges, type ModeChange } from '../../knowledge/file-modes';
import { defineDockerfileRule, type Report } from '../../rule';
import type { Range } from '../../types';

type MessageId = 'setuid' | 'setgid' | 'setuidShell';

/** Programs that run whatever they are told to: setuid, they hand root to anyone who can call them (GTFOBins). */
const RUNS_ANYTHING =
  /^(?:(?:ba|da|a|z|k|mk|c|tc|fi)?sh|busybox|python[0-9.]*|perl[0-9.]*|ruby[0-9.]*|node|nodejs|php[0-9.]*|lua[0-9.]*|env|find|vim?|nano|less|more|awk|gawk|mawk|tar|cp|mv|dd|xargs|nice|nohup|timeout|strace|gdb|docker|chmod|chown|tee)$/;

export default defineDockerfileRule({
  meta: {
    id: 'setuid-setgid-bit',
    code: 'DG135',
    severity: 'warning',
    category: 'privileges',
    title: 'setuid or setgid bit added to a file',
    description:
      'A setuid program runs as its owner (usually root) whoever starts it, so any flaw in it, or any way to make it run something else, turns an unprivileged process in the container into root. The CIS benchmark asks to remove these bits from images, not to add them.',
    references: { cis: '4.8' },
    messages: {
      setuid:
        '{{via}} {{mode}} makes {{target}} run as its owner (usually root) for any user who starts it, a privilege-escalation path; drop the setuid bit, or use a capability (setcap) for the one thing it needs.',
      setuidShell:
        '{{via}} {{mode}} makes {{target}} run as root for any user, and it can run arbitrary commands, so every process in the container can become root; remove the setuid bit.',
      setgid:
        '{{via}} {{mode}} sets the setgid bit on {{target}}, which then runs with its group, or (on a directory) passes its group to new files; keep it only on a shared directory that needs it.',
    },
    fixable: false,
    hasSuggestions: false,
  },
  checkShellSource({ source, text, report }) {
    for (const change of shellModeChanges(source, text)) {
      if (!change.umask) reportBits(change, source.rangeOf(change.start, change.end), report);
    }
  },
  checkInstruction({ instruction, lines, report }) {
    const flag = chmodFlag(instruction, lines);
    if (flag) reportBits({ mode: flag.mode, start: 0, end: 0, recursive: false, targets: flag.targets, via: flag.via }, flag.range, report);
  },
});

function reportBits(change: ModeChange, range: Range, report: (r: Report<MessageId>) => void): void {
  const grants = modeGrants(change.mode);
  if (!grants || !(grants.setuid || grants.setgid)) return;
  const target =
    change.targets.length === 0 ? 'the files' : change.targets.length === 1 ? change.targets[0] : `${change.targets[0]} and ${change.targets.length - 1} more`;
  const data = { via: change.via, mode: change.mode, target };
  if (!grants.setuid) {
    report({ range, messageId: 'setgid', data, severity: 'info' });
    return;
  }
  const shell = change.targets.some((t) => RUNS_ANYTHING.test(t.slice(t.lastIndexOf('/') + 1)));
  if (shell) report({ range, messageId: 'setuidShell', data, severity: 'error' });
  else report({ range, messageId: 'setuid', data, severity: grants.worldWritable || change.recursive ? 'error' : undefined });
}
