import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result, Region, Fix as SarifFix } from 'sarif';
import { ruleDocsPath, ruleDocsUrl } from '../docs-location';
import { allRuleMetas, type Finding, type Range, type RuleMeta, type Severity } from '../engine';
import type { FileResult } from './results';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub code scanning ranks security alerts by this score (0-10). */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0' };

function region(range: Range): Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function artifactUri(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}

function helpMarkdown(meta: RuleMeta): string | undefined {
  try {
    return fs.readFileSync(ruleDocsPath(meta.id), 'utf8');
  } catch {
    return undefined;
  }
}

function descriptor(meta: RuleMeta): ReportingDescriptor {
  const markdown = helpMarkdown(meta);
  return {
    id: meta.id,
    name: meta.code,
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    helpUri: ruleDocsUrl(meta.id),
    help: { text: meta.description, ...(markdown ? { markdown } : {}) },
    defaultConfiguration: { level: LEVEL[meta.severity], enabled: meta.profile === 'recommended' },
    properties: {
      tags: ['security', meta.category, meta.kind === 'any' ? 'docker' : meta.kind],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[meta.severity],
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
          artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
          replacements: fix.edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })),
        },
      ],
    }));
}

export function formatSarif(results: FileResult[], version: string): string {
  const ruleIndex = new Map(allRuleMetas.map((meta, i) => [meta.id, i]));
  const sarifResults: Result[] = results.flatMap((result) => {
    const uri = artifactUri(result.path);
    return result.findings.map((finding): Result => {
      const fixes = fixesOf(finding, uri);
      return {
        ruleId: finding.ruleId,
        ruleIndex: ruleIndex.get(finding.ruleId),
        level: LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: region(finding.range) } }],
        ...(fixes.length ? { fixes } : {}),
      };
    });
  });
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'dockguard', version, semanticVersion: version, rules: allRuleMetas.map(descriptor) } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(process.cwd() + path.sep).href } },
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
