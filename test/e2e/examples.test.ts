// The demo's example workspace in a real VS Code: its insecure Dockerfile shows the classic mistakes the
// examples README promises, and the quick-fix menu offers the non-root USER fix on the final stage.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { openWorkspace, screenshotName, type Session } from './harness';

/** Root final stage, latest tag, full image, secret in ENV, credential files, ADD, remote ADD, curl | sh, curl -k, SSH. */
const CLASSIC_MISTAKES = ['DG101', 'DG102', 'DG103', 'DG105', 'DG106', 'DG107', 'DG108', 'DG109', 'DG110', 'DG115'];

describe('examples/ in VS Code (code-server)', { timeout: 20 * 60_000 }, () => {
  let session: Session;
  before(async () => (session = await openWorkspace('examples')), { timeout: 15 * 60_000 });
  after(async () => session?.close());
  afterEach(async (t) => void (await session?.workbench.screenshot(screenshotName('examples', t.name))));

  it('offers the non-root user fix on the final stage of the example Dockerfile', async () => {
    const { workbench } = session;
    await workbench.openFile('Dockerfile');
    await workbench.waitForSquiggle();
    await workbench.openProblems();
    const problems = await workbench.waitForProblems({ contains: 'DG101' });
    const [, line, column] = /DG101\)?\s*\[Ln (\d+), Col (\d+)\]/.exec(problems) ?? [];
    assert.ok(line, problems);
    await workbench.focusEditor();
    await workbench.goTo(Number(line), Number(column));
    const titles = await workbench.openQuickFixMenu();
    assert.ok(titles.some((title) => title.startsWith('Run as a non-root user')), titles.join(' | '));
    await workbench.screenshot('examples-dockerfile-quick-fix-menu');
    await workbench.press('Escape');
  });

  it('lists every classic mistake in the Problems panel', async () => {
    const { workbench } = session;
    // Maximized, the panel shows every entry: its list only renders the rows in view.
    await workbench.runCommand('View: Toggle Maximized Panel');
    await workbench.waitForProblems({ contains: CLASSIC_MISTAKES });
  });
});
