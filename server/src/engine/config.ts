import type { RuleMeta, Severity } from './types';

/** The configuration a user writes, in VS Code settings or `.dockguard.yaml`; every key optional. */
export interface DockguardConfig {
  /** `recommended` (default) or `strict`, which also turns on the pinning and hygiene rules. */
  profile?: 'recommended' | 'strict';
  /** Per-rule severity, by rule id or code: a severity, `off`, or `on` (the rule's default severity). */
  rules?: Record<string, Severity | 'off' | 'on'>;
  /** Registries images may come from; when set, images from anywhere else are reported. `docker.io` is Docker Hub. */
  trustedRegistries?: string[];
  /** What the compose resource-limit fixes insert. */
  limits?: { cpus?: string; memory?: string; pids?: number };
  /** Glob patterns (relative to the workspace or the config file) of files not to analyse. */
  ignorePaths?: string[];
  /** false: inline `dockguard-ignore` comments are not honoured and each is reported. */
  allowSuppressions?: boolean;
}

export interface ResolvedConfig {
  profile: 'recommended' | 'strict';
  rules: Record<string, Severity | 'off' | 'on'>;
  trustedRegistries: string[];
  limits: { cpus: string; memory: string; pids: number };
  ignorePaths: string[];
  allowSuppressions: boolean;
}

export const DEFAULT_CONFIG: ResolvedConfig = {
  profile: 'recommended',
  rules: {},
  trustedRegistries: [],
  limits: { cpus: '0.50', memory: '512M', pids: 200 },
  ignorePaths: [],
  allowSuppressions: true,
};

/**
 * Merges configuration layers, later layers winning key by key (defaults < editor settings < project file;
 * inline comments act on findings afterwards). `rules` merge rule by rule; lists replace each other whole.
 */
export function resolveConfig(...layers: (DockguardConfig | undefined)[]): ResolvedConfig {
  const resolved: ResolvedConfig = { ...DEFAULT_CONFIG, rules: {}, limits: { ...DEFAULT_CONFIG.limits }, ignorePaths: [] };
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.profile) resolved.profile = layer.profile;
    if (layer.rules) Object.assign(resolved.rules, layer.rules);
    if (layer.trustedRegistries) resolved.trustedRegistries = [...layer.trustedRegistries];
    if (layer.limits) Object.assign(resolved.limits, definedOnly(layer.limits));
    if (layer.ignorePaths) resolved.ignorePaths = [...layer.ignorePaths];
    if (layer.allowSuppressions !== undefined) resolved.allowSuppressions = layer.allowSuppressions;
  }
  return resolved;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** True when the user set this rule's severity by name, which then overrides per-finding severities. */
export function severityIsConfigured(meta: RuleMeta, config: ResolvedConfig): boolean {
  const setting = config.rules[meta.id] ?? config.rules[meta.code];
  return setting !== undefined && setting !== 'on' && setting !== 'off';
}

/** The severity a rule reports at under this configuration, or `off`. */
export function severityOf(meta: RuleMeta, config: ResolvedConfig): Severity | 'off' {
  const setting = config.rules[meta.id] ?? config.rules[meta.code];
  if (setting === 'off') return 'off';
  if (setting && setting !== 'on') return setting;
  if (setting === 'on') return meta.severity;
  if (meta.profile === 'strict' && config.profile !== 'strict') return 'off';
  return meta.severity;
}
