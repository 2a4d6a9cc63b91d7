import { Arg, Property, type Env, type Instruction } from 'dockerfile-ast';
import { remove } from '../fixes';
import type { TextEdit } from '../types';
import type { DockerfileModel } from './dockerfile';
import { escapeCharOf } from './instruction-args';

/**
 * The properties of an ENV or ARG, as dockerfile-ast's getProperties gives them, except for an ARG of several
 * words whose first has no `=`. An ARG already parsed its property while the document was parsed (getProperty),
 * but getProperties parses the arguments a second time; when the ARG has exactly one argument (the only case in
 * which getProperty is set) both build the same Property from the same argument, so the first answer is used.
 *
 * dockerfile-ast reads every property instruction as ENV is read: `ENV NAME a b` sets NAME to `a b`. BuildKit
 * reads an ARG word by word, each a `name` or a `name=default` (`ARG TOKEN A` declares TOKEN and A, neither with
 * a default), so such an ARG gets one property per word here; getProperties would give it a hard-coded TOKEN.
 */
export function propertiesOf(instruction: Env | Arg): Property[] {
  if (instruction instanceof Arg) {
    const property = instruction.getProperty();
    if (property) return [property];
    const words = instruction.getPropertyArguments();
    if (words.length >= 2 && !words[0].getValue().includes('=')) {
      // The instruction's own document and escape character, as getProperties passes them (instruction-args).
      const document = (instruction as unknown as { document: ConstructorParameters<typeof Property>[0] }).document;
      const escapeChar = escapeCharOf(instruction);
      return words.map((word) => new Property(document, escapeChar, word));
    }
  }
  return instruction.getProperties();
}

/**
 * Removes one property of an ENV or ARG: the whole instruction (its lines) when it is the only one, otherwise the
 * property and the space that separates it from its neighbour.
 */
export function removePropertyEdit(model: DockerfileModel, instruction: Instruction, properties: Property[], property: Property): TextEdit {
  const lines = model.lines;
  if (properties.length === 1) {
    const range = instruction.getRange();
    let start = lines.lineStartOffset(range.start.line);
    let end = range.end.line + 1 < lines.lineCount ? lines.lineStartOffset(range.end.line + 1) : model.text.length;
    // The last line of a file without a final newline: take the newline before it instead.
    if (end === model.text.length && !/\n$/.test(model.text) && start > 0) {
      start = model.text[start - 2] === '\r' ? start - 2 : start - 1;
      end = model.text.length;
    }
    return remove(lines.rangeAt(start, end));
  }
  const index = properties.indexOf(property);
  if (index > 0) return remove({ start: properties[index - 1].getRange().end, end: property.getRange().end });
  return remove({ start: property.getRange().start, end: properties[1].getRange().start });
}
