// Where each rule's page lives on the web: the one place the URL is written. Pure (no Node, no editor), so the
// Node server, a web worker and the CLI all link to the same pages.

/** The project's repository; package.json's `repository`, `bugs` and `homepage` say the same (a test checks). */
export const REPOSITORY_URL = 'https://github.com/dockguard/dockguard';

/** The rule pages (docs/rules/<id>.md) as GitHub renders them. */
export const RULE_DOCS_BASE_URL = `${REPOSITORY_URL}/blob/main/docs/rules/`;

/** The https page of a rule: what diagnostics' `codeDescription.href`, SARIF `helpUri` and hovers link to. */
export function ruleDocsUrl(ruleId: string, base: string = RULE_DOCS_BASE_URL): string {
  return `${base.endsWith('/') ? base : base + '/'}${encodeURIComponent(ruleId)}.md`;
}

export interface RuleIndexEntry {
  id: string;
  code: string;
  title: string;
}

/**
 * The rules listed in the rule index (docs/rules/README.md, generated from the registry), one table row each:
 * `| DG101 | [root-user](root-user.md): Final stage runs as root | ...`. The VS Code client reads it to offer the
 * bundled pages without knowing the rules itself.
 */
export function parseRuleIndex(markdown: string): RuleIndexEntry[] {
  return [...markdown.matchAll(/^\| (DG\d+) \| \[([a-z0-9-]+)\]\([a-z0-9-]+\.md\): (.*?) \|/gm)].map(([, code, id, title]) => ({ id, code, title }));
}
