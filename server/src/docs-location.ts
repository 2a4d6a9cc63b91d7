import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Rule pages ship with the extension and the npm package (docs/rules/<id>.md next to dist/),
 * so links work offline and in any editor; nothing is fetched.
 */
export function ruleDocsUrl(ruleId: string): string {
  return pathToFileURL(ruleDocsPath(ruleId)).href;
}

export function ruleDocsPath(ruleId: string): string {
  return path.join(__dirname, '..', 'docs', 'rules', `${ruleId}.md`);
}
