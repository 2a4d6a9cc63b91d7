// The rule pages that ship beside the bundles (docs/rules/<id>.md next to dist/), read from disk: SARIF embeds
// them as help, hovers summarise their Why. Node only; links go to ruleDocsUrl's https pages.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function ruleDocsPath(ruleId: string): string {
  return path.join(__dirname, '..', 'docs', 'rules', `${ruleId}.md`);
}

/** The page's markdown, or undefined when it is not there (a rule without a page, a stripped install). */
export function readRulePage(ruleId: string): string | undefined {
  try {
    return fs.readFileSync(ruleDocsPath(ruleId), 'utf8');
  } catch {
    return undefined;
  }
}
