import type { LocalShellSource } from '../../documents/shell-source';
import { EXEC_FORM, hasPipefail, shellFromArgv } from '../../documents/run-shell';
import { insertAt } from '../../fixes';
import type { Pipeline, Word } from '../../knowledge/shell';
import { programOf, scriptWord, shellScopes } from '../../knowledge/shell-scopes';
import { defineDockerfileRule } from '../../rule';

const INLINE = 'set -o pipefail';

export default defineDockerfileRule({
  meta: {
    id: 'missing-pipefail',
    code: 'DG120',
    severity: 'info',
    category: 'hygiene',
    title: 'Pipe in RUN without pipefail',
    description:
      'A shell pipeline succeeds when its last command does: a download that fails in curl -fsSL url | tar -xz leaves tar with empty input, and the RUN may still succeed with a half-built image, unless the shell runs with pipefail.',
    references: { hadolint: ['DL4006'], trivy: ['DS032'], kics: ['shell_running_a_pipe_without_pipefail_flag'] },
    profile: 'strict',
    messages: {
      pipe: 'Only the last command of this pipe decides whether the RUN fails, so a failing download piped into another command goes unnoticed; start the RUN with set -o pipefail, or use SHELL ["/bin/bash", "-o", "pipefail", "-c"].',
    },
    fixable: false,
    hasSuggestions: true,
  },
  checkShellSource({ source, text, lines, report }) {
    if (!source.text.includes('|')) return;
    const code = codeOf(source, text);
    if (!code || code.pipefail) return;
    let pipefail = false;
    for (const pipeline of code.pipelines) {
      const first = pipeline.commands[0];
      if (programOf(first)?.name === 'set') {
        const words = first.words.map((w) => w.value);
        if (hasPipefail(words.slice(words.indexOf('set')))) pipefail = true;
      }
      if (pipefail || pipeline.commands.length < 2 || onlyPrintsIntoPipe(pipeline)) continue;
      const bar = source.text.indexOf('|', lastWord(pipeline, 0).end);
      if (bar < 0) return;
      const start = code.pipelines[0].commands[0].words[0];
      const edit = source.heredoc
        ? insertAt(source.rangeOf(lineStartAfterShebang(source.text), lineStartAfterShebang(source.text)).start, `${INLINE}${lines.eol}`)
        : insertAt(source.rangeOf(start.start, start.start).start, `${INLINE} && `);
      report({
        range: source.rangeOf(bar, bar + 1),
        messageId: 'pipe',
        fixes: [{ title: `Start the RUN with ${INLINE}`, kind: 'suggestion', preferred: true, edits: [edit] }],
      });
      return;
    }
  },
});

/**
 * The pipelines the RUN's shell runs and whether it has pipefail: the source's own for shell form and heredocs
 * (under the SHELL in effect), the script of `["bash", "-o", "pipefail", "-c", "…"]` for the exec form. A direct
 * argv exec form runs no shell: a `|` there is an argument.
 */
function codeOf(source: LocalShellSource, text: string): { pipelines: Pipeline[]; pipefail: boolean } | undefined {
  if (source.ownShell !== EXEC_FORM) return source.pipelines.length ? { pipelines: source.pipelines, pipefail: source.shell.pipefail } : undefined;
  const scopes = shellScopes(source, text);
  const command = scopes[0]?.pipelines[0]?.commands[0];
  const script = command && scriptWord(command);
  if (!script) return undefined;
  const inner = scopes.find((scope) => {
    const word = scope.pipelines[0]?.commands[0]?.words[0];
    return word !== undefined && word.start >= script.start && word.start <= script.end;
  });
  if (!inner) return undefined;
  const argv = command.words.slice(programOf(command)!.index, command.words.indexOf(script)).map((w) => w.value);
  return { pipelines: inner.pipelines, pipefail: shellFromArgv(argv).pipefail };
}

/** Builtins that cannot fail the way pipefail is there for: `echo "$SUM  file" | sha256sum -c -`. */
const PRINTERS = new Set(['echo', 'printf']);

function onlyPrintsIntoPipe(pipeline: Pipeline): boolean {
  for (let i = 0; i < pipeline.commands.length - 1; i++) if (!PRINTERS.has(programOf(pipeline.commands[i])?.name ?? '')) return false;
  return true;
}

function lastWord(pipeline: Pipeline, index: number): Word {
  const words = pipeline.commands[index].words;
  return words[words.length - 1];
}

/** Where a line added at the top of a heredoc script goes: after its `#!` line, if it has one. */
function lineStartAfterShebang(body: string): number {
  if (!body.startsWith('#!')) return 0;
  const newline = body.indexOf('\n');
  return newline < 0 ? body.length : newline + 1;
}
