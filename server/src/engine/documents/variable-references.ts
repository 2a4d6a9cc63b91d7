import type { Instruction } from 'dockerfile-ast';
import type { LineIndex } from '../text';
import { textReading } from './ast-memo';

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const REFERENCED_NAMES = Symbol('variables an instruction references');

export function isVariableName(name: string): boolean {
  return VARIABLE_NAME.test(name);
}

/** The variables an instruction's text references (see referencedNames), read once per edit of the instruction. */
export function instructionReferences(instruction: Instruction, lines: LineIndex): ReadonlySet<string> {
  return textReading(instruction, REFERENCED_NAMES, readReferences, lines);
}

function readReferences(instruction: Instruction, lines: LineIndex): ReadonlySet<string> {
  const range = instruction.getRange();
  return referencedNames(lines.text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end)));
}

/** The text references the variable: `$NAME`, `${NAME}`, `${NAME:-x}`, not `$NAME_2`. */
export function referencesVariable(text: string, name: string): boolean {
  return VARIABLE_NAME.test(name) && referencedNames(text).has(name);
}

/**
 * The names a text references: `$NAME`, `${NAME}`, `${NAME:-x}` give NAME, `$NAME_2` gives NAME_2 (the longest
 * run of name characters after `$` or `${`).
 */
export function referencedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (let at = text.indexOf('$'); at >= 0; at = text.indexOf('$', at + 1)) {
    const start = text.charCodeAt(at + 1) === 123 /* { */ ? at + 2 : at + 1;
    let end = start;
    while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
    if (end > start) names.add(text.slice(start, end));
  }
  return names;
}

function isNameChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}
