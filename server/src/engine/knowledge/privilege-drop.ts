import { looksBinary } from '../input-limits';
import { lexShell, SHELLS, type Word } from './shell';

/**
 * Programs that start another one as a given user, replacing themselves (they exec, so no root process stays
 * behind): what the official images' entrypoint scripts end in (`exec gosu postgres "$BASH_SOURCE" "$@"`). `su` and
 * `sudo` are not among them: they stay behind as a root parent of the program they start.
 */
export const DROP_TOOLS = new Set(['gosu', 'su-exec', 'setpriv', 'runuser', 'chroot', 's6-setuidgid', 'setuidgid', 'chpst']);

/** Where each tool takes the user, and its other options that take a value in the next word. */
const OPTIONS: Record<string, { users: string[]; valued: Set<string> }> = {
  setpriv: {
    users: ['--reuid', '--ruid', '--euid'],
    valued: new Set([
      '--regid',
      '--rgid',
      '--egid',
      '--groups',
      '--inh-caps',
      '--ambient-caps',
      '--bounding-set',
      '--securebits',
      '--selinux-label',
      '--apparmor-profile',
      '--pdeathsig',
      '--landlock-access',
      '--landlock-rule',
    ]),
  },
  runuser: {
    users: ['-u', '--user'],
    valued: new Set(['-g', '--group', '-G', '--supp-group', '-s', '--shell', '-c', '--command', '-w', '--whitelist-environment']),
  },
  chroot: { users: ['--userspec'], valued: new Set(['--groups']) },
  chpst: { users: ['-u'], valued: new Set(['-U', '-b', '-e', '-/', '-n', '-l', '-L', '-m', '-d', '-o', '-p', '-f', '-c', '-r', '-t']) },
};

/** A command that starts a program as another user. */
export interface Drop {
  /** The tool's base name: `gosu`, `su-exec`, `setpriv`, … */
  tool: string;
  /** The user as written (`postgres`, `app:app`, `${PUID}:${PGID}`, `999`). */
  user: string;
  /** Index in the words of the tool, and of the first word of the program it starts (the words length when none). */
  toolIndex: number;
  commandIndex: number;
}

/** Programs that only wrap the one after them: an init (`tini --`), or `env` setting variables. */
const WRAPPERS = new Set(['tini', 'tini-static', 'dumb-init', 'catatonit', 'env']);
/** Options of the wrappers that take a value in the next word. */
const WRAPPER_VALUE_OPTIONS = new Set(['-p', '-e', '-r', '--rewrite', '-u', '--unset', '-C', '--chdir', '-S', '--split-string']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** The index of the first word after `tini --`, `dumb-init`, `env A=b` wrappers, from `start`. */
export function skipWrappers(words: readonly { value: string }[], start: number): number {
  let i = start;
  while (i < words.length) {
    const name = baseName(words[i].value);
    if (!WRAPPERS.has(name)) return i;
    i++;
    while (i < words.length) {
      const value = words[i].value;
      if (value === '--') {
        i++;
        break;
      }
      if (WRAPPER_VALUE_OPTIONS.has(value)) i += 2;
      else if (value.startsWith('-') || (name === 'env' && ASSIGNMENT.test(value))) i++;
      else break;
    }
  }
  return i;
}

/**
 * The drop `words[index]` starts, when it names one of the tools with a user other than root: `gosu app cmd`,
 * `su-exec app:app cmd`, `setpriv --reuid=app … cmd`, `runuser -u app -- cmd`, `chroot --userspec=app / cmd`,
 * `s6-setuidgid app cmd`, `chpst -u app cmd`.
 */
export function dropAt(words: readonly { value: string }[], index: number): Drop | undefined {
  if (index >= words.length) return undefined;
  const tool = baseName(words[index].value);
  if (!DROP_TOOLS.has(tool)) return undefined;
  let user: string | undefined;
  let i = index + 1;
  const value = (k: number) => words[k]?.value ?? '';
  switch (tool) {
    case 'gosu':
    case 'su-exec':
    case 's6-setuidgid':
    case 'setuidgid':
      if (value(i).startsWith('-')) return undefined; // --help, --version
      user = value(i);
      i++;
      break;
    default: {
      const { users, valued } = OPTIONS[tool];
      for (; i < words.length; i++) {
        const word = value(i);
        if (word === '--') {
          i++;
          break;
        }
        if (!word.startsWith('-') || word === '-') break;
        const equals = word.indexOf('=');
        const name = equals > 0 ? word.slice(0, equals) : word;
        if (users.includes(name)) user = equals > 0 ? word.slice(equals + 1) : value(++i);
        else if (tool === 'chpst' && word.startsWith('-u'))
          user = word.slice(2); // -uapp
        else if (equals < 0 && valued.has(name)) i++;
      }
      // `runuser app -c cmd`: the user is the first word after the options.
      if (tool === 'runuser' && user === undefined && i < words.length) user = value(i++);
      // `chroot --userspec=app / cmd`: the new root comes first.
      if (tool === 'chroot' && i < words.length) i++;
      break;
    }
  }
  if (!user) return undefined;
  const name = user.split(':')[0];
  if (name === '' || name === 'root' || /^[+-]?0+$/.test(name)) return undefined;
  return { tool, user, toolIndex: index, commandIndex: Math.min(i, words.length) };
}

/** What an entrypoint script does about privileges, read from its text. */
export interface ScriptDrop {
  /** The drop the script execs into, when it has one (the first, in text order). */
  drop?: Drop & { words: Word[] };
  /** The drop is guarded by a check of the user it runs as (`[ "$(id -u)" = '0' ]`), as in the official images. */
  conditional: boolean;
  /** What it does first that needs root (`chown`, …): a USER instead of the drop makes those steps fail or be skipped. */
  rootSteps: string[];
}

/** Scripts larger than this are not looked into: an entrypoint is a few hundred lines at most. */
export const MAX_SCRIPT_CHARS = 256 * 1024;

/** Commands an entrypoint runs as root before dropping, which a non-root USER cannot run. */
const ROOT_STEPS = new Set(['chown', 'chgrp', 'setcap', 'sysctl', 'mount', 'modprobe', 'iptables', 'ip6tables', 'usermod', 'groupmod', 'ulimit']);
/** Words that may open a command line in a compound command; the command proper follows them. */
const RESERVED = new Set(['then', 'do', 'else', 'elif', 'if', 'while', 'until', '!', '{', '}', 'time']);
const ROOT_CHECK = /\bid\s+-u\b|\$\{?E?UID\b|\bwhoami\b|\bid\s+-un\b/;

const cache = new Map<string, ScriptDrop>();
const CACHE_SIZE = 16;

/**
 * Reads an entrypoint script, never running it: whether it execs into a drop (`exec gosu app "$@"`), whether that
 * is guarded by a root check, and the root-only steps before it. The answer is kept per text (the host hands the
 * same cached text to every analysis), so a keystroke in the Dockerfile does not read the script again.
 */
export function scriptDrop(text: string): ScriptDrop {
  const known = cache.get(text);
  if (known) return known;
  const answer = readScript(text);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(text, answer);
  return answer;
}

const NOTHING: ScriptDrop = Object.freeze({ conditional: false, rootSteps: Object.freeze([]) as unknown as string[] });

function readScript(text: string): ScriptDrop {
  if (text.length > MAX_SCRIPT_CHARS || looksBinary(text)) return NOTHING;
  let drop: ScriptDrop['drop'];
  const rootSteps = new Set<string>();
  for (const pipeline of lexShell(text)) {
    for (const command of pipeline.commands) {
      const words = command.words;
      let i = 0;
      while (i < words.length && RESERVED.has(words[i].value)) i++;
      for (let k = i; k < words.length; k++) {
        // `find . \! -user redis -exec chown redis '{}' +` counts as much as a chown of its own.
        const name = baseName(words[k].value);
        if (ROOT_STEPS.has(name) && (k === i || words[k - 1].value === '-exec' || words[k - 1].value === 'xargs') && !drop) rootSteps.add(name);
      }
      if (drop || words[i]?.value !== 'exec') continue;
      i++;
      while (i < words.length && /^-[acl]$/.test(words[i].value)) i += words[i].value === '-a' ? 2 : 1;
      const found = dropAt(words, skipWrappers(words, i));
      if (found) drop = { ...found, words };
    }
  }
  return { drop, conditional: drop !== undefined && ROOT_CHECK.test(text), rootSteps: [...rootSteps] };
}

/** Whether a program name is a shell that runs a script given as its first operand (`bash /entrypoint.sh`). */
export function isShell(name: string): boolean {
  return SHELLS.has(baseName(name));
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
