import type { Position } from 'vscode-languageserver';
import { ruleDocsUrl } from '../docs-location';
import { comparePositions, type Finding, findRule } from '../engine';

type RulePage = (ruleId: string) => string | undefined;
export type Sections = Map<string, { why?: string; fix?: string }>;

/** The "Why" and "Fix" sections of a rule's page, read once: the page is the single source of the explanation. */
function pageSections(ruleId: string, rulePage: RulePage, sections: Sections): { why?: string; fix?: string } {
  let found = sections.get(ruleId);
  if (!found) {
    found = {};
    const page = rulePage(ruleId); // without a page, the hover falls back to the rule's metadata
    if (page) {
      found.why = section(page, 'Why');
      found.fix = section(page, 'Fix');
    }
    sections.set(ruleId, found);
  }
  return found;
}

function section(page: string, title: string): string | undefined {
  const start = page.indexOf(`\n## ${title}\n`);
  if (start < 0) return undefined;
  const body = page.slice(start + title.length + 5);
  const end = body.search(/\n## /);
  return (end < 0 ? body : body.slice(0, end)).trim();
}

function contains(finding: Finding, position: Position): boolean {
  return comparePositions(finding.range.start, position) <= 0 && comparePositions(position, finding.range.end) <= 0;
}

/** Why a finding matters and how to fix it, for the findings under the cursor (markdown). */
export function findingHover(findings: Finding[], position: Position, rulePage: RulePage, sections: Sections = new Map()): string | undefined {
  const here = findings.filter((f) => contains(f, position));
  if (here.length === 0) return undefined;
  const parts = here.map((finding) => {
    const meta = findRule(finding.ruleId);
    const page = pageSections(finding.ruleId, rulePage, sections);
    const lines = [`**${meta?.title ?? finding.ruleId}** · \`${finding.code}\` \`${finding.ruleId}\` · ${finding.severity}`, '', finding.message];
    const why = page.why ?? meta?.description;
    if (why) lines.push('', `**Why.** ${why}`);
    if (page.fix) lines.push('', `**Fix.** ${page.fix}`);
    lines.push('', `[Rule documentation](${ruleDocsUrl(finding.ruleId)})`);
    return lines.join('\n');
  });
  return parts.join('\n\n---\n\n');
}
