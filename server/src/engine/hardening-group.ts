// Signal over noise in the editor: on ordinary compose files the five baseline-hardening rules fire on almost every
// service, stacking five findings on each service name. The editor shows a service that misses several of them as
// one finding listing what is missing, with one edit applying all their suggestions. Every rule keeps its id for
// configuration, suppression and CI: the grouping runs after both, on findings already made, and only hosts that
// show findings to a person call it (the language server; the CLI reports each rule).
import { severityIsConfigured, severityOf, type ResolvedConfig } from './config';
import { minimalEdit } from './fix-all';
import { applyFixes } from './fixes';
import { formatMessage } from './messages';
import { serviceHardening } from './rules/meta/service-hardening';
import { LineIndex } from './text';
import { SEVERITY_RANK, type Finding, type Fix } from './types';

/** The baseline-hardening rules, with what the grouped message calls the setting each asks for. */
const BASELINE: Record<string, (finding: Finding) => string> = {
  'missing-cap-drop-all': () => 'cap_drop ALL',
  'writable-root-filesystem': () => 'read_only',
  'missing-resource-limits': (f) =>
    f.messageId === 'noMemoryLimit' ? 'a memory limit' : f.messageId === 'noCpuLimit' ? 'a CPU limit' : 'memory and CPU limits',
  'missing-pids-limit': () => 'a process limit',
  'missing-no-new-privileges': () => 'no-new-privileges',
};

export const BASELINE_HARDENING_RULES: readonly string[] = Object.keys(BASELINE);

/** The title of the edit that applies every grouped finding's remedy. */
export const HARDEN_SERVICE_TITLE = 'Harden this service';

/**
 * Findings of the baseline rules about the same service become one service-hardening finding when there are two or
 * more, on the first one's range (the service's name, where each reports a setting the service lacks); the rest
 * pass through, in the order the analysis gave them. Turned off with the service-hardening rule.
 */
export function groupHardening(findings: Finding[], config: ResolvedConfig): Finding[] {
  const severity = severityOf(serviceHardening, config);
  if (severity === 'off') return findings;
  let byService: Map<string, Finding[]> | undefined;
  for (const finding of findings) {
    if (!Object.hasOwn(BASELINE, finding.ruleId)) continue;
    const key = serviceKey(finding);
    byService ??= new Map();
    const members = byService.get(key);
    if (members) members.push(finding);
    else byService.set(key, [finding]);
  }
  if (!byService) return findings;
  const configured = severityIsConfigured(serviceHardening, config) ? severity : undefined;
  const grouped: Finding[] = [];
  for (const finding of findings) {
    const members = Object.hasOwn(BASELINE, finding.ruleId) ? byService.get(serviceKey(finding))! : undefined;
    if (!members || members.length < 2) grouped.push(finding);
    else if (members[0] === finding) grouped.push(group(members, configured));
  }
  return grouped;
}

/** The service a finding is about (every message of the five names it but one, which then stands on its own). */
function serviceKey(finding: Finding): string {
  const service = finding.data?.service;
  if (service !== undefined) return `service\u0000${service}`;
  const { start, end } = finding.range;
  return `range\u0000${start.line}:${start.character}:${end.line}:${end.character}`;
}

function group(members: Finding[], configured: Finding['severity'] | undefined): Finding {
  const service = members[0].data?.service ?? 'this';
  const list = members.map((m) => BASELINE[m.ruleId](m)).join(', ');
  const data = { service, count: String(members.length), list };
  return {
    ruleId: serviceHardening.id,
    code: serviceHardening.code,
    severity: configured ?? members.reduce((worst, m) => (SEVERITY_RANK[m.severity] > SEVERITY_RANK[worst] ? m.severity : worst), members[0].severity),
    message: formatMessage(serviceHardening, 'missing', data),
    messageId: 'missing',
    data: { ...data, rules: members.map((m) => m.ruleId).join(',') },
    range: members[0].range,
    // Each setting on its own, as the rules offer it.
    fixes: members.flatMap((m) => m.fixes),
    grouped: members,
  };
}

/**
 * One edit applying each grouped finding's remedy (its preferred suggestion, else its first edit), computed when
 * asked for (code actions), not on every keystroke. Remedies that would overlap an earlier one are left out.
 */
export function hardenServiceFix(text: string, finding: Finding): Fix | undefined {
  if (!finding.grouped) return undefined;
  const remedies = finding.grouped.flatMap((m) => m.fixes.find((f) => f.preferred) ?? m.fixes[0] ?? []);
  if (remedies.length < 2) return undefined;
  const result = applyFixes(text, remedies);
  const edit = minimalEdit(text, result.text);
  if (!edit) return undefined;
  const lines = new LineIndex(text);
  return {
    title: HARDEN_SERVICE_TITLE,
    kind: 'suggestion',
    preferred: true,
    edits: [{ range: { start: lines.positionAt(edit.start), end: lines.positionAt(edit.end) }, newText: edit.newText }],
  };
}
