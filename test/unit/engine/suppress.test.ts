import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { resolveConfig } from '../../../server/src/engine/config';
import { applyEdits } from '../../../server/src/engine/fixes';
import { ignoreFixes } from '../../../server/src/engine/ignore-actions';
import { defineComposeRule } from '../../../server/src/engine/rule';
import { parseSuppressionComment } from '../../../server/src/engine/suppress';
import type { Finding } from '../../../server/src/engine/types';

const codes = (findings: Finding[]) => findings.map((f) => `${f.range.start.line + 1}:${f.code}`);
const dockerfile = (text: string, config = {}) => analyze(text, { kind: 'dockerfile', config: resolveConfig(config) });

describe('suppression comments: parsing', () => {
  it('reads the dockguard forms with ids, codes and a reason', () => {
    const parsed = parseSuppressionComment('# dockguard-ignore root-user, DG105 -- runs as root to bind port 80')!;
    assert.equal(parsed.scope, 'next');
    assert.deepEqual(
      parsed.names.map((n) => [n.name, n.rules.map((r) => r.id)]),
      [
        ['root-user', ['root-user']],
        ['DG105', parsed.names[1].rules.map((r) => r.id)],
      ],
    );
    assert.equal(parsed.reason, 'runs as root to bind port 80');
    assert.equal(parseSuppressionComment('#dockguard-ignore-file DG101')!.scope, 'file');
    assert.equal(parseSuppressionComment('# dockguard-ignore-file DG101')!.reason, undefined);
  });

  it('reads hadolint forms and maps their codes to equivalent rules', () => {
    const parsed = parseSuppressionComment('# hadolint ignore=DL3002,DL3008')!;
    assert.equal(parsed.source, 'hadolint');
    assert.deepEqual(
      parsed.names[0].rules.map((r) => r.id),
      ['root-user'],
    );
    assert.equal(parseSuppressionComment('# hadolint global ignore=DL3002')!.scope, 'file');
  });

  it('ignores ordinary and malformed comments', () => {
    for (const comment of ['# install deps', '# dockguardignore x', '# hadolint please', '#', '# hadolint ignore DL3002']) {
      assert.equal(parseSuppressionComment(comment), undefined, comment);
    }
  });
});

describe('suppression comments: effect', () => {
  const ROOT = 'FROM alpine:3.23\nCMD ["sh"]\n';

  it('silences a finding on the next instruction, and only that rule', () => {
    assert.deepEqual(codes(dockerfile(ROOT)), ['1:DG101']);
    assert.deepEqual(codes(dockerfile('# dockguard-ignore root-user -- init container needs root\n' + ROOT)), []);
    assert.deepEqual(codes(dockerfile('# dockguard-ignore DG101\n\n# more words\n' + ROOT)), [], 'blank and comment lines between are skipped');
  });

  it('covers a whole multi-line instruction', () => {
    const text = 'FROM alpine:3.23\n# dockguard-ignore root-user -- reason\nUSER \\\n  root\n';
    assert.deepEqual(codes(dockerfile(text)), []);
  });

  it('honours the file-wide forms, after parser directives', () => {
    assert.deepEqual(codes(dockerfile('# syntax=docker/dockerfile:1\n# dockguard-ignore-file root-user -- base image sets the user\n' + ROOT)), []);
    assert.deepEqual(codes(dockerfile('# hadolint global ignore=DL3002\n' + ROOT)), []);
    assert.deepEqual(codes(dockerfile('# hadolint ignore=DL3002\n' + ROOT)), []);
  });

  it('reports suppressions that do nothing, with a fix that removes them', () => {
    const text = 'FROM alpine:3.23\n# dockguard-ignore root-user -- stale\nUSER app\n';
    const findings = dockerfile(text);
    assert.deepEqual(codes(findings), ['2:DG004']);
    assert.equal(applyEdits(text, findings[0].fixes[0].edits), 'FROM alpine:3.23\nUSER app\n');
    assert.match(codes(dockerfile('# dockguard-ignore no-such-rule\n' + ROOT)).join(), /1:DG004/);
    assert.equal(dockerfile('# dockguard-ignore\n' + ROOT)[0].messageId, 'noRule');
  });

  it('offers no removal of an unused suppression in a compose file with a YAML error (issue 12: it made the file worse)', () => {
    const text = 'services:\n  web:\n    # dockguard-ignore privileged -- stale\n    image: "nginx:1.27\n    read_only: true\n';
    const findings = analyze(text, { kind: 'compose', config: resolveConfig({}) });
    const unused = findings.filter((f) => f.ruleId === 'unused-suppression');
    assert.equal(unused.length, 1);
    assert.deepEqual(unused[0].fixes, []);
    assert.ok(findings.some((f) => f.ruleId === 'yaml-syntax'));
  });

  it('removes a compose suppression comment to its YAML line end: a lone CR inside it ends no YAML line', () => {
    const text = 'services:\n  web:\n    ports:\n      # dockguard-ignore p\rrt-on-all-interfaces -- reason\n      - "127.0.0.1:8080:80"\n';
    const findings = analyze(text, { kind: 'compose', config: resolveConfig({}) }).filter((f) => f.ruleId === 'unused-suppression');
    assert.equal(findings.length, 1);
    assert.equal(applyEdits(text, findings[0].fixes[0].edits), 'services:\n  web:\n    ports:\n      - "127.0.0.1:8080:80"\n');
  });

  it('removes an unused suppression above a `# escape=` comment without making that comment a parser directive', () => {
    const unusedFix = (text: string) => dockerfile(text).find((f) => f.ruleId === 'unused-suppression')!.fixes[0].edits;
    // Found by the fuzzer: with the first line gone, `# escape=`` became the file's escape directive.
    const first = '# dockguard-ignore root-user -- x\n# escape=`\nFROM alpine:3.23\nRUN echo a \\\n  b\nUSER app\n';
    const fixed = applyEdits(first, unusedFix(first));
    assert.equal(fixed, '\n# escape=`\nFROM alpine:3.23\nRUN echo a \\\n  b\nUSER app\n');
    assert.deepEqual(codes(dockerfile(fixed)), []);
    // Below the directives, and above an ordinary line: the whole line goes.
    const afterDirective = '# syntax=docker/dockerfile:1\n# dockguard-ignore root-user -- x\n# escape=`\nFROM alpine:3.23\nUSER app\n';
    assert.equal(applyEdits(afterDirective, unusedFix(afterDirective)), '# syntax=docker/dockerfile:1\n\n# escape=`\nFROM alpine:3.23\nUSER app\n');
    const plain = '# dockguard-ignore root-user -- x\n# a comment\nFROM alpine:3.23\nUSER app\n';
    assert.equal(applyEdits(plain, unusedFix(plain)), '# a comment\nFROM alpine:3.23\nUSER app\n');
  });

  it('matches 20,000 suppressions above one instruction to its findings', () => {
    const text = 'FROM alpine:3.23\n' + '# dockguard-ignore root-user -- needs root\n'.repeat(20_000) + 'USER root\n';
    assert.deepEqual(codes(dockerfile(text)), [], 'each comment covers the finding on USER root, so none is unused');
    const elsewhere = 'FROM alpine:3.23\n' + '# dockguard-ignore root-user -- needs root\n'.repeat(20_000) + 'CMD ["sh"]\n';
    assert.equal(codes(dockerfile(elsewhere)).filter((c) => c.endsWith('DG004')).length, 20_000, 'the finding is on FROM: every comment is unused');
  });

  it('does not call a hadolint comment unused: hadolint may still need it', () => {
    assert.deepEqual(codes(dockerfile('FROM alpine:3.23\n# hadolint ignore=DL3002,DL3008\nUSER app\n')), []);
  });

  it('does not report a suppression of a rule the configuration turned off', () => {
    assert.deepEqual(codes(dockerfile('# dockguard-ignore root-user\n' + ROOT, { rules: { 'root-user': 'off' } })), []);
  });

  it('reports every suppression and honours none when suppressions are forbidden', () => {
    const findings = dockerfile('# dockguard-ignore root-user -- please\n' + ROOT, { allowSuppressions: false });
    assert.deepEqual(codes(findings), ['1:DG005', '2:DG101']);
  });

  it('covers a whole YAML entry in compose files', () => {
    const probe = defineComposeRule({
      meta: {
        id: 'test-probe',
        code: 'DG999',
        severity: 'warning',
        category: 'configuration',
        title: 't',
        description: 'reports every service name and image',
        messages: { service: 'service', image: 'image' },
        fixable: false,
        hasSuggestions: false,
      },
      check({ model, report }) {
        for (const service of model.services) {
          report({ range: service.nameRange, messageId: 'service' });
          const image = service.get('image');
          if (image?.value) report({ range: model.rangeOf(image.value), messageId: 'image' });
        }
      },
    });
    const text = 'services:\n  # dockguard-ignore DG999 -- whole service\n  web:\n    image: a\n  db:\n    # dockguard-ignore DG999\n    image: b\n';
    const findings = analyze(text, { kind: 'compose', rules: [probe] });
    assert.deepEqual(codes(findings), ['5:DG999']);
  });
});

describe('ignore code actions', () => {
  it('inserts the comment above the instruction holding the finding', () => {
    const text = 'FROM alpine:3.23\nUSER \\\n  root\n';
    const finding = dockerfile(text)[0];
    const [line, file] = ignoreFixes(text, 'dockerfile', finding);
    assert.equal(applyEdits(text, line.edits), 'FROM alpine:3.23\n# dockguard-ignore root-user -- reason\nUSER \\\n  root\n');
    assert.deepEqual(codes(dockerfile(applyEdits(text, line.edits))), []);
    assert.equal(applyEdits(text, file.edits), '# dockguard-ignore-file root-user -- reason\nFROM alpine:3.23\nUSER \\\n  root\n');
  });

  it('keeps parser directives first', () => {
    const text = '# syntax=docker/dockerfile:1\n# escape=\\\nFROM alpine:3.23\n';
    const [, file] = ignoreFixes(text, 'dockerfile', dockerfile(text)[0]);
    assert.equal(applyEdits(text, file.edits), '# syntax=docker/dockerfile:1\n# escape=\\\n# dockguard-ignore-file root-user -- reason\nFROM alpine:3.23\n');
  });

  it('indents like the YAML entry it covers', () => {
    const text = 'services:\n  web:\n    ports:\n      - "8080:80"\n';
    const finding: Finding = {
      ruleId: 'port-on-all-interfaces',
      code: 'DG213',
      severity: 'warning',
      message: 'm',
      messageId: 'public',
      range: { start: { line: 3, character: 8 }, end: { line: 3, character: 17 } },
      fixes: [],
    };
    const [line] = ignoreFixes(text, 'compose', finding);
    assert.equal(applyEdits(text, line.edits), 'services:\n  web:\n    ports:\n      # dockguard-ignore port-on-all-interfaces -- reason\n      - "8080:80"\n');
  });
});
