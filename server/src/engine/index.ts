// The engine's public surface: the server, the CLI, the VS Code client and the benchmarks import from here and
// nowhere else in the engine (ESLint enforces it). Unit tests may reach internals. Everything here is pure: no
// Node built-ins, no editor packages, no I/O; files the analysis refers to come through `AnalyzeOptions.readFile`.

// Analysis
export { analysisSteps, analyze, type AnalyzeOptions, type DirectoryLister, type FileReader } from './analyze';
export { AnalysisState, createAnalysisState } from './analysis-state';
export { fixAll, minimalEdit, type FixAllResult } from './fix-all';
export { applyEdits, applyFixes, safeFixes, type AppliedFixes } from './fixes';
export { ignoreFixes } from './ignore-actions';
export { BASELINE_HARDENING_RULES, groupHardening, HARDEN_SERVICE_TITLE, hardenServiceFix } from './hardening-group';
export { MAX_ANALYSED_CHARS, MAX_TYPING_CHARS } from './input-limits';

// Shapes
export type {
  Category,
  DirectoryEntry,
  DocumentKind,
  FileChange,
  Finding,
  Fix,
  FixKind,
  Position,
  Range,
  RuleMeta,
  RuleReferences,
  Severity,
  TextEdit,
} from './types';
export { SEVERITY_RANK } from './types';
export { comparePositions, rangesIntersect } from './text';

// Configuration
export { DEFAULT_CONFIG, resolveConfig, type DockguardConfig, type ResolvedConfig } from './config';
export { DOCKGUARD_FILES, HADOLINT_FILES, parseDockguardConfig, parseHadolintConfig, type ConfigProblem, type ParsedConfig } from './config-file';

// Files
export { analysedFilesGlob, baseName, detectKind, FILE_NAME_GLOBS, kindFromFileName } from './detect';
export { resolveRelative } from './paths';
export { BUILD_CONTEXT_WATCH_GLOB } from './knowledge/build-context';

// Rules
export { allRuleMetas, composeRules, dockerfileRules, findRule, metaRules } from './rules';
export { invalidConfig } from './rules/meta/invalid-config';
export type { ComposeRule, DockerfileRule, Rule } from './rule';

// Images (hover)
export { imageAt, registryOf, type ImageInfo } from './image-info';
export type { ImageRef } from './documents/image-ref';
export { minimalAlternatives, variantReference } from './knowledge/base-images';
export { endOfLife, isoDay, parseIsoDay } from './knowledge/end-of-life';
export { movingTag } from './knowledge/moving-tags';

// Models, for the benchmarks' phase breakdowns
export { parseDockerfile, type DockerfileModel } from './documents/dockerfile';
export { parseCompose, type ComposeModel } from './documents/compose';
export { composeReferences } from './documents/compose-references';
export { shellScopes } from './knowledge/shell-scopes';
export { checkWholeModel } from './unit-findings';
