import { orderedCommands } from '../../knowledge/shell-scopes';
import { defineDockerfileRule } from '../../rule';
import type { SimpleCommand, Word } from '../../knowledge/shell';

const ESCALATORS = new Set(['sudo', 'doas']);
/** Wrappers that run the next word as a program, so `env sudo x` and `nice sudo x` still call sudo. */
const WRAPPERS = new Set(['env', 'exec', 'time', 'nice', 'nohup', 'command', 'builtin']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

export default defineDockerfileRule({
  meta: {
    id: 'sudo-in-run',
    code: 'DG114',
    severity: 'warning',
    category: 'privileges',
    title: 'sudo used in RUN',
    description:
      'RUN already runs as the current USER; sudo in an image means sudo is installed and configured for that user, so anyone who gets into the container can become root. It also behaves unpredictably without a TTY.',
    references: { hadolint: ['DL3004'], kics: ['run_using_sudo'], trivy: ['DS010'], checkov: ['CKV2_DOCKER_1'] },
    profile: 'strict',
    messages: {
      sudo: '{{command}} in RUN needs sudo installed and granted in the image, a path to root for anyone in the container; switch with USER root for this step and back to the unprivileged user after it.',
    },
    fixable: false,
    hasSuggestions: false,
  },
  checkShellSource({ source, text, report }) {
    if (!source.text.includes('sudo') && !source.text.includes('doas')) return;
    for (const command of orderedCommands(source, text)) {
      const word = escalator(command);
      if (!word) continue;
      report({
        range: source.rangeOf(word.start, word.end),
        messageId: 'sudo',
        data: { command: word.value },
      });
    }
  },
});

/** The sudo/doas word a command runs through, after any `VAR=value` prefixes and wrappers. */
function escalator(command: SimpleCommand): Word | undefined {
  for (const word of command.words) {
    const name = word.value.slice(word.value.lastIndexOf('/') + 1);
    if (ESCALATORS.has(name)) return word;
    if (ASSIGNMENT.test(word.value) || WRAPPERS.has(name) || (word.value.startsWith('-') && word !== command.words[0])) continue;
    return undefined;
  }
  return undefined;
}
