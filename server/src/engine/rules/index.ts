import type { RuleMeta } from '../types';
import { composeRules } from './compose';
import { dockerfileRules } from './dockerfile';
import { metaRules } from './meta';

export { composeRules, dockerfileRules, metaRules };

/** Metadata of every rule, engine findings included: what docs, configuration and SARIF enumerate. */
export const allRuleMetas: RuleMeta[] = [...metaRules, ...dockerfileRules.map((rule) => rule.meta), ...composeRules.map((rule) => rule.meta)];

const byKey = new Map<string, RuleMeta>();
for (const meta of allRuleMetas) {
  byKey.set(meta.id, meta);
  byKey.set(meta.code.toUpperCase(), meta);
}

/** Looks a rule up by id (`root-user`) or code (`DG101`, any case). */
export function findRule(key: string): RuleMeta | undefined {
  return byKey.get(key) ?? byKey.get(key.toUpperCase());
}
