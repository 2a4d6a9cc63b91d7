import { allCommands, programOf } from '../../knowledge/shell-scopes';
import { defineDockerfileRule } from '../../rule';

/** Keys in these places are trusted for every apt source, whichever repository they were meant for. */
const GLOBAL_KEYRING = /^\/etc\/apt\/trusted\.gpg(?:\.d\/|$)/;
const KEY_WRITERS = new Set(['gpg', 'gpg2', 'curl', 'wget', 'tee', 'cp', 'mv', 'install', 'ln']);

export default defineDockerfileRule({
  meta: {
    id: 'apt-key-global-trust',
    code: 'DG138',
    severity: 'warning',
    category: 'supply-chain',
    title: 'apt-key add: a repository key trusted for every source',
    description:
      "A key added with `apt-key add` (or dropped into `/etc/apt/trusted.gpg.d/`) is trusted for every apt source, not only the repository it belongs to: whoever holds that key, a third-party vendor or whoever compromised it, can sign packages that replace the distribution's own. apt-key is deprecated and gone from Debian 13 and Ubuntu 24.04.",
    messages: {
      aptKey:
        "apt-key {{subcommand}} trusts this key for every apt source, so its owner can sign packages that replace the distribution's; store it with gpg --dearmor -o /usr/share/keyrings/<name>.gpg and name it in the source with [signed-by=/usr/share/keyrings/<name>.gpg].",
      trustedDirectory:
        "A key written to {{path}} is trusted for every apt source, so its owner can sign packages that replace the distribution's; write it under /usr/share/keyrings/ (or /etc/apt/keyrings/) and name it in the source with [signed-by=…].",
    },
    fixable: false,
    hasSuggestions: false,
  },
  checkShellSource({ source, text, report }) {
    if (!/apt-key|trusted\.gpg/.test(source.text)) return;
    for (const command of allCommands(source, text)) {
      const program = programOf(command);
      if (!program) continue;
      const words = command.words;
      if (program.name === 'apt-key') {
        const subcommand = words.slice(program.index + 1).find((w) => !w.value.startsWith('-'));
        if (subcommand?.value === 'add' || subcommand?.value === 'adv') {
          report({ range: source.rangeOf(words[program.index].start, subcommand.end), messageId: 'aptKey', data: { subcommand: subcommand.value } });
        }
      } else if (KEY_WRITERS.has(program.name)) {
        // `gpg --dearmor -o /etc/apt/trusted.gpg.d/x.gpg`, `curl -o …`, `| tee …`, `>` redirections are words too.
        const target = words.slice(program.index + 1).find((w) => GLOBAL_KEYRING.test(w.value.replace(/^-[a-zA-Z]*o=?|^--output=/, '')));
        if (target) report({ range: source.rangeOf(target.start, target.end), messageId: 'trustedDirectory', data: { path: target.value }, severity: 'info' });
      }
    }
  },
});
