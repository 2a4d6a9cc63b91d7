/**
 * Inputs that grow with a parameter, for the time budget (bench/scaling.ts): the cases of issue 12 first, then
 * every other shape a path could turn super-linear on (many stages, variables, services, suppressions, fixes).
 * Each family makes a text of about `chars` characters by repeating one unit.
 */
import type { DocumentKind } from '../../server/src/engine';
import { Random } from '../../test/support/seeded-random';
import { generateCompose } from './generate-compose';
import { generateDockerfile } from './generate-dockerfile';

export interface Family {
  name: string;
  kind: DocumentKind;
  /** From issue 12's list, with how it was found there. */
  issue?: string;
  make(chars: number): string;
  /** Time fix-all rather than analyze. */
  fixAll?: boolean;
}

/** `head` + `unit` repeated until the text is about `chars` long + `tail`. */
function repeat(head: string, unit: string, tail = '', join = ''): (chars: number) => string {
  return (chars) =>
    head +
    Array<string>(Math.max(1, Math.floor((chars - head.length - tail.length) / (unit.length + join.length))))
      .fill(unit)
      .join(join) +
    tail;
}

function nested(head: string, open: string, close: string, tail = ''): (chars: number) => string {
  return (chars) => {
    const depth = Math.max(1, Math.floor((chars - head.length - tail.length) / (open.length + close.length)));
    return head + open.repeat(depth) + close.repeat(depth) + tail;
  };
}

/** Characters a random file holds: anything but NUL, surrogates kept paired. */
function randomText(chars: number, seed: number): string {
  const rng = new Random(seed);
  let text = '';
  while (text.length < chars) {
    const roll = rng.next();
    if (roll < 0.5) text += String.fromCharCode(rng.int(1, 127));
    else if (roll < 0.95) text += String.fromCharCode(rng.int(128, 0xd7ff));
    else text += String.fromCodePoint(rng.int(0x10000, 0x10ffff));
  }
  return text;
}

function byLines(make: (lines: number) => string): (chars: number) => string {
  return (chars) => {
    const perLine = make(200).length / 200;
    return make(Math.max(1, Math.round(chars / perLine)));
  };
}

export const FAMILIES: Family[] = [
  // ---- issue 12 ----
  {
    name: 'RUN of `curl -k x | ` chained',
    kind: 'dockerfile',
    issue: '5,000 in 50 KB: 3.5 s; 50,000: six minutes',
    make: repeat('FROM alpine:3.20\nRUN ', 'curl -k x', '\n', ' | '),
  },
  {
    name: 'RUN of `curl -k x && ` chained',
    kind: 'dockerfile',
    issue: '5,000: 2.8 s; 25,000 (300 KB): 61 s',
    make: repeat('FROM alpine:3.20\nRUN ', 'curl -k x', '\n', ' && '),
  },
  {
    name: 'RUN with one argument of quoted words',
    kind: 'dockerfile',
    issue: '1 MB: 2 s and 300 MB',
    make: repeat('FROM alpine:3.20\nRUN echo ', '"ab cd" ', '\n'),
  },
  {
    name: 'compose nested in flow sequences',
    kind: 'compose',
    issue: '50,000 levels: "Maximum call stack size exceeded" as a YAML error',
    make: nested('services:\n  a: ', '[', ']', '\n'),
  },
  { name: 'Dockerfile of `#` only, no line break', kind: 'dockerfile', issue: '16 KB: 0.26 s, 100 KB: 10.7 s', make: (chars) => '#'.repeat(chars) },
  { name: 'random characters without NUL', kind: 'dockerfile', issue: 'hung in the parser-directive scan', make: (chars) => randomText(chars, 12) },
  {
    name: '`#` then random characters',
    kind: 'dockerfile',
    issue: 'the same path, reached for sure',
    make: (chars) => '#' + randomText(chars - 1, 13).replace(/[\r\n]/g, ' '),
  },
  {
    name: 'compose of `    k: 1` repeated',
    kind: 'compose',
    issue: '2,000 (16 KB): yaml overflowed its stack, the exception escaped analyze',
    make: repeat('', '    k: 1'),
  },
  {
    name: '`# dockguard-ignore` lines',
    kind: 'dockerfile',
    issue: '25,000 lines: 16 s (quadratic)',
    make: repeat('FROM alpine:3.20\n', '# dockguard-ignore\n', 'RUN x\n'),
  },
  // ---- other shapes ----
  { name: 'generated Dockerfile (real instructions)', kind: 'dockerfile', make: byLines((lines) => generateDockerfile(lines)) },
  { name: 'generated compose services', kind: 'compose', make: byLines((lines) => generateCompose(Math.max(1, Math.round(lines / 20)))) },
  { name: 'parser directives on one line', kind: 'dockerfile', make: repeat('', '#a=b ', '\nFROM alpine:3.20\n') },
  {
    name: 'stages, each FROM the one before',
    kind: 'dockerfile',
    make: (chars) => Array.from({ length: Math.max(1, Math.floor(chars / 28)) }, (_, i) => `FROM ${i ? `s${i - 1}` : 'alpine:3.20'} AS s${i}\n`).join(''),
  },
  {
    name: 'ARGs and a USER of each',
    kind: 'dockerfile',
    make: (chars) => 'FROM alpine:3.20\n' + Array.from({ length: Math.max(1, Math.floor(chars / 30)) }, (_, i) => `ARG U${i}=u${i}\nUSER \${U${i}}\n`).join(''),
  },
  {
    name: 'ENV secrets',
    kind: 'dockerfile',
    make: (chars) => 'FROM alpine:3.20\n' + Array.from({ length: Math.max(1, Math.floor(chars / 26)) }, (_, i) => `ENV API_TOKEN${i}=abc${i}\n`).join(''),
  },
  { name: 'FROM nested in `${A:-`', kind: 'dockerfile', make: nested('FROM ', '${A:-', '}', '\n') },
  { name: 'ENV secret of unclosed `${A:-`', kind: 'dockerfile', make: repeat('FROM alpine:3.20\nENV DB_PASSWORD=', '${A:-', '\n') },
  { name: 'RUN nested in `$(`', kind: 'dockerfile', make: nested('FROM alpine:3.20\nRUN ', '$(', ')', '\n') },
  { name: 'RUN nested in backquotes and sh -c', kind: 'dockerfile', make: nested('FROM alpine:3.20\nRUN ', 'sh -c "', '"', '\n') },
  { name: 'exec form nested in `[`', kind: 'dockerfile', make: nested('FROM alpine:3.20\nCMD ', '[', ']', '\n') },
  { name: 'one long word', kind: 'dockerfile', make: (chars) => `FROM alpine:3.20\nRUN echo ${'a'.repeat(chars)}\n` },
  { name: 'continuation lines', kind: 'dockerfile', make: repeat('FROM alpine:3.20\nRUN echo \\\n', ' a \\\n', ' b\n') },
  { name: 'heredocs', kind: 'dockerfile', make: repeat('FROM alpine:3.20\n', 'RUN <<EOF\ncurl -k x\nEOF\n') },
  { name: 'unterminated quotes', kind: 'dockerfile', make: repeat('FROM alpine:3.20\n', 'RUN echo "a\n') },
  { name: 'compose flow mappings', kind: 'compose', make: nested('services:\n  a: ', '{a: ', '}', '\n') },
  { name: 'compose block sequences on one line', kind: 'compose', make: repeat('', '- ', 'x\n') },
  { name: 'compose of quotes', kind: 'compose', make: repeat('services:\n  web:\n   ', '"', ' volumes:\n      - .:/app:z\n') },
  {
    name: 'compose services merging an anchor',
    kind: 'compose',
    make: (chars) =>
      'x: &a {privileged: true}\nservices:\n' +
      Array.from({ length: Math.max(1, Math.floor(chars / 34)) }, (_, i) => `  s${i}: {<<: *a, image: "x:1"}\n`).join(''),
  },
  {
    name: 'compose services extending each other',
    kind: 'compose',
    make: (chars) => 'services:\n' + Array.from({ length: Math.max(1, Math.floor(chars / 40)) }, (_, i) => `  s${i}:\n    extends: s${i + 1}\n`).join(''),
  },
  { name: 'compose `# dockguard-ignore` lines', kind: 'compose', make: repeat('services:\n', '  # dockguard-ignore\n', '  a:\n    image: x\n') },
  {
    name: 'fix-all: unused suppressions',
    kind: 'dockerfile',
    fixAll: true,
    make: repeat('FROM alpine:3.20\n', '# dockguard-ignore root-user\n', 'USER app\n'),
  },
  {
    name: 'fix-all: services missing every setting',
    kind: 'compose',
    fixAll: true,
    make: (chars) => 'services:\n' + Array.from({ length: Math.max(1, Math.floor(chars / 30)) }, (_, i) => `  s${i}:\n    image: nginx:1.27\n`).join(''),
  },
];
