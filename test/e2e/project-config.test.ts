// A project's .dockguard.yaml in a real VS Code (Restricted Mode): the severity it sets shows in the Problems panel,
// its misspelt rule shows as DG003 on .dockguard.yaml itself, and correcting the typo applies as it is typed.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { openWorkspace, screenshotName, type Session } from './harness';
import { dockguardStatus } from './workbench';

const TYPO = 'Unknown rule root-usr; did you mean root-user?';

describe('.dockguard.yaml in VS Code (code-server), Restricted Mode', { timeout: 20 * 60_000 }, () => {
  let session: Session;
  before(async () => (session = await openWorkspace('test/fixtures/e2e-project-config')), { timeout: 15 * 60_000 });
  after(async () => session?.close());
  afterEach(async (t) => void (await session?.workbench.screenshot(screenshotName('project-config', t.name))));

  it('shows DG107 with the severity .dockguard.yaml sets (error, its default is warning)', async () => {
    const { workbench } = session;
    await workbench.waitForRestrictedMode();
    await workbench.openFile('Dockerfile');
    await workbench.page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor();
    await workbench.openProblems();
    await workbench.waitForProblemSeverity('DG107', 'Error');
    // The misspelt entry switched nothing off: root-user keeps its default.
    await workbench.waitForProblemSeverity('DG101', 'Warning');
    await workbench.waitForStatusBarItem('dockguard.status', dockguardStatus({ errors: 1, warnings: 1, infos: 0 }));
  });

  it('reports the unknown rule as DG003 on .dockguard.yaml, where it is', async () => {
    const { workbench } = session;
    const entry = await workbench.waitForProblemSeverity('DG003', 'Error');
    assert.ok(entry.includes(TYPO), entry);
    assert.match(entry, /\[Ln 4, Col 3\]/);
    await workbench.page.locator('.markers-panel .monaco-list-row[aria-label="1 problems in file .dockguard.yaml of folder ."]').waitFor();
  });

  it('applies the corrected rule name as it is typed: DG003 and DG101 go', async () => {
    const { workbench } = session;
    await workbench.openFile('.dockguard.yaml');
    await workbench.goTo(4, 10); // `  root-us|r: off`
    await workbench.page.keyboard.type('e');
    await workbench.waitForEditorText({ contains: '  root-user: off' });
    await workbench.waitForProblems({ contains: 'DG107', lacks: ['DG003', 'DG101'] });
    await workbench.waitForProblemSeverity('DG107', 'Error');
  });
});
