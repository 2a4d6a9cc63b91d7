// "dockguard: Scan workspace" in a real VS Code (Restricted Mode): a Dockerfile and a compose file in subfolders,
// never opened, get their findings into the Problems panel; opening one shows its counts in the status bar.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { openWorkspace, screenshotName, type Session } from './harness';
import { dockguardStatus } from './workbench';

/** api/Dockerfile: root final stage, full image, `latest`. */
const DOCKERFILE_CODES = ['DG101', 'DG102', 'DG103'];
/** deploy/compose.yaml: the service built from ../api runs as root (read across files), the database is public. */
const COMPOSE_CODES = ['DG219', 'DG213'];

describe('Workspace scan and status bar in VS Code (code-server), Restricted Mode', { timeout: 20 * 60_000 }, () => {
  let session: Session;
  before(async () => (session = await openWorkspace('test/fixtures/e2e-scan')), { timeout: 15 * 60_000 });
  after(async () => session?.close());
  afterEach(async (t) => void (await session?.workbench.screenshot(screenshotName('workspace-scan', t.name))));

  it('lists the findings of unopened files in subfolders after "dockguard: Scan workspace"', async () => {
    const { workbench } = session;
    await workbench.waitForRestrictedMode();
    await workbench.openProblems();
    // Nothing is open yet, so nothing has been analysed.
    const before = await workbench.waitForProblems({ contains: 'No problems have been detected' });
    assert.doesNotMatch(before, /DG\d{3}/);
    assert.equal(await workbench.page.locator('.tab').count(), 0, 'no editor is open');

    await workbench.runCommand('dockguard: Scan workspace');
    await workbench.page.locator('.notification-toast', { hasText: 'dockguard: 5 finding(s) in 2 file(s)' }).waitFor();
    const problems = await workbench.waitForProblems({ contains: [...DOCKERFILE_CODES, ...COMPOSE_CODES] });
    assert.match(problems, /Service api runs as root: it is built from \.\.\/api\/Dockerfile/);
    // Grouped under each file, named with its folder, as a screen reader announces the groups.
    const group = (label: string) => workbench.page.locator(`.markers-panel .monaco-list-row[aria-label="${label}"]`).waitFor();
    await group('3 problems in file Dockerfile of folder api');
    await group('2 problems in file compose.yaml of folder deploy');
    await workbench.waitForProblemSeverity('DG213', 'Error');
    assert.equal(await workbench.page.locator('.tab').count(), 0, 'the scan opened no editor');
  });

  it('shows the open file’s counts in the status bar', async () => {
    const { workbench } = session;
    await workbench.press('Escape'); // the scan's notification
    await workbench.openFile('compose.yaml');
    await workbench.waitForStatusBarItem('dockguard.status', dockguardStatus({ errors: 1, warnings: 1, infos: 0 }));
    await workbench.openFile('Dockerfile');
    await workbench.waitForStatusBarItem('dockguard.status', dockguardStatus({ errors: 0, warnings: 2, infos: 1 }));
    // Opening files keeps the other file's scanned findings listed.
    await workbench.waitForProblems({ contains: [...DOCKERFILE_CODES, ...COMPOSE_CODES] });
  });
});
