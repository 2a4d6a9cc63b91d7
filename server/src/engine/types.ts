// Shapes shared by the engine, the server and the CLI.
// Positions are LSP-shaped (0-based line, UTF-16 character) so the server can pass them through untouched,
// but they are declared here so the engine stays free of editor imports.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export type Severity = 'error' | 'warning' | 'info';

/** Severities ordered from most to least serious, for comparisons such as `--fail-on`. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export type DocumentKind = 'dockerfile' | 'compose';

/**
 * The fix policy (docs/rules/README.md): a `fix` preserves what the image and the container do, so it may be
 * applied in bulk (`--fix`, fix-all on save). Anything that can change behaviour (dropping capabilities, a
 * read-only root filesystem, binding a port to 127.0.0.1, a new USER, another base image, a limit) is a
 * `suggestion`: offered one at a time in the lightbulb, never applied in bulk.
 */
export type FixKind = 'fix' | 'suggestion';

export interface Fix {
  title: string;
  kind: FixKind;
  /** Edits of the analysed document. */
  edits: TextEdit[];
  /**
   * Edits of other files (a `.dockerignore` beside a Dockerfile), by absolute URI or path: only suggestions carry
   * them, so bulk fixing (`--fix`, fix all) never writes outside the analysed document. The server sends them as
   * the code action's workspace edit; the CLI never applies them.
   */
  files?: FileChange[];
  /** The right remedy for the finding, where one is: editors offer it first (LSP `isPreferred`). */
  preferred?: boolean;
}

/** A change to a file other than the analysed one. */
export interface FileChange {
  uri: string;
  /** The file does not exist yet: create it, then apply `edits` to the empty file. */
  create?: boolean;
  edits: TextEdit[];
}

/** One entry of a directory listing (AnalyzeOptions.listDirectory): symbolic links count as files, never followed. */
export interface DirectoryEntry {
  name: string;
  directory: boolean;
}

export interface Finding {
  ruleId: string;
  code: string;
  severity: Severity;
  message: string;
  /** The key of the rule's `meta.messages` the message was made from (tests assert it, not the wording). */
  messageId: string;
  /** What filled the message's `{{placeholders}}`. */
  data?: Record<string, string>;
  range: Range;
  fixes: Fix[];
  /**
   * The findings this one stands for, when the editor shows several as one (a service that misses several
   * baseline-hardening settings: engine/hardening-group.ts); each keeps its own rule id, fixes and message.
   */
  grouped?: Finding[];
}

export type Category = 'privileges' | 'attack-surface' | 'supply-chain' | 'secrets' | 'isolation' | 'resources' | 'network' | 'hygiene' | 'configuration';

export interface RuleReferences {
  /** CIS Docker Benchmark recommendation, e.g. "4.1". */
  cis?: string;
  /** Equivalent hadolint rule codes, e.g. ["DL3002"]. */
  hadolint?: string[];
  /** The compose specification key the rule reads, e.g. "services.<name>.privileged". */
  compose?: string;
  /**
   * The peers' checks this rule covers, so a team that switches sees what it keeps (docs/rules/README.md's
   * mapping table). KICS queries by name (`healthcheck_not_set`), Trivy by id (`DS002`), Checkov by id
   * (`CKV_DOCKER_3`), compose-lint by id (`CL-0001`).
   */
  kics?: string[];
  trivy?: string[];
  checkov?: string[];
  composeLint?: string[];
}

export interface RuleMeta {
  /** Stable kebab-case id; never renamed once shipped. */
  id: string;
  /** Short stable code, e.g. DG101. */
  code: string;
  kind: DocumentKind | 'any';
  severity: Severity;
  category: Category;
  /** One line: what the rule finds. */
  title: string;
  /** Why it matters, in a sentence or two. */
  description: string;
  references: RuleReferences;
  /**
   * Every message the rule can report, by id, with `{{name}}` placeholders filled from the report's `data`
   * (as ESLint's `meta.messages`): the wording lives here, rules and tests speak in ids.
   */
  messages: Record<string, string>;
  /** May report fixes of kind `fix` (applied in bulk); the engine rejects a fix from a rule that does not say so. */
  fixable: boolean;
  /** May report fixes of kind `suggestion`; the engine rejects a suggestion from a rule that does not say so. */
  hasSuggestions: boolean;
  /** Rules in the strict profile are off unless the profile is `strict` or the rule is enabled by name. */
  profile: 'recommended' | 'strict';
}
