import type { Position } from 'vscode-languageserver';
import { ruleDocsUrl } from '../docs-location';
import { comparePositions, type Finding, findRule } from '../engine';

type RulePage = (ruleId: string) => string | undefined;
export type Sections = Map<string, { why?: string }>;

/** The "Why" section of a rule's page, read once: the page is the single source of the explanation. */
function pageSections(ruleId: string, rulePage: RulePage, sections: Sections): { why?: string } {
  let found = sections.get(ruleId);
  if (!found) {
    found = {};
    const page = rulePage(ruleId); // without a page, the hover falls back to the rule's metadata
    if (page) {
      found.why = section(page, 'Why');
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

/** The first sentence of a text, or its first 240 characters: a hover summarises, the rule page explains. */
export function firstSentence(text: string): string {
  const paragraph = text.split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, ' ');
  const end = /[.!?](?=\s+[A-Z`(])/.exec(paragraph);
  const sentence = end ? paragraph.slice(0, end.index + 1) : paragraph;
  return sentence.length > 240 ? `${sentence.slice(0, 239).trimEnd()}…` : sentence;
}

/**
 * For the findings under the cursor (markdown): each message once, a one-sentence summary of why it matters
 * (from the rule page's Why, else the rule's description) and a link to the page, which has the rest.
 */
export function findingHover(findings: Finding[], position: Position, rulePage: RulePage, sections: Sections = new Map()): string | undefined {
  const here = findings.filter((f) => contains(f, position));
  if (here.length === 0) return undefined;
  const parts = here.map((finding) => {
    const meta = findRule(finding.ruleId);
    const lines = [`**${meta?.title ?? finding.ruleId}** · \`${finding.code}\` \`${finding.ruleId}\` · ${finding.severity}`, '', finding.message];
    if (finding.grouped) {
      // What each grouped rule says is in its own page: one line each, linked.
      lines.push('', ...finding.grouped.map((m) => `- [${m.code} ${m.ruleId}](${ruleDocsUrl(m.ruleId)}): ${findRule(m.ruleId)?.title ?? m.message}`));
    } else {
      const why = pageSections(finding.ruleId, rulePage, sections).why ?? meta?.description;
      if (why) lines.push('', `**Why.** ${firstSentence(why)}`);
    }
    lines.push('', `[Rule documentation](${ruleDocsUrl(finding.ruleId)})`);
    return lines.join('\n');
  });
  return parts.join('\n\n---\n\n');
}
