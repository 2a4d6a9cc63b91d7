import type { SimpleCommand, Word } from '../../knowledge/shell';
import { programOf, quotedText, shellScopes } from '../../knowledge/shell-scopes';
import { defineDockerfileRule } from '../../rule';

/** A cheap first look: every tool below holds one of these. */
const MAY_SET_PASSWORD = /passw|chpasswd|chgpasswd|useradd|usermod|mkpasswd/;

/** Tools that read `user:password` lines on standard input. */
const CHPASSWD = new Set(['chpasswd', 'chgpasswd']);
/** Tools whose `-p`/`--password` takes an encrypted password. */
const USER_TOOLS = new Set(['useradd', 'usermod']);

interface Hit {
  /** Offsets of the password inside the source's text (the word, or its part after `user:`). */
  start: number;
  end: number;
  messageId: 'literal' | 'hash' | 'empty';
  tool: string;
  user: string;
}

export default defineDockerfileRule({
  meta: {
    id: 'password-set-in-build',
    code: 'DG148',
    severity: 'warning',
    category: 'secrets',
    title: 'User password set during the build',
    description:
      'A password given to a user in a RUN (`echo "root:pw" | chpasswd`, `useradd -p <hash>`, `openssl passwd pw`) is written into the image history for anyone who pulls the image, and every container started from it accepts that password; `passwd -d` leaves an account that anyone in the container can switch to.',
    references: { cis: '4.10' },
    messages: {
      literal:
        '{{tool}} sets a password for {{user}} that is written in the RUN, so the image history shows it to anyone who pulls the image and every container accepts it; give container users no password (lock the account with passwd -l) or read it from a build secret (RUN --mount=type=secret).',
      hash: '{{tool}} sets a password hash for {{user}} that the image history shows to anyone who pulls the image, who can crack it offline and log in to every container; give container users no password (lock the account with passwd -l) or read it from a build secret (RUN --mount=type=secret).',
      empty:
        '{{tool}} leaves {{user}} without a password, so any process in the container can become {{user}} with su; lock the account instead (passwd -l {{user}}).',
    },
    fixable: false,
    hasSuggestions: false,
  },
  checkShellSource({ source, text, report }) {
    if (!MAY_SET_PASSWORD.test(source.text)) return;
    const raw = quotedText(source, text);
    for (const scope of shellScopes(source, text)) {
      for (const { commands } of scope.pipelines) {
        for (let i = 0; i < commands.length; i++) {
          for (const hit of passwordsSet(commands, i, raw)) {
            report({ range: source.rangeOf(hit.start, hit.end), messageId: hit.messageId, data: { tool: hit.tool, user: hit.user } });
          }
        }
      }
    }
  },
});

/** The passwords command `i` of a pipeline sets, with what feeds its standard input. */
function passwordsSet(commands: SimpleCommand[], i: number, raw: string): Hit[] {
  const command = commands[i];
  const program = programOf(command);
  if (!program) return [];
  const tool = program.name;
  const args = command.words.slice(program.index + 1);
  if (CHPASSWD.has(tool)) {
    const encrypted = args.some((a) => a.value === '-e' || a.value === '--encrypted');
    const input = hereString(args) ?? (i > 0 ? literalEcho(commands[i - 1]) : undefined);
    return input ? userPasswordLines(input, tool, encrypted ? 'hash' : 'literal') : [];
  }
  if (tool === 'passwd') {
    const user = positional(args)[0]?.value ?? 'the current user';
    const deleted = args.find((a) => a.value === '-d' || a.value === '--delete');
    if (deleted) return [{ start: deleted.start, end: deleted.end, messageId: 'empty', tool: `passwd ${deleted.value}`, user }];
    const input = hereString(args) ?? (i > 0 ? literalEcho(commands[i - 1]) : undefined);
    return input ? [{ start: input.start, end: input.end, messageId: 'literal', tool, user }] : [];
  }
  if (USER_TOOLS.has(tool)) return userToolPassword(tool, args, raw);
  if (tool === 'openssl' && args[0]?.value === 'passwd') return generatorPassword('openssl passwd', args.slice(1), ['-salt', '-in']);
  if (tool === 'mkpasswd') return generatorPassword(tool, args, ['-S', '--salt', '-m', '--method', '-R', '--rounds', '-P', '--password-fd']);
  return [];
}

/** `useradd -p <hash> user`, `usermod --password=<hash> user`: an encrypted password, or an empty one. */
function userToolPassword(tool: string, args: Word[], raw: string): Hit[] {
  const user = positional(args, ['-p', '--password']).at(-1)?.value ?? 'the user';
  for (let j = 0; j < args.length; j++) {
    const { value } = args[j];
    let word: Word | undefined;
    if (value === '-p' || value === '--password') word = args[j + 1];
    else if (value.startsWith('--password=')) word = args[j];
    if (!word) continue;
    const password = value.startsWith('--password=') ? value.slice('--password='.length) : word.value;
    if (password === '') return [{ start: word.start, end: word.end, messageId: 'empty', tool: `${tool} -p ''`, user }];
    // An expansion is the shell's (a build secret, or `$(openssl passwd …)`, judged as its own command); a hash
    // is written in single quotes, where its $ signs are only text.
    const singleQuoted = /^(?:--password=)?'[^']*'$/.test(raw.slice(word.start, word.end));
    if ((singleQuoted || isLiteral(password)) && !/^[*!x]$/.test(password))
      return [{ start: word.start, end: word.end, messageId: 'hash', tool: `${tool} -p`, user }];
  }
  return [];
}

/** `openssl passwd -6 pw`, `mkpasswd -m sha-512 pw`: the password to encrypt is the first positional argument. */
function generatorPassword(tool: string, args: Word[], optionsWithValue: string[]): Hit[] {
  if (args.some((a) => a.value === '-stdin' || a.value === '--stdin' || a.value === '-s')) return [];
  const password = positional(args, optionsWithValue)[0];
  if (!password || !isLiteral(password.value) || password.value === '') return [];
  return [{ start: password.start, end: password.end, messageId: 'literal', tool, user: 'a user' }];
}

/** `chpasswd <<< "root:pw"`: the word after `<<<`. */
function hereString(args: Word[]): Written | undefined {
  const at = args.findIndex((a) => a.value === '<<<');
  const word = at >= 0 ? args[at + 1] : undefined;
  return word && isLiteral(word.value) ? written(word) : undefined;
}

/** What `echo root:pw |` or `printf 'app:%s\n' pw |` writes, when nothing in it is expanded, and where it is written. */
interface Written {
  text: string;
  start: number;
  end: number;
}

function literalEcho(command: SimpleCommand): Written | undefined {
  const program = programOf(command);
  if (!program || (program.name !== 'echo' && program.name !== 'printf')) return undefined;
  const words = command.words.slice(program.index + 1).filter((w) => !/^-[neE]+$/.test(w.value));
  if (words.length === 0 || !words.every((w) => isLiteral(w.value))) return undefined;
  let text = words.map((w) => w.value).join(' ');
  if (program.name === 'printf' && words.length > 1) {
    const values = words.slice(1).map((w) => w.value);
    text = words[0].value.replace(/%s/g, () => values.shift() ?? '');
  }
  return { text, start: words[0].start, end: words[words.length - 1].end };
}

function written(word: Word | undefined): Written | undefined {
  return word && { text: word.value, start: word.start, end: word.end };
}

/** The `user:password` lines of a chpasswd input that set a password: one finding names every user. */
function userPasswordLines(input: Written, tool: string, messageId: 'literal' | 'hash'): Hit[] {
  const set: string[] = [];
  const emptied: string[] = [];
  // Escapes (\n in printf's format) separate lines as the tool reads them.
  for (const line of input.text.split(/\\n|\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    (line.length > colon + 1 ? set : emptied).push(line.slice(0, colon).trim());
  }
  const { start, end } = input;
  if (set.length) return [{ start, end, messageId, tool, user: set.join(', ') }];
  return emptied.length ? [{ start, end, messageId: 'empty', tool, user: emptied.join(', ') }] : [];
}

/** Arguments that are not options nor the values of `optionsWithValue`, nor redirections and their targets. */
function positional(args: Word[], optionsWithValue: string[] = []): Word[] {
  const found: Word[] = [];
  for (let j = 0; j < args.length; j++) {
    const { value } = args[j];
    if (/^[<>]|^\d[<>]/.test(value)) j++;
    else if (optionsWithValue.includes(value)) j++;
    else if (!value.startsWith('-')) found.push(args[j]);
  }
  return found;
}

/** Written in the Dockerfile itself: nothing the shell expands. */
function isLiteral(value: string): boolean {
  return !value.includes('$') && !value.includes('`');
}
