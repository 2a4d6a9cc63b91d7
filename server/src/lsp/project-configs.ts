import { DOCKGUARD_FILES, HADOLINT_FILES, parseDockguardConfig, parseHadolintConfig, type ConfigProblem, type DockguardConfig } from '../engine';
import type { FileCache } from './file-cache';
import { childUri, isInside, parentUri, uriBaseName } from './uris';

/** The project configuration that applies to a document, as the core finds it. */
export interface ProjectConfig {
  /** URI of the `.dockguard.yaml` (or `.hadolint.yaml`) it came from. */
  uri: string;
  source: 'dockguard' | 'hadolint';
  config: DockguardConfig;
  problems: ConfigProblem[];
}

export function isConfigFile(uri: string): boolean {
  const name = uriBaseName(uri);
  return DOCKGUARD_FILES.includes(name) || HADOLINT_FILES.includes(name);
}

export function parseConfigFile(uri: string, text: string): { config: DockguardConfig; problems: ConfigProblem[] } {
  return DOCKGUARD_FILES.includes(uriBaseName(uri)) ? parseDockguardConfig(text) : parseHadolintConfig(text);
}

/**
 * Looks from a document's folder upward, to its workspace folder when it has one, for `.dockguard.yaml`; only when
 * there is none does a `.hadolint.yaml` apply (what the CLI's ProjectConfigLoader does on disk). Reads go through
 * the file cache, so the host is asked once per candidate until a file-change notification; open configuration
 * documents count with their unsaved text.
 */
export class ProjectConfigs {
  private readonly parsed = new Map<string, { text: string; result: ProjectConfig }>();

  constructor(
    private readonly files: FileCache,
    private readonly openText: (uri: string) => string | undefined,
  ) {}

  async forDocument(uri: string, workspaceFolder: string | undefined): Promise<ProjectConfig | undefined> {
    const folders: string[] = [];
    for (let folder = parentUri(uri); folder; folder = parentUri(folder)) {
      folders.push(folder);
      if (workspaceFolder && !isInside(workspaceFolder, parentUri(folder) ?? '')) break;
    }
    for (const [names, source] of [
      [DOCKGUARD_FILES, 'dockguard'],
      [HADOLINT_FILES, 'hadolint'],
    ] as const) {
      for (const folder of folders) {
        for (const name of names) {
          const candidate = childUri(folder, name);
          const text = await this.textOf(candidate);
          if (text !== undefined) return this.parse(candidate, source, text);
        }
      }
    }
    return undefined;
  }

  private async textOf(uri: string): Promise<string | undefined> {
    const open = this.openText(uri);
    if (open !== undefined) return open;
    const read = await this.files.fetch(uri);
    return 'text' in read ? read.text : undefined;
  }

  private parse(uri: string, source: ProjectConfig['source'], text: string): ProjectConfig {
    const known = this.parsed.get(uri);
    if (known?.text === text) return known.result;
    const result: ProjectConfig = { uri, source, ...parseConfigFile(uri, text) };
    this.parsed.set(uri, { text, result });
    return result;
  }
}
