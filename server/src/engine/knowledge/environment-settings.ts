import { Arg, Env, type Instruction } from 'dockerfile-ast';
import { propertiesOf } from '../documents/dockerfile-properties';
import type { Range } from '../types';
import { assignments, type SimpleCommand, type Word } from './shell';

/**
 * Environment variables set by ENV/ARG (with a value) or in RUN (`VAR=x cmd`, `export VAR=x`), for the rules that
 * judge a setting by its variable: `PIP_EXTRA_INDEX_URL`, `NPM_CONFIG_UNSAFE_PERM`.
 */
export interface EnvironmentSetting {
  name: string;
  value: string;
  range: Range;
}

/** `ENV A=1 B=2`, `ARG A=1`; an ARG without a default sets nothing. */
export function instructionSettings(instruction: Instruction): EnvironmentSetting[] {
  if (!(instruction instanceof Env || instruction instanceof Arg)) return [];
  const settings: EnvironmentSetting[] = [];
  for (const property of propertiesOf(instruction)) {
    const value = property.getValue();
    if (value !== null) settings.push({ name: property.getName(), value, range: property.getRange() });
  }
  return settings;
}

/** `PIP_EXTRA_INDEX_URL=https://x pip install y`, `export NPM_CONFIG_UNSAFE_PERM=true`: the words and what they set. */
export function commandSettings(command: SimpleCommand): { name: string; value: string; word: Word }[] {
  return assignments(command).map((word) => {
    const equals = word.value.indexOf('=');
    return { name: word.value.slice(0, equals), value: word.value.slice(equals + 1), word };
  });
}
