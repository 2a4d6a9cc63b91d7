// Living with findings in a real VS Code (Restricted Mode): ignoring one for a single instruction with a reason
// typed over the selected placeholder, then turning a rule off and back on through the workspace settings, which
// applies at once, without a reload.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { openWorkspace, screenshotName, waitForFileContent, type Session } from './harness';
import { dockguardStatus } from './workbench';

const IGNORE_TITLE = 'Ignore add-instead-of-copy (DG107) for this instruction';
const REASON = 'upstream build script, switching to COPY in #42';
/** The instruction the finding is on is indented under its FROM: the comment above it must be too. */
const INSTRUCTION = '    ADD go.mod go.sum main.go ./';

describe('Suppressions and settings in VS Code (code-server), Restricted Mode', { timeout: 20 * 60_000 }, () => {
  let session: Session;
  before(async () => (session = await openWorkspace('test/fixtures/e2e-suppression')), { timeout: 15 * 60_000 });
  after(async () => session?.close());
  afterEach(async (t) => void (await session?.workbench.screenshot(screenshotName('suppression-and-settings', t.name))));

  /** Writes the workspace's .vscode/settings.json in the temporary copy, as an editor or a `git pull` would. */
  const writeWorkspaceSettings = (settings: object) => {
    mkdirSync(path.join(session.workspace, '.vscode'), { recursive: true });
    writeFileSync(path.join(session.workspace, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
  };

  it('ignores DG107 for one instruction: an indented comment above it, the reason typed over the selected placeholder', async () => {
    const { workbench } = session;
    await workbench.waitForRestrictedMode();
    await workbench.openFile('Dockerfile');
    await workbench.waitForSquiggle();
    await workbench.openProblems();
    const problems = await workbench.waitForProblems({ contains: ['DG107', 'DG101'] });
    const [, line, column] = /DG107\)?\s*\[Ln (\d+), Col (\d+)\]/.exec(problems) ?? [];
    assert.ok(line, problems);
    await workbench.focusEditor();
    await workbench.goTo(Number(line), Number(column));

    const titles = await workbench.openQuickFixMenu();
    assert.ok(
      titles.some((title) => title.startsWith(IGNORE_TITLE)),
      `quick fixes offered: ${titles.join(' | ')}`,
    );
    await workbench.chooseQuickFix(IGNORE_TITLE);

    const placeholder = `    # dockguard-ignore add-instead-of-copy -- reason\n${INSTRUCTION}`;
    await workbench.waitForEditorText({ contains: placeholder });
    // The client selected the word `reason` (6 characters) on the inserted line, so typing replaces it.
    await workbench.waitForStatusBarItem('status.editor.selection', new RegExp(`^Ln ${line}, Col \\d+ \\(6 selected\\)$`));
    await workbench.screenshot('suppression-and-settings-reason-selected');
    await workbench.page.keyboard.type(REASON);

    const commented = `    # dockguard-ignore add-instead-of-copy -- ${REASON}\n${INSTRUCTION}`;
    await workbench.waitForEditorText({ contains: commented, lacks: '-- reason' });
    // The suppression is used (no DG004) and the other finding is unaffected.
    await workbench.waitForProblems({ contains: 'DG101', lacks: ['DG107', 'DG004'] });
    await workbench.save();
    await waitForFileContent(path.join(session.workspace, 'Dockerfile'), commented + '\n');
  });

  it('turns root-user off in the workspace settings: its squiggle and Problems entry go, without a reload', async () => {
    const { workbench } = session;
    await workbench.waitForProblemSeverity('DG101', 'Warning');
    await workbench.squiggles().first().waitFor();

    writeWorkspaceSettings({ 'dockguard.rules': { 'root-user': 'off' } });
    await workbench.waitForProblems({ lacks: 'DG101' });
    await workbench.squiggles().first().waitFor({ state: 'detached' });
    await workbench.waitForStatusBarItem('dockguard.status', dockguardStatus('clean'));
  });

  it('sets root-user to error: the finding comes back as an error', async () => {
    const { workbench } = session;
    writeWorkspaceSettings({ 'dockguard.rules': { 'root-user': 'error' } });
    await workbench.waitForProblemSeverity('DG101', 'Error');
    await workbench.page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor();
    await workbench.waitForStatusBarItem('dockguard.status', dockguardStatus({ errors: 1, warnings: 0, infos: 0 }));
  });
});
