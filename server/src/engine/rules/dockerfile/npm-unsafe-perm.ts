import { remove } from '../../fixes';
import { commandSettings, instructionSettings } from '../../knowledge/environment-settings';
import { allCommands, isExecForm, programOf, quotedText } from '../../knowledge/shell-scopes';
import type { Word } from '../../knowledge/shell';
import type { LocalShellSource } from '../../documents/shell-source';
import { defineDockerfileRule } from '../../rule';
import type { Fix } from '../../types';

const TRUE = /^(?:true|1|yes)$/i;
const VARIABLE = /^npm_config_unsafe_perm$/i;

export default defineDockerfileRule({
  meta: {
    id: 'npm-unsafe-perm',
    code: 'DG139',
    severity: 'warning',
    category: 'privileges',
    title: 'npm --unsafe-perm runs package scripts as root',
    description:
      "When npm runs as root it normally drops to an unprivileged user for packages' install scripts; `--unsafe-perm` (or `unsafe-perm=true`) keeps them root, so every dependency's lifecycle script, and whatever a compromised package puts there, runs with full rights over the image being built.",
    messages: {
      unsafePerm:
        "{{what}} runs every dependency's install scripts as root, so a compromised package gets full control of the image; remove it, and install as an unprivileged USER (or with --ignore-scripts) instead.",
    },
    fixable: false,
    hasSuggestions: true,
  },
  checkShellSource({ source, text, report }) {
    if (!/unsafe.perm/i.test(source.text)) return;
    const quoted = quotedText(source, text);
    for (const command of allCommands(source, text)) {
      for (const { name, value, word } of commandSettings(command)) {
        if (VARIABLE.test(name) && TRUE.test(value)) report({ range: source.rangeOf(word.start, word.end), messageId: 'unsafePerm', data: { what: name } });
      }
      const program = programOf(command);
      if (!program || !['npm', 'npx', 'pnpm'].includes(program.name)) continue;
      const words = command.words;
      for (let i = program.index + 1; i < words.length; i++) {
        const value = words[i].value;
        if (value === '--unsafe-perm' || value.startsWith('--unsafe-perm=')) {
          const next = words[i + 1]?.value;
          if (value.includes('=') ? !TRUE.test(value.slice(value.indexOf('=') + 1)) : next !== undefined && /^(?:false|0|no)$/i.test(next)) continue;
          const fix = value.includes('=') || next === undefined || !TRUE.test(next) ? removeWord(source, quoted, text, words[i]) : undefined;
          report({ range: source.rangeOf(words[i].start, words[i].end), messageId: 'unsafePerm', data: { what: value }, fixes: fix ? [fix] : [] });
        } else if ((value === 'unsafe-perm' || value.startsWith('unsafe-perm=')) && words[program.index + 1]?.value === 'config') {
          const setting = value.includes('=') ? value.slice(value.indexOf('=') + 1) : (words[i + 1]?.value ?? '');
          if (TRUE.test(setting))
            report({ range: source.rangeOf(words[i].start, words[i].end), messageId: 'unsafePerm', data: { what: `npm config ${value}` } });
        }
      }
    }
  },
  checkInstruction({ instruction, report }) {
    for (const setting of instructionSettings(instruction)) {
      if (VARIABLE.test(setting.name) && TRUE.test(setting.value.trim()))
        report({ range: setting.range, messageId: 'unsafePerm', data: { what: setting.name } });
    }
  },
});

/**
 * Removes the flag and the blank after it; only where it is written as a plain shell word. Read in the document,
 * where line continuations are still there: a flag before one takes the blank before it instead.
 */
function removeWord(source: LocalShellSource, quoted: string, text: string, word: Word): Fix | undefined {
  if (isExecForm(source) || quoted.slice(word.start, word.end) !== word.value) return undefined;
  const title = `Remove ${word.value}`;
  let start = source.offset + word.start;
  let end = source.offset + word.end;
  let after = end;
  while (text[after] === ' ' || text[after] === '\t') after++;
  if (after < text.length && !/[\\\r\n`]/.test(text[after])) end = after;
  else while (text[start - 1] === ' ' || text[start - 1] === '\t') start--;
  return { title, kind: 'suggestion', edits: [remove(source.lines.rangeAt(start, end))], preferred: true };
}
