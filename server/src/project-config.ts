// Finds and reads the project configuration that applies to a file, for the server and the CLI alike.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { type ConfigProblem, DOCKGUARD_FILES, type DockguardConfig, HADOLINT_FILES, parseDockguardConfig, parseHadolintConfig } from './engine';

export { DOCKGUARD_FILES, HADOLINT_FILES };

export interface ProjectConfig {
  /** Absolute path of the file the configuration came from. */
  file: string;
  source: 'dockguard' | 'hadolint';
  config: DockguardConfig;
  problems: ConfigProblem[];
  text: string;
}

/**
 * Looks from a file's directory upward (to `stopAt` when given) for `.dockguard.yaml`; only when there is none
 * does a `.hadolint.yaml` apply. Results are cached until `invalidate()`, since this runs for every analysis.
 */
export class ProjectConfigLoader {
  private readonly lookups = new Map<string, ProjectConfig | null>();

  forFile(file: string, stopAt?: string): ProjectConfig | undefined {
    const directory = path.dirname(path.resolve(file));
    const key = `${directory}\u0000${stopAt ?? ''}`;
    let found = this.lookups.get(key);
    if (found === undefined) {
      found = this.search(directory, DOCKGUARD_FILES, 'dockguard', stopAt) ?? this.search(directory, HADOLINT_FILES, 'hadolint', stopAt) ?? null;
      this.lookups.set(key, found);
    }
    return found ?? undefined;
  }

  /** Reads one configuration file explicitly (`--config`). */
  load(file: string): ProjectConfig {
    const source = path.basename(file).startsWith('.hadolint') || path.basename(file).startsWith('hadolint') ? 'hadolint' : 'dockguard';
    return read(path.resolve(file), source);
  }

  invalidate(): void {
    this.lookups.clear();
  }

  private search(start: string, names: readonly string[], source: ProjectConfig['source'], stopAt?: string): ProjectConfig | undefined {
    const stop = stopAt ? path.resolve(stopAt) : undefined;
    for (let directory = start; ; directory = path.dirname(directory)) {
      for (const name of names) {
        const candidate = path.join(directory, name);
        if (isFile(candidate)) return read(candidate, source);
      }
      if (directory === stop || path.dirname(directory) === directory) return undefined;
      if (stop && !isInside(directory, stop)) return undefined;
    }
  }
}

function read(file: string, source: ProjectConfig['source']): ProjectConfig {
  const text = fs.readFileSync(file, 'utf8');
  const parsed = source === 'dockguard' ? parseDockguardConfig(text) : parseHadolintConfig(text);
  return { file, source, text, ...parsed };
}

function isFile(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** True when `file` matches one of the glob patterns, taken relative to `base` (`vendor/**`, `**\/testdata/**`). */
export function isIgnoredPath(file: string, patterns: string[], base: string): boolean {
  if (patterns.length === 0) return false;
  const relative = path.relative(base, path.resolve(file)).split(path.sep).join('/');
  if (relative.startsWith('..')) return false;
  return patterns.some((pattern) => minimatch(relative, pattern, { dot: true, matchBase: !pattern.includes('/') }));
}
