import { Add, Arg, Copy, Env, Run, type Instruction } from 'dockerfile-ast';
import type { DockerfileModel } from '../../documents/dockerfile';
import { heredocsOf } from '../../documents/instruction-args';
import { propertiesOf } from '../../documents/dockerfile-properties';
import type { LocalShellSource } from '../../documents/shell-source';
import type { LineIndex } from '../../text';
import { remove } from '../../fixes';
import {
  findInsecureText,
  mayHoldInsecureText,
  INSECURE_FLAGS,
  INSECURE_SETTINGS,
  insecureEnvironment,
  REMEDIES,
  type InsecureFlag,
  type InsecureSetting,
  type Insecurity,
  type VerificationKind,
} from '../../knowledge/insecure-flags';
import { downloadsOf, onlyLocalPackages, packageOperands, type Downloads } from '../../knowledge/local-packages';
import { optionsWithValue, PROGRAMS } from '../../knowledge/packages';
import { commandIndex, type SimpleCommand, type Word } from '../../knowledge/shell';
import { isExecForm, programOf, quotedText, shellScopes } from '../../knowledge/shell-scopes';
import { defineDockerfileRule, type Report } from '../../rule';
import type { Fix } from '../../types';

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

type Program = NonNullable<ReturnType<typeof programOf>>;

/** The settings each program reads, looked up once per command rather than filtered from the list every time. */
const SETTINGS_BY_PROGRAM = new Map<string, InsecureSetting[]>();
for (const setting of INSECURE_SETTINGS) {
  for (const program of setting.programs) SETTINGS_BY_PROGRAM.set(program, [...(SETTINGS_BY_PROGRAM.get(program) ?? []), setting]);
}
const EXPORTERS = new Set(['export', 'declare', 'typeset', 'readonly', 'env']);

export default defineDockerfileRule({
  meta: {
    id: 'verification-disabled',
    code: 'DG110',
    severity: 'error',
    category: 'supply-chain',
    title: 'TLS or signature verification switched off',
    description:
      'Flags such as `curl -k`, `--nogpgcheck` or `NODE_TLS_REJECT_UNAUTHORIZED=0` make the build accept whatever a network attacker or a compromised mirror serves, and the image ships it.',
    references: {
      cis: '4.11',
      checkov: [
        'CKV2_DOCKER_2',
        'CKV2_DOCKER_3',
        'CKV2_DOCKER_4',
        'CKV2_DOCKER_5',
        'CKV2_DOCKER_6',
        'CKV2_DOCKER_7',
        'CKV2_DOCKER_8',
        'CKV2_DOCKER_9',
        'CKV2_DOCKER_10',
        'CKV2_DOCKER_11',
        'CKV2_DOCKER_12',
        'CKV2_DOCKER_13',
        'CKV2_DOCKER_14',
        'CKV2_DOCKER_16',
        'CKV2_DOCKER_18',
      ],
    },
    messages: {
      tls: `{{what}}; ${REMEDIES.tls}.`,
      signature: `{{what}}; ${REMEDIES.signature}.`,
      plainHttp: `{{what}}; ${REMEDIES['plain-http']}.`,
      hostKey: `{{what}}; ${REMEDIES['host-key']}.`,
      checksum: `{{what}}; ${REMEDIES.checksum}.`,
    },
    fixable: false,
    hasSuggestions: true,
  },
  checkInstruction({ instruction, shellSources, lines, report }) {
    checkEnvironment(instruction, report);
    checkDataHeredocs(instruction, shellSources, lines, report);
  },
  checkShellSource({ source, text, lines, report }) {
    // A flag that concerns packages depends on what the rest of the file downloads: checked with the whole file below.
    if (mentionsLocalPackageFlag(source, text)) return;
    checkShell({ model: { text, lines }, downloads: noDownloadsAsked }, source, report);
  },
  check({ model, report }) {
    // Which package files the Dockerfile downloads and checks, read once, for the sources that need it.
    let downloads: Downloads | undefined;
    const context: Context = { model, downloads: () => (downloads ??= downloadsOf(model)) };
    for (const source of model.shellSources) if (mentionsLocalPackageFlag(source, model.text)) checkShell(context, source, report);
  },
});

type MessageId = 'tls' | 'signature' | 'plainHttp' | 'hostKey' | 'checksum';
const MESSAGE_IDS: Record<VerificationKind, MessageId> = {
  tls: 'tls',
  signature: 'signature',
  'plain-http': 'plainHttp',
  'host-key': 'hostKey',
  checksum: 'checksum',
};

/** What is switched off, and the remedy for its kind. */
function message(insecurity: Insecurity): Pick<Report<MessageId>, 'messageId' | 'data'> {
  return { messageId: MESSAGE_IDS[insecurity.kind], data: { what: capitalize(insecurity.description) } };
}

/** Sentence case, except for a leading tool name or command line written as typed (`pip`, `curl -k`, `--flag`). */
function capitalize(text: string): string {
  if (/^(?:pip|npm|git|go|apt|uv|conda|yarn|composer)\b/.test(text) || /^(?:-|\S+(?: [a-z]+)? -)/.test(text)) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `ENV NODE_TLS_REJECT_UNAUTHORIZED=0`, `ARG GOSUMDB=off`. */
function checkEnvironment(instruction: Instruction, report: (r: Report<MessageId>) => void): void {
  if (!(instruction instanceof Env || instruction instanceof Arg)) return;
  for (const property of propertiesOf(instruction)) {
    const value = property.getValue();
    const insecurity = insecureEnvironment(property.getName(), value ?? undefined);
    if (insecurity) report({ range: property.getRange(), ...message(insecurity) });
  }
}

/** The document as the shell checks read it: its text and line index. */
type Document = Pick<DockerfileModel, 'text' | 'lines'>;

const LOCAL_PACKAGE_FLAG = Symbol('mentions a flag judged by what the file downloads');

/** Whether a word of the source is one of the flags judged by what the whole file downloads (LOCAL_PACKAGE_FLAGS). */
function mentionsLocalPackageFlag(source: LocalShellSource, text: string): boolean {
  return source.reading(LOCAL_PACKAGE_FLAG, readLocalPackageFlag, text);
}

function readLocalPackageFlag(source: LocalShellSource, text: string): boolean {
  return shellScopes(source, text).some((scope) =>
    scope.pipelines.some((pipeline) =>
      pipeline.commands.some((command) => command.words.some((word) => word.value.startsWith('-') && LOCAL_PACKAGE_FLAGS.has(word.value.split('=')[0]))),
    ),
  );
}

/** For sources without such a flag, which never ask. */
function noDownloadsAsked(): Downloads {
  return { fetched: new Set(), checked: new Set() };
}

interface Hit extends Insecurity {
  start: number;
  end: number;
  fix?: Fix;
}

interface Context {
  model: Document;
  downloads(): Downloads;
}

function checkShell({ model, downloads }: Context, source: LocalShellSource, report: (r: Report<MessageId>) => void): void {
  const quoted = quotedText(source, model.text);
  // Every word is a part of the source: when the whole source holds no insecure spelling, no word does.
  const wordText = mayHoldInsecureText(quoted);
  const hits: Hit[] = [];
  for (const scope of shellScopes(source, model.text)) {
    for (const pipeline of scope.pipelines) {
      for (const command of pipeline.commands) {
        const program = programOf(command);
        checkAssignments(command, hits);
        if (program) {
          checkFlags(model, source, quoted, command, program, hits, downloads);
          checkSettings(command, program, hits);
        }
        if (wordText) checkWordText(command, program, quoted, hits);
      }
    }
  }
  for (const hit of hits) {
    report({ range: source.rangeOf(hit.start, hit.end), ...message(hit), fixes: hit.fix ? [hit.fix] : [] });
  }
}

/**
 * The first hit over a stretch of text wins; a later one that overlaps it is dropped. Hits are kept in order, and
 * never overlap: the one that could overlap a new hit is found by a binary search (comparing with every hit was
 * quadratic: a RUN of 25,000 `curl -k` took a minute).
 */
function addHit(hits: Hit[], hit: Hit): void {
  let low = 0;
  let high = hits.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (hits[mid].end <= hit.start) low = mid + 1;
    else high = mid;
  }
  if (low < hits.length && hits[low].start < hit.end) return;
  hits.splice(low, 0, hit);
}

/** `NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci`, `export GIT_SSL_NO_VERIFY=1`, `env GOSUMDB=off go build`. */
function checkAssignments(command: SimpleCommand, hits: Hit[]): void {
  const words = command.words;
  const program = commandIndex(command);
  const exports = program >= 0 && EXPORTERS.has(words[program].value);
  for (let i = 0; i < words.length; i++) {
    if (i === program && !exports) break;
    if (i === program) continue;
    const word = words[i];
    if (!ASSIGNMENT.test(word.value)) continue;
    const equals = word.value.indexOf('=');
    const insecurity = insecureEnvironment(word.value.slice(0, equals), word.value.slice(equals + 1));
    if (insecurity) addHit(hits, { ...insecurity, start: word.start, end: word.end });
  }
}

/** `curl -fsSLk`, `wget --no-check-certificate`, `apk add --allow-untrusted`, `python -m pip` included. */
function checkFlags(
  model: Document,
  source: LocalShellSource,
  quoted: string,
  command: SimpleCommand,
  program: Program,
  hits: Hit[],
  downloads: () => Downloads,
): void {
  const flags = INSECURE_FLAGS[program.name];
  if (!flags || !Object.hasOwn(INSECURE_FLAGS, program.name)) return;
  const words = command.words;
  // Asked once per command, not per flag: the answer reads all its words (a command repeating the flag thousands
  // of times made this quadratic).
  let localOnly: boolean | undefined;
  for (let i = program.index + 1; i < words.length; i++) {
    const word = words[i];
    const value = word.value;
    if (value === '--') break;
    if (!value.startsWith('-')) continue;
    const equals = value.indexOf('=');
    const name = equals < 0 ? value : value.slice(0, equals);
    if (Object.hasOwn(flags.long, name)) {
      // `--disable-content-trust=false` turns the check back on.
      if (equals >= 0 && /^(?:false|0|no)$/i.test(value.slice(equals + 1))) continue;
      if (LOCAL_PACKAGE_FLAGS.has(name) && (localOnly ??= installsOnlyLocalPackages(command, program, downloads))) continue;
      const flag = flags.long[name];
      addHit(hits, { ...flag, start: word.start, end: word.end, fix: flag.removable ? removeWordFix(model, source, word, flag) : undefined });
      continue;
    }
    if (!flags.short || value.startsWith('--') || !/^-[A-Za-z0-9]/.test(value)) continue;
    for (let j = 1; j < value.length; j++) {
      const letter = value[j];
      if (Object.hasOwn(flags.short, letter)) {
        const flag = flags.short[letter];
        addHit(hits, { ...flag, ...letterHit(model, source, quoted, word, j, flag) });
      }
      if (flags.shortWithValue?.includes(letter)) {
        if (j === value.length - 1) i++; // the value is the next word
        break;
      }
    }
  }
}

/** A letter inside `-fsSLk`: the finding covers the letter, the suggestion removes just it (or the whole `-k`). */
function letterHit(model: Document, source: LocalShellSource, quoted: string, word: Word, index: number, flag: InsecureFlag): Omit<Hit, keyof Insecurity> {
  if (word.value.length === 2) return { start: word.start, end: word.end, fix: flag.removable ? removeWordFix(model, source, word, flag) : undefined };
  const written = quoted.slice(word.start, word.end);
  const shift = written === word.value ? 0 : written.slice(1, -1) === word.value ? 1 : -1;
  if (shift < 0) return { start: word.start, end: word.end };
  const at = word.start + shift + index;
  const letter = word.value[index];
  const fix: Fix | undefined = flag.removable
    ? { title: `Remove -${letter} from ${word.value} (${checkName(flag)} back on)`, kind: 'suggestion', edits: [remove(source.rangeOf(at, at + 1))] }
    : undefined;
  return { start: at, end: at + 1, fix };
}

/** The flags that only matter for packages from a repository: a package built with the image has no signature to check. */
const LOCAL_PACKAGE_FLAGS = new Set([
  '--allow-untrusted',
  '--allow-unauthenticated',
  '--nogpgcheck',
  '--no-gpgchecks',
  '--no-gpg-checks',
  '--nosignature',
  '--nodigest',
]);
const RPM_VALUE_OPTIONS = ['--root', '--dbpath', '--define', '-D', '--macros', '--excludepath', '--prefix', '--relocate'];

/**
 * `apk index --allow-untrusted` (it indexes packages the build made), and an install whose packages are all local
 * files that were not downloaded, or whose download was checked (`gpg --verify`, `sha256sum -c`): nothing comes
 * from a repository whose signature the flag skips.
 */
function installsOnlyLocalPackages(command: SimpleCommand, program: Program, downloads: () => Downloads): boolean {
  const manager = program.name === 'rpm' ? undefined : PROGRAMS[program.name === 'aptitude' ? 'apt' : program.name === 'tdnf' ? 'dnf' : program.name];
  if (program.name !== 'rpm' && !manager) return false;
  const valueOptions = manager ? [...optionsWithValue(manager)] : RPM_VALUE_OPTIONS;
  const { subcommand, operands } = packageOperands(command, program.index, valueOptions);
  if (manager === 'apk' && subcommand === 'index') return true;
  // rpm takes its mode as an option (`rpm -i`, `-Uvh`): every word that is not an option is a package.
  const packages = program.name === 'rpm' ? (subcommand === undefined ? [] : [subcommand, ...operands]) : operands;
  return packages.length > 0 && onlyLocalPackages(packages, downloads());
}

/** `npm config set strict-ssl false`, `git config --global http.sslVerify false`, `pip install --trusted-host h`. */
function checkSettings(command: SimpleCommand, program: Program, hits: Hit[]): void {
  let name = program.name;
  let first = program.index + 1;
  const words = command.words;
  // `python3 -m pip install …` runs pip.
  if (/^python[0-9.]*$/.test(name) && words[first]?.value === '-m' && words[first + 1]) {
    name = words[first + 1].value;
    first += 2;
  }
  const settings = SETTINGS_BY_PROGRAM.get(name);
  if (!settings) return;
  for (let i = first; i < words.length; i++) {
    const word = words[i];
    const equals = word.value.indexOf('=');
    for (const setting of settings) {
      if (equals > 0 && setting.key.test(word.value.slice(0, equals))) {
        if (setting.value.test(word.value.slice(equals + 1))) addHit(hits, { ...setting, start: word.start, end: word.end });
      } else if (setting.key.test(word.value) && words[i + 1] && setting.value.test(words[i + 1].value)) {
        addHit(hits, { ...setting, start: word.start, end: words[i + 1].end });
      }
    }
  }
}

/**
 * `key=value` spellings inside words: `--setopt=sslverify=0`, `-o Acquire::https::Verify-Peer=false`,
 * `echo 'deb [trusted=yes] …'`. In a `sed` substitution only the replacement counts, since
 * `s/gpgcheck=0/gpgcheck=1/` turns the check on.
 */
function checkWordText(command: SimpleCommand, program: Program | undefined, quoted: string, hits: Hit[]): void {
  const isSed = program?.name === 'sed';
  for (const word of command.words) {
    const written = quoted.slice(word.start, word.end);
    let from = 0;
    let to = written.length;
    if (isSed) {
      const replacement = sedReplacement(written);
      if (replacement) [from, to] = replacement;
    }
    for (const hit of findInsecureText(written.slice(from, to))) {
      addHit(hits, { ...hit, start: word.start + from + hit.start, end: word.start + from + hit.end });
    }
  }
}

/** Offsets of the replacement in `s/pattern/replacement/flags` (any delimiter, quotes allowed around it). */
function sedReplacement(written: string): [number, number] | undefined {
  const match = /^['"]?(?:\d+|\$)?s(.)/.exec(written);
  if (!match) return undefined;
  const delimiter = match[1];
  let i = match[0].length;
  const parts: number[] = [];
  for (; i < written.length && parts.length < 2; i++) {
    if (written[i] === '\\') i++;
    else if (written[i] === delimiter) parts.push(i);
  }
  if (parts.length < 1) return undefined;
  return [parts[0] + 1, parts[1] ?? written.length];
}

/** Heredoc bodies that are data, not shell: `RUN cat > /etc/yum.repos.d/x.repo <<EOF`, `COPY <<EOF /etc/apt/…`. */
function checkDataHeredocs(
  instruction: Instruction,
  shellSources: readonly LocalShellSource[],
  lines: LineIndex,
  report: (r: Report<MessageId>) => void,
): void {
  if (!(instruction instanceof Run || instruction instanceof Copy || instruction instanceof Add)) return;
  for (const { bodyStart: start, bodyEnd } of heredocsOf(instruction, lines)) {
    if (start < 0) continue;
    // A body the shell runs is checked as shell code.
    if (shellSources.some((s) => s.heredoc && s.offset === start)) continue;
    const body = lines.text.slice(start, bodyEnd);
    for (const hit of findInsecureText(body)) {
      report({ range: lines.rangeAt(start + hit.start, start + hit.end), ...message(hit) });
    }
  }
}

/**
 * Removes a whole flag word and one separating space, keeping the line structure: a flag alone on a
 * continuation line takes its line with it, an exec-form element takes its quotes and comma.
 */
function removeWordFix(model: Document, source: LocalShellSource, word: Word, flag: InsecureFlag): Fix {
  const text = model.text;
  let start = source.offset + word.start;
  let end = source.offset + word.end;
  const title = `Remove ${word.value} (${checkName(flag)} back on)`;
  if (isExecForm(source) && text[start - 1] === '"' && text[end] === '"') {
    const after = /^\s*,\s*/.exec(text.slice(end + 1, end + 80));
    if (after) return suggestion(model, title, start - 1, end + 1 + after[0].length);
    const before = /\s*,\s*$/.exec(text.slice(Math.max(0, start - 81), start - 1));
    return suggestion(model, title, start - 1 - (before?.[0].length ?? 0), end + 1);
  }
  // The line from the line index, and its text around the word read only up to the nearest other character:
  // slicing the whole line for each flag was quadratic on a RUN of thousands of commands on one line.
  const lines = model.lines;
  const line = lines.positionAt(start).line;
  const lineStart = lines.lineStartOffset(line);
  const lineEnd = lines.lineEndOffset(line);
  const nextLine = line + 1 < lines.lineCount ? lines.lineStartOffset(line + 1) : text.length;
  let afterWord = end;
  while (afterWord < lineEnd && isBlank(text, afterWord)) afterWord++;
  let continuation = false;
  if (afterWord < lineEnd && (text[afterWord] === '\\' || text[afterWord] === '`')) {
    let rest = afterWord + 1;
    while (rest < lineEnd && (text[rest] === ' ' || text[rest] === '\t')) rest++;
    continuation = rest === lineEnd;
  }
  let beforeWord = start;
  while (beforeWord > lineStart && isBlank(text, beforeWord - 1)) beforeWord--;
  if (afterWord < lineEnd && !continuation) {
    while (text[end] === ' ' || text[end] === '\t') end++;
  } else if (beforeWord > lineStart) {
    while (start > lineStart && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  } else if (continuation) {
    return suggestion(model, title, lineStart, nextLine);
  } else {
    // Alone on the last line of a continued RUN: drop the line and the continuation that led to it.
    let previous = lineStart - 1;
    while (previous > 0 && /[\s\\`]/.test(text[previous - 1])) previous--;
    start = previous;
  }
  return suggestion(model, title, start, end);
}

function isBlank(text: string, at: number): boolean {
  return /\s/.test(text[at]);
}

function checkName(flag: InsecureFlag): string {
  return flag.kind === 'signature' ? 'signature checks' : 'certificate checks';
}

function suggestion(model: Document, title: string, start: number, end: number): Fix {
  return { title, kind: 'suggestion', edits: [remove(model.lines.rangeAt(start, end))] };
}
