import type { ResolvedConfig } from './config';
import type { ComposeModel } from './documents/compose';
import type { DockerfileModel } from './documents/dockerfile';
import type { Fix, Range, RuleMeta, Severity } from './types';

export interface Report {
  range: Range;
  message: string;
  fixes?: Fix[];
  /**
   * A finding more (or less) serious than the rule's default, e.g. a database port published to the world.
   * A severity the user configured for the rule still wins.
   */
  severity?: Severity;
}

export interface RuleContext<Model> {
  model: Model;
  config: ResolvedConfig;
  /** The document's URI or path, when known (used to find files next to it, never to fetch anything). */
  uri?: string;
  /**
   * Reads a local file the analysed one refers to (a compose `build:` Dockerfile), by URI or path relative to
   * `uri`; undefined when unavailable. Supplied by the host (server, CLI); the engine itself does no I/O.
   */
  readFile(relativePath: string): string | undefined;
  report(report: Report): void;
}

export interface DockerfileRule {
  meta: RuleMeta & { kind: 'dockerfile' };
  check(context: RuleContext<DockerfileModel>): void;
}

export interface ComposeRule {
  meta: RuleMeta & { kind: 'compose' };
  check(context: RuleContext<ComposeModel>): void;
}

export type Rule = DockerfileRule | ComposeRule;

type MetaInput<K> = Omit<RuleMeta, 'kind' | 'profile' | 'references'> & {
  profile?: RuleMeta['profile'];
  references?: RuleMeta['references'];
} & { kind?: K };

export function defineDockerfileRule(rule: { meta: MetaInput<'dockerfile'>; check: DockerfileRule['check'] }): DockerfileRule {
  return { meta: { profile: 'recommended', references: {}, ...rule.meta, kind: 'dockerfile' }, check: rule.check };
}

export function defineComposeRule(rule: { meta: MetaInput<'compose'>; check: ComposeRule['check'] }): ComposeRule {
  return { meta: { profile: 'recommended', references: {}, ...rule.meta, kind: 'compose' }, check: rule.check };
}
