import { commandSettings, instructionSettings } from '../../knowledge/environment-settings';
import { allCommands, programOf, quotedText } from '../../knowledge/shell-scopes';
import type { SimpleCommand, Word } from '../../knowledge/shell';
import { defineDockerfileRule, type Report } from '../../rule';

type MessageId = 'pip' | 'uv';

/** A pip.conf line, at the start of the text or after a newline (written or as printf's `\n`). */
const PIP_CONF_LINE = /(?:^["']?|\n|\\n)[ \t]*extra-index-url[ \t]*=[ \t]*\S/;

/** uv resolves from the first index that has a name (first-index), so a public look-alike does not win by version. */
const VARIABLES: Record<string, MessageId> = { PIP_EXTRA_INDEX_URL: 'pip', UV_EXTRA_INDEX_URL: 'uv' };

export default defineDockerfileRule({
  meta: {
    id: 'pip-extra-index-url',
    code: 'DG137',
    severity: 'warning',
    category: 'supply-chain',
    title: 'pip --extra-index-url (dependency confusion)',
    description:
      'With `--extra-index-url`, pip treats the private index and PyPI as one pool and installs the highest version it finds in either: anyone can publish a package on PyPI under the name of a private one, with a higher version, and the build installs theirs (dependency confusion).',
    messages: {
      pip: '{{what}} makes pip take a package from PyPI or the private index, whichever has the higher version, so anyone can publish your private package name on PyPI and have it installed; serve both through one index (a proxy) and use --index-url alone.',
      uv: '{{what}} adds a second index to uv, which stops at the first index that has a package but falls back to the other for names the first lacks; make sure every private name exists on the first index, or use one index (a proxy) alone.',
    },
    fixable: false,
    hasSuggestions: false,
  },
  checkShellSource({ source, text, report }) {
    if (!/extra-index-url|EXTRA_INDEX_URL/i.test(source.text)) return;
    const quoted = quotedText(source, text);
    for (const command of allCommands(source, text))
      checkCommand(command, quoted, (word, messageId, what) =>
        report({ range: source.rangeOf(word.start, word.end), messageId, data: { what }, severity: messageId === 'uv' ? 'info' : undefined }),
      );
  },
  checkInstruction({ instruction, report }) {
    for (const setting of instructionSettings(instruction)) {
      const messageId = VARIABLES[setting.name];
      if (messageId && setting.value.trim()) report(variableReport(setting.range, messageId, setting.name));
    }
  },
});

function variableReport(range: Report['range'], messageId: MessageId, name: string): Report<MessageId> {
  return { range, messageId, data: { what: name }, severity: messageId === 'uv' ? 'info' : undefined };
}

/** `pip install --extra-index-url URL x`, `uv pip install --extra-index-url`, `pip config set global.extra-index-url`, pip.conf lines. */
function checkCommand(command: SimpleCommand, quoted: string, found: (word: Word, messageId: MessageId, what: string) => void): void {
  for (const { name, value, word } of commandSettings(command)) {
    if (Object.hasOwn(VARIABLES, name) && value.trim()) found(word, VARIABLES[name], name);
  }
  const program = programOf(command);
  if (!program) return;
  const words = command.words;
  let name = program.name;
  let first = program.index + 1;
  if (/^python[0-9.]*$/.test(name) && words[first]?.value === '-m' && words[first + 1]) {
    name = words[first + 1].value;
    first += 2;
  }
  const pip = /^pip[0-9.]*$/.test(name);
  if (pip || name === 'uv') {
    const messageId: MessageId = name === 'uv' ? 'uv' : 'pip';
    for (let i = first; i < words.length; i++) {
      const value = words[i].value;
      if (value === '--extra-index-url' || value.startsWith('--extra-index-url=')) found(words[i], messageId, `${name} --extra-index-url`);
      else if (pip && /^(?:global|install|download)\.extra-index-url$/.test(value)) found(words[i], messageId, `pip config ${value}`);
    }
    return;
  }
  // `echo "extra-index-url = https://…" >> /etc/pip.conf`
  if (name === 'echo' || name === 'printf' || name === 'tee') {
    for (const word of words) if (PIP_CONF_LINE.test(quoted.slice(word.start, word.end))) found(word, 'pip', 'extra-index-url in pip.conf');
  }
}
