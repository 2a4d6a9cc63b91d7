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
