import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import type { DockguardConfig } from './config';
import { MAX_YAML_NESTING, parseYamlDocument } from './documents/yaml-parse';
import { allRuleMetas, findRule } from './rules';
import { LineIndex } from './text';
import { SEVERITY_RANK, type Range, type Severity } from './types';

/** Project configuration file names, looked up from a file's folder upward; a `.dockguard.yaml` wins over a `.hadolint.yaml`. */
export const DOCKGUARD_FILES: readonly string[] = ['.dockguard.yaml', '.dockguard.yml'];
export const HADOLINT_FILES: readonly string[] = ['.hadolint.yaml', '.hadolint.yml'];

export interface ConfigProblem {
  range: Range;
  message: string;
}

export interface ParsedConfig {
  config: DockguardConfig;
  problems: ConfigProblem[];
}

const SEVERITIES = ['error', 'warning', 'info', 'off', 'on'];

/**
 * Reads `.dockguard.yaml`. Every mistake (unknown key, unknown rule, wrong type) becomes a problem with a
 * range, reported on the file; the valid parts still apply, so one typo never silently resets the rest.
 */
export function parseDockguardConfig(text: string): ParsedConfig {
  const { doc, lines, problems } = parseYaml(text);
  const config: DockguardConfig = {};
  const root = doc.contents;
  if (root === null || root === undefined) return { config, problems };
  if (!isMap(root))
    return {
      config,
      problems: [...problems, { range: rangeOf(lines, root), message: 'The configuration must be a mapping of keys such as rules: and profile:.' }],
    };

  for (const pair of root.items as Pair<Node, Node | null>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    const at = (node: Node | null) => rangeOf(lines, node ?? pair.key);
    const problem = (node: Node | null, message: string) => problems.push({ range: at(node), message });
    switch (key) {
      case 'profile': {
        const profile = scalar(value);
        if (profile === 'recommended' || profile === 'strict') config.profile = profile;
        else problem(value, 'profile must be recommended or strict.');
        break;
      }
      case 'rules':
        config.rules = readRules(value, lines, problems);
        break;
      case 'trustedRegistries':
      case 'ignorePaths': {
        const list = stringList(value);
        if (list) config[key] = list;
        else problem(value, `${key} must be a list of strings.`);
        break;
      }
      case 'limits':
        config.limits = readLimits(value, lines, problems);
        break;
      case 'allowSuppressions':
        if (isScalar(value) && typeof value.value === 'boolean') config.allowSuppressions = value.value;
        else problem(value, 'allowSuppressions must be true or false.');
        break;
      default:
        problem(pair.key, `Unknown key ${key}; expected one of profile, rules, trustedRegistries, limits, ignorePaths, allowSuppressions.`);
    }
  }
  return { config, problems };
}

function readRules(value: Node | null, lines: LineIndex, problems: ConfigProblem[]): Record<string, Severity | 'off' | 'on'> {
  const rules: Record<string, Severity | 'off' | 'on'> = {};
  if (!isMap(value)) {
    problems.push({ range: rangeOf(lines, value), message: 'rules must map rule ids or codes to error, warning, info, on or off.' });
    return rules;
  }
  for (const pair of value.items as Pair<Node, Node | null>[]) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const rule = findRule(name);
    if (!rule) {
      problems.push({ range: rangeOf(lines, pair.key), message: `Unknown rule ${name}${suggestRule(name) || '.'}` });
      continue;
    }
    const setting = scalar(pair.value);
    if (!setting || !SEVERITIES.includes(setting)) {
      problems.push({ range: rangeOf(lines, pair.value ?? pair.key), message: `${name} must be one of error, warning, info, on, off.` });
      continue;
    }
    rules[rule.id] = setting as Severity | 'off' | 'on';
  }
  return rules;
}

function readLimits(value: Node | null, lines: LineIndex, problems: ConfigProblem[]): DockguardConfig['limits'] {
  const limits: NonNullable<DockguardConfig['limits']> = {};
  if (!isMap(value)) {
    problems.push({ range: rangeOf(lines, value), message: 'limits must be a mapping with cpus, memory and pids.' });
    return limits;
  }
  for (const pair of value.items as Pair<Node, Node | null>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const raw = isScalar(pair.value) ? pair.value.value : undefined;
    const bad = (message: string) => problems.push({ range: rangeOf(lines, pair.value ?? pair.key), message });
    if (key === 'cpus') {
      if ((typeof raw === 'number' || typeof raw === 'string') && Number(raw) > 0) limits.cpus = String(raw);
      else bad('limits.cpus must be a positive number such as 0.5.');
    } else if (key === 'memory') {
      if (typeof raw === 'string' && /^\d+(\.\d+)?\s*[bkmg]?b?$/i.test(raw)) limits.memory = raw;
      else if (typeof raw === 'number' && raw > 0) limits.memory = String(raw);
      else bad('limits.memory must be a size such as 512M or 1G.');
    } else if (key === 'pids') {
      if (typeof raw === 'number' && Number.isInteger(raw) && raw > 0) limits.pids = raw;
      else bad('limits.pids must be a positive whole number.');
    } else {
      problems.push({ range: rangeOf(lines, pair.key), message: `Unknown key limits.${key}; expected cpus, memory or pids.` });
    }
  }
  return limits;
}

/**
 * Reads `.hadolint.yaml` for teams switching from hadolint: `ignored` turns off the dockguard rules whose hadolint
 * codes are all ignored (a rule covering DL3009 and DL3019 still checks the apk cache when only DL3009 is ignored),
 * `override` sets the severity of a rule to the most serious given to one of its codes (hadolint's `style` reads as
 * info), and `trustedRegistries` carries over. Other hadolint keys are hadolint's business and are left alone.
 */
export function parseHadolintConfig(text: string): ParsedConfig {
  const { doc, problems } = parseYaml(text);
  const config: DockguardConfig = {};
  const root = doc.contents;
  if (!isMap(root)) return { config, problems };
  const byCode = new Map<string, Severity | 'off'>();
  const note = (codes: string[] | undefined, setting: Severity | 'off') => {
    for (const code of codes ?? []) {
      const key = code.trim().toUpperCase();
      const before = byCode.get(key);
      if (before === undefined || before === 'off' || (setting !== 'off' && SEVERITY_RANK[setting] > SEVERITY_RANK[before])) byCode.set(key, setting);
    }
  };
  // Ignored first: an override of the same code wins, as a severity says the code is wanted.
  note(stringList(root.get('ignored', true) as Node), 'off');
  const override = root.get('override', true);
  if (isMap(override)) {
    note(stringList(override.get('info', true) as Node), 'info');
    note(stringList(override.get('style', true) as Node), 'info');
    note(stringList(override.get('warning', true) as Node), 'warning');
    note(stringList(override.get('error', true) as Node), 'error');
  }
  const rules: Record<string, Severity | 'off' | 'on'> = {};
  for (const meta of allRuleMetas) {
    const settings = (meta.references.hadolint ?? []).map((code) => byCode.get(code));
    const severities = settings.filter((s): s is Severity => s !== undefined && s !== 'off');
    if (severities.length) rules[meta.id] = severities.reduce((a, b) => (SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a));
    else if (settings.length && settings.every((s) => s === 'off')) rules[meta.id] = 'off';
  }
  if (Object.keys(rules).length) config.rules = rules;
  const trusted = stringList(root.get('trustedRegistries', true) as Node);
  if (trusted) config.trustedRegistries = trusted;
  return { config, problems };
}

/** dockguard rules that cover a hadolint code (e.g. DL3002 → root-user). */
export function rulesForHadolintCode(code: string) {
  const upper = code.trim().toUpperCase();
  return allRuleMetas.filter((meta) => meta.references.hadolint?.includes(upper));
}

function parseYaml(text: string) {
  const lines = new LineIndex(text);
  const parsed = parseYamlDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (!parsed) {
    const message = `The file is nested more than ${MAX_YAML_NESTING} levels deep, so it was not read.`;
    return { doc: parseDocument(''), lines, problems: [{ range: rangeOf(lines, undefined), message }] };
  }
  const doc = parsed;
  const problems: ConfigProblem[] = doc.errors.map((error) => ({
    range: lines.rangeAt(error.pos[0], error.pos[1]),
    message: error.message.split('\n')[0],
  }));
  return { doc, lines, problems };
}

function rangeOf(lines: LineIndex, node: Node | null | undefined): Range {
  if (!node?.range) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return lines.rangeAt(node.range[0], node.range[1]);
}

function scalar(node: Node | null): string | undefined {
  return isScalar(node) && node.value !== null ? String(node.value) : undefined;
}

function stringList(node: Node | null | undefined): string[] | undefined {
  if (!isSeq(node)) return undefined;
  const items = node.items.map((item) => (isScalar(item) && typeof item.value === 'string' ? item.value : undefined));
  return items.every((item) => item !== undefined) ? (items as string[]) : undefined;
}

function suggestRule(name: string): string {
  const lower = name.toLowerCase();
  let best: { id: string; distance: number } | undefined;
  for (const meta of allRuleMetas) {
    const distance = editDistance(lower, meta.id);
    if (!best || distance < best.distance) best = { id: meta.id, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(lower.length / 4)) ? `; did you mean ${best.id}?` : '';
}

/** Levenshtein distance, for "did you mean" on misspelt rule names. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
