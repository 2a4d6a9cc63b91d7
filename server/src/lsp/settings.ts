import type { DockguardConfig, Severity } from '../engine';

/** The `dockguard.*` settings as an editor sends them (VS Code, or any client answering workspace/configuration). */
export interface EditorSettings {
  enable: boolean;
  config: DockguardConfig;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'off', 'on']);

function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

/**
 * Turns whatever the client sent into settings, keeping only well-typed values: VS Code validates against the
 * manifest, other editors may send anything, and a bad value must never break analysis.
 */
export function readSettings(raw: unknown): EditorSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const config: DockguardConfig = {};
  if (value.profile === 'recommended' || value.profile === 'strict') config.profile = value.profile;
  if (value.rules && typeof value.rules === 'object') {
    const rules: Record<string, Severity | 'off' | 'on'> = {};
    for (const [name, setting] of Object.entries(value.rules as Record<string, unknown>)) {
      if (typeof setting === 'string' && SEVERITIES.has(setting)) rules[name] = setting as Severity | 'off' | 'on';
    }
    config.rules = rules;
  }
  const trusted = stringArray(value.trustedRegistries);
  if (trusted?.length) config.trustedRegistries = trusted;
  const ignore = stringArray(value.ignorePaths);
  if (ignore?.length) config.ignorePaths = ignore;
  if (typeof value.allowSuppressions === 'boolean') config.allowSuppressions = value.allowSuppressions;
  const limits = value.limits as Record<string, unknown> | undefined;
  if (limits && typeof limits === 'object') {
    config.limits = {};
    if (typeof limits.cpus === 'string' && limits.cpus.trim()) config.limits.cpus = limits.cpus.trim();
    if (typeof limits.memory === 'string' && limits.memory.trim()) config.limits.memory = limits.memory.trim();
    if (typeof limits.pids === 'number' && Number.isInteger(limits.pids) && limits.pids > 0) config.limits.pids = limits.pids;
  }
  return { enable: value.enable !== false, config };
}
