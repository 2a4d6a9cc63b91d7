import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ShowDocumentParams } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../support/lsp-client';

const ROOT = join(__dirname, '..', '..');
const PAGE = /^https:\/\/github\.com\/dockguard\/dockguard\/blob\/main\/docs\/rules\/([a-z-]+)\.md$/;

describe('language server: rule pages from any editor', () => {
  let client: LspClient;
  before(async () => (client = await LspClient.start()));
  after(async () => client.stop());

  it('links every diagnostic to the https page of its rule, a page the repository has', async () => {
    const published = await client.open(
      'file:///docs-test/compose.yaml',
      'dockercompose',
      'services:\n  a:\n    image: x\n    privileged: true\n    ports: ["5432:5432"]\n',
    );
    assert.ok(published.diagnostics.length > 3);
    for (const diagnostic of published.diagnostics) {
      const match = PAGE.exec(diagnostic.codeDescription?.href ?? '');
      assert.ok(match, diagnostic.codeDescription?.href);
      assert.ok(existsSync(join(ROOT, 'docs', 'rules', `${match[1]}.md`)), match[1]);
    }
  });

  it('answers "Show rule documentation" with window/showDocument of the https page, in the browser', async () => {
    const shown = new Promise<ShowDocumentParams>((resolve) =>
      client.connection.onRequest('window/showDocument', (params: ShowDocumentParams) => {
        resolve(params);
        return { success: true };
      }),
    );
    await client.connection.sendRequest('workspace/executeCommand', { command: 'dockguard.showRuleDocumentation', arguments: ['root-user'] });
    assert.deepEqual(await shown, { uri: 'https://github.com/dockguard/dockguard/blob/main/docs/rules/root-user.md', external: true, takeFocus: true });
  });

  it('links the page from the hover too', async () => {
    const uri = 'file:///docs-test/Dockerfile';
    await client.open(uri, 'dockerfile', 'FROM alpine:3.23\nCMD ["sh"]\n');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } })) as {
      contents: { value: string };
    };
    assert.match(hover.contents.value, /\[Rule documentation\]\(https:\/\/github\.com\/dockguard\/dockguard\/blob\/main\/docs\/rules\/root-user\.md\)/);
  });
});
