import type { ResolvedConfig } from './config';
import type { DockerfileModel } from './documents/dockerfile';
import type { Fix, Range, RuleMeta } from './types';

export interface Report {
  range: Range;
  message: string;
  fixes?: Fix[];
}

export interface RuleContext<Model> {
  model: Model;
  config: ResolvedConfig;
  /** The document's URI or path, when known (used to find files next to it, never to fetch anything). */
  uri?: string;
  report(report: Report): void;
}

export interface DockerfileRule {
  meta: RuleMeta & { kind: 'dockerfile' };
  check(context: RuleContext<DockerfileModel>): void;
}

export type Rule = DockerfileRule;

type MetaInput<K> = Omit<RuleMeta, 'kind' | 'profile' | 'references'> & {
  profile?: RuleMeta['profile'];
  references?: RuleMeta['references'];
} & { kind?: K };

export function defineDockerfileRule(rule: { meta: MetaInput<'dockerfile'>; check: DockerfileRule['check'] }): DockerfileRule {
  return { meta: { profile: 'recommended', references: {}, ...rule.meta, kind: 'dockerfile' }, check: rule.check };
}
