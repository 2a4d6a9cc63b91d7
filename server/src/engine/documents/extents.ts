import { isAlias, isCollection, isMap, isPair, isSeq, type Node } from 'yaml';
import type { Extent } from '../suppress';
import type { ComposeModel } from './compose';
import type { DockerfileModel } from './dockerfile';

/**
 * The units a suppression comment covers: Dockerfile instructions (a multi-line RUN is one unit) and YAML
 * entries (a key with its whole value, a list item). Built only when a file has suppressions or a user asks
 * for an "ignore" action, never on the plain per-keystroke path.
 */
export interface Extents {
  /** What a comment directly above `line` covers. */
  at(line: number): Extent;
  /** The line above which a comment covering `line` goes: the start of the innermost unit containing it. */
  anchorFor(line: number): number;
}

function fromUnits(units: Extent[]): Extents {
  const outermostAt = new Map<number, number>();
  for (const unit of units) outermostAt.set(unit.start, Math.max(outermostAt.get(unit.start) ?? unit.start, unit.end));
  return {
    at(line) {
      return { start: line, end: outermostAt.get(line) ?? line };
    },
    anchorFor(line) {
      let best = line;
      let found = false;
      for (const unit of units) {
        if (unit.start <= line && line <= unit.end && (!found || unit.start > best)) {
          best = unit.start;
          found = true;
        }
      }
      return best;
    },
  };
}

export function dockerfileExtents(model: DockerfileModel): Extents {
  return fromUnits(
    model.units.units.map(({ instruction }) => {
      const range = instruction.getRange();
      return { start: range.start.line, end: range.end.line };
    }),
  );
}

export function composeExtents(model: ComposeModel): Extents {
  const units: Extent[] = [];
  const lineOf = (offset: number) => model.lines.positionAt(offset).line;
  const endLineOf = (node: Node) => lineOf(model.offsetsOf(node)[1]);
  const visit = (node: unknown, depth: number) => {
    if (!isCollection(node) || isAlias(node) || depth > 100) return;
    for (const item of node.items) {
      if (isPair(item)) {
        const key = item.key as Node | null;
        if (!key?.range) continue;
        const value = item.value as Node | null;
        units.push({ start: lineOf(key.range[0]), end: value?.range ? endLineOf(value) : lineOf(key.range[0]) });
        visit(value, depth + 1);
      } else if ((item as Node | null)?.range) {
        const node = item as Node;
        units.push({ start: lineOf(node.range![0]), end: endLineOf(node) });
        visit(node, depth + 1);
      }
    }
  };
  if (isMap(model.doc.contents) || isSeq(model.doc.contents)) visit(model.doc.contents, 0);
  return fromUnits(units);
}
