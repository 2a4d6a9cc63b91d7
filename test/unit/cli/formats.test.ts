import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { escapeData, escapeProperty } from '../../../server/src/cli/format-github';
import { absoluteLinks } from '../../../server/src/cli/format-sarif';
import { parseRuleIndex, ruleDocsUrl } from '../../../server/src/docs-location';
import { allRuleMetas } from '../../../server/src/engine/rules';
import { runCli, workspace } from '../../support/cli';
import { sarifSchemaErrors } from '../../support/sarif-schema';

const PROJECT = {
  'app/Dockerfile': 'FROM alpine:3.23\nRUN curl -k https://example.com/i.sh | sh\nCMD ["sh"]\n',
  'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n',
  // ADD of a local file: the safe fix SARIF carries.
  'sub dir/Dockerfile.dev': 'FROM alpine:3.23\nADD a.sh /a.sh\n',
};

function sarifOf(dir: string, args: string[] = ['.']): Log {
  const run = runCli(['--format', 'sarif', ...args], { cwd: dir });
  return JSON.parse(run.stdout) as Log;
}

describe('CLI --format sarif', () => {
  it('is valid against the SARIF 2.1.0 schema, with findings, fixes and an unreadable path', () => {
    const dir = workspace(PROJECT);
    const log = sarifOf(dir, ['.', 'missing/Dockerfile']);
    assert.deepEqual(sarifSchemaErrors(log), []);
    assert.ok(log.runs[0].results!.length > 5);
    assert.ok(log.runs[0].results!.some((r) => r.fixes?.length));
  });

  it('the schema check is not vacuous: a broken log fails it', () => {
    const log = sarifOf(workspace(PROJECT)) as unknown as { runs: { results: { level: string; locations: unknown }[] }[] };
    log.runs[0].results[0].level = 'fatal';
    log.runs[0].results[0].locations = 'app/Dockerfile';
    const errors = sarifSchemaErrors(log);
    assert.ok(
      errors.some((e) => e.includes('/runs/0/results/0/level')),
      errors.join('\n'),
    );
    assert.ok(
      errors.some((e) => e.includes('/runs/0/results/0/locations')),
      errors.join('\n'),
    );
  });

  it('gives GitHub code scanning what it reads: rules with help and https helpUri, security-severity, precision, tags', () => {
    const log = sarifOf(workspace(PROJECT));
    const rules = log.runs[0].tool.driver.rules as ReportingDescriptor[];
    assert.equal(rules.length, allRuleMetas.length);
    for (const rule of rules) {
      assert.equal(rule.helpUri, ruleDocsUrl(rule.id));
      assert.match(rule.helpUri!, /^https:\/\/github\.com\/dockguard\/dockguard\/blob\/main\/docs\/rules\/[a-z-]+\.md$/);
      assert.ok(rule.help?.text.includes(rule.helpUri!), rule.id);
      assert.ok(rule.help?.markdown?.startsWith(`# ${rule.id} (`), `${rule.id} has its page as help.markdown`);
      assert.doesNotMatch(rule.help!.markdown!, /\]\((?!https?:|#)[^)]+\)/, `${rule.id}: links in help are absolute`);
      assert.equal(rule.properties?.precision, 'high');
      const tags = rule.properties?.tags as string[];
      if (tags.includes('security')) assert.match(rule.properties?.['security-severity'] as string, /^\d+\.\d$/, rule.id);
      else assert.equal(rule.properties?.['security-severity'], undefined, `${rule.id} is not a security rule`);
    }
    const privileged = rules.find((r) => r.id === 'privileged')!;
    assert.deepEqual(privileged.properties?.tags, ['security', 'privileges', 'compose']);
    assert.equal(privileged.properties?.['security-severity'], '8.0');
    assert.equal(rules.find((r) => r.id === 'yaml-syntax')!.properties?.tags?.includes('security'), false);
  });

  it('locates results relative to %SRCROOT% (the working directory), URI-encoded, with partial fingerprints', () => {
    const dir = workspace(PROJECT);
    const run = sarifOf(dir).runs[0];
    assert.equal(run.originalUriBaseIds?.['%SRCROOT%'].uri?.startsWith('file:///'), true);
    assert.equal(run.originalUriBaseIds?.['%SRCROOT%'].uri?.endsWith('/'), true);
    const uris = new Set(run.results!.map((r) => r.locations![0].physicalLocation!.artifactLocation!.uri));
    assert.deepEqual([...uris].sort(), ['app/Dockerfile', 'compose.yaml', 'sub%20dir/Dockerfile.dev']);
    for (const result of run.results!) {
      assert.equal(result.locations![0].physicalLocation!.artifactLocation!.uriBaseId, '%SRCROOT%');
      assert.match(result.partialFingerprints?.['dockguard/v1'] ?? '', /^[0-9a-f]{64}$/);
      assert.equal(run.tool.driver.rules![result.ruleIndex!].id, result.ruleId);
    }
    const prints = run.results!.map((r) => r.partialFingerprints!['dockguard/v1']);
    assert.equal(new Set(prints).size, prints.length, 'every result has its own fingerprint');
  });

  it('keeps fingerprints when lines are added above a finding, and reports the files it could not read', () => {
    const dir = workspace(PROJECT);
    const key = (r: Result) => `${r.ruleId}@${r.partialFingerprints!['dockguard/v1']}`;
    const before = sarifOf(dir, ['app/Dockerfile']).runs[0].results!.map(key);
    const moved = workspace({ 'app/Dockerfile': '# syntax=docker/dockerfile:1\n\n' + PROJECT['app/Dockerfile'] });
    const after = sarifOf(moved, ['app/Dockerfile']).runs[0].results!.map(key);
    assert.deepEqual(after, before);

    const failed = sarifOf(dir, ['compose.yaml', 'nope.yaml']).runs[0];
    assert.equal(failed.invocations![0].executionSuccessful, false);
    assert.match(failed.invocations![0].toolExecutionNotifications![0].message.text!, /^nope\.yaml: cannot read: no such file/);
  });

  it('makes rule pages links absolute for viewers that show help outside the repository', () => {
    const base = 'https://example.com/docs/rules/';
    assert.equal(
      absoluteLinks('see [a](other.md), [b](#why), [c](https://x.org/y), [d](../images/x.png)', base),
      'see [a](https://example.com/docs/rules/other.md), [b](#why), [c](https://x.org/y), [d](https://example.com/docs/images/x.png)',
    );
  });
});

describe('CLI --format github', () => {
  it('prints one workflow command per finding, on the finding range, titled with the rule, linking its page', () => {
    const dir = workspace(PROJECT);
    const run = runCli(['--format', 'github', 'app/Dockerfile', 'compose.yaml'], { cwd: dir });
    assert.equal(run.code, 1);
    const commands = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    const tls = commands.find((c) => c.includes('title=DG110 verification-disabled'));
    assert.equal(
      tls,
      '::error file=app/Dockerfile,line=2,endLine=2,col=10,endColumn=12,title=DG110 verification-disabled::' +
        escapeData(
          `${runCli(['-f', 'json', 'app/Dockerfile'], { cwd: dir }).stdout.match(/"message": "(curl -k [^"]*)"/)![1]}\n${ruleDocsUrl('verification-disabled')}`,
        ),
    );
    assert.ok(commands.some((c) => c.startsWith('::error file=compose.yaml,line=4,') && c.includes('title=DG201 privileged')));
    assert.ok(
      commands.some((c) => c.startsWith('::notice ')),
      'info findings are notices',
    );
    assert.match(run.stdout.trimEnd().split('\n').pop()!, /problems \(\d+ errors?, \d+ warnings?, \d+ info\) in 2 files\.$/);
  });

  it('reports an unreadable file as an error annotation', () => {
    const run = runCli(['--format', 'github', 'nope/Dockerfile'], { cwd: workspace({}) });
    assert.equal(run.code, 2);
    assert.match(run.stdout, /^::error file=nope\/Dockerfile,title=dockguard could not analyse this file::cannot read: no such file or directory$/m);
  });

  it('escapes what the runner would read as syntax', () => {
    assert.equal(escapeData('50% of\r\nlines'), '50%25 of%0D%0Alines');
    assert.equal(escapeProperty('a:b,c%'), 'a%3Ab%2Cc%25');
  });
});

describe('CLI --format gitlab', () => {
  interface Issue {
    type: string;
    check_name: string;
    description: string;
    severity: string;
    fingerprint: string;
    location: { path: string; lines: { begin: number; end: number } };
  }

  it('prints a Code Quality report: the fields GitLab requires, severities it knows, unique fingerprints', () => {
    const dir = workspace(PROJECT);
    const run = runCli(['--format', 'gitlab', '.'], { cwd: dir });
    const issues = JSON.parse(run.stdout) as Issue[];
    assert.ok(Array.isArray(issues) && issues.length > 5);
    for (const issue of issues) {
      assert.equal(issue.type, 'issue');
      assert.ok(issue.description && issue.check_name, JSON.stringify(issue));
      assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity), issue.severity);
      assert.ok(Number.isInteger(issue.location.lines.begin) && issue.location.lines.begin >= 1);
      assert.doesNotMatch(issue.location.path, /^\/|\\/, 'paths are relative to the repository, with forward slashes');
    }
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
    const privileged = issues.find((i) => i.check_name === 'privileged')!;
    assert.deepEqual([privileged.severity, privileged.location], ['critical', { path: 'compose.yaml', lines: { begin: 4, end: 4 } }]);
    assert.match(privileged.description, /^DG201 privileged: true gives the container/);
  });

  it('prints an empty report, not nothing, for a clean project', () => {
    const run = runCli(['--format', 'gitlab', '.'], { cwd: workspace({ Dockerfile: 'FROM alpine:3.23\nUSER app\n' }) });
    assert.equal(run.code, 0);
    assert.deepEqual(JSON.parse(run.stdout), []);
  });
});

describe('CLI --output', () => {
  it('writes the report to a file and keeps standard output free', () => {
    const dir = workspace(PROJECT);
    const run = runCli(['--format', 'sarif', '--output', 'report.sarif', '--fail-on', 'none', '.'], { cwd: dir });
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '');
    const log = JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8')) as Log;
    assert.deepEqual(sarifSchemaErrors(log), []);
  });
});

describe('rule index (docs/rules/README.md), as the VS Code client reads it', () => {
  it('lists every rule with its code and title', () => {
    const index = parseRuleIndex(readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules', 'README.md'), 'utf8'));
    assert.deepEqual(index.map((e) => `${e.code} ${e.id}: ${e.title}`).sort(), allRuleMetas.map((m) => `${m.code} ${m.id}: ${m.title}`).sort());
  });
});
