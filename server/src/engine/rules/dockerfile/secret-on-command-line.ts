import { assignments, type SimpleCommand, type Word } from '../../knowledge/shell';
import { programOf, quotedText, shellScopes } from '../../knowledge/shell-scopes';
import { classifySecret, findTokenCredentials, findUrlCredentials } from '../../knowledge/secrets';
import { defineDockerfileRule, type Report } from '../../rule';

/**
 * Where a tool takes a secret as an argument. Each finder returns the words (and the secret inside them) of
 * one command; `raw` is the source as written, for offsets inside a word.
 */
interface Hit {
  word: Word;
  /** The secret as the shell reads it. */
  secret: string;
  what: string;
}

/** A cheap first look: every tool, option and secret name below holds one of these. */
const MAY_PASS_SECRET = /login|pass|pwd|secret|token|cred|key|auth|-u|--user|-H|--header|configure|htpasswd|redis-cli|sqlcmd|mongo|mysql|mariadb|-a\b|-P\b/i;

export default defineDockerfileRule({
  meta: {
    id: 'secret-on-command-line',
    code: 'DG147',
    severity: 'error',
    category: 'secrets',
    title: 'Secret passed on a command line in RUN',
    description:
      'A password or token given to a tool as an argument (`docker login -p`, `curl -u user:pw`, `mysql -ppw`, `aws configure set aws_secret_access_key …`) is part of the RUN command, which the image history keeps for anyone who pulls the image.',
    references: { cis: '4.10', trivy: ['DS031'] },
    messages: {
      argument:
        '{{tool}} gets {{what}} on its command line, which the image history keeps for anyone who pulls the image; mount it as a build secret instead (RUN --mount=type=secret) and pass it through a variable, a file or standard input.',
      piped:
        '{{tool}} reads {{what}} that is written literally in the RUN, which the image history keeps for anyone who pulls the image; pipe it from a build secret instead (RUN --mount=type=secret then cat /run/secrets/<id> |).',
      assignment:
        '{{name}} is set to {{what}} in the RUN command, which the image history keeps for anyone who pulls the image; mount it as a build secret instead (RUN --mount=type=secret,id=<id>,env={{name}}).',
    },
    fixable: false,
    hasSuggestions: false,
  },
  checkShellSource({ source, text, report }) {
    if (!MAY_PASS_SECRET.test(source.text)) return;
    const raw = quotedText(source, text);
    for (const scope of shellScopes(source, text)) {
      for (const pipeline of scope.pipelines) {
        const commands = pipeline.commands;
        for (let i = 0; i < commands.length; i++) {
          const command = commands[i];
          const program = programOf(command);
          for (const word of assignments(command)) {
            const found = secretAssignment(word, raw);
            if (found) report({ range: source.rangeOf(found.start, found.end), messageId: 'assignment', data: found.data });
          }
          if (!program) continue;
          const args = command.words.slice(program.index + 1);
          const tool = program.name;
          for (const hit of argumentSecrets(tool, args)) {
            const [start, end] = locate(raw, hit.word, hit.secret);
            report({ range: source.rangeOf(start, end), messageId: 'argument', data: { tool, what: hit.what } });
          }
          if (i > 0 && readsPasswordFromStdin(tool, args)) {
            const piped = literalEcho(commands[i - 1]);
            if (piped) {
              const [start, end] = locate(raw, piped, piped.value);
              report({ range: source.rangeOf(start, end), messageId: 'piped', data: { tool, what: 'a password' } });
            }
          }
        }
      }
    }
  },
});

/** `PGPASSWORD=s3cret psql …`, `export DB_PASSWORD=s3cret`: a variable named like a secret, set to a literal. */
function secretAssignment(word: Word, raw: string): { start: number; end: number; data: Report['data'] } | undefined {
  const equals = word.value.indexOf('=');
  const name = word.value.slice(0, equals);
  const value = word.value.slice(equals + 1);
  const match = classifySecret(name, value);
  // A credential-shaped value is hardcoded-secret's (or credentials-in-url's) finding.
  if (!match || match.reason !== 'name' || !isLiteralSecret(value)) return undefined;
  const [start, end] = locate(raw, word, value);
  return { start, end, data: { name, what: `a literal ${match.what}` } };
}

const LOGIN_TOOLS = new Set(['docker', 'podman', 'buildah', 'nerdctl', 'oras', 'crane', 'helm', 'regctl', 'az', 'cf']);
const MYSQL_TOOLS = new Set(['mysql', 'mysqldump', 'mysqladmin', 'mysqlimport', 'mysqlshow', 'mysqlcheck', 'mariadb', 'mariadb-dump', 'mariadb-admin']);
const AWS_SECRET_KEYS = /(?:^|\.)aws_(?:secret_access_key|session_token)$/;

/** The secrets a command takes as arguments; empty for most commands. */
function argumentSecrets(tool: string, args: Word[]): Hit[] {
  if (LOGIN_TOOLS.has(tool)) {
    if (tool === 'az' ? !hasWord(args, 'login') : !hasWord(args, 'login') && !(tool === 'helm' && hasWord(args, 'repo'))) return [];
    return optionValues(args, ['-p', '--password'], 'a password');
  }
  switch (tool) {
    case 'skopeo':
      return optionValues(args, ['--creds', '--src-creds', '--dest-creds'], 'a password').flatMap(afterColon);
    case 'curl':
      return [
        ...optionValues(args, ['-u', '--user', '-U', '--proxy-user'], 'a password', true).flatMap(afterColon),
        ...optionValues(args, ['-H', '--header', '--proxy-header'], 'a token', true).flatMap(authorizationValue),
      ];
    case 'wget':
      return [
        ...optionValues(args, ['--password', '--http-password', '--ftp-password', '--proxy-password'], 'a password'),
        ...optionValues(args, ['--header'], 'a token').flatMap(authorizationValue),
      ];
    case 'sshpass':
      return optionValues(args, ['-p'], 'a password', true);
    case 'redis-cli':
      return optionValues(args, ['-a', '--pass'], 'a password');
    case 'mongo':
    case 'mongosh':
      return optionValues(args, ['-p', '--password'], 'a password');
    case 'sqlcmd':
      return optionValues(args, ['-P'], 'a password');
    case 'aws':
      return awsConfigureSecret(args);
    case 'npm':
    case 'pnpm':
    case 'yarn':
      return registryAuthToken(args);
    case 'htpasswd':
      return htpasswdBatch(args);
    default:
      return MYSQL_TOOLS.has(tool) ? mysqlPassword(args) : [];
  }
}

function hasWord(args: Word[], value: string): boolean {
  return args.some((a) => a.value === value);
}

/**
 * The literal values of options: `-p VALUE`, `--password VALUE`, `--password=VALUE`, and with `attached` also
 * `-pVALUE` (curl, sshpass). A value the shell expands (`$PW`, `$(cat /run/secrets/pw)`) is not literal.
 */
function optionValues(args: Word[], names: string[], what: string, attached = false): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value === '--') break;
    let found: { word: Word; secret: string } | undefined;
    if (names.includes(value) && i + 1 < args.length) {
      found = { word: args[i + 1], secret: args[i + 1].value };
      i++;
    } else {
      for (const name of names) {
        if (name.startsWith('--') && value.startsWith(`${name}=`)) found = { word: args[i], secret: value.slice(name.length + 1) };
        else if (attached && !name.startsWith('--') && value.startsWith(name) && value.length > name.length && !value.startsWith('--'))
          found = { word: args[i], secret: value.slice(name.length) };
        if (found) break;
      }
    }
    if (found && isLiteralSecret(found.secret)) hits.push({ ...found, what });
  }
  return hits;
}

/** `user:password` (curl -u, skopeo --creds): the password; none when only a user is given (the tool asks). */
function afterColon(hit: Hit): Hit[] {
  const colon = hit.secret.indexOf(':');
  if (colon < 0) return [];
  const password = hit.secret.slice(colon + 1);
  return isLiteralSecret(password) ? [{ ...hit, secret: password }] : [];
}

/** `Authorization: Bearer <token>`, `PRIVATE-TOKEN: <token>`, `X-Api-Key: <key>`: the credential. */
function authorizationValue(hit: Hit): Hit[] {
  const header = /^\s*(authorization|proxy-authorization|private-token|x-api-key|api-key|x-auth-token|x-access-token|x-vault-token)\s*:\s*(.*)$/i.exec(
    hit.secret,
  );
  if (!header) return [];
  let secret = header[2].trim();
  if (/authorization$/i.test(header[1])) secret = secret.replace(/^(?:bearer|basic|token|bot|apikey|api-key)\s+/i, '');
  return isLiteralSecret(secret) ? [{ ...hit, secret }] : [];
}

/** `mysql -ps3cret`, `mysql --password=s3cret`; `-p` alone asks, `-p name` is a database name. */
function mysqlPassword(args: Word[]): Hit[] {
  const hits: Hit[] = [];
  for (const word of args) {
    const value = word.value;
    let secret: string | undefined;
    if (value.startsWith('--password=')) secret = value.slice('--password='.length);
    else if (/^-p./.test(value)) secret = value.slice(2);
    if (secret !== undefined && isLiteralSecret(secret)) hits.push({ word, secret, what: 'a password' });
  }
  return hits;
}

/** `aws configure set aws_secret_access_key <value>` (also a profile prefix, and the session token). */
function awsConfigureSecret(args: Word[]): Hit[] {
  const configure = args.findIndex((a) => a.value === 'configure');
  if (configure < 0 || args[configure + 1]?.value !== 'set') return [];
  const rest = args.slice(configure + 2).filter((a) => !a.value.startsWith('--'));
  if (rest.length < 2 || !AWS_SECRET_KEYS.test(rest[0].value)) return [];
  return isLiteralSecret(rest[1].value) ? [{ word: rest[1], secret: rest[1].value, what: 'an AWS secret key' }] : [];
}

/** `npm config set //registry.npmjs.org/:_authToken <token>` (or `=<token>`), `yarn config set npmAuthToken <token>`. */
function registryAuthToken(args: Word[]): Hit[] {
  const set = args.findIndex((a, i) => a.value === 'set' && (i === 0 || args[i - 1].value === 'config'));
  if (set < 0) return [];
  const rest = args.slice(set + 1).filter((a) => !a.value.startsWith('-'));
  if (!rest.length) return [];
  const key = rest[0].value;
  const equals = key.indexOf('=');
  const name = equals < 0 ? key : key.slice(0, equals);
  if (!/(?:^|:)_(?:authToken|auth|password)$|^npmAuth(?:Token|Ident)$/.test(name)) return [];
  const hit = equals < 0 ? (rest[1] ? { word: rest[1], secret: rest[1].value } : undefined) : { word: rest[0], secret: key.slice(equals + 1) };
  return hit && isLiteralSecret(hit.secret) ? [{ ...hit, what: 'a registry token' }] : [];
}

/** `htpasswd -b[c|B|n…] [file] user password`: batch mode takes the password as the last argument. */
function htpasswdBatch(args: Word[]): Hit[] {
  const flags = args.filter((a) => /^-[A-Za-z]+$/.test(a.value));
  if (!flags.some((f) => f.value.includes('b'))) return [];
  const positional = args.filter((a) => !a.value.startsWith('-'));
  const last = positional[positional.length - 1];
  return positional.length >= 2 && isLiteralSecret(last.value) ? [{ word: last, secret: last.value, what: 'a password' }] : [];
}

/** `docker login --password-stdin`, `podman login --password-stdin`, `chpasswd` is password-set-in-build's. */
function readsPasswordFromStdin(tool: string, args: Word[]): boolean {
  return LOGIN_TOOLS.has(tool) && hasWord(args, 'login') && args.some((a) => a.value === '--password-stdin');
}

/** `echo s3cret |`, `printf '%s' s3cret |`: the literal the command writes. */
function literalEcho(command: SimpleCommand): Word | undefined {
  const program = programOf(command);
  if (!program || (program.name !== 'echo' && program.name !== 'printf')) return undefined;
  const words = command.words.slice(program.index + 1).filter((w) => !/^-[neE]+$/.test(w.value));
  const payload = program.name === 'printf' && words.length > 1 && words[0].value.includes('%') ? words.slice(1) : words;
  if (payload.length !== 1 || !isLiteralSecret(payload[0].value)) return undefined;
  return payload[0];
}

/** A literal secret: not empty, not expanded by the shell, not a placeholder, not a token another rule reports. */
function isLiteralSecret(value: string): boolean {
  if (!value || value.includes('$') || value.includes('`')) return false;
  if (/^(?:<[^<>]*>|\*+|[xX]+|\.{3}|\?+|-)$/.test(value)) return false;
  if (/^\/(?:run|var\/run)\/secrets\//.test(value)) return false;
  return findTokenCredentials(value).length === 0 && findUrlCredentials(value).length === 0;
}

/** The secret's offsets inside the word as written (the last occurrence: `--password=pw`), else the word's. */
function locate(raw: string, word: Word, secret: string): [number, number] {
  const at = raw.slice(word.start, word.end).lastIndexOf(secret);
  return at < 0 ? [word.start, word.end] : [word.start + at, word.start + at + secret.length];
}
