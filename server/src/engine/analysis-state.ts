import type { ResolvedConfig } from './config';
import type { DockerfileModel } from './documents/dockerfile';
import { DockerfileUnits } from './documents/dockerfile-units';
import { ComposeChunks } from './documents/compose-chunks';
import { COMPOSE_YAML_OPTIONS, type ComposeModel } from './documents/compose';

/**
 * What one document keeps between its analyses, so the next analysis re-parses and re-checks only what the edit
 * changed (documents/dockerfile-units, rule.ts). The language server keeps one per open document and drops it
 * when the document closes; the CLI analyses each file once and keeps none. Everything kept was made under one
 * configuration and one set of rules: when either changes, the next analysis starts afresh.
 */
export class AnalysisState {
  private units?: DockerfileUnits;
  private chunks?: ComposeChunks;
  private key?: string;
  private config?: ResolvedConfig;
  private rules?: unknown;
  private lastModel?: DockerfileModel | ComposeModel;

  /**
   * The model the last analysis built, when it was of `text`: code actions and hovers on the analysed version
   * read it instead of parsing the document again.
   */
  modelOf(text: string): DockerfileModel | ComposeModel | undefined {
    return this.lastModel?.text === text ? this.lastModel : undefined;
  }

  /** Called by the analysis with the model it built. */
  remember(model: DockerfileModel | ComposeModel): void {
    this.lastModel = model;
  }

  /**
   * The document's instructions for `text`, updated from the previous analysis's when it is compatible; in steps
   * (DockerfileUnits.parseInSteps). The units are held only once complete: an analysis dropped between two steps
   * (a newer version arrived) leaves none, and the next one parses afresh.
   */
  *dockerfileUnits(text: string, config: ResolvedConfig, options: { rules?: unknown }): Generator<void, DockerfileUnits, void> {
    const compatible = this.compatible(config, options.rules);
    const kept = this.units;
    this.units = undefined;
    if (kept && compatible) {
      try {
        yield* kept.updateInSteps(text);
        this.units = kept;
        return kept;
      } catch {
        // Whatever failed may have left the units half updated: start afresh (a parse that fails again is
        // reported by analyze as a failed analysis).
      }
    }
    const units = yield* DockerfileUnits.parseInSteps(text);
    this.units = units;
    return units;
  }

  /** The compose file's chunks as the previous analysis parsed them, for one that re-parses what changed. */
  composeChunks(config: ResolvedConfig, options: { rules?: unknown }): ComposeChunks {
    if (!this.compatible(config, options.rules) || !this.chunks) this.chunks = new ComposeChunks(COMPOSE_YAML_OPTIONS);
    return this.chunks;
  }

  private compatible(config: ResolvedConfig, rules: unknown): boolean {
    if (config === this.config && rules === this.rules) return true;
    const key = JSON.stringify(config);
    const same = key === this.key && rules === this.rules;
    this.config = config;
    this.rules = rules;
    this.key = key;
    return same;
  }
}

export function createAnalysisState(): AnalysisState {
  return new AnalysisState();
}
