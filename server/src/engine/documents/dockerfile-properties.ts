import { Arg, type Env, type Instruction, type Property } from 'dockerfile-ast';
import { remove } from '../fixes';
import type { TextEdit } from '../types';
import type { DockerfileModel } from './dockerfile';

/**
 * The properties of an ENV or ARG, as dockerfile-ast's getProperties gives them. An ARG already parsed its
 * property while the document was parsed (getProperty), but getProperties parses the arguments a second time;
 * when the ARG has exactly one argument (the only case in which getProperty is set) both build the same
 * Property from the same argument, so the first answer is used.
 */
export function propertiesOf(instruction: Env | Arg): Property[] {
  if (instruction instanceof Arg) {
    const property = instruction.getProperty();
    if (property) return [property];
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
