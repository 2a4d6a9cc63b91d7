import { Arg, type Env, type Property } from 'dockerfile-ast';

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
