import { Add, Cmd, Copy, Entrypoint, Env, Workdir, type Instruction } from 'dockerfile-ast';
import { textReading } from '../documents/ast-memo';
import { stageChain, type DockerfileModel, type Stage } from '../documents/dockerfile';
import { argumentSpans, heredocsOf } from '../documents/instruction-args';
import { dirnamePath, joinPath, normalizePath, trimTrailingSlashes } from '../paths';
import type { Range } from '../types';
import { isRemoteUrl, looksLikeArchive, transferArgs, type TransferArgs } from './copy-add';
import { baseName, dropAt, isShell, scriptDrop, skipWrappers, type Drop } from './privilege-drop';
import { lexShell, type Word } from './shell';
import { jsonStrings } from './shell-scopes';

/** A word of the command a container starts with, and where it is written (document offsets; -1 when not editable). */
export interface StartWord {
  value: string;
  start: number;
  end: number;
  instruction: Instruction;
}

/** Where the script an entrypoint runs comes from, in the order to try. */
export type ScriptOrigin = { image: string } &
  /** A file of the build context (relative to it), copied by COPY/ADD; `definitive` when nothing else can be it. */
  (
    | { kind: 'context'; path: string; range: Range; definitive: boolean }
    /** The body of a heredoc COPY (`COPY <<EOF /entrypoint.sh`). */
    | { kind: 'inline'; text: string }
    /** From another stage or image (`COPY --from`), a URL, an archive, a variable: not read. */
    | { kind: 'elsewhere' }
  );

export type ContainerStart =
  /** The start command itself drops privileges: `ENTRYPOINT ["gosu", "app", "node", "server.js"]`. */
  | { kind: 'drop'; drop: Drop; words: StartWord[]; editable: boolean }
  /**
   * It runs a script the Dockerfile puts in the image: where it may come from, to try in turn (the first that can
   * be read is the script; one that is `elsewhere`, or a definitive one that cannot be read, ends the search).
   */
  | { kind: 'script'; origins: ScriptOrigin[] };

/** A container that starts as root and gives root up: what root-user and service-runs-as-root say of it. */
export type StartingDrop =
  /** The start command drops itself; `start` has its words, for a fix that removes the drop. */
  | { kind: 'command'; tool: string; user: string; start: Extract<ContainerStart, { kind: 'drop' }> }
  /**
   * An entrypoint script drops: `script` as the finding names it (its path in the build context, or in the image for
   * a heredoc), `name` its file name; `conditional` when a root check guards the drop (the official images' way),
   * `rootSteps` what it does as root before.
   */
  | { kind: 'script'; tool: string; user: string; script: string; name: string; conditional: boolean; rootSteps: string[] };

/**
 * Whether a container of `stage` drops root after starting with it: its start command is a drop, or its entrypoint
 * script execs into one. `read` reads a build-context file (relative to the context), `reference` being where the
 * Dockerfile names it; a script that cannot be read is no drop (the finding stays as it is).
 */
export function startingDrop(
  model: DockerfileModel,
  stage: Stage,
  read: (contextPath: string, reference: Range) => string | undefined,
): StartingDrop | undefined {
  const start = containerStart(model, stage);
  if (!start) return undefined;
  if (start.kind === 'drop') return { kind: 'command', tool: start.drop.tool, user: start.drop.user, start };
  for (const origin of start.origins) {
    if (origin.kind === 'elsewhere') return undefined;
    const text = origin.kind === 'inline' ? origin.text : read(origin.path, origin.range);
    if (text === undefined) {
      if (origin.kind === 'context' && !origin.definitive) continue;
      return undefined;
    }
    const { drop, conditional, rootSteps } = scriptDrop(text);
    if (!drop) return undefined;
    const script = origin.kind === 'context' ? origin.path : origin.image;
    return { kind: 'script', tool: drop.tool, user: drop.user, script, name: baseName(origin.image), conditional, rootSteps };
  }
  return undefined;
}

/**
 * What a switch to a non-root user (USER, compose `user:`) must also see to, or undefined when nothing: a drop that
 * fails without root, or root-only steps the script then skips.
 */
export function nonRootCaveat(drop: StartingDrop): string | undefined {
  if (drop.kind === 'command') return `then remove ${drop.tool} from the start command, which fails without root`;
  if (!drop.conditional) return `then remove ${drop.tool} from ${drop.name}, which fails without root`;
  if (drop.rootSteps.length) return `${drop.name} then skips ${drop.rootSteps.join(', ')}, so volumes must already belong to that user`;
  return undefined;
}

/** A user USER and `user:` can name as written: no variables, not `"$1"`. */
export function literalUser(user: string): string | undefined {
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]*(?::[A-Za-z0-9_][A-Za-z0-9_.-]*)?$/.test(user) ? user : undefined;
}

const DEFAULT_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/**
 * What a container of `stage` starts with, as far as privileges go: its ENTRYPOINT (the last in the stage's chain
 * through `FROM <stage>`, exec or shell form, with CMD after an exec-form one; CMD alone without one), after any
 * init wrapper (`tini --`, `dumb-init`) and shell (`sh -c '…'`, `bash /entrypoint.sh`). Undefined when it starts
 * neither a drop nor a script the Dockerfile copies in.
 */
export function containerStart(model: DockerfileModel, stage: Stage): ContainerStart | undefined {
  const image = imageSetup(model, stage);
  // Kept with the setup unless it holds offsets (a drop in the start command, which a fix edits).
  if (image.start !== undefined) return image.start ?? undefined;
  const start = readContainerStart(model, image);
  if (start?.kind !== 'drop') image.start = start ?? null;
  return start;
}

function readContainerStart(model: DockerfileModel, image: ImageSetup): ContainerStart | undefined {
  if (!image.entrypoint && !image.cmd) return undefined;
  const argv: StartWord[] = [];
  let editable = true;
  if (image.entrypoint) {
    const words = startWords(model, image.entrypoint);
    argv.push(...words.words);
    editable = words.exec || !words.nested;
    if (!words.exec) return fromArgv(model, image, argv, editable && !words.nested);
  }
  if (image.cmd) {
    const words = startWords(model, image.cmd);
    argv.push(...words.words);
    if (words.nested) editable = false;
  }
  return fromArgv(model, image, argv, editable);
}

function fromArgv(model: DockerfileModel, image: ImageSetup, argv: StartWord[], editable: boolean, depth = 0): ContainerStart | undefined {
  let i = skipWrappers(argv, 0);
  if (argv[i]?.value === 'exec') i = skipWrappers(argv, i + 1);
  if (i >= argv.length) return undefined;
  const drop = dropAt(argv, i);
  if (drop) return { kind: 'drop', drop, words: argv, editable };
  const program = argv[i].value;
  if (isShell(program)) {
    for (i++; i < argv.length; i++) {
      const value = argv[i].value;
      if (value === '-o' || value === '+o') i++;
      else if (/^-[A-Za-z]*c[A-Za-z]*$/.test(value) && !value.startsWith('--')) return depth ? undefined : nestedStart(model, image, argv[i + 1]);
      else if (!value.startsWith('-') && !value.startsWith('+')) break;
    }
    // `bash /entrypoint.sh`, `sh docker-entrypoint.sh`: the shell looks in the working directory, then on PATH.
    return i < argv.length ? scriptStart(model, image, argv[i].value, true) : undefined;
  }
  return scriptStart(model, image, program, false);
}

/** `sh -c 'exec gosu app "$@"'`, `bash -c /entrypoint.sh`: the script text's first command (or its drop). */
function nestedStart(model: DockerfileModel, image: ImageSetup, script: StartWord | undefined): ContainerStart | undefined {
  if (!script) return undefined;
  const commands = lexShell(script.value).flatMap((p) => p.commands);
  for (const command of commands) {
    const words = command.words.map((w) => ({ value: w.value, start: -1, end: -1, instruction: script.instruction }));
    let i = skipWrappers(words, 0);
    if (words[i]?.value === 'exec') i = skipWrappers(words, i + 1);
    const drop = dropAt(words, i);
    if (drop) return { kind: 'drop', drop, words, editable: false };
  }
  const first = commands[0];
  if (!first) return undefined;
  return fromArgv(
    model,
    image,
    first.words.map((w) => ({ value: w.value, start: -1, end: -1, instruction: script.instruction })),
    false,
    1,
  );
}

/** Where a command's script comes from, kept with the image setup: it depends on nothing else. */
function scriptStart(model: DockerfileModel, image: ImageSetup, command: string, shellOperand: boolean): ContainerStart | undefined {
  const key = `${shellOperand ? 'operand' : 'program'}:${command}`;
  if (!image.scripts.has(key)) image.scripts.set(key, findScript(model, image, command, shellOperand));
  return image.scripts.get(key);
}

function findScript(model: DockerfileModel, image: ImageSetup, command: string, shellOperand: boolean): ContainerStart | undefined {
  if (!command || command.includes('$')) return undefined;
  const candidates: string[] = [];
  const inWorkdir = image.workdir === undefined ? undefined : normalizePath(joinPath(image.workdir, command));
  if (command.startsWith('/')) {
    candidates.push(normalizePath(command));
  } else if (command.includes('/')) {
    if (inWorkdir) candidates.push(inWorkdir);
  } else {
    if (shellOperand && inWorkdir) candidates.push(inWorkdir);
    for (const directory of image.path) candidates.push(normalizePath(joinPath(directory, command)));
  }
  // A directory copied over a candidate may not hold the script (`COPY . /app` with /app/bin on PATH): the next
  // candidate, on PATH after it, is then tried.
  const origins: ScriptOrigin[] = [];
  const seen = new Set<string>();
  for (const path of candidates) {
    for (const origin of originsOf(model, image, path)) {
      const key = origin.kind === 'context' ? origin.path : `${origin.kind}:${origin.image}`;
      if (seen.has(key)) continue;
      seen.add(key);
      origins.push(origin);
      if (origin.kind !== 'context' || origin.definitive || origins.length >= MAX_ORIGINS) return { kind: 'script', origins };
    }
  }
  return origins.length ? { kind: 'script', origins } : undefined;
}

/** Places a script may come from that are tried, at most: each is a read (from the host's cache) per analysis. */
const MAX_ORIGINS = 4;

// --- what the stage's chain sets up -------------------------------------------------------------------------------

interface Transfer {
  instruction: Copy | Add;
  args: TransferArgs;
  /** Absolute, without a trailing `/`; undefined when it cannot be told (a variable, a relative path under an unknown WORKDIR). */
  destination?: string;
  directory: boolean;
}

interface ImageSetup {
  entrypoint?: Entrypoint;
  cmd?: Cmd;
  /** The working directory at the end; undefined when it depends on a variable. */
  workdir?: string;
  path: string[];
  transfers: Transfer[];
  /** scriptStart's answers. */
  scripts: Map<string, ContainerStart | undefined>;
  /** containerStart's answer, when it holds no offsets (null: none). */
  start?: ContainerStart | null;
}

/**
 * The image setup last read for a stage, by its FROM, with the instructions it was read from. An incremental
 * analysis keeps the objects of the instructions an edit did not touch (moving their positions with them), and
 * nothing in a setup is an offset: while the stage's chain holds the same instructions, a keystroke elsewhere
 * reuses it whole. Kept by the FROM object, so nothing outlives the document's parse.
 */
const setups = new WeakMap<Instruction, { instructions: Instruction[]; setup: ImageSetup }>();

function imageSetup(model: DockerfileModel, stage: Stage): ImageSetup {
  const chain = stageChain(stage).reverse();
  // Only these instructions decide it: a keystroke in a RUN, a LABEL or an EXPOSE keeps the setup.
  const instructions: Instruction[] = [];
  for (const link of chain) {
    for (const instruction of link.instructions) {
      if (
        instruction instanceof Copy ||
        instruction instanceof Add ||
        instruction instanceof Entrypoint ||
        instruction instanceof Cmd ||
        instruction instanceof Workdir ||
        instruction instanceof Env
      ) {
        instructions.push(instruction);
      }
    }
  }
  const known = setups.get(stage.from);
  if (known && sameInstructions(known.instructions, instructions)) return known.setup;
  const setup = readImageSetup(model, instructions);
  setups.set(stage.from, { instructions, setup });
  return setup;
}

function sameInstructions(a: Instruction[], b: Instruction[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function readImageSetup(model: DockerfileModel, instructions: Instruction[]): ImageSetup {
  const setup: ImageSetup = { workdir: '/', path: DEFAULT_PATH, transfers: [], scripts: new Map() };
  for (const instruction of instructions) {
    if (instruction instanceof Entrypoint) {
      setup.entrypoint = instruction;
    } else if (instruction instanceof Cmd) {
      setup.cmd = instruction;
    } else if (instruction instanceof Workdir) {
      const written = textReading(instruction, WORKDIR, () => instruction.getArgumentsContent()?.trim() ?? '');
      if (!written) continue;
      setup.workdir = written.includes('$')
        ? undefined
        : written.startsWith('/')
          ? directoryPath(written)
          : setup.workdir && directoryPath(joinPath(setup.workdir, written));
    } else if (instruction instanceof Env) {
      const path = textReading(
        instruction,
        ENV_PATH,
        () =>
          instruction
            .getProperties()
            .find((p) => p.getName() === 'PATH')
            ?.getValue() ?? undefined,
      );
      if (path !== undefined)
        setup.path = path.split(':').flatMap((part) => (/^\$\{?PATH\}?$/.test(part) ? setup.path : part.startsWith('/') ? [directoryPath(part)] : []));
    } else if (instruction instanceof Copy || instruction instanceof Add) {
      const args = transferArgs(instruction, model.lines);
      const written = args?.destination?.value;
      if (!args || !written) continue;
      const directory = written.endsWith('/') || args.sources.length > 1;
      let destination: string | undefined;
      if (!written.includes('$')) {
        if (written.startsWith('/')) destination = directoryPath(written);
        else if (setup.workdir !== undefined) destination = directoryPath(joinPath(setup.workdir, written));
      }
      setup.transfers.push({ instruction, args, destination, directory });
    }
  }
  // `ENTRYPOINT []` clears the entrypoint, leaving CMD to start the container.
  if (setup.entrypoint && startWords(model, setup.entrypoint).words.length === 0) setup.entrypoint = undefined;
  return setup;
}

/** `//`, or a `.`/`..` segment: what normalizePath has to fold. */
const UNNORMALIZED = /\/\/|\/\.\.?(?:\/|$)/;

/** A normalized absolute path without a trailing `/` (but `/` itself). */
function directoryPath(path: string): string {
  const normalized = path.startsWith('/') && !UNNORMALIZED.test(path) ? path : normalizePath(path);
  return normalized.length > 1 ? trimTrailingSlashes(normalized) : normalized;
}

const WORKDIR = Symbol('WORKDIR as written');
const ENV_PATH = Symbol('PATH set by ENV');

/** The words of a CMD/ENTRYPOINT: the JSON array's strings, or the shell form's first command (or its drop). */
function startWords(model: DockerfileModel, instruction: Cmd | Entrypoint): { words: StartWord[]; exec: boolean; nested: boolean } {
  const args = instruction.getArgumentsRange();
  if (!args) return { words: [], exec: instruction.getOpeningBracket() !== null, nested: false };
  const start = model.lines.offsetAt(args.start);
  const text = model.text.slice(start, model.lines.offsetAt(instruction.getRange().end));
  const place = (w: Word) => ({ value: w.value, start: start + w.start, end: start + w.end, instruction });
  if (instruction.getOpeningBracket()) return { words: jsonStrings(text).map(place), exec: true, nested: false };
  // The shell form runs `/bin/sh -c '<text>'`: a drop anywhere in it, else its first command.
  const commands = lexShell(text).flatMap((p) => p.commands);
  for (const command of commands) {
    const words = command.words.map(place);
    let i = skipWrappers(words, 0);
    if (words[i]?.value === 'exec') i = skipWrappers(words, i + 1);
    if (dropAt(words, i)) return { words, exec: false, nested: commands.length > 1 || text.includes('\\\n') };
  }
  return { words: (commands[0]?.words ?? []).map(place), exec: false, nested: true };
}

// --- where the script comes from ----------------------------------------------------------------------------------

/**
 * The places a file at `path` in the image may come from, latest COPY/ADD first: a copied file is the answer; a
 * directory copied over it (`COPY . /app`, `COPY rootfs/ /`) may or may not hold it, so the next one is tried
 * when it does not.
 */
function originsOf(model: DockerfileModel, image: ImageSetup, path: string): ScriptOrigin[] {
  const origins: ScriptOrigin[] = [];
  const name = baseName(path);
  const parent = dirnamePath(path);
  for (let t = image.transfers.length - 1; t >= 0; t--) {
    const transfer = image.transfers[t];
    const destination = transfer.destination;
    if (destination === undefined) continue;
    // Into the script's directory (written with a `/` or not: it exists), as the script itself, or a directory above it.
    const intoParent = destination === parent;
    const isFile = !transfer.directory && destination === path;
    const below = destination !== path && path.startsWith(destination) && (destination === '/' || path.charCodeAt(destination.length) === 47); /* / */
    if (!intoParent && !isFile && !below) continue;
    const args = transfer.args;
    const elsewhere = args.flags.some((flag) => flag.getName().toLowerCase() === 'from');
    if (args.heredoc) {
      const body = heredocBody(model, transfer, name, intoParent, isFile);
      if (body !== undefined) return elsewhere ? [...origins, { kind: 'elsewhere', image: path }] : [...origins, { kind: 'inline', text: body, image: path }];
      continue;
    }
    for (let s = args.sources.length - 1; s >= 0; s--) {
      const source = args.sources[s];
      let file: string | undefined;
      let definitive = true;
      if (isFile && args.sources.length === 1 && !hasGlob(source.value)) {
        file = source.value;
      } else if (destination === parent && globMatches(baseName(trimTrailingSlashes(source.value)), name)) {
        file = joinPath(dirnamePath(source.value), name);
      } else if (below) {
        // Only a directory copies what is below it; `package.json` is taken for the file it looks like.
        if (hasGlob(source.value) || looksLikeFile(source.value)) continue;
        file = joinPath(trimTrailingSlashes(source.value), path.slice(destination === '/' ? 1 : destination.length + 1));
        definitive = false;
      } else {
        continue;
      }
      if (elsewhere || (transfer.instruction instanceof Add && (isRemoteUrl(source.value) || looksLikeArchive(source.value)))) {
        return [...origins, { kind: 'elsewhere', image: path }];
      }
      const inContext = contextPath(file);
      if (inContext === undefined) return [...origins, { kind: 'elsewhere', image: path }];
      origins.push({ kind: 'context', path: inContext, range: source.range, definitive, image: path });
      if (definitive) return origins;
    }
  }
  return origins;
}

/** A source as a path relative to the build context; undefined when it leaves it or depends on a variable. */
function contextPath(source: string): string | undefined {
  if (source.includes('$')) return undefined;
  const normalized = normalizePath(source.replace(/^\/+/, '') || '.');
  if (normalized === '..' || normalized.startsWith('../')) return undefined;
  return normalized;
}

/** The heredoc a COPY writes to the script: `COPY <<EOF /entrypoint.sh`, or `COPY <<entrypoint.sh /usr/local/bin/`. */
function heredocBody(model: DockerfileModel, transfer: Transfer, name: string, intoParent: boolean, isFile: boolean): string | undefined {
  const instruction = transfer.instruction;
  const spans = heredocsOf(instruction, model.lines);
  let index = -1;
  if (isFile) {
    index = 0;
  } else if (intoParent) {
    const firstLine = instruction.getRange().start.line;
    const names = argumentSpans(instruction, model.lines)
      .filter((a) => a.value.startsWith('<<') && model.lines.positionAt(a.start).line === firstLine)
      .map((a) => a.value.replace(/^<<-?/, '').replace(/^(["'])(.*)\1$/, '$2'));
    index = names.indexOf(name);
  }
  const span = spans[index];
  if (!span || span.bodyStart < 0) return undefined;
  return model.text.slice(span.bodyStart, span.bodyEnd);
}

function looksLikeFile(source: string): boolean {
  return /[^/.]\.[A-Za-z0-9]{1,8}$/.test(source);
}

function hasGlob(text: string): boolean {
  return /[*?[]/.test(text);
}

/** A shell-style match of one path segment: `*`, `?`, and `[…]` classes. */
function globMatches(pattern: string, name: string): boolean {
  if (!hasGlob(pattern)) return pattern === name;
  let regex = '^';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*') regex += '[^/]*';
    else if (char === '?') regex += '[^/]';
    else if (char === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) return false;
      regex += `[${pattern
        .slice(i + 1, close)
        .replace(/^!/, '^')
        .replace(/\\/g, '\\\\')}]`;
      i = close;
    } else regex += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  try {
    return new RegExp(`${regex}$`).test(name);
  } catch {
    return false;
  }
}
