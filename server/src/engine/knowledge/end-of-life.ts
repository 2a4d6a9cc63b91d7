import { isOfficialHubImage, type ImageRef } from '../documents/image-ref';
import { END_OF_LIFE_TABLES, type EndOfLifeTable } from './end-of-life-data';
import { movingTag } from './moving-tags';

/**
 * Whether an official image's tag names software past the end of its security support: the language or database
 * version (`python:3.7`, `postgres:11`), the distribution (`debian:buster`, `ubuntu:18.04`, `alpine:3.14`), or the
 * distribution a language image is built on (`python:3.11-slim-buster`, `golang:1.22-alpine3.17`,
 * `eclipse-temurin:17-jdk-focal`). Shared by eol-base-image (FROM) and eol-image (compose `image:`).
 *
 * Nothing is looked up over the network: the dates are knowledge/end-of-life-data.ts's. The day is the caller's
 * (AnalyzeOptions.now), so tests are stable. Answers are memoised per day and reference: a keystroke costs a Map
 * lookup per FROM line.
 */
export interface EndedPart {
  /** e.g. "Python 3.7", "Debian 10 (buster)". */
  name: string;
  /** The day its security support ended, e.g. "2023-06-27". */
  eol: string;
}

export interface EndOfLife {
  /** The parts of the image past their end of life, the software first, then the distribution it is built on. */
  ended: EndedPart[];
  /** The tag of the nearest supported release with the same variant, when one is known to exist. */
  tag?: string;
  /** A database: moving to `tag` means migrating its data. */
  database?: boolean;
  /** The day support of `tag` ends. */
  tagEol?: string;
  /**
   * Whether `tag` may be offered as a one-click suggestion: not for databases, whose data directory a new major
   * version cannot read without a migration, nor for variants this table does not know to exist for the new tag.
   */
  offerFix: boolean;
  /** What to move to when there is no tag to propose. */
  remedy: string;
  /** The placeholders of both rules' message (endOfLifeData), for this reference. */
  data?: { release: string; date: string; remedy: string };
  /** The suggestion's title (upgradeTitle), for this reference. */
  title?: string;
}

/** The reference with another tag, and without the digest, which named the old image. */
export function withTag(ref: ImageRef, tag: string): string {
  return ref.tagOffset === undefined ? `${ref.raw.slice(0, ref.pathEnd)}:${tag}` : ref.raw.slice(0, ref.tagOffset) + tag;
}

/** The remedy a message names: the tag to move to when there is one, else what to look for. */
function remedyOf(ref: ImageRef, eol: EndOfLife): string {
  if (!eol.tag) return eol.remedy;
  const target = withTag(ref, eol.tag);
  return eol.database
    ? `a supported release such as ${target}, migrating the data first (a new major version may not read the old data directory)`
    : `a supported release such as ${target}`;
}

/** The placeholders of both rules' message: `release` (what ended), `date` (when) and `remedy`. */
function endOfLifeData(ref: ImageRef, eol: EndOfLife): { release: string; date: string; remedy: string } {
  return {
    release: eol.ended.map((part) => part.name).join(' on '),
    date: eol.ended.map((part) => part.eol).join(' and '),
    remedy: remedyOf(ref, eol),
  };
}

/** The title of the suggestion that moves to `eol.tag`. */
function upgradeTitle(ref: ImageRef, eol: EndOfLife): string {
  const notes = [eol.tagEol ? `supported until ${eol.tagEol}` : 'a supported distribution', 'test the application on it'];
  if (ref.digest !== undefined) notes.push('pin its digest again');
  return `Use ${withTag(ref, eol.tag!)} (${notes.join('; ')})`;
}

interface Cycle {
  cycle: string;
  parts: number[];
  released: string;
  eol?: string;
  codename?: string;
}

type ProductKind = 'language' | 'database' | 'distribution';

interface Product {
  table: EndOfLifeTable;
  name: string;
  kind: ProductKind;
  /** Release lines worth moving to: Node's even (LTS) majors, Ubuntu's and Java's LTS releases, MySQL's LTS. */
  candidate?: (cycle: Cycle) => boolean;
  /** What to move to when no supported release of this image is known. */
  remedy?: string;
}

const UBUNTU_LTS = (c: Cycle) => c.parts[0] % 2 === 0 && c.parts[1] === 4;

const PRODUCTS: Record<string, Product> = {
  python: { table: 'python', name: 'Python', kind: 'language' },
  node: { table: 'node', name: 'Node.js', kind: 'language', candidate: (c) => c.parts[0] % 2 === 0 },
  ruby: { table: 'ruby', name: 'Ruby', kind: 'language' },
  php: { table: 'php', name: 'PHP', kind: 'language' },
  golang: { table: 'go', name: 'Go', kind: 'language' },
  'eclipse-temurin': { table: 'temurin', name: 'Eclipse Temurin', kind: 'language', candidate: (c) => [8, 11, 17, 21, 25].includes(c.parts[0]) },
  postgres: { table: 'postgres', name: 'PostgreSQL', kind: 'database' },
  mysql: { table: 'mysql', name: 'MySQL', kind: 'database', candidate: (c) => ['5.5', '5.6', '5.7', '8.0', '8.4'].includes(c.cycle) },
  debian: { table: 'debian', name: 'Debian', kind: 'distribution' },
  ubuntu: { table: 'ubuntu', name: 'Ubuntu', kind: 'distribution', candidate: UBUNTU_LTS },
  alpine: { table: 'alpine', name: 'Alpine Linux', kind: 'distribution' },
  fedora: { table: 'fedora', name: 'Fedora', kind: 'distribution' },
  centos: {
    table: 'centos',
    name: 'CentOS Linux',
    kind: 'distribution',
    remedy: 'a maintained distribution such as almalinux:9, rockylinux:9 or a Red Hat UBI image (CentOS Linux has no supported release left)',
  },
};

const parsed = new Map<EndOfLifeTable, Cycle[]>();

/** A table's release lines, parsed on first use. */
function cycles(table: EndOfLifeTable): Cycle[] {
  let rows = parsed.get(table);
  if (!rows) {
    rows = END_OF_LIFE_TABLES[table]
      .trim()
      .split('\n')
      .map((line) => {
        const [cycle, released, eol, codename] = line.trim().split(/\s+/);
        return { cycle, parts: cycle.split('.').map(Number), released, eol: eol === '-' ? undefined : eol, codename };
      });
    parsed.set(table, rows);
  }
  return rows;
}

function startsWith(parts: number[], prefix: number[]): boolean {
  return prefix.length <= parts.length && prefix.every((n, i) => parts[i] === n);
}

function compareParts(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The release line of a version: the table's line it belongs to (`3.8` for `3.8.10`, `16` for `16.3`, `9.6`
 * for `9.6.24`). A version coarser than the lines (`python:3`, `php:7`) stands for the newest of those it
 * covers: past its end only when all of them are and a newer family replaced it. Undefined when the table does
 * not know it.
 */
function cycleOf(rows: Cycle[], version: number[]): Cycle | undefined {
  const exact = rows.filter((c) => startsWith(version, c.parts));
  if (exact.length) return exact.reduce((a, b) => (b.parts.length > a.parts.length ? b : a));
  const covered = rows.filter((c) => startsWith(c.parts, version));
  if (covered.length === 0) return undefined;
  // Only a family a newer one replaced has ended (python:2, php:7); alpine:3's newest release may just be newer
  // than this table.
  if (!rows.some((c) => !startsWith(c.parts, version) && compareParts(c.parts, version) > 0)) return undefined;
  // The newest covered line decides: any line still supported (or of unknown end) keeps the tag supported.
  if (covered.some((c) => c.eol === undefined)) return covered.find((c) => c.eol === undefined);
  return covered.reduce((a, b) => (b.eol! > a.eol! ? b : a));
}

function isEnded(cycle: Cycle, today: string): boolean {
  return cycle.eol !== undefined && cycle.eol <= today;
}

/** The nearest newer release line that is out and supported on `today`, with a known end. */
function successor(product: Product, from: Cycle, today: string): Cycle | undefined {
  return cycles(product.table)
    .filter((c) => compareParts(c.parts, from.parts) > 0 && c.released <= today && c.eol !== undefined && c.eol > today)
    .filter((c) => !product.candidate || product.candidate(c))
    .sort((a, b) => compareParts(a.parts, b.parts))[0];
}

function describe(product: Product, cycle: Cycle): string {
  return cycle.codename ? `${product.name} ${cycle.cycle} (${cycle.codename})` : `${product.name} ${cycle.cycle}`;
}

// ---- tags -------------------------------------------------------------------------------------------------

const VERSION = /^(\d+(?:\.\d+)*)(?:u\d+|_\d+)?$/;
const SNAPSHOT = /^\d{8}$/;
const ALPINE_SUFFIX = /^alpine(\d+\.\d+)$/;

/** Words of a language image's tag that exist for every version of it, so a new version keeps them. */
const PORTABLE_WORDS = new Set(['slim', 'alpine', 'fpm', 'cli', 'apache', 'zts', 'jdk', 'jre']);

function byCodename(table: EndOfLifeTable, word: string): Cycle | undefined {
  return cycles(table).find((c) => c.codename === word);
}

/** A distribution a variant word names: `buster` (Debian 10), `focal` (Ubuntu 20.04), `alpine3.14`. */
function baseOf(word: string): { product: Product; cycle: Cycle } | undefined {
  const debian = byCodename('debian', word);
  if (debian) return { product: PRODUCTS.debian, cycle: debian };
  const ubuntu = byCodename('ubuntu', word);
  if (ubuntu) return { product: PRODUCTS.ubuntu, cycle: ubuntu };
  const alpine = ALPINE_SUFFIX.exec(word);
  if (alpine) {
    const cycle = cycleOf(cycles('alpine'), alpine[1].split('.').map(Number));
    if (cycle) return { product: PRODUCTS.alpine, cycle };
  }
  return undefined;
}

/** `python:3.7-slim-buster`, `node:14.21.3-bullseye-slim`, `eclipse-temurin:11.0.20_8-jdk-focal`, `postgres:9.6-alpine3.14`. */
function languageImage(product: Product, tag: string, today: string): EndOfLife | undefined {
  const [first, ...words] = tag.split('-');
  const version = VERSION.exec(first);
  if (!version) return undefined;
  const own = cycleOf(cycles(product.table), version[1].split('.').map(Number));
  const ended: EndedPart[] = [];
  const ownEnded = own !== undefined && isEnded(own, today);
  if (ownEnded) ended.push({ name: describe(product, own), eol: own.eol! });

  let portable = true;
  const newWords: string[] = [];
  for (const word of words) {
    const base = baseOf(word);
    if (!base) {
      portable &&= PORTABLE_WORDS.has(word);
      newWords.push(word);
      continue;
    }
    if (!isEnded(base.cycle, today)) {
      newWords.push(word);
      continue;
    }
    ended.push({ name: describe(base.product, base.cycle), eol: base.cycle.eol! });
    if (base.product.table === 'alpine') {
      newWords.push('alpine'); // the newest Alpine: which alpine3.x tags an image still publishes changes too often
    } else {
      const next = successor(base.product, base.cycle, today);
      if (next?.codename) newWords.push(next.codename);
      else portable = false;
    }
  }
  if (ended.length === 0) return undefined;

  const next = ownEnded ? successor(product, own, today) : undefined;
  if (ownEnded && !next) return { ended, offerFix: false, remedy: `a supported ${product.name} release` };
  // A variant word this table does not know (windowsservercore-1809, onbuild) may not exist for the new tag.
  if (!portable) {
    return { ended, offerFix: false, remedy: next ? `a supported ${product.name} release (${next.cycle} or later)` : 'a variant on a supported distribution' };
  }
  // On a new distribution, a patch release of the old one may not be published: its release line is.
  const versionText = next ? next.cycle : own && version[1].split('.').length > own.parts.length ? own.cycle : first;
  const tagText = [versionText, ...newWords].join('-');
  const database = product.kind === 'database' && ownEnded;
  return { ended, tag: tagText, tagEol: next?.eol, database, offerFix: !database, remedy: `a supported ${product.name} release` };
}

/** `debian:buster-slim`, `debian:10.13`, `ubuntu:focal-20240123`, `ubuntu:18.04`, `alpine:3.14.2`, `fedora:38`, `centos:centos7`. */
function distributionImage(product: Product, tag: string, today: string): EndOfLife | undefined {
  const [first, ...words] = tag.split('-');
  const rows = cycles(product.table);
  const release = product.table === 'centos' ? first.replace(/^centos/, '') : first;
  const version = VERSION.exec(release);
  const cycle = version ? cycleOf(rows, version[1].split('.').map(Number)) : byCodename(product.table, release);
  if (!cycle || !isEnded(cycle, today)) return undefined;
  const ended = [{ name: describe(product, cycle), eol: cycle.eol! }];
  const remedy = product.remedy ?? `a supported ${product.name} release`;
  const next = successor(product, cycle, today);
  if (!next) return { ended, offerFix: false, remedy };
  // A codename stays a codename, a number a number; a dated snapshot (`-20240123`) is of the old release.
  const name = version ? next.cycle : next.codename;
  if (!name) return { ended, offerFix: false, remedy };
  const portable = words.every((w) => SNAPSHOT.test(w) || w === 'slim' || w === 'backports');
  if (!portable) return { ended, offerFix: false, remedy: `${remedy} (${next.cycle} or later)` };
  const newTag = [name, ...words.filter((w) => !SNAPSHOT.test(w))].join('-');
  return { ended, tag: newTag, tagEol: next.eol, offerFix: true, remedy };
}

// ---- the lookup ---------------------------------------------------------------------------------------------

const memo = new Map<string, EndOfLife | null>();
const MEMO_LIMIT = 1000;

/** The day of a Date, as the tables write it (UTC). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The day `DOCKGUARD_TODAY` names (`2026-12-01`), at midnight UTC, for runs that judge end-of-life dates as on a
 * fixed day (reproducible CI, tests); undefined when unset or not a calendar day.
 */
export function parseIsoDay(text: string | undefined): Date | undefined {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && isoDay(date) === text ? date : undefined;
}

/**
 * What of an official image is past its end of life on `today` (an ISO day), or undefined: for images this table
 * does not know, tags it cannot read, moving tags (latest, stable: unpinned-base-image's business) and supported
 * releases.
 */
export function endOfLife(ref: ImageRef, today: string): EndOfLife | undefined {
  if (!ref.tag || ref.registry !== undefined) return undefined;
  const key = `${today} ${ref.raw}`;
  const known = memo.get(key);
  if (known !== undefined) return known ?? undefined;
  const answer = isOfficialHubImage(ref) && movingTag(ref.tag) === undefined ? lookUp(ref, ref.tag, today) : undefined;
  if (answer) {
    // What both rules' findings and suggestions say about this reference, made once.
    answer.data = endOfLifeData(ref, answer);
    if (answer.tag) answer.title = upgradeTitle(ref, answer);
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, answer ?? null);
  return answer;
}

function lookUp(ref: ImageRef, rawTag: string, today: string): EndOfLife | undefined {
  const path = ref.path.toLowerCase();
  const product = Object.hasOwn(PRODUCTS, path) ? PRODUCTS[path] : undefined;
  const tag = rawTag.toLowerCase();
  return !product ? undefined : product.kind === 'distribution' ? distributionImage(product, tag, today) : languageImage(product, tag, today);
}
