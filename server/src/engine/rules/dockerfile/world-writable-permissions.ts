import { replace } from '../../fixes';
import { trimTrailingSlashes } from '../../paths';
import { chmodFlag, modeGrants, shellModeChanges, umaskGrants, type ModeChange } from '../../knowledge/file-modes';
import { defineDockerfileRule, type Report } from '../../rule';
import type { Fix, Range } from '../../types';

type MessageId = 'worldWritable' | 'systemPath' | 'umask';

/** Directories whose files decide what runs as root or how the system behaves: writable by anyone, anyone is root. */
const SYSTEM_ROOTS = new Set(['/', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/usr', '/etc', '/var', '/boot', '/root', '/var/lib', '/usr/local']);
const SYSTEM_TREES = /^\/(?:etc|bin|sbin|lib(?:32|64|x32)?|boot|root|usr\/(?:s?bin|lib(?:32|64|exec)?|local\/(?:s?bin|lib)))(?:\/|$)/;

export default defineDockerfileRule({
  meta: {
    id: 'world-writable-permissions',
    code: 'DG134',
    severity: 'warning',
    category: 'privileges',
    title: 'World-writable file permissions',
    description:
      'A mode such as `777`, `666`, `o+w` or `a+w` lets every user in the container, including a compromised low-privilege process, rewrite the files: replace a program or script that another user (often root) later runs, or plant configuration. On system directories that is a direct path to root.',
    messages: {
      worldWritable:
        '{{via}} {{mode}} makes {{target}} writable by every user in the container, so any compromised process can replace what others run; give write access to the owner or group that needs it (chown, then a mode such as 755 or 775).',
      systemPath:
        '{{via}} {{mode}} makes {{target}}{{recursively}} writable by every user in the container, so any process can replace system programs or configuration and become root; remove it and chown only the application files that need writing.',
      umask: 'umask {{mode}} makes the files created afterwards in this step writable by every user in the container; use umask 022 (or 002 for group write).',
    },
    fixable: false,
    hasSuggestions: true,
  },
  checkShellSource({ source, text, report }) {
    for (const change of shellModeChanges(source, text)) {
      const range = source.rangeOf(change.start, change.end);
      if (change.umask) {
        if (umaskGrants(change.mode)?.worldWritable) report({ range, messageId: 'umask', data: { mode: change.mode }, severity: 'info' });
        continue;
      }
      reportMode(change, range, report);
    }
  },
  checkInstruction({ instruction, lines, report }) {
    const flag = chmodFlag(instruction, lines);
    if (flag) reportMode({ mode: flag.mode, start: 0, end: 0, recursive: false, targets: flag.targets, via: flag.via }, flag.range, report);
  },
});

function reportMode(change: ModeChange, range: Range, report: (r: Report<MessageId>) => void): void {
  const grants = modeGrants(change.mode);
  if (!grants?.worldWritable) return;
  // A shared directory with the sticky bit (`chmod 1777 /tmp`): everyone may create files, only owners delete them.
  if (grants.sticky && !change.recursive) return;
  const targets = change.targets.map(normalizePath);
  // Device nodes such as /dev/null are world-writable by design.
  if (targets.length > 0 && targets.every((t) => t.startsWith('/dev/'))) return;
  const system = targets.find(isSystemPath);
  const data = {
    via: change.via,
    mode: change.mode,
    target: system ?? describeTargets(targets),
    recursively: change.recursive ? ' (recursively)' : '',
  };
  const fix = safeMode(change.mode, grants.octal, range);
  report({ range, messageId: system ? 'systemPath' : 'worldWritable', data, severity: system ? 'error' : undefined, fixes: fix ? [fix] : [] });
}

function normalizePath(path: string): string {
  const unquoted = path.replace(/^["']|["']$/g, '');
  return unquoted.length > 1 ? trimTrailingSlashes(unquoted) : unquoted;
}

function isSystemPath(path: string): boolean {
  return SYSTEM_ROOTS.has(path) || SYSTEM_TREES.test(path);
}

function describeTargets(targets: string[]): string {
  if (targets.length === 0) return 'the files';
  return targets.length === 1 ? targets[0] : `${targets[0]} and ${targets.length - 1} more`;
}

/**
 * The same mode without write for others: `777` → `775`, `0666` → `0664`, `a+rwx` → `ug+rwx`, `u+x,o+w` → `u+x`.
 * Owner and group keep what they had; undefined when nothing would be left.
 */
function safeMode(mode: string, octal: number | undefined, range: Range): Fix | undefined {
  let safe: string | undefined;
  if (octal !== undefined) {
    safe = mode.slice(0, -1) + String(Number(mode[mode.length - 1]) & ~2);
  } else {
    const clauses: string[] = [];
    for (const clause of mode.split(',')) {
      const match = /^([ugoa]*)(.*)$/.exec(clause)!;
      const who = match[1];
      if (!/[+=][^-+=]*w/.test(match[2]) || !/[oa]/.test(who)) {
        clauses.push(clause);
        continue;
      }
      const kept = who.includes('a') ? 'ug' : who.replace(/o/g, '');
      if (kept) clauses.push(kept + match[2]);
    }
    safe = clauses.length ? clauses.join(',') : undefined;
  }
  if (!safe || safe === mode) return undefined;
  return { title: `Use ${safe}: no write permission for other users`, kind: 'suggestion', edits: [replace(range, safe)] };
}
