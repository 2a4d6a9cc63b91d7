import { From, Instruction, Onbuild, Arg, Env, Shell, User } from 'dockerfile-ast';
import type { Dockerfile } from 'dockerfile-ast';
import type { LineIndex } from '../text';
import type { Range } from '../types';
import { keywordOf, textReading } from './ast-memo';
import { DockerfileUnits } from './dockerfile-units';
import { parseImageRef, type ImageRef } from './image-ref';
import { singleReference, substitute, type Scope } from './variables';
import { shellSourcesOf, type ShellSource } from './shell-source';
import { DEFAULT_SHELL, shellOf, type RunShell } from './run-shell';

/** The image a stage starts from, resolved as far as the file allows. */
export interface BaseImage {
  /** The image as written in FROM, e.g. `${BASE}`; undefined for a half-typed FROM. */
  written?: string;
  /** After ARG substitution; undefined when it depends on a value only known at build time. */
  resolved?: string;
  /** The resolved reference split up; undefined for stages, scratch, and unresolved images. */
  ref?: ImageRef;
  /** Range of the image text in the FROM line. */
  range?: Range;
  /** The reference is written literally, so offsets into `ref.raw` are offsets into the source. */
  literal: boolean;
  /** When the image is exactly `${NAME}` of a global ARG with a default: where to edit to change it. */
  argDefault?: { name: string; range: Range };
  scratch: boolean;
  /** Set when FROM names an earlier build stage. */
  stage?: Stage;
}

export interface UserSetting {
  instruction: User;
  /** As written, e.g. `app`, `${UID}:${GID}`. */
  written: string;
  /** The user part after variable substitution (before any `:group`); undefined when unknown. */
  user?: string;
}

export interface Stage {
  index: number;
  /** The `AS name`, lower-cased as BuildKit matches it. */
  name?: string;
  from: From;
  image: BaseImage;
  /** Instructions after FROM up to the next FROM; ONBUILD triggers are not expanded here. */
  instructions: Instruction[];
  /** The last USER of this stage, or inherited through `FROM <stage>`; undefined when none was set. */
  user?: UserSetting;
  isFinal: boolean;
  /** The first stage of stageChain(this): the one built on an external image (or on scratch, or an unknown one). */
  origin: Stage;
  /** The shell in effect at the end of the stage (its last SHELL, or the one of the stage it is built FROM). */
  shell: RunShell;
  /** Where a walk of the `FROM <stage>` tree enters and leaves this stage: see stageBuildsOn. */
  treeIn: number;
  treeOut: number;
}

/** An instruction of the file (or an ONBUILD's trigger) with its stage and the SHELL in effect there. */
export interface InstructionEntry {
  instruction: Instruction;
  stage?: Stage;
  onbuild: boolean;
  shell: RunShell;
}

export interface DockerfileModel {
  kind: 'dockerfile';
  text: string;
  lines: LineIndex;
  readonly ast: Dockerfile;
  stages: Stage[];
  finalStage?: Stage;
  /** Global ARG defaults (before the first FROM), which FROM lines may use. */
  globalScope: Scope;
  /**
   * Every instruction in file order with its stage; ONBUILD triggers are included as the instruction they wrap,
   * so rules that look at RUN or ADD also see `ONBUILD RUN` and `ONBUILD ADD`. `shell` is the SHELL in effect there.
   */
  instructions: InstructionEntry[];
  /**
   * The entries of `instructions` of these keywords (`ENV`, `RUN`; ONBUILD triggers under their own keyword), in
   * file order: what a whole-file check reads instead of testing every instruction's class on every keystroke.
   */
  entriesOf(...keywords: string[]): readonly InstructionEntry[];
  /** Shell code of every RUN, heredoc bodies and ONBUILD RUN included; computed once on first use. */
  readonly shellSources: ShellSource[];
  /** The parsed instructions, with what the engine keeps per instruction between analyses. */
  readonly units: DockerfileUnits;
}

export function parseDockerfile(text: string): DockerfileModel {
  return dockerfileModel(DockerfileUnits.parse(text));
}

/**
 * The model of the units' current text. Built anew for every analysis, cheaply: it only links the instructions
 * (kept between analyses by an incremental one, see documents/dockerfile-units) into stages and scopes.
 */
export function dockerfileModel(parsed: DockerfileUnits): DockerfileModel {
  const lines = parsed.lines;
  const text = lines.text;

  const globalScope = new Map<string, string | undefined>();
  const globalArgRanges = new Map<string, Range>();
  const stages: Stage[] = [];
  const stagesByName = new Map<string, Stage>();
  const instructions: InstructionEntry[] = [];
  const byKeyword = new Map<string, InstructionEntry[]>();
  const add = (entry: InstructionEntry, keyword: string) => {
    instructions.push(entry);
    const same = byKeyword.get(keyword);
    if (same) same.push(entry);
    else byKeyword.set(keyword, [entry]);
  };
  const globalArgs: Arg[] = [];
  let current: Stage | undefined;

  for (const unit of parsed.units) {
    const instruction = unit.instruction;
    // Keywords rather than instanceof: one string compare each, on every instruction of every keystroke.
    const keyword = keywordOf(instruction);
    if (keyword === 'FROM') {
      current = createStage(instruction as From, stages, stagesByName, globalScope, globalArgRanges);
      stages.push(current);
      add({ instruction, stage: current, onbuild: false, shell: current.shell }, keyword);
      continue;
    }
    if (current && keyword === 'SHELL') current.shell = shellOf(instruction as Shell);
    if (!current && keyword === 'ARG' && instruction instanceof Arg) {
      globalArgs.push(instruction);
      const property = instruction.getProperty();
      if (property) {
        const value = property.getValue();
        globalScope.set(property.getName(), value === null ? undefined : substitute(value, globalScope));
        const valueRange = property.getValueRange();
        if (valueRange) globalArgRanges.set(property.getName(), valueRange);
        else globalArgRanges.delete(property.getName());
      }
    }
    current?.instructions.push(instruction);
    const shell = current?.shell ?? DEFAULT_SHELL;
    add({ instruction, stage: current, onbuild: false, shell }, keyword);
    if (unit.trigger && instruction instanceof Onbuild) add({ instruction: unit.trigger, stage: current, onbuild: true, shell }, keywordOf(unit.trigger));
  }

  for (const stage of stages) stage.user = effectiveUser(stage, globalArgs);
  walkStageTree(stages);
  const finalStage = stages[stages.length - 1];
  if (finalStage) finalStage.isFinal = true;

  return new Model(text, lines, parsed, stages, finalStage, globalScope, instructions, byKeyword);
}

/** A class, not an object literal with a getter: see ShellSource for what such a literal costs. */
class Model implements DockerfileModel {
  readonly kind = 'dockerfile';
  private sources?: ShellSource[];

  constructor(
    readonly text: string,
    readonly lines: LineIndex,
    private readonly parsed: DockerfileUnits,
    readonly stages: Stage[],
    readonly finalStage: Stage | undefined,
    readonly globalScope: Scope,
    readonly instructions: InstructionEntry[],
    /** The entries by keyword, and the merged lists asked for (keywords joined by a space). */
    private readonly byKeyword: Map<string, InstructionEntry[]>,
  ) {}

  get ast(): Dockerfile {
    return this.parsed.ast;
  }

  get units(): DockerfileUnits {
    return this.parsed;
  }

  get shellSources(): ShellSource[] {
    this.sources ??= shellSourcesOf(this.parsed, this.instructions);
    return this.sources;
  }

  entriesOf(...keywords: string[]): readonly InstructionEntry[] {
    if (keywords.length === 1) return this.byKeyword.get(keywords[0]) ?? NO_ENTRIES;
    const key = keywords.join(' ');
    let merged = this.byKeyword.get(key);
    if (!merged) {
      merged = [];
      for (const keyword of keywords) merged = mergeByLine(merged, this.byKeyword.get(keyword) ?? NO_ENTRIES);
      this.byKeyword.set(key, merged);
    }
    return merged;
  }
}

/**
 * Two lists of entries in file order as one. Entries of different keywords never share a line: an instruction is
 * the only one on its first line, and an ONBUILD (keyword ONBUILD) shares it only with its own trigger.
 */
function mergeByLine(a: readonly InstructionEntry[], b: readonly InstructionEntry[]): InstructionEntry[] {
  const merged: InstructionEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i].instruction.getRange().start.line <= b[j].instruction.getRange().start.line) merged.push(a[i++]);
    else merged.push(b[j++]);
  }
  while (i < a.length) merged.push(a[i++]);
  while (j < b.length) merged.push(b[j++]);
  return merged;
}

const NO_ENTRIES: readonly InstructionEntry[] = [];

function createStage(from: From, earlier: Stage[], byName: Map<string, Stage>, scope: Scope, argRanges: Map<string, Range>): Stage {
  const stage: Stage = {
    index: earlier.length,
    name: textReading(from, STAGE_NAME, readStageName),
    from,
    image: resolveImage(from, byName, scope, argRanges),
    instructions: [],
    isFinal: false,
    origin: undefined as unknown as Stage,
    shell: DEFAULT_SHELL,
    treeIn: 0,
    treeOut: 0,
  };
  // A stage builds only on earlier ones, whose origin and last shell are known.
  stage.origin = stage.image.stage?.origin ?? stage;
  stage.shell = stage.image.stage?.shell ?? DEFAULT_SHELL;
  // `FROM name` means the first stage of that name.
  if (stage.name !== undefined && !byName.has(stage.name)) byName.set(stage.name, stage);
  return stage;
}

/**
 * Numbers the stages in a depth-first walk of the tree `FROM <stage>` makes of them (each builds on at most
 * one earlier stage): a stage's chain holds another exactly when the other's interval holds its own.
 */
function walkStageTree(stages: Stage[]): void {
  const children = new Map<Stage, Stage[]>();
  for (const stage of stages) {
    const parent = stage.image.stage;
    if (!parent) continue;
    const siblings = children.get(parent);
    if (siblings) siblings.push(stage);
    else children.set(parent, [stage]);
  }
  let clock = 0;
  for (const root of stages) {
    if (root.image.stage) continue;
    const pending: { stage: Stage; next: number }[] = [{ stage: root, next: 0 }];
    root.treeIn = clock++;
    while (pending.length) {
      const top = pending[pending.length - 1];
      const child = children.get(top.stage)?.[top.next++];
      if (child) {
        child.treeIn = clock++;
        pending.push({ stage: child, next: 0 });
      } else {
        top.stage.treeOut = clock++;
        pending.pop();
      }
    }
  }
}

/** Whether `ancestor` is in stageChain(stage), `stage` itself included, in constant time. */
export function stageBuildsOn(stage: Stage, ancestor: Stage): boolean {
  return ancestor.treeIn <= stage.treeIn && stage.treeOut <= ancestor.treeOut;
}

function resolveImage(from: From, byName: Map<string, Stage>, scope: Scope, argRanges: Map<string, Range>): BaseImage {
  const written = textReading(from, WRITTEN_IMAGE, readWrittenImage);
  const range = from.getImageRange() ?? undefined;
  const image: BaseImage = { written, range, literal: false, scratch: false };
  if (!written) return image;

  image.literal = !written.includes('$');
  const resolved = substitute(written, scope);
  image.resolved = resolved;
  const argName = singleReference(written);
  if (argName && resolved !== undefined && argRanges.has(argName)) {
    image.argDefault = { name: argName, range: argRanges.get(argName)! };
  }
  if (resolved === undefined) return image;

  const stage = byName.get(resolved.toLowerCase());
  if (stage) {
    image.stage = stage;
    return image;
  }
  if (resolved.toLowerCase() === 'scratch') {
    image.scratch = true;
    return image;
  }
  image.ref = imageRefOf(resolved);
  return image;
}

// What a FROM names, read once per edit of the FROM (dockerfile-ast scans its arguments on every call).
const STAGE_NAME = Symbol('FROM … AS name, lower-cased');
const WRITTEN_IMAGE = Symbol('FROM image as written');

function readStageName(from: Instruction): string | undefined {
  return (from as From).getBuildStage()?.toLowerCase();
}

function readWrittenImage(from: Instruction): string | undefined {
  return (from as From).getImage() ?? undefined;
}

/**
 * parseImageRef, remembered by reference: the stages' images are the same few strings on every keystroke. Nothing
 * modifies an ImageRef, so one object serves every analysis; the table starts afresh past a bound.
 */
function imageRefOf(reference: string): ImageRef | undefined {
  if (IMAGE_REFS.has(reference)) return IMAGE_REFS.get(reference);
  if (IMAGE_REFS.size >= MAX_IMAGE_REFS) IMAGE_REFS.clear();
  const ref = parseImageRef(reference);
  IMAGE_REFS.set(reference, ref);
  return ref;
}

const IMAGE_REFS = new Map<string, ImageRef | undefined>();
const MAX_IMAGE_REFS = 2_000;

/** Follows `FROM <stage>` links to the external image a stage is ultimately built on. */
export function rootImage(stage: Stage): BaseImage {
  return stage.origin.image;
}

/** The stage followed by the earlier stages it builds on through `FROM <stage>`: everything that ends up in its image. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  // Each stage builds on an earlier one, so the chain cannot loop.
  for (let s: Stage | undefined = stage; s; s = s.image.stage) chain.push(s);
  return chain;
}

function effectiveUser(stage: Stage, globalArgs: Arg[]): UserSetting | undefined {
  for (let i = stage.instructions.length - 1; i >= 0; i--) {
    const instruction = stage.instructions[i];
    if (keywordOf(instruction) === 'USER' && instruction instanceof User) {
      const written = textReading(instruction, WRITTEN_USER, writtenUser);
      if (!written) continue; // a half-typed USER changes nothing yet
      const line = instruction.getRange().start.line;
      const user = substituteInStage(written.split(':')[0], stage, globalArgs, line);
      return { instruction, written, user };
    }
  }
  return stage.image.stage?.user;
}

const WRITTEN_USER = Symbol('USER as written');

function writtenUser(instruction: Instruction): string | undefined {
  return instruction.getArgumentsContent()?.trim();
}

function substituteInStage(text: string, stage: Stage, globalArgs: Arg[], line: number): string | undefined {
  if (!text.includes('$')) return text;
  const names = text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
  const scope = new Map<string, string | undefined>();
  for (const name of names) {
    const value = resolveVariable(name, line, stage, globalArgs);
    if (typeof value === 'string') scope.set(name, value);
  }
  return substitute(text, scope);
}

/**
 * dockerfile-ast's `Dockerfile.resolveVariable(name, line)` for a line inside a stage (past its FROM), step for
 * step without its whole-file scans: the stage's last ENV before the line that sets the name wins, then its last
 * ARG; a value-less match (null) falls back to the ARGs before the first FROM.
 */
function resolveVariable(name: string, line: number, stage: Stage, globalArgs: Arg[]): string | null | undefined {
  const env = lastEnvValue(stage.instructions, name, line);
  const value = env !== undefined ? env : lastArgValue(stage.instructions, name, line);
  return value === null ? lastArgValue(globalArgs, name, line) : value;
}

/** The value the stage's last ENV before the line gives the name (null: set without a value); undefined when none sets it. */
function lastEnvValue(instructions: Instruction[], name: string, line: number): string | null | undefined {
  for (let i = instructions.length - 1; i >= 0; i--) {
    const instruction = instructions[i];
    if (keywordOf(instruction) !== 'ENV' || !(instruction instanceof Env) || instruction.getRange().start.line >= line) continue;
    for (const property of instruction.getProperties()) if (property.getName() === name) return property.getValue();
  }
  return undefined;
}

function lastArgValue(instructions: Instruction[], name: string, line: number): string | null | undefined {
  for (let i = instructions.length - 1; i >= 0; i--) {
    const instruction = instructions[i];
    if (keywordOf(instruction) !== 'ARG' || !(instruction instanceof Arg) || instruction.getRange().start.line >= line) continue;
    const property = instruction.getProperty();
    if (property && property.getName() === name) return property.getValue();
  }
  return undefined;
}

/**
 * True for `root`, `0` (also `00`, `+0`, `-0`: the runtime reads the uid with Go's strconv.Atoi), and their `:group`
 * forms; the user part is what counts.
 */
export function isRootUser(user: string): boolean {
  return user === 'root' || /^[+-]?0+$/.test(user);
}

/** Offsets of the image's tag or digest mapped to the source, when the image is written literally. */
export function imagePartRange(model: DockerfileModel, image: BaseImage, startInRef: number, endInRef: number): Range | undefined {
  if (!image.literal || !image.range) return undefined;
  const base = model.lines.offsetAt(image.range.start);
  return model.lines.rangeAt(base + startInRef, base + endInRef);
}

/** Document offset where the reference text starts: in FROM, or in the global ARG default it comes from. */
export function imageTextStart(model: DockerfileModel, image: BaseImage): number | undefined {
  if (image.literal && image.range) return model.lines.offsetAt(image.range.start);
  if (!image.argDefault || image.resolved === undefined) return undefined;
  const start = model.lines.offsetAt(image.argDefault.range.start);
  const value = model.text.slice(start, model.lines.offsetAt(image.argDefault.range.end));
  if (value === image.resolved) return start;
  if (value.length === image.resolved.length + 2 && /^(["']).*\1$/.test(value) && value.slice(1, -1) === image.resolved) return start + 1;
  return undefined;
}
