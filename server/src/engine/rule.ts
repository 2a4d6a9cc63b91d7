import type { Instruction } from 'dockerfile-ast';
import type { ResolvedConfig } from './config';
import type { ComposeModel } from './documents/compose';
import type { DockerfileModel } from './documents/dockerfile';
import type { LocalShellSource } from './documents/shell-source';
import type { MessageData } from './messages';
import type { LineIndex } from './text';
import type { DirectoryEntry, Fix, Range, RuleMeta, Severity } from './types';

export interface Report<Id extends string = string> {
  range: Range;
  /** A key of the rule's `meta.messages`. */
  messageId: Id;
  /** Values for the message's `{{placeholders}}`. */
  data?: MessageData;
  /** Only of the kinds the rule's metadata declares (`fixable`, `hasSuggestions`): the engine checks. */
  fixes?: Fix[];
  /**
   * A finding more (or less) serious than the rule's default, e.g. a database port published to the world.
   * A severity the user configured for the rule still wins.
   */
  severity?: Severity;
  /**
   * A finding one step less serious than the rule's severity, whether the default or the one the user configured
   * (`error` → `warning` → `info`, never below `info`): the fact stands, but something lessens it (root-user's
   * entrypoint that drops privileges). Unlike `severity`, it applies on top of a configured severity.
   */
  lowered?: boolean;
}

export interface RuleContext<Model, Id extends string = string> {
  model: Model;
  config: ResolvedConfig;
  /** The document's URI, when known (used to find files next to it, never to fetch anything). */
  uri?: string;
  /**
   * Reads a local file the analysed one refers to (a compose `build:` Dockerfile), by URI or path relative to
   * `uri`; undefined when unavailable. Supplied by the host (server, CLI); the engine itself does no I/O. Given
   * `reference` (where the path is written in this document), a file the host refuses to read is reported there.
   */
  readFile(relativePath: string, reference?: Range): string | undefined;
  /**
   * The entries of a directory, by path relative to `uri` (shallow; symbolic links listed as files); undefined when
   * unavailable. Supplied by the host, which caches it; a refusal is reported at `reference` like readFile's.
   */
  listDirectory(relativePath: string, reference?: Range): readonly DirectoryEntry[] | undefined;
  report(report: Report<Id>): void;
  /** The moment the analysis is about (AnalyzeOptions.now); undefined means now. */
  now?: Date;
}

/**
 * DESIGN: what a check reads decides when it runs again.
 *
 * Analysis runs on every keystroke, and a keystroke changes one instruction. A rule says what each of its checks
 * reads by where it puts it, and the engine runs each check only where its input changed, reusing the findings
 * of everything else:
 *
 * - `checkInstruction` sees one instruction (an ONBUILD's trigger on its own, with `onbuild` set) and the shell
 *   code it holds. Its findings are kept with the instruction and reused, moved with it, until the instruction's
 *   own text changes. Most Dockerfile rules are about what one ADD, COPY, ENV or EXPOSE says.
 * - `checkShellSource` sees one piece of shell code: a RUN's line, or a heredoc script it runs. Kept the same way.
 *   The shell rules (downloads, sudo, package managers, flags) live here.
 * - `check` sees the whole model: stages, the final stage's user, what one instruction implies for another. It
 *   runs on every analysis, so keep it to what really spans instructions, and let it read the per-instruction
 *   readings the model keeps (shell sources and their commands are lexed once per RUN, not per analysis).
 *
 * A rule may have any of the three; the per-instruction ones are what keep a growing catalogue cheap.
 *
 * The contract for the per-instruction checks, which the types enforce where they can: read only the instruction
 * (or source) given, through `text` and `lines` at its own offsets, never the model or another instruction (no
 * stage, no other RUN), and report ranges and edits inside the instruction's own lines. A check that breaks the
 * last rule still gives correct findings (the engine then runs it again every time, never reusing them), but one
 * that reads elsewhere would keep stale findings: test/unit/engine/incremental-replay.test.ts replays random edits
 * and compares every incremental analysis with a full one, for every rule.
 *
 * One fact from outside is part of a shell source's input: the SHELL in effect (`source.shell`, inherited through
 * `FROM <stage>`). The engine checks a RUN again when it changes; PowerShell and cmd code has no POSIX pipelines.
 * Read a source's commands with knowledge/shell-scopes (`orderedCommands`): it includes `sh -c '…'` scripts,
 * the exec form (`["sh", "-c", "…"]` and direct argv) and command substitutions.
 *
 * A whole-file check that needs a fact about every instruction reads it through a reading kept with the
 * instruction (`textReading` in documents/ast-memo) or the shell source (`source.reading`), so the fact is derived
 * once per edit of that instruction rather than once per keystroke.
 *
 * Compose rules have only `check` for now: a compose analysis re-parses only the top-level entry or service an
 * edit is in (documents/compose-chunks) and runs every compose rule on the joined model; per-service checks kept
 * per service would be the same design one level up (a service's inputs are its own mapping, the anchors it
 * merges and the services it extends).
 */
export interface DockerfileRule {
  meta: RuleMeta & { kind: 'dockerfile' };
  check?(context: RuleContext<DockerfileModel>): void;
  checkInstruction?(context: InstructionContext): void;
  checkShellSource?(context: ShellSourceContext): void;
}

/** What a per-instruction check may read: the document's text and line index (at its own offsets) and the settings. */
export interface UnitContext<Id extends string = string> {
  /** The whole document; read only the part the instruction or source covers. */
  text: string;
  lines: LineIndex;
  config: ResolvedConfig;
  report(report: Report<Id>): void;
}

export interface InstructionContext<Id extends string = string> extends UnitContext<Id> {
  instruction: Instruction;
  /** The instruction is an ONBUILD's trigger: it runs in the builds of images built on this one. */
  onbuild: boolean;
  /** The shell code of this instruction (a RUN's line and the heredoc scripts it runs), as model.shellSources has it. */
  shellSources: readonly LocalShellSource[];
}

export interface ShellSourceContext<Id extends string = string> extends UnitContext<Id> {
  source: LocalShellSource;
}

export interface ComposeRule {
  meta: RuleMeta & { kind: 'compose' };
  check(context: RuleContext<ComposeModel>): void;
}

export type Rule = DockerfileRule | ComposeRule;

type MetaInput<K, Id extends string> = Omit<RuleMeta, 'kind' | 'profile' | 'references' | 'messages'> & {
  profile?: RuleMeta['profile'];
  references?: RuleMeta['references'];
  messages: Record<Id, string>;
} & { kind?: K };

export function defineDockerfileRule<Id extends string>(rule: {
  meta: MetaInput<'dockerfile', Id>;
  check?(context: RuleContext<DockerfileModel, Id>): void;
  checkInstruction?(context: InstructionContext<Id>): void;
  checkShellSource?(context: ShellSourceContext<Id>): void;
}): DockerfileRule {
  return {
    meta: { profile: 'recommended', references: {}, ...rule.meta, kind: 'dockerfile' },
    check: rule.check as DockerfileRule['check'],
    checkInstruction: rule.checkInstruction as DockerfileRule['checkInstruction'],
    checkShellSource: rule.checkShellSource as DockerfileRule['checkShellSource'],
  };
}

export function defineComposeRule<Id extends string>(rule: {
  meta: MetaInput<'compose', Id>;
  check(context: RuleContext<ComposeModel, Id>): void;
}): ComposeRule {
  return { meta: { profile: 'recommended', references: {}, ...rule.meta, kind: 'compose' }, check: rule.check as ComposeRule['check'] };
}
