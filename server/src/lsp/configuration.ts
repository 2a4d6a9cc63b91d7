import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_CONFIG, resolveConfig, type ResolvedConfig } from '../engine';
import { isIgnoredPath, ProjectConfigLoader, type ProjectConfig } from '../project-config';
import { readSettings, type EditorSettings } from './settings';

export interface DocumentConfig {
  /** False when `dockguard.enable` is off or the file matches an ignore path: publish nothing. */
  enabled: boolean;
  config: ResolvedConfig;
  project?: ProjectConfig;
}

export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * Where a document's configuration comes from, in order of precedence: defaults < editor settings
 * < the project's `.dockguard.yaml` (or `.hadolint.yaml`) < inline comments (applied by the engine).
 */
export class Configuration {
  readonly projects = new ProjectConfigLoader();
  private readonly settings = new Map<string, Promise<EditorSettings>>();
  private pushed: unknown;
  private folders: string[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly pullSupported: boolean,
  ) {}

  setWorkspaceFolders(uris: string[]): void {
    this.folders = uris.map(filePathOf).filter((p): p is string => p !== undefined);
  }

  /** Settings changed: forget cached ones; clients that push settings send them here. */
  settingsChanged(pushed?: unknown): void {
    this.settings.clear();
    if (pushed !== undefined) this.pushed = pushed;
  }

  projectFilesChanged(): void {
    this.projects.invalidate();
  }

  async forDocument(uri: string): Promise<DocumentConfig> {
    const settings = await this.settingsFor(uri);
    if (!settings.enable) return { enabled: false, config: DEFAULT_CONFIG };
    const file = filePathOf(uri);
    if (!file) return { enabled: true, config: resolveConfig(settings.config) };

    const folder = this.folderOf(file);
    let project: ProjectConfig | undefined;
    try {
      project = this.projects.forFile(file, folder);
    } catch (error) {
      this.connection.console.error(`dockguard: cannot read the project configuration for ${file}: ${String(error)}`);
    }
    const config = resolveConfig(settings.config, project?.config);
    const ignoredBySettings = isIgnoredPath(file, settings.config.ignorePaths ?? [], folder ?? path.dirname(file));
    const ignoredByProject = project ? isIgnoredPath(file, project.config.ignorePaths ?? [], path.dirname(project.file)) : false;
    return { enabled: !ignoredBySettings && !ignoredByProject, config, project };
  }

  private folderOf(file: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.folders) {
      const relative = path.relative(folder, file);
      if (!relative.startsWith('..') && !path.isAbsolute(relative) && (!best || folder.length > best.length)) best = folder;
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
