// Messages by id, as ESLint's `meta.messages` and `report({ messageId, data })`: a finding's text is its rule's
// template with the report's data filled in, so the wording is written once and tests assert ids.
import type { Finding, Fix, RuleMeta } from './types';

export type MessageData = Record<string, string | number>;

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The text of `messageId` with its placeholders filled; throws on an unknown id or a missing value. */
export function formatMessage(meta: RuleMeta, messageId: string, data: MessageData | undefined): string {
  const template = Object.hasOwn(meta.messages, messageId) ? meta.messages[messageId] : undefined;
  if (template === undefined) throw new Error(`${meta.id} reported an unknown messageId "${messageId}"`);
  // Every finding of every whole-file check is formatted again on each keystroke: the template is split once.
  const parts = templateParts(template);
  let text = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    const value = data?.[name];
    if (value === undefined) throw new Error(`${meta.id} reported "${messageId}" without data.${name}`);
    // A NUL is how compose interpolation marks a part known only from the environment: never print it.
    const written = String(value);
    text += (written.includes('\u0000') ? written.replaceAll('\u0000', '${…}') : written) + parts[i + 1];
  }
  return text;
}

/** Templates split at their placeholders: text, name, text, …, text. The templates are the rules' own, a fixed set. */
const TEMPLATE_PARTS = new Map<string, string[]>();

function templateParts(template: string): string[] {
  let parts = TEMPLATE_PARTS.get(template);
  if (!parts) {
    parts = [];
    let last = 0;
    for (const match of template.matchAll(PLACEHOLDER)) {
      parts.push(template.slice(last, match.index), match[1]);
      last = match.index + match[0].length;
    }
    parts.push(template.slice(last));
    TEMPLATE_PARTS.set(template, parts);
  }
  return parts;
}

/** The rule's metadata is a contract: a fix from a rule that is not `fixable`, or a suggestion from one without `hasSuggestions`, is a bug. */
export function checkDeclaredFixes(meta: RuleMeta, fixes: Fix[] | undefined): void {
  for (const fix of fixes ?? []) {
    if (fix.kind === 'fix' && !meta.fixable) throw new Error(`${meta.id} reported a fix ("${fix.title}") but its meta says fixable: false`);
    if (fix.kind === 'suggestion' && !meta.hasSuggestions)
      throw new Error(`${meta.id} reported a suggestion ("${fix.title}") but its meta says hasSuggestions: false`);
    if (fix.files?.length && fix.kind === 'fix') throw new Error(`${meta.id} reported a fix ("${fix.title}") that edits another file: only suggestions may`);
  }
}

/** String values only, so findings stay plain JSON. */
export function findingData(data: MessageData | undefined): Finding['data'] {
  if (!data) return undefined;
  const out: Record<string, string> = {};
  for (const key of Object.keys(data)) out[key] = String(data[key]);
  return out;
}
