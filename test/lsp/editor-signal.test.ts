// Signal over noise in the editor (issue 9 item 16): a compose service's missing baseline settings as one
// diagnostic with one "Harden this service" action, a short quick-fix menu (fixes first, one ignore and one docs
// entry per diagnostic), an outer diagnostic that does not hide an inner one's fixes, and short hovers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lsp-client';
import { applyWorkspaceEdit } from '../support/text-edits';

const COMPOSE = `services:
  web:
    image: nginx:1.27
  cache:
    image: redis:7.4
    read_only: true
    cap_drop: [ALL]
    security_opt: ["no-new-privileges:true"]
    pids_limit: 100
`;

const hover = async (client: LspClient, uri: string, line: number, character: number) =>
  ((await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as { contents: { value: string } })
    .contents.value;

describe('language server: one diagnostic per service for the baseline settings, short menus and hovers', () => {
  let client: LspClient;
  let settings: Record<string, unknown> = {};
  before(async () => (client = await LspClient.start({ configuration: (section) => (section === 'dockguard' ? settings : null) })));
  after(async () => client.stop());

  it('publishes a service that misses several settings as one DG008 diagnostic, and one that misses one as that rule', async () => {
    const published = await client.open('file:///signal/compose.yaml', 'dockercompose', COMPOSE);
    assert.deepEqual(
      published.diagnostics.map((d) => `${d.range.start.line}:${d.code}`),
      ['1:DG008', '3:DG205'],
    );
    const [group] = published.diagnostics;
    assert.match(String(group.message), /^Service web misses 5 baseline hardening settings/);
    assert.equal(group.codeDescription?.href, 'https://github.com/dockguard/dockguard/blob/main/docs/rules/service-hardening.md');
  });

  it('offers Harden this service first, each setting on its own, then one ignore and one docs entry', async () => {
    const uri = 'file:///signal/compose.yaml';
    const group = (await client.open(uri, 'dockercompose', COMPOSE)).diagnostics[0];
    const actions = await client.codeActions(uri, group.range, [group]);
    const titles = actions.map((a) => a.title);
    assert.equal(titles[0], 'Harden this service');
    assert.equal(actions[0].isPreferred, true);
    assert.equal(actions.filter((a) => a.isPreferred).length, 1, titles.join(' | '));
    assert.deepEqual(titles.slice(-2), [
      'Ignore these 5 rules (DG202, DG204, DG205, DG206, DG207) for this entry',
      'Show documentation for service-hardening (DG008)',
    ]);
    assert.ok(titles.includes('Drop all capabilities (cap_drop: [ALL])') && titles.includes('Limit processes to 200'), titles.join(' | '));
    assert.ok(titles.length <= 9, `a short menu: ${titles.join(' | ')}`);

    const hardened = applyWorkspaceEdit(COMPOSE, uri, actions[0].edit as never);
    const after = await client.change(uri, [{ text: hardened }]);
    assert.deepEqual(
      after.diagnostics.map((d) => `${d.range.start.line}:${d.code}`),
      [`${hardened.split('\n').indexOf('  cache:')}:DG205`],
      hardened,
    );
  });

  it('shows the rules one by one when service-hardening is off', async () => {
    const uri = 'file:///signal/separate/compose.yaml';
    settings = { rules: { 'service-hardening': 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const published = await client.open(uri, 'dockercompose', COMPOSE);
    settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['DG202', 'DG204', 'DG205', 'DG206', 'DG207', 'DG205'],
    );
    await client.close(uri);
  });

  it('keeps an inner diagnostic’s fixes reachable anywhere under the outer one (DG102 on the tag, DG101 on the FROM line)', async () => {
    const uri = 'file:///signal/Dockerfile';
    const published = await client.open(uri, 'dockerfile', 'FROM python:3.12\nCMD ["python"]\n');
    const outer = published.diagnostics.find((d) => d.code === 'DG101')!;
    // The cursor on FROM: the editor sends only the diagnostics under it, DG101.
    const atFrom = { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } };
    const actions: CodeAction[] = await client.codeActions(uri, atFrom, [outer]);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Run as a non-root user (USER app)'), titles.join(' | '));
    assert.ok(titles.includes('Use python:3.12-slim (slim variant)'), titles.join(' | '));
    // Edits before ignore and docs entries, one of each per diagnostic.
    const firstOther = titles.findIndex((t) => t.startsWith('Ignore ') || t.startsWith('Show documentation'));
    assert.ok(actions.slice(0, firstOther).every((a) => a.edit) && actions.slice(firstOther).every((a) => !a.title.startsWith('Use ')), titles.join(' | '));
    assert.equal(titles.filter((t) => t.startsWith('Ignore ')).length, 2, titles.join(' | '));
    assert.equal(titles.filter((t) => t.startsWith('Show documentation')).length, 2, titles.join(' | '));
    const inner = published.diagnostics.find((d) => d.code === 'DG102')!;
    const innerOnly = (await client.codeActions(uri, inner.range, [inner as Diagnostic])).map((a) => a.title);
    assert.ok(!innerOnly.includes('Run as a non-root user (USER app)'), 'an outer finding does not come with an inner request');
  });

  it('hovers with the message once, a one-sentence summary and a link, not the rule page', async () => {
    const uri = 'file:///signal/hover/Dockerfile';
    await client.open(uri, 'dockerfile', 'FROM alpine:3.23\nCMD ["sh"]\n');
    const text = await hover(client, uri, 0, 1);
    assert.equal(text.split('Final stage runs as root').length - 1, 1, text);
    assert.match(
      text,
      /\*\*Why\.\*\* [^\n]+\.\n\n\[Rule documentation\]\(https:\/\/github\.com\/dockguard\/dockguard\/blob\/main\/docs\/rules\/root-user\.md\)$/,
    );
    assert.ok(!text.includes('**Fix.**'));
    assert.ok(text.length < 900, `${text.length} characters`);

    const composeUri = 'file:///signal/hover/compose.yaml';
    await client.open(composeUri, 'dockercompose', COMPOSE);
    const group = await hover(client, composeUri, 1, 3);
    assert.match(group, /Service web misses 5 baseline hardening settings/);
    assert.match(group, /- \[DG202 missing-cap-drop-all\]\(https:[^)]+missing-cap-drop-all\.md\): Service keeps the default capabilities/);
  });
});
