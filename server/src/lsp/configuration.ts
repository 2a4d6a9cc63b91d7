import { minimatch } from 'minimatch';
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_CONFIG, resolveConfig, type ResolvedConfig } from '../engine';
import type { ProjectConfig, ProjectConfigs } from './project-configs';
import { readSettings, type EditorSettings } from './settings';
import { parentUri, relativeTo, trimSlash } from './uris';

export interface DocumentConfig {
  /** False when `dockguard.enable` is off or the file matches an ignore path: publish nothing. */
  enabled: boolean;
  config: ResolvedConfig;
  project?: ProjectConfig;
}

/** True when `uri` matches one of the glob patterns, taken relative to the folder `base` (`vendor/**`, `**\/testdata/**`). */
export function isIgnoredUri(uri: string, patterns: string[], base: string): boolean {
  if (patterns.length === 0) return false;
  const relative = relativeTo(base, uri);
  if (relative === undefined) return false;
  return patterns.some((pattern) => minimatch(relative, pattern, { dot: true, matchBase: !pattern.includes('/') }));
}

/**
 * Where a document's configuration comes from, in order of precedence: defaults < editor settings
 * < the project's `.dockguard.yaml` (or `.hadolint.yaml`) < inline comments (applied by the engine).
 */
export class Configuration {
  private readonly settings = new Map<string, Promise<EditorSettings>>();
  private pushed: unknown;
  private folders: string[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly pullSupported: boolean,
    private readonly projects: ProjectConfigs,
  ) {}

  setWorkspaceFolders(uris: string[]): void {
    this.folders = [...new Set(uris.map(trimSlash))];
  }

  get workspaceFolders(): readonly string[] {
    return this.folders;
  }

  /** Settings changed: forget cached ones; clients that push settings send them here. */
  settingsChanged(pushed?: unknown): void {
    this.settings.clear();
    if (pushed !== undefined) this.pushed = pushed;
  }

  async forDocument(uri: string): Promise<DocumentConfig> {
    const settings = await this.settingsFor(uri);
    if (!settings.enable) return { enabled: false, config: DEFAULT_CONFIG };
    const folder = this.folderOf(uri);
    const project = await this.projects.forDocument(uri, folder);
    const config = resolveConfig(settings.config, project?.config);
    const settingsBase = folder ?? parentUri(uri);
    const ignoredBySettings = settingsBase !== undefined && isIgnoredUri(uri, settings.config.ignorePaths ?? [], settingsBase);
    const projectBase = project && parentUri(project.uri);
    const ignoredByProject = projectBase !== undefined && isIgnoredUri(uri, project!.config.ignorePaths ?? [], projectBase);
    return { enabled: !ignoredBySettings && !ignoredByProject, config, project };
  }

  /** The innermost workspace folder holding `uri`. */
  folderOf(uri: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.folders) {
      if (relativeTo(folder, uri) !== undefined && (!best || folder.length > best.length)) best = folder;
    }
    return best;
  }

  private settingsFor(uri: string): Promise<EditorSettings> {
    if (!this.pullSupported) return Promise.resolve(readSettings((this.pushed as { dockguard?: unknown } | undefined)?.dockguard ?? this.pushed));
    let cached = this.settings.get(uri);
    if (!cached) {
      cached = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'dockguard' }).then(readSettings, () => readSettings(undefined));
      this.settings.set(uri, cached);
    }
    return cached;
  }
}
