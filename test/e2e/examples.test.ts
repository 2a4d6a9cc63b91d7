// The demo's example workspace in a real VS Code: its insecure Dockerfile and compose file show the classic
// mistakes the examples README promises, the quick-fix menu offers the non-root USER suggestion on the final stage,
// the project's .dockguard.yaml shows in the compose findings' severities and in the resource-limit suggestion, and
// "Fix all safe findings" applies only fixes that keep the container as it was (the fix policy).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { openWorkspace, screenshotName, type Session } from './harness';
import { REPO_ROOT } from './setup';

const EXAMPLES = path.join(REPO_ROOT, 'examples');

/**
 * Root final stage, latest tag, full image, secret in ENV, credential files, ADD, remote ADD, curl | sh, curl -k, SSH,
 * RUN --security=insecure, chmod 777, apt-key add.
 */
const CLASSIC_MISTAKES = ['DG101', 'DG102', 'DG103', 'DG105', 'DG106', 'DG107', 'DG108', 'DG109', 'DG110', 'DG115', 'DG130', 'DG134', 'DG138'];
/**
 * compose.yaml: privileged, SYS_ADMIN, services that miss several baseline settings (no cap_drop, writable root
 * filesystem, no limits, no pids limit, no no-new-privileges: one DG008 each in the editor), seccomp unconfined,
 * host network and pid, read-write bind mount, the host's /, the Docker socket, ports on every interface (one a
 * database), plaintext secrets, `latest`, built from the root Dockerfile.
 */
const COMPOSE_MISTAKES = ['DG008', 'DG201', 'DG203', 'DG208', 'DG209', 'DG210', 'DG211', 'DG212', 'DG213', 'DG215', 'DG216', 'DG219'];

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
    // Maximized, the panel renders every entry: DG101 may sit below the rows in view.
    await workbench.runCommand('View: Toggle Maximized Panel');
    const problems = await workbench.waitForProblems({ contains: 'DG101' });
    await workbench.runCommand('View: Toggle Maximized Panel');
    const [, line, column] = /DG101\)?\s*\[Ln (\d+), Col (\d+)\]/.exec(problems) ?? [];
    assert.ok(line, problems);
    await workbench.focusEditor();
    await workbench.goTo(Number(line), Number(column));
    const titles = await workbench.openQuickFixMenu();
    assert.ok(
      titles.some((title) => title.startsWith('Run as a non-root user')),
      titles.join(' | '),
    );
    await workbench.screenshot('examples-dockerfile-quick-fix-menu');
    await workbench.press('Escape');
  });

  it('lists every classic mistake in the Problems panel', async () => {
    const { workbench } = session;
    // Maximized, the panel shows every entry: its list only renders the rows in view.
    await workbench.runCommand('View: Toggle Maximized Panel');
    await workbench.waitForProblems({ contains: CLASSIC_MISTAKES });
  });

  it('lists the compose mistakes, with the severity and limits set in .dockguard.yaml', async () => {
    const { workbench } = session;
    await workbench.runCommand('View: Toggle Maximized Panel');
    await workbench.focusEditor();
    // Closed, the Dockerfile's findings leave the Problems panel: every compose entry fits in view.
    await workbench.runCommand('View: Close Editor');
    await workbench.waitForProblems({ lacks: CLASSIC_MISTAKES });
    await workbench.openFile('compose.yaml');
    await workbench.waitForStatusBarItem('status.editor.mode', /^Compose$/);
    await workbench.waitForSquiggle();
    await workbench.waitForStatusBarItem('dockguard.status', /^shield\s+error\s+\d+\s+warning\s+\d+\s+info\s+\d+, dockguard: /);
    await workbench.runCommand('View: Toggle Maximized Panel');
    const problems = await workbench.waitForProblems({ contains: COMPOSE_MISTAKES });
    // The five baseline rules stand behind DG008 in the editor, one finding per service, not five.
    assert.doesNotMatch(problems, /DG20[24567]\)/);
    assert.match(problems, /Service app runs as root: it is built from \.\/Dockerfile/);
    // .dockguard.yaml makes every port on all interfaces an error, the app's port 8000 too (a warning by default).
    const ports = (await workbench.problemEntries()).filter((entry) => entry.includes('DG213'));
    assert.equal(ports.length, 2, ports.join('\n'));
    assert.ok(
      ports.every((entry) => entry.startsWith('Error:')),
      ports.join('\n'),
    );
    await workbench.screenshot('examples-compose-problems');
    await workbench.runCommand('View: Toggle Maximized Panel');

    // Harden this service applies every baseline suggestion at once, with the limits .dockguard.yaml sets, not
    // dockguard's defaults; each suggestion is offered on its own beside it.
    const [, line, column] = /DG008\)?\s*\[Ln (\d+), Col (\d+)\]/.exec(problems) ?? [];
    assert.ok(line, problems);
    await workbench.focusEditor();
    await workbench.goTo(Number(line), Number(column));
    const titles = await workbench.openQuickFixMenu();
    assert.equal(titles[0], 'Harden this service', titles.join(' | '));
    assert.ok(
      titles.some((title) => title.startsWith('Limit CPUs to 1.0 and memory to 256M')),
      titles.join(' | '),
    );
    await workbench.screenshot('examples-compose-quick-fix-menu');
    // Suggestions (limits can starve a service), applied with one click: the limits .dockguard.yaml sets.
    await workbench.chooseQuickFix('Harden this service');
    await workbench.waitForEditorText({ contains: ['          memory: 256M', '    pids_limit: 100', '    cap_drop: [ALL]'] });
  });

  it('"Fix all safe findings" applies only what keeps the container as it was: ADD becomes COPY, the root stage stays for a person', async () => {
    const { workbench } = session;
    // Saved and closed, the compose file's findings leave the Problems panel: the Dockerfile's entries fit in view.
    await workbench.save();
    await workbench.runCommand('View: Close Editor');
    await workbench.openFile('Dockerfile');
    await workbench.waitForSquiggle();
    await workbench.runCommand('dockguard: Fix all safe findings in this file');
    // The editor renders only the lines in view: go to the ADD before reading it back.
    const lines = readFileSync(path.join(EXAMPLES, 'Dockerfile'), 'utf8').split('\n');
    await workbench.focusEditor();
    await workbench.goTo(lines.indexOf('ADD requirements.txt .') + 1);
    await workbench.waitForEditorText({ contains: ['COPY requirements.txt .'] });
    await workbench.runCommand('View: Toggle Maximized Panel');
    await workbench.waitForProblems({ lacks: ['DG107', 'DG205'], contains: ['DG101', 'DG102', 'DG103', 'DG105', 'DG109', 'DG110', 'DG115'] });
    await workbench.screenshot('examples-dockerfile-fixed');
  });
});
