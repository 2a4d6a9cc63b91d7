// SARIF 2.1.0, with what GitHub code scanning reads: rules with help and helpUri, security-severity and
// precision, paths relative to %SRCROOT%, partial fingerprints, and the files that could not be analysed.
// https://docs.github.com/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { Log, Notification, ReportingDescriptor, Result, Region, Fix as SarifFix } from 'sarif';
import { REPOSITORY_URL, RULE_DOCS_BASE_URL, ruleDocsUrl } from '../docs-location';
import { allRuleMetas, type Finding, type Range, type RuleMeta, type Severity } from '../engine';
import { readRulePage } from '../rule-pages';
import { fingerprints } from './fingerprint';
import { repositoryPath } from './report-paths';
import type { Report } from './results';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub ranks security alerts by this score: 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.5', info: '2.0' };
const SRCROOT = '%SRCROOT%';
export const FINGERPRINT_KEY = 'dockguard/v1';

function region(range: Range): Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function artifactUri(file: string): string {
  return repositoryPath(file).split('/').map(encodeURIComponent).join('/');
}

/** Rule pages link to each other relatively; in a SARIF viewer those links must be absolute. */
export function absoluteLinks(markdown: string, base: string): string {
  return markdown.replace(/\]\((?![a-z][a-z0-9+.-]*:|#|\/)([^)\s]+)\)/gi, (_, target: string) => `](${new URL(target, base).href})`);
}

function descriptor(meta: RuleMeta): ReportingDescriptor {
  const page = readRulePage(meta.id);
  const url = ruleDocsUrl(meta.id);
  const security = meta.category !== 'configuration';
  return {
    id: meta.id,
    name: meta.code,
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    helpUri: url,
    help: {
      text: `${meta.description}\n\nRule page: ${url}`,
      ...(page ? { markdown: absoluteLinks(page, RULE_DOCS_BASE_URL) } : {}),
    },
    defaultConfiguration: { level: LEVEL[meta.severity], enabled: meta.profile === 'recommended' },
    properties: {
      tags: [...(security ? ['security'] : []), meta.category, meta.kind === 'any' ? 'docker' : meta.kind],
      precision: 'high',
      ...(security ? { 'security-severity': SECURITY_SEVERITY[meta.severity] } : {}),
      ...(meta.references.cis ? { cis: meta.references.cis } : {}),
      ...(meta.references.hadolint ? { hadolint: meta.references.hadolint } : {}),
    },
  };
}

function fixesOf(finding: Finding, uri: string): SarifFix[] {
  return finding.fixes
    .filter((fix) => fix.kind === 'fix')
    .map((fix) => ({
      description: { text: fix.title },
      artifactChanges: [
        {
          artifactLocation: { uri, uriBaseId: SRCROOT },
          replacements: fix.edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })),
        },
      ],
    }));
}

export function formatSarif(report: Report, version: string): string {
  const ruleIndex = new Map(allRuleMetas.map((meta, i) => [meta.id, i]));
  const results: Result[] = report.results.flatMap((result) => {
    const uri = artifactUri(result.path);
    const prints = fingerprints(result, repositoryPath(result.path));
    return result.findings.map((finding, i): Result => {
      const fixes = fixesOf(finding, uri);
      return {
        ruleId: finding.ruleId,
        ruleIndex: ruleIndex.get(finding.ruleId),
        level: LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: SRCROOT }, region: region(finding.range) } }],
        partialFingerprints: { [FINGERPRINT_KEY]: prints[i] },
        ...(fixes.length ? { fixes } : {}),
      };
    });
  });
  const notifications: Notification[] = report.problems.map((problem) => ({
    level: 'error',
    message: { text: `${problem.path}: ${problem.reason}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(problem.path), uriBaseId: SRCROOT } } }],
  }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'dockguard', version, semanticVersion: version, informationUri: REPOSITORY_URL, rules: allRuleMetas.map(descriptor) },
        },
        invocations: [{ executionSuccessful: report.problems.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(process.cwd() + path.sep).href } },
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
