// "Show rule documentation" in a real VS Code (code-server, no network): the page bundled with the extension opens
// in the Markdown preview, from a finding's quick-fix menu and from the Command Palette.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { openWorkspace, screenshotName, type Session } from './harness';

describe('Show rule documentation in VS Code (code-server), offline', { timeout: 20 * 60_000 }, () => {
  let session: Session;
  before(async () => (session = await openWorkspace('test/fixtures/e2e-workspace')), { timeout: 15 * 60_000 });
  after(async () => session?.close());
  afterEach(async (t) => void (await session?.workbench.screenshot(screenshotName('rule-documentation', t.name))));

  it('opens the rule page of a finding from its quick-fix menu', async () => {
    const { workbench } = session;
    await workbench.openFile('Dockerfile');
    await workbench.waitForSquiggle();
    await workbench.openProblems();
    const [, line, column] = /DG101\)?\s*\[Ln (\d+), Col (\d+)\]/.exec(await workbench.waitForProblems({ contains: ['DG101'] })) ?? [];
    assert.ok(line, 'the Problems entry names the finding’s position');
    await workbench.focusEditor();
    await workbench.goTo(Number(line), Number(column));
    const titles = await workbench.openQuickFixMenu();
    assert.ok(
      titles.some((t) => t.startsWith('Show documentation for root-user (DG101)')),
      titles.join(' | '),
    );
    await workbench.chooseQuickFix('Show documentation for root-user (DG101)');
    await session.workbench.waitForMarkdownPreview('root-user.md', 'Final stage runs as root');
  });

  it('opens any rule page from the Command Palette, picked by code', async () => {
    const { workbench } = session;
    await workbench.runCommand('dockguard: Show rule documentation', { opensQuickPick: 'Which dockguard rule?' });
    const quickInput = workbench.page.locator('.quick-input-widget');
    await workbench.page.keyboard.type('DG213');
    await quickInput.locator('.monaco-list-row.focused', { hasText: 'port-on-all-interfaces' }).waitFor();
    await workbench.press('Enter');
    await session.workbench.waitForMarkdownPreview('port-on-all-interfaces.md', 'Port published on every network interface');
  });
});
