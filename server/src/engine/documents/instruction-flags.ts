import type { Flag } from 'dockerfile-ast';
import { remove } from '../fixes';
import type { LineIndex } from '../text';
import type { TextEdit } from '../types';

/**
 * The first flag of an instruction with this name (BuildKit flag names are lower-case and exact), or undefined.
 * Flags are parsed once by dockerfile-ast and kept with the instruction.
 */
export function flagNamed(flags: readonly Flag[], name: string): Flag | undefined {
  for (const flag of flags) if (flag.getName() === name) return flag;
  return undefined;
}

/**
 * Removes a flag and the blanks after it on its line: `RUN --network=host make` becomes `RUN make`, and a flag
 * alone before a line continuation leaves the continuation as it was.
 */
export function removeFlag(flag: Flag, lines: LineIndex): TextEdit {
  const text = lines.text;
  const start = lines.offsetAt(flag.getRange().start);
  let end = lines.offsetAt(flag.getRange().end);
  while (text[end] === ' ' || text[end] === '\t') end++;
  return remove(lines.rangeAt(start, end));
}
