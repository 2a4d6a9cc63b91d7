// A compose file whose only weakness is a service without resource limits, opened in a real VS Code in Restricted
// Mode: it is recognised as Compose, DG205 shows as a squiggle and in the Problems panel, and the "limit CPUs and
// memory" fix, chosen from the keyboard, nests deploy.resources.limits into the service and keeps the comment.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { openWorkspace, screenshotName, waitForFileContent, type Session } from './harness';
import { dockguardStatus } from './workbench';

const COMMENT = '# The web tier of the shop. Hardened: read-only, no capabilities, no privilege escalation.';
/** The fix's title starts with this, then names the limits: "Limit CPUs to 0.50 and memory to 512M". */
const FIX_TITLE = 'Limit CPUs to';
/** What the fix appends to the service, with the default limits, indented under `web:`. */
const LIMITS_BLOCK = ['    deploy:', '      resources:', '        limits:', '          cpus: "0.50"', '          memory: 512M'].join('\n');

describe('Compose resource-limits quick fix in VS Code (code-server), Restricted Mode', { timeout: 20 * 60_000 }, () => {
  let session: Session;
  before(async () => (session = await openWorkspace('test/fixtures/e2e-compose')), { timeout: 15 * 60_000 });
  after(async () => session?.close());
  afterEach(async (t) => void (await session?.workbench.screenshot(screenshotName('compose-quick-fix', t.name))));

  it('opens compose.yaml as a Compose file and shows DG205 as a squiggle and in the Problems panel', async () => {
    const { workbench } = session;
    await workbench.waitForRestrictedMode();
    await workbench.openFile('compose.yaml');
    await workbench.waitForStatusBarItem('status.editor.mode', /^Compose$/);
    await workbench.waitForSquiggle();
    await workbench.openProblems();
    await workbench.waitForProblems({ contains: ['DG205', 'Service web has no memory or CPU limit'] });
    await workbench.waitForProblemSeverity('DG205', 'Warning');
    await workbench.waitForStatusBarItem('dockguard.status', dockguardStatus({ errors: 0, warnings: 1, infos: 0 }));
  });

  it('adds deploy.resources.limits from the keyboard, keeps the comment, and DG205 goes away', async () => {
    const { workbench } = session;
    const [, line, column] = /DG205\)?\s*\[Ln (\d+), Col (\d+)\]/.exec(await workbench.problemsText()) ?? [];
    assert.ok(line, 'the Problems entry names the finding’s position');
    await workbench.focusEditor();
    await workbench.goTo(Number(line), Number(column));

    const titles = await workbench.openQuickFixMenu();
    assert.ok(
      titles.some((title) => title.startsWith(FIX_TITLE)),
      `quick fixes offered: ${titles.join(' | ')}`,
    );
    await workbench.screenshot('compose-quick-fix-menu');
    await workbench.chooseQuickFix(FIX_TITLE);

    const text = await workbench.waitForEditorText({ contains: [LIMITS_BLOCK, COMMENT] });
    assert.equal(text.split('\n').filter((l) => l.trim() === 'deploy:').length, 1, text);
    // The service's other keys are untouched and the YAML still parses (no DG002): only DG205 was concerned.
    assert.match(text, /^ {4}pids_limit: 100$/m);
    await workbench.waitForProblems({ lacks: ['DG205', 'DG002'] });
    await workbench.waitForStatusBarItem('dockguard.status', dockguardStatus('clean'));
    await workbench.screenshot('compose-quick-fix-applied');

    await workbench.save();
    const saved = await waitForFileContent(path.join(session.workspace, 'compose.yaml'), LIMITS_BLOCK + '\n');
    assert.ok(saved.startsWith(COMMENT + '\n'), saved);
  });
});
