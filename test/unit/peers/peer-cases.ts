// The peers' own public test cases, reproduced as data and run through the engine: the product owners judge each
// rule on whether it catches the bad cases of the peer checks it maps (rule metadata `references`) at the right line
// and stays silent on their good ones. Each case names the peer case it reproduces; the Dockerfile or compose text
// is the peer's test input (hadolint's one-instruction cases get a FROM line, so their instruction is line 2).
//
// A case the peer decides and we decide otherwise on purpose names the deviation (an entry of
// scripts/peer-deviations.ts, shown in docs/rules/README.md) and says what we do instead. A case we get wrong in a
// rule another helper owns at the moment is a `todo` (reported, not failing) until that owner fixes it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { PEER_DEVIATIONS } from '../../../scripts/peer-deviations';
import { analyze } from '../../../server/src/engine/analyze';
import { resolveConfig, type DockguardConfig } from '../../../server/src/engine/config';
import { parseDockerfile } from '../../../server/src/engine/documents/dockerfile';
import { findRule } from '../../../server/src/engine/rules';
import type { Finding } from '../../../server/src/engine/types';

export interface PeerCase {
  /** The peer case reproduced, as the peer names it: `DL3002 "last user should not be root"`. */
  peer: string;
  /** Our rule (or rules: any of them) covering the peer check. */
  rule: string | string[];
  code: string;
  /**
   * 1-based lines the peer reports (at least one finding of ours on each, none elsewhere); omitted: silent. In a
   * Dockerfile, the first line of the instruction, as the peers report it; ours may sit on a continuation line. In
   * a compose file, a finding inside a key's value (a list item of cap_add) counts for the key's line too.
   */
  fires?: number[];
  /**
   * `service`: the peer judges a service, not a line (compose-lint's tests check one service at a time), so
   * `fires` lists the lines of the services' names and any finding of ours inside a service counts for it.
   */
  per?: 'service';
  /** Configuration the case needs (the peer's own configuration translated, e.g. allowed registries). */
  config?: DockguardConfig;
  /** We decide this case otherwise on purpose: the reason (text of a PEER_DEVIATIONS entry of the rule) and what we do. */
  deviation?: { reason: string; fires?: number[] };
  /** We get this case wrong in a rule someone else is editing now: who should fix what. */
  todo?: string;
}

function describeFinding(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.message}`;
}

/** The lines our rule(s) report on, with the rule's profile on (strict rules are off by default). */
function linesOf(c: PeerCase, kind: 'dockerfile' | 'compose', expected: number[]): { lines: number[]; findings: Finding[] } {
  const ids = Array.isArray(c.rule) ? c.rule : [c.rule];
  const profile = ids.some((id) => findRule(id)?.profile === 'strict') ? 'strict' : 'recommended';
  const findings = analyze(c.code, { kind, config: resolveConfig({ profile }, c.config ?? {}) }).filter((f) => ids.includes(f.ruleId));
  const line = kind === 'dockerfile' ? instructionLine(c.code) : c.per === 'service' ? serviceLine(c.code) : keyLine(c.code, expected);
  return { lines: [...new Set(findings.map((f) => line(f.range.start.line) + 1))].sort((a, b) => a - b), findings };
}

/** Maps a 0-based line of a compose file inside a key's value to the key's line when the peer expects that line. */
function keyLine(code: string, expected: number[]): (line: number) => number {
  const lineCounter = new LineCounter();
  const doc = parseDocument(code, { lineCounter });
  const owner = new Map<number, number>(); // line -> line of the innermost key whose value holds it
  const walk = (node: Node | null | undefined): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
        const keyAt = lineCounter.linePos(pair.key.range[0]).line - 1;
        const value = pair.value as Node | null;
        if (value?.range) {
          const from = lineCounter.linePos(value.range[0]).line - 1;
          const to = lineCounter.linePos(Math.max(value.range[0], value.range[1] - 1)).line - 1;
          for (let l = from; l <= to; l++) if (l !== keyAt) owner.set(l, keyAt);
        }
        walk(value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item as Node);
    }
  };
  walk(doc.contents as Node);
  return (line) => {
    const key = owner.get(line);
    return key !== undefined && !expected.includes(line + 1) && expected.includes(key + 1) ? key : line;
  };
}

/** Maps a 0-based line of a compose file inside a service to the line of the service's name. */
function serviceLine(code: string): (line: number) => number {
  const lineCounter = new LineCounter();
  const doc = parseDocument(code, { lineCounter });
  const blocks: [number, number, number][] = [];
  const services = isMap(doc.contents) ? doc.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'services') : undefined;
  if (services && isMap(services.value)) {
    for (const pair of services.value.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const keyAt = lineCounter.linePos(pair.key.range[0]).line - 1;
      const value = pair.value as Node | null;
      const end = value?.range ? lineCounter.linePos(Math.max(value.range[0], value.range[1] - 1)).line - 1 : keyAt;
      blocks.push([keyAt, keyAt, end]);
    }
  }
  return (line) => blocks.find(([, from, to]) => from <= line && line <= to)?.[0] ?? line;
}

/** Maps a 0-based line of a Dockerfile to the first line of the instruction it belongs to. */
function instructionLine(code: string): (line: number) => number {
  const starts = parseDockerfile(code)
    .instructions.map(({ instruction }) => instruction.getRange())
    .filter((range) => range !== null);
  return (line) => starts.find((range) => range.start.line <= line && line <= range.end.line)?.start.line ?? line;
}

export function peerSuite(peer: string, kind: 'dockerfile' | 'compose', cases: PeerCase[]): void {
  describe(`${peer} (${kind}): the peer's own cases`, () => {
    for (const c of cases) {
      const ids = Array.isArray(c.rule) ? c.rule : [c.rule];
      for (const id of ids) assert.ok(findRule(id), `${c.peer}: no rule ${id}`);
      const expected = c.deviation ? (c.deviation.fires ?? []) : (c.fires ?? []);
      const what = expected.length ? `fires on line ${expected.join(', ')}` : 'stays silent';
      const title = `${c.peer}: ${ids.join('/')} ${what}${c.deviation ? ` (deviation: ${c.deviation.reason})` : ''}`;
      it(title, c.todo ? { todo: c.todo } : {}, () => {
        if (c.deviation) {
          const recorded = ids.flatMap((id) => PEER_DEVIATIONS[id] ?? []);
          assert.ok(
            recorded.some((entry) => entry.includes(c.deviation!.reason)),
            `deviation not recorded in scripts/peer-deviations.ts: ${c.deviation.reason}`,
          );
        }
        const { lines, findings } = linesOf(c, kind, expected);
        assert.deepEqual(lines, expected, findings.map(describeFinding).join('\n') || 'no finding');
      });
    }
  });
}

/** Counts for the report: cases, and those marked as deviations or todos. */
export function tally(cases: PeerCase[]): { cases: number; deviations: number; todos: number } {
  return { cases: cases.length, deviations: cases.filter((c) => c.deviation).length, todos: cases.filter((c) => c.todo).length };
}
