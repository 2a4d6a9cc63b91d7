import type { ResolvedConfig } from './config';
import type { ComposeModel } from './documents/compose';
import type { DockerfileModel } from './documents/dockerfile';
import type { MessageData } from './messages';
import type { Fix, Range, RuleMeta, Severity } from './types';

export interface Report<Id extends string = string> {
  range: Range;
  /** A key of the rule's `meta.messages`. */
  messageId: Id;
  /** Values for the message's `{{placeholders}}`. */
  data?: MessageData;
  /** Only of the kinds the rule's metadata declares (`fixable`, `hasSuggestions`): the engine checks. */
  fixes?: Fix[];
  /**
   * A finding more (or less) serious than the rule's default, e.g. a database port published to the world.
   * A severity the user configured for the rule still wins.
   */
  severity?: Severity;
}

export interface RuleContext<Model, Id extends string = string> {
  model: Model;
  config: ResolvedConfig;
  /** The document's URI, when known (used to find files next to it, never to fetch anything). */
  uri?: string;
  /**
   * Reads a local file the analysed one refers to (a compose `build:` Dockerfile), by URI or path relative to
   * `uri`; undefined when unavailable. Supplied by the host (server, CLI); the engine itself does no I/O. Given
   * `reference` (where the path is written in this document), a file the host refuses to read is reported there.
   */
  readFile(relativePath: string, reference?: Range): string | undefined;
  report(report: Report<Id>): void;
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

type MetaInput<K, Id extends string> = Omit<RuleMeta, 'kind' | 'profile' | 'references' | 'messages'> & {
  profile?: RuleMeta['profile'];
  references?: RuleMeta['references'];
  messages: Record<Id, string>;
} & { kind?: K };

export function defineDockerfileRule<Id extends string>(rule: {
  meta: MetaInput<'dockerfile', Id>;
  check(context: RuleContext<DockerfileModel, Id>): void;
}): DockerfileRule {
  return { meta: { profile: 'recommended', references: {}, ...rule.meta, kind: 'dockerfile' }, check: rule.check as DockerfileRule['check'] };
}

export function defineComposeRule<Id extends string>(rule: {
  meta: MetaInput<'compose', Id>;
  check(context: RuleContext<ComposeModel, Id>): void;
}): ComposeRule {
  return { meta: { profile: 'recommended', references: {}, ...rule.meta, kind: 'compose' }, check: rule.check as ComposeRule['check'] };
}
