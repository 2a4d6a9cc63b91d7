import type { Flag, Instruction } from 'dockerfile-ast';
import type { LocalShellSource } from '../documents/shell-source';
import { transferArgs } from './copy-add';
import type { SimpleCommand, Word } from './shell';
import { allCommands, programOf } from './shell-scopes';
import type { LineIndex } from '../text';
import type { Range } from '../types';

/**
 * File modes a Dockerfile sets: `chmod`, `install -m`, `mkdir -m`, `find … -exec chmod`, `xargs chmod`, `umask`
 * in RUN, and `COPY/ADD --chmod`. Shared by the world-writable and setuid rules, read once per RUN.
 */

/** What a mode grants. Removals (`o-w`, `a-s`) grant nothing. */
export interface ModeGrants {
  worldWritable: boolean;
  setuid: boolean;
  setgid: boolean;
  sticky: boolean;
  /** The mode as a number, when written in octal. */
  octal?: number;
}

const OCTAL = /^[0-7]{1,5}$/;
const CLAUSE = /^([ugoa]*)((?:[-+=][rwxXstugo]*)+)$/;
const ACTION = /([-+=])([rwxXstugo]*)/g;

/** The permissions a chmod-style mode grants; undefined when it is not a mode (a variable, a half-typed word). */
export function modeGrants(mode: string): ModeGrants | undefined {
  if (OCTAL.test(mode)) {
    const octal = parseInt(mode, 8);
    return { worldWritable: (octal & 0o002) !== 0, setuid: (octal & 0o4000) !== 0, setgid: (octal & 0o2000) !== 0, sticky: (octal & 0o1000) !== 0, octal };
  }
  if (mode === '' || mode.includes('$')) return undefined;
  const grants: ModeGrants = { worldWritable: false, setuid: false, setgid: false, sticky: false };
  for (const clause of mode.split(',')) {
    const match = CLAUSE.exec(clause);
    if (!match) return undefined;
    const who = match[1];
    const all = who === '' || who.includes('a');
    ACTION.lastIndex = 0;
    for (let action = ACTION.exec(match[2]); action && action[0] !== ''; action = ACTION.exec(match[2])) {
      if (action[1] === '-') continue;
      const perms = action[2];
      // An empty "who" goes through the umask, which (022 by default) keeps write away from others.
      if (perms.includes('w') && (who.includes('o') || who.includes('a'))) grants.worldWritable = true;
      if (perms.includes('s') && (all || who.includes('u'))) grants.setuid = true;
      if (perms.includes('s') && (all || who.includes('g'))) grants.setgid = true;
      if (perms.includes('t')) grants.sticky = true;
    }
  }
  return grants;
}

/** One mode set by the Dockerfile. Offsets are into the shell source's text, or into the document for COPY/ADD. */
export interface ModeChange {
  mode: string;
  start: number;
  end: number;
  /** `chmod -R`, `find … -exec chmod`: applies to whole trees. */
  recursive: boolean;
  /** The paths it is set on, as written (variables kept). */
  targets: string[];
  /** The command or instruction that sets it, for messages: `chmod`, `install -m`, `COPY --chmod`. */
  via: string;
  /** `umask`: the mode is a mask, what it leaves out is granted to files created later. */
  umask?: boolean;
}

const MAY_SET_MODE = /chmod|install|mkdir|umask/;
const MODE_CHANGES = Symbol('mode changes');

/** The modes a RUN's shell code sets, read once per source and shared by the rules. */
export function shellModeChanges(source: LocalShellSource, documentText: string): ModeChange[] {
  if (!MAY_SET_MODE.test(source.text)) return [];
  return source.reading(MODE_CHANGES, () => {
    const changes: ModeChange[] = [];
    for (const command of allCommands(source, documentText)) readCommand(command, changes);
    return changes;
  });
}

function readCommand(command: SimpleCommand, changes: ModeChange[]): void {
  const program = programOf(command);
  if (!program) return;
  const words = command.words;
  switch (program.name) {
    case 'chmod':
      readChmod(words, program.index + 1, words.length, false, undefined, changes);
      return;
    case 'install':
    case 'mkdir':
      readModeOption(words, program.index + 1, program.name, changes);
      return;
    case 'umask':
      readUmask(words, program.index + 1, changes);
      return;
    case 'find':
      readFind(words, program.index + 1, changes);
      return;
    case 'xargs': {
      for (let i = program.index + 1; i < words.length; i++) {
        // The files come from standard input.
        if (baseName(words[i].value) === 'chmod') return readChmod(words, i + 1, words.length, false, [], changes);
        if (!words[i].value.startsWith('-')) return;
      }
    }
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `chmod [-R] MODE FILE…` between `from` and `to`; `targets` given for `find -exec`, where the files are find's. */
function readChmod(words: Word[], from: number, to: number, recursive: boolean, targets: string[] | undefined, changes: ModeChange[]): void {
  let mode: Word | undefined;
  const files: string[] = [];
  let options = true;
  for (let i = from; i < to; i++) {
    const value = words[i].value;
    if (options && value === '--') {
      options = false;
    } else if (options && value.startsWith('--')) {
      if (value === '--recursive') recursive = true;
      if (value.startsWith('--reference')) return; // the mode is another file's
    } else if (options && /^-[RcfvHLP]+$/.test(value)) {
      if (value.includes('R')) recursive = true;
    } else if (!mode) {
      mode = words[i];
    } else {
      files.push(value);
    }
  }
  // Without a file the command is still being typed.
  if (mode && (targets || files.length))
    changes.push({ mode: mode.value, start: mode.start, end: mode.end, recursive, targets: targets ?? files, via: 'chmod' });
}

/** `install -m 4755 src /usr/bin/x`, `mkdir -pm 777 /data`, `--mode=0777`. */
function readModeOption(words: Word[], from: number, via: string, changes: ModeChange[]): void {
  let mode: { value: string; start: number; end: number } | undefined;
  const files: string[] = [];
  for (let i = from; i < words.length; i++) {
    const word = words[i];
    const value = word.value;
    if (value.startsWith('--mode=')) {
      mode = { value: value.slice(7), start: word.end - (value.length - 7), end: word.end };
    } else if (value === '--mode' && words[i + 1]) {
      mode = words[++i];
    } else if (/^-[A-Za-z]*m/.test(value) && !value.startsWith('--')) {
      const at = value.indexOf('m');
      if (at === value.length - 1 && words[i + 1]) mode = words[++i];
      else if (at < value.length - 1) mode = { value: value.slice(at + 1), start: word.end - (value.length - at - 1), end: word.end };
    } else if (/^-[A-Za-z]*[gotS]$/.test(value) && !value.startsWith('--')) {
      i++; // install's options that take a value: -g group, -o owner, -t dir, -S suffix
    } else if (!value.startsWith('-')) {
      files.push(value);
    }
  }
  if (mode) changes.push({ ...mode, mode: mode.value, recursive: false, targets: files, via: `${via} -m` });
}

/** `umask 000`: files created afterwards are world-writable when the program creating them asks for it (most do). */
function readUmask(words: Word[], from: number, changes: ModeChange[]): void {
  const word = words[from];
  if (!word || word.value.startsWith('-')) return;
  changes.push({ mode: word.value, start: word.start, end: word.end, recursive: false, targets: [], via: 'umask', umask: true });
}

/** `find /app -type d -exec chmod 777 {} +`: every file find matches, a whole tree. */
function readFind(words: Word[], from: number, changes: ModeChange[]): void {
  const paths: string[] = [];
  let i = from;
  for (; i < words.length && !/^[-(!]/.test(words[i].value); i++) paths.push(words[i].value);
  for (; i < words.length; i++) {
    if (words[i].value !== '-exec' && words[i].value !== '-execdir') continue;
    if (baseName(words[i + 1]?.value ?? '') !== 'chmod') continue;
    let end = i + 2;
    while (end < words.length && words[end].value !== ';' && words[end].value !== '+') end++;
    readChmod(words, i + 2, end, true, paths.length ? paths : ['.'], changes);
    i = end;
  }
}

/** What a umask leaves out, as a mode: `umask 000` grants world-write, `umask 022` does not. */
export function umaskGrants(mask: string): ModeGrants | undefined {
  if (!OCTAL.test(mask)) return undefined;
  const value = parseInt(mask, 8);
  return { worldWritable: (value & 0o002) === 0, setuid: false, setgid: false, sticky: false };
}

/** `COPY --chmod=777 …` and `ADD --chmod=…`: the flag, with its value's range in the document. */
export interface ChmodFlag {
  mode: string;
  range: Range;
  targets: string[];
  via: string;
}

export function chmodFlag(instruction: Instruction, lines: LineIndex): ChmodFlag | undefined {
  const args = transferArgs(instruction, lines);
  if (!args) return undefined;
  const flag: Flag | undefined = args.flags.find((f) => f.getName() === 'chmod');
  const value = flag?.getValue();
  const range = flag?.getValueRange();
  if (!flag || !value || !range) return undefined;
  const words = instruction.getArguments();
  const destination = words.length > 0 ? words[words.length - 1].getValue() : undefined;
  return { mode: value, range, targets: destination ? [destination] : [], via: `${args.keyword} --chmod` };
}
