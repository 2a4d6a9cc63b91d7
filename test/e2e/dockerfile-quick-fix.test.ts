// A freshly cloned project with an insecure Dockerfile, opened in a real VS Code in Restricted Mode: the finding
// shows as a squiggle and in the Problems panel, and its quick fix, applied from the keyboard, removes it.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { nodeLanguageServers, openWorkspace, screenshotName, waitForFileContent, type Session } from './harness';

const FIX_TITLE = 'Run as a non-root user';
const FIXED_BLOCK = ['COPY app.sh /usr/local/bin/app.sh', 'RUN addgroup -S app && adduser -S -G app app', 'USER app', 'CMD ["/usr/local/bin/app.sh"]'].join(
  '\n',
);

describe('Dockerfile quick fix in VS Code (code-server), Restricted Mode', { timeout: 20 * 60_000 }, () => {
  let session: Session;
  before(async () => (session = await openWorkspace('test/fixtures/e2e-workspace')), { timeout: 15 * 60_000 });
  after(async () => session?.close());
  // Whatever the outcome, keep what the window looked like after each step.
  afterEach(async (t) => void (await session?.workbench.screenshot(screenshotName('dockerfile-quick-fix', t.name))));

  it('opens the workspace untrusted, in Restricted Mode', async () => {
    await session.workbench.waitForRestrictedMode();
  });

  it('shows the DG101 finding as a squiggle and in the Problems panel', async () => {
    const { workbench } = session;
    await workbench.openFile('Dockerfile');
    await workbench.waitForSquiggle();
    await workbench.openProblems();
    const problems = await workbench.waitForProblems({ contains: ['DG101', 'runs as root'] });
    assert.match(problems, /dockguard/);
    // By default code-server runs the extension on Node, with its Node language server (web-extension.test.ts: none).
    assert.equal(nodeLanguageServers(session.extensionsDir).length, 1, 'one Node language server runs');
  });

  it('applies the non-root USER quick fix from the keyboard and the finding goes away', async () => {
    const { workbench } = session;
    const [, line, column] = /DG101\)?\s*\[Ln (\d+), Col (\d+)\]/.exec(await workbench.problemsText()) ?? [];
    assert.ok(line, 'the Problems entry names the finding’s position');
    await workbench.focusEditor();
    await workbench.goTo(Number(line), Number(column));

    const titles = await workbench.openQuickFixMenu();
    assert.ok(
      titles.some((title) => title.startsWith(FIX_TITLE)),
      `quick fixes offered: ${titles.join(' | ')}`,
    );
    await workbench.screenshot('dockerfile-quick-fix-menu');
    await workbench.chooseQuickFix(FIX_TITLE);

    const text = await workbench.waitForEditorText({ contains: FIXED_BLOCK });
    assert.equal(text.split('\n').filter((l) => l.startsWith('USER ')).length, 1, text);
    await workbench.waitForProblems({ lacks: 'DG101' });
    await workbench.screenshot('dockerfile-quick-fix-applied');

    // Saved (VS Code also saves files a refactoring changed), the file on disk is the fixed one.
    await workbench.save();
    await waitForFileContent(path.join(session.workspace, 'Dockerfile'), FIXED_BLOCK + '\n');
  });
});
