import { Cmd, Entrypoint, Instruction } from 'dockerfile-ast';
import { isRootUser, rootImage, type DockerfileModel, type Stage } from '../../documents/dockerfile';
import { instructionEnd } from '../../documents/instruction-end';
import { applyEdits, insertAt, remove } from '../../fixes';
import { parseDockerfileAst } from '../../documents/dockerfile-parse';
import { escapeCharOf } from '../../documents/instruction-args';
import { MAX_INSTRUCTION_CHARS } from '../../input-limits';
import { commandArgs, commandName } from '../../knowledge/shell';
import { imageFamily, type ImageFamily } from '../../knowledge/image-family';
import { stageRunsAsRoot } from '../../knowledge/runs-as-root';
import { literalUser, nonRootCaveat, startingDrop, type StartWord } from '../../knowledge/entrypoint-script';
import { orderedCommands } from '../../knowledge/shell-scopes';
import { defineDockerfileRule } from '../../rule';
import type { Fix, Position, Range, TextEdit } from '../../types';

const USER_NAME = 'app';
const NUMERIC_USER = '10001:10001';

export default defineDockerfileRule({
  meta: {
    id: 'root-user',
    code: 'DG101',
    severity: 'warning',
    category: 'privileges',
    title: 'Final stage runs as root',
    description:
      'Without a USER, or with USER root, the container process runs as root: anyone who compromises it is root inside the container, one kernel bug away from the host.',
    references: {
      cis: '4.1',
      hadolint: ['DL3002'],
      kics: ['last_user_is_root', 'missing_user_instruction'],
      trivy: ['DS002'],
      checkov: ['CKV_DOCKER_3', 'CKV_DOCKER_8'],
    },
    messages: {
      userRoot: 'The final stage runs as root, so a compromised process has root in the container; switch to a non-root USER.',
      userRootInherited:
        'The final stage runs as root (set in an earlier stage it builds on), so a compromised process has root in the container; switch to a non-root USER.',
      noUser: 'The final stage has no USER and runs as root, so a compromised process has root in the container; add a non-root USER.',
      scriptDrops:
        'The container starts as root and its entrypoint script {{script}} drops to {{user}} with {{tool}}, so only the script runs as root; still better to set a non-root USER and give the script only what it needs.',
      entrypointDrops:
        'The container starts as root and its start command drops to {{user}} with {{tool}}, so only {{tool}} runs as root; USER {{user}} does the same without root at all.',
    },
    fixable: false,
    hasSuggestions: true,
  },
  check({ model, report, readFile }) {
    const stage = model.finalStage;
    if (!stage || !stage.image.written) return;
    const verdict = stageRunsAsRoot(stage);
    if (!verdict.root) return;
    const range = verdict.reason === 'user' ? (verdict.user.instruction.getArgumentsRange() ?? verdict.user.instruction.getRange()) : stage.from.getRange();
    const drop = privilegeDrop(model, stage, readFile);
    if (drop) {
      const fix = addNonRootUser(model, stage, drop);
      report({ range, messageId: drop.messageId, data: drop.data, lowered: true, fixes: fix ? [fix] : [] });
      return;
    }
    const fix = addNonRootUser(model, stage);
    const fixes = fix ? [fix] : [];
    if (verdict.reason === 'user') {
      report({ range, messageId: verdict.inherited ? 'userRootInherited' : 'userRoot', fixes });
      return;
    }
    report({ range, messageId: 'noUser', fixes });
  },
});

/** How the container gives up root after starting as root, when it does: what the finding then says and the fix does. */
interface PrivilegeDrop {
  messageId: 'scriptDrops' | 'entrypointDrops';
  data: { user: string; tool: string; script?: string };
  /** USER with the user the drop switches to, when it is written literally. */
  user?: string;
  /** Removes the drop from the start command, which fails once the container no longer starts as root. */
  removal?: TextEdit;
  /** What the fix's title must warn of: the script's drop fails without root, or its root-only steps are skipped. */
  caveat?: string;
}

/**
 * The start command drops privileges itself (`ENTRYPOINT ["gosu", "app", …]`), or runs an entrypoint script that
 * does (`exec gosu postgres "$BASH_SOURCE" "$@"`), read from the build context through the host (cached there,
 * never run) or from a heredoc COPY. Undefined when it does not, or the script cannot be read.
 */
function privilegeDrop(model: DockerfileModel, stage: Stage, readFile: (path: string, reference?: Range) => string | undefined): PrivilegeDrop | undefined {
  const drop = startingDrop(model, stage, readFile);
  if (!drop) return undefined;
  const user = literalUser(drop.user);
  if (drop.kind === 'script') {
    return { messageId: 'scriptDrops', data: { script: drop.script, user: drop.user, tool: drop.tool }, user, caveat: nonRootCaveat(drop) };
  }
  const { drop: found, words, editable } = drop.start;
  const tool = words[found.toolIndex];
  const command = words[found.commandIndex];
  const removal =
    user && editable && command && tool.start >= 0 && command.instruction === tool.instruction
      ? remove(model.lines.rangeAt(wordStart(model, tool), wordStart(model, command)))
      : undefined;
  return { messageId: 'entrypointDrops', data: { user: drop.user, tool: drop.tool }, user, removal, caveat: removal ? undefined : nonRootCaveat(drop) };
}

/** Where a word starts in the document, its opening quote included (a JSON string's offsets are inside the quotes). */
function wordStart(model: DockerfileModel, word: StartWord): number {
  const before = model.text[word.start - 1];
  return before === '"' || before === "'" ? word.start - 1 : word.start;
}

/** Undefined when nothing can follow the stage's end as an instruction of its own (a heredoc never closed). */
function addNonRootUser(model: DockerfileModel, stage: Stage, drop?: PrivilegeDrop): Fix | undefined {
  const { position, atEnd, after } = insertionPoint(model, stage);
  const end = after ? instructionEnd(after, model.lines) : undefined;
  if (end && !end.closable) return undefined;
  const eol = model.lines.eol;
  const lines = userLines(imageFamily(rootImage(stage)), drop?.user ?? existingUserName(model, stage));
  const block = lines.join(eol) + eol;
  const text = atEnd && !/[\r\n]$/.test(model.text) ? eol + block : block;
  const edits = [insertAt(position, text)];
  // `RUN make \` as the last line would continue into the USER lines: the escape continues nothing, so it goes.
  if (end && end.danglingEscape >= 0) edits.unshift(remove(model.lines.rangeAt(end.danglingEscape, end.danglingEscape + 1)));
  if (after && !readAsInstructions(model, after, edits, lines.length)) return undefined;
  if (drop?.removal) {
    edits.push(drop.removal);
    return { title: `Run as ${drop.user} with ${lines[lines.length - 1]} instead of ${drop.data.tool}`, kind: 'suggestion', preferred: true, edits };
  }
  const title = `Run as a non-root user (${lines[lines.length - 1]})`;
  if (drop?.caveat) return { title: `${title}: ${drop.caveat}`, kind: 'suggestion', edits };
  return { title, kind: 'suggestion', preferred: true, edits };
}

/**
 * The last guard of a suggestion appended after the file's last instruction: that instruction and what follows it,
 * fixed, parsed again, must read as that instruction and then the added lines, each an instruction of its own
 * (heredoc names continued onto a next line, and whatever else a half-typed file holds, can swallow them).
 */
const MAX_TAIL_CHARS = 2 * MAX_INSTRUCTION_CHARS;

function readAsInstructions(model: DockerfileModel, last: Instruction, edits: TextEdit[], added: number): boolean {
  const start = model.lines.offsetAt(last.getRange().start);
  // Parsing is linear, but a tail of hundreds of kilobytes (comment lines after the last instruction) would make
  // this suggestion the costliest step of the analysis: no suggestion for such a file.
  if (model.text.length - start > MAX_TAIL_CHARS) return false;
  const tail = applyEdits(model.text, edits).slice(start);
  const escape = escapeCharOf(last);
  const parsed = parseDockerfileAst((escape === '\\' ? '' : `# escape=${escape}\n`) + tail).getInstructions();
  return parsed.length === 1 + added && parsed[parsed.length - 1].getKeyword() === 'USER';
}

function userLines(family: ImageFamily, existing: string | undefined): string[] {
  if (existing) return [`USER ${existing}`];
  switch (family) {
    case 'alpine':
      return [`RUN addgroup -S ${USER_NAME} && adduser -S -G ${USER_NAME} ${USER_NAME}`, `USER ${USER_NAME}`];
    case 'debian':
    case 'rhel':
      return [`RUN groupadd -r ${USER_NAME} && useradd -r -g ${USER_NAME} ${USER_NAME}`, `USER ${USER_NAME}`];
    case 'distroless':
      return ['USER nonroot'];
    case 'node':
      return ['USER node']; // the official node images ship this user
    case 'windows':
      return ['USER ContainerUser'];
    default:
      // scratch, shell-less or unknown images: a numeric id needs no user database
      return [`USER ${NUMERIC_USER}`];
  }
}

/** A user the Dockerfile already creates in this stage's chain (useradd/adduser), so the fix switches to it. */
function existingUserName(model: DockerfileModel, stage: Stage): string | undefined {
  const chain = new Set<Stage>();
  for (let s: Stage | undefined = stage; s && !chain.has(s); s = s.image.stage) chain.add(s);
  let found: string | undefined;
  for (const source of model.shellSources) {
    if (!source.stage || !chain.has(source.stage) || source.onbuild) continue;
    for (const command of orderedCommands(source, model.text)) {
      const name = commandName(command);
      if (name !== 'useradd' && name !== 'adduser') continue;
      const args = commandArgs(command);
      const last = args[args.length - 1]?.value;
      if (last && /^[a-z_][a-z0-9_-]*$/i.test(last) && !isRootUser(last)) found = last;
    }
  }
  return found;
}

/**
 * Before the first CMD/ENTRYPOINT when only metadata follows it (above any comment describing it),
 * otherwise at the end of the stage, so no later RUN silently changes user.
 */
function insertionPoint(model: DockerfileModel, stage: Stage): { position: Position; atEnd: boolean; after?: Instruction } {
  const instructions = stage.instructions;
  const first = instructions.findIndex((i) => i instanceof Cmd || i instanceof Entrypoint);
  const buildStepAfter = first >= 0 && instructions.slice(first).some(isBuildStep);
  if (first >= 0 && !buildStepAfter) {
    let line = instructions[first].getRange().start.line;
    while (line > 0 && /^\s*#/.test(model.lines.lineText(line - 1))) line--;
    return { position: { line, character: 0 }, atEnd: false };
  }
  const last = instructions[instructions.length - 1] ?? stage.from;
  const endLine = last.getRange().end.line;
  if (endLine + 1 < model.lines.lineCount) return { position: { line: endLine + 1, character: 0 }, atEnd: false, after: last };
  return { position: model.lines.positionAt(model.text.length), atEnd: true, after: last };
}

function isBuildStep(instruction: Instruction): boolean {
  const keyword = instruction.getKeyword();
  return keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD' || keyword === 'USER' || keyword === 'WORKDIR';
}
