// VS Code for the web: the extension's browser entry (dist/browser/extension.js) in the web worker extension host,
// its language server (dist/browser/server.js) in a web worker of its own, no Node server anywhere. code-server
// serves the real web workbench; the user setting `remote.extensionKind` (VS Code's documented way to choose where
// an extension runs) sends dockguard to the web worker host, as vscode.dev and github.dev would run it. Files other
// than the open one (a compose `build:` Dockerfile, `.dockguard.yaml`) are read through the client's workspace.fs.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { WEB_WORKER_HOST_SETTINGS } from './code-server';
import { nodeLanguageServers, openWorkspace, screenshotName, waitForFileContent, type Session } from './harness';
import { dockguardStatus } from './workbench';

/** client/src/browser-extension.ts names the worker; VS Code's worker host prefixes the name with its own. */
const SERVER_WORKER = /^ExtensionHostWorker -> dockguard-language-server$/;

const FIX_TITLE = 'Run as a non-root user';
const FIXED_BLOCK = ['COPY app.sh /usr/local/bin/app.sh', 'RUN addgroup -S app && adduser -S -G app app', 'USER app', 'CMD ["/usr/local/bin/app.sh"]'].join(
  '\n',
);

describe('VS Code for the web: the browser entry in the web worker extension host (code-server), Restricted Mode', { timeout: 20 * 60_000 }, () => {
  let session: Session;
  before(async () => (session = await openWorkspace('test/fixtures/e2e-web', { settings: WEB_WORKER_HOST_SETTINGS })), { timeout: 15 * 60_000 });
  after(async () => session?.close());
  afterEach(async (t) => void (await session?.workbench.screenshot(screenshotName('web-extension', t.name))));

  it('shows DG101 on a Dockerfile, analysed by the language server in a web worker, with no Node server', async () => {
    const { workbench } = session;
    await workbench.waitForRestrictedMode();
    await workbench.openFile('Dockerfile');
    await workbench.waitForSquiggle();
    await workbench.openProblems();
    await workbench.waitForProblemSeverity('DG101', 'Warning');
    await workbench.waitForStatusBarItem('dockguard.status', dockguardStatus({ errors: 0, warnings: 1, infos: 0 }));

    const workers = await Promise.all(workbench.page.workers().map((worker) => worker.evaluate(() => self.name).catch(() => '(gone)')));
    assert.ok(
      workers.some((name) => SERVER_WORKER.test(name)),
      `the page's workers: ${workers.join(', ')}`,
    );
    assert.deepEqual(nodeLanguageServers(session.extensionsDir), [], 'no Node language server runs');
  });

  it('quotes the bundled rule page in the hover', async () => {
    const { workbench } = session;
    const [, line, column] = /DG101\)?\s*\[Ln (\d+), Col (\d+)\]/.exec(await workbench.problemsText()) ?? [];
    assert.ok(line, 'the Problems entry names the finding’s position');
    await workbench.focusEditor();
    await workbench.goTo(Number(line), Number(column));
    await workbench.press('Control+K', 'Control+I');
    // The first sentence of docs/rules/root-user.md's Why, built into the worker.
    await workbench.page
      .locator('.monaco-hover', { hasText: 'A container runs as the last USER of its final stage, and as root when there is none.' })
      .first()
      .waitFor();
    await workbench.press('Escape');
  });

  it('applies the non-root USER quick fix from the keyboard and the finding goes away', async () => {
    const { workbench } = session;
    const titles = await workbench.openQuickFixMenu();
    assert.ok(
      titles.some((title) => title.startsWith(FIX_TITLE)),
      `quick fixes offered: ${titles.join(' | ')}`,
    );
    await workbench.screenshot('web-extension-quick-fix-menu');
    await workbench.chooseQuickFix(FIX_TITLE);
    await workbench.waitForEditorText({ contains: FIXED_BLOCK });
    await workbench.waitForProblems({ lacks: 'DG101' });
    await workbench.waitForStatusBarItem('dockguard.status', dockguardStatus('clean'));
    await workbench.save();
    await waitForFileContent(path.join(session.workspace, 'Dockerfile'), FIXED_BLOCK + '\n');
  });

  it('reads the Dockerfile a compose service builds from, and .dockguard.yaml, through workspace.fs', async () => {
    const { workbench } = session;
    await workbench.openFile('compose.yaml');
    // DG219 needs api/Dockerfile (never opened); its severity, error, comes from .dockguard.yaml (default: warning).
    const entry = await workbench.waitForProblemSeverity('DG219', 'Error');
    assert.match(entry, /Service api runs as root: it is built from \.\/api\/Dockerfile/);
    await workbench.waitForStatusBarItem('dockguard.status', dockguardStatus({ errors: 1, warnings: 0, infos: 0 }));
  });

  it('reads the build Dockerfile again when it changes on disk: DG219 goes', async () => {
    const { workbench } = session;
    const dockerfile = path.join(session.workspace, 'api', 'Dockerfile');
    // As a `git pull` would change it, outside the editor: the file watcher tells the server to read it again.
    writeFileSync(dockerfile, '# Built by compose.yaml.\nFROM alpine:3.23\nCOPY server /usr/local/bin/server\nUSER 10001\nCMD ["/usr/local/bin/server"]\n');
    await workbench.waitForStatusBarItem('dockguard.status', dockguardStatus('clean'));
    await workbench.waitForProblems({ lacks: 'DG219' });
  });

  it('scans the workspace through workspace.fs: files never opened get their findings', async () => {
    const { workbench } = session;
    // The scan reads the saved api/Dockerfile, which now has a USER: make it run as root again first.
    writeFileSync(path.join(session.workspace, 'api', 'Dockerfile'), '# Built by compose.yaml.\nFROM alpine:3.23\nCMD ["/usr/local/bin/server"]\n');
    await workbench.waitForProblemSeverity('DG219', 'Error');
    await workbench.runCommand('dockguard: Scan workspace');
    await workbench.page.locator('.notification-toast', { hasText: /dockguard: \d+ finding\(s\) in 1 file\(s\)/ }).waitFor();
    await workbench.page.locator('.markers-panel .monaco-list-row[aria-label="1 problems in file Dockerfile of folder api"]').waitFor();
    await workbench.waitForProblemSeverity('DG101', 'Warning');
  });

  it('opens a rule page bundled with the extension from the Command Palette', async () => {
    const { workbench } = session;
    await workbench.press('Escape'); // the scan's notification
    await workbench.runCommand('dockguard: Show rule documentation', { opensQuickPick: 'Which dockguard rule?' });
    await workbench.page.keyboard.type('DG219');
    await workbench.page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'service-runs-as-root' }).waitFor();
    await workbench.press('Enter');
    await workbench.waitForMarkdownPreview('service-runs-as-root.md', 'Service runs as root');
  });

  it('does not follow a symbolic link out of the workspace', async () => {
    const { workbench } = session;
    // linked/Dockerfile points at a root Dockerfile outside the workspace folder: DG219 if it were read.
    const outside = path.join(path.dirname(session.workspace), 'outside.Dockerfile');
    writeFileSync(outside, 'FROM alpine:3.23\nCMD ["/server"]\n');
    mkdirSync(path.join(session.workspace, 'linked'));
    symlinkSync(outside, path.join(session.workspace, 'linked', 'Dockerfile'));
    // The same hardened service, built from ./linked, without pids_limit (DG206: the file was analysed).
    const compose = readFileSync(path.join(session.workspace, 'compose.yaml'), 'utf8');
    writeFileSync(path.join(session.workspace, 'compose.linked.yaml'), compose.replace('build: ./api', 'build: ./linked').replace(/ +pids_limit: \d+\n/, ''));
    await workbench.openFile('compose.linked.yaml');
    // Not read, and said so where the reference is (DG007); DG219 stays silent for want of the file.
    const note = await workbench.waitForProblemSeverity('DG007', 'Info');
    assert.match(note, /\.\/linked\/Dockerfile was not read: it is a symbolic link/);
    await workbench.waitForStatusBarItem('dockguard.status', dockguardStatus({ errors: 0, warnings: 0, infos: 2 }));
    await workbench.waitForProblemSeverity('DG206', 'Info');
  });
});
