// Page helpers for the VS Code workbench in a browser: what a user does with the keyboard, and what they see.
// Every wait is on the page's state (a selector, a text), never a fixed sleep.
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { CHROMIUM, REPO_ROOT, log, seconds } from './setup';

export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');

/** Debian's Chromium, headless; it must never fetch anything but the workbench. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

const TIMEOUT = 30_000;
/** An entry of the quick-fix menu (the code action widget). */
const QUICK_FIX_ROW = '.action-widget .monaco-list-row.action';

export class Workbench {
  private constructor(readonly page: Page) {}

  /** Opens the workbench at `url` and resolves once it is ready for the keyboard. */
  static async open(browser: Browser, url: string): Promise<Workbench> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    page.setDefaultTimeout(TIMEOUT);
    const started = Date.now();
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor();
    // The explorer lists the folder once the workspace is loaded from the server.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
    log(`workbench ready in ${seconds(started)}`);
    return new Workbench(page);
  }

  /** Presses keys in order, e.g. `press('Control+Shift+M')` or `press('ArrowDown', 'Enter')`. */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  /** The status bar says "Restricted Mode" while the workspace is not trusted. */
  async waitForRestrictedMode(): Promise<void> {
    await this.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor();
  }

  /** Opens a workspace file the way a user does: Ctrl+P, its name, Enter. */
  async openFile(name: string): Promise<void> {
    await this.press('Control+P');
    const quickInput = this.page.locator('.quick-input-widget');
    await quickInput.locator('input').waitFor();
    await this.page.keyboard.type(name);
    await quickInput.locator('.monaco-list-row.focused', { hasText: name }).waitFor();
    await this.press('Enter');
    await this.page.locator('.tab.active', { hasText: name }).waitFor();
    await this.page.locator('.editor-instance .monaco-editor.focused').waitFor();
  }

  /**
   * Runs a command by its exact title from the Command Palette (F1), e.g. `View: Toggle Maximized Panel`, moving
   * down to it with the arrow keys when the palette ranks a longer title first (`View: Close All Editor Groups`).
   * A command that then shows a quick pick names its placeholder in `opensQuickPick`.
   */
  async runCommand(title: string, options: { opensQuickPick?: string } = {}): Promise<void> {
    const quickInput = this.page.locator('.quick-input-widget');
    const label = (row: string) => quickInput.locator(`${row} .label-name`).filter({ hasText: new RegExp(`^${escapeRegExp(title)}$`) });
    // The palette lists the commands known when it opens: an extension's commands appear once the extension
    // host has registered it, which can be after the workbench looks ready. Reopen it until the command is there.
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      await this.press('F1');
      await quickInput.locator('input').waitFor();
      await this.page.keyboard.type(title);
      try {
        await label('.monaco-list-row')
          .first()
          .waitFor({ timeout: Math.max(1, Math.min(5_000, deadline - Date.now())) });
        break;
      } catch (error) {
        if (Date.now() >= deadline) throw new Error(`the Command Palette never listed "${title}"`, { cause: error });
        await this.press('Escape');
        await quickInput.waitFor({ state: 'hidden' });
      }
    }
    for (let step = 0; !(await label('.monaco-list-row.focused').count()); step++) {
      if (step === 20) throw new Error(`the keyboard never reached the command "${title}"`);
      const current = await quickInput.locator('.monaco-list-row.focused').getAttribute('aria-label');
      await this.press('ArrowDown');
      await this.page.waitForFunction(
        (previous) => document.querySelector('.quick-input-widget .monaco-list-row.focused')?.getAttribute('aria-label') !== previous,
        current,
      );
    }
    await this.press('Enter');
    // A command that asks for something next replaces the palette with its own quick pick (`opensQuickPick` is its placeholder).
    if (options.opensQuickPick) await quickInput.locator(`input[placeholder="${options.opensQuickPick}"]`).waitFor();
    else await quickInput.waitFor({ state: 'hidden' });
  }

  /** Moves the cursor with Go to Line (Ctrl+G), `line` and `column` 1-based as VS Code shows them. */
  async goTo(line: number, column = 1): Promise<void> {
    await this.press('Control+G');
    await this.page.locator('.quick-input-widget input').waitFor();
    await this.page.keyboard.type(`${line}:${column}`);
    await this.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    // Keys pressed before the editor has the keyboard back would go nowhere.
    await this.page.locator('.editor-instance .monaco-editor.focused').waitFor();
    await this.waitForStatusBarItem('status.editor.selection', new RegExp(`^Ln ${line}, Col ${column}$`));
  }

  /** The active editor's text, line by line in document order (the visible part of longer files). */
  editorText(): Promise<string> {
    return this.readText('editor');
  }

  /** Waits until the active editor's text contains every `contains` and none of `lacks`, and returns it. */
  waitForEditorText(expected: TextExpectation): Promise<string> {
    return this.waitForText('editor', expected);
  }

  /** The warning and error squiggles in the active editor. */
  squiggles(): Locator {
    return this.page.locator('.editor-instance .monaco-editor .squiggly-warning, .editor-instance .monaco-editor .squiggly-error');
  }

  /** Waits until the active editor shows a warning or error squiggle. */
  async waitForSquiggle(): Promise<void> {
    try {
      await this.squiggles().first().waitFor();
    } catch (error) {
      throw new Error(`no warning or error squiggle appeared in the editor within ${TIMEOUT / 1000}s`, { cause: error });
    }
  }

  /** Opens the Problems panel (Ctrl+Shift+M). */
  async openProblems(): Promise<void> {
    await this.press('Control+Shift+M');
    await this.page.locator('.markers-panel').waitFor();
  }

  problemsText(): Promise<string> {
    return this.readText('problems');
  }

  /** Waits until the Problems panel contains every `contains` and none of `lacks`, and returns its text. */
  waitForProblems(expected: TextExpectation): Promise<string> {
    return this.waitForText('problems', expected);
  }

  /**
   * Waits until the Problems panel lists an entry whose text contains `code` (e.g. `DG205`) with `severity`, as
   * its icon and screen-reader label say, and returns that entry's text.
   */
  async waitForProblemSeverity(code: string, severity: ProblemSeverity): Promise<string> {
    try {
      const match = await this.page.waitForFunction(findProblem, { code, severity });
      return (await match.jsonValue()) as string;
    } catch (error) {
      const seen = await this.page.evaluate(problemEntries).catch(() => []);
      throw new Error(`the Problems panel never listed ${code} as ${severity}; entries seen:\n${seen.join('\n')}`, { cause: error });
    }
  }

  /** The Problems panel's rendered entries as `<severity>: <text>` (only the rows in view are rendered). */
  problemEntries(): Promise<string[]> {
    return this.page.evaluate(problemEntries);
  }

  /**
   * Waits until the status-bar item whose id ends with `id` (`status.editor.mode`, `dockguard.status`) reads
   * `expected`, as a screen reader reads it (its label, with icon names for its icons), and returns that label.
   */
  async waitForStatusBarItem(id: string, expected: RegExp): Promise<string> {
    try {
      const match = await this.page.waitForFunction(statusBarLabel, { id, pattern: expected.source, flags: expected.flags });
      return (await match.jsonValue()) as string;
    } catch (error) {
      const seen = await this.page.evaluate(statusBarLabel, { id, pattern: '', flags: '' }).catch(() => '(page gone)');
      throw new Error(`the status-bar item ${id} never matched ${expected}; last seen: ${JSON.stringify(seen)}`, { cause: error });
    }
  }

  /** Gives the editor the keyboard again (after the Problems panel took it). */
  async focusEditor(): Promise<void> {
    await this.press('Control+1');
    await this.page.locator('.editor-instance .monaco-editor.focused').waitFor();
  }

  /** Opens the quick-fix menu at the cursor (Ctrl+.) and returns its entries' titles. */
  async openQuickFixMenu(): Promise<string[]> {
    const rows = this.page.locator(QUICK_FIX_ROW);
    // Ctrl+. while the code actions at the cursor are still being computed can open nothing: ask again.
    for (let attempt = 1; ; attempt++) {
      await this.press('Control+.');
      try {
        await rows.first().waitFor({ timeout: attempt < 3 ? 5_000 : TIMEOUT });
        break;
      } catch (error) {
        if (attempt === 3) throw new Error('Ctrl+. opened no quick-fix menu, three times', { cause: error });
        log(`no quick-fix menu after Ctrl+. (attempt ${attempt}), pressing it again`);
      }
    }
    return rows.allInnerTexts();
  }

  /** With the quick-fix menu open, moves down to the entry whose title starts with `title` and applies it with Enter. */
  async chooseQuickFix(title: string): Promise<void> {
    const focused = this.page.locator(`${QUICK_FIX_ROW}.focused`);
    const titles = (await this.page.locator(QUICK_FIX_ROW).allInnerTexts()).map((text) => text.trim());
    if (!titles.some((text) => text.startsWith(title))) throw new Error(`no quick fix "${title}" in: ${titles.join(' | ')}`);
    for (let step = 0; ; step++) {
      const current = (await focused.innerText()).trim();
      if (current.startsWith(title)) break;
      if (step === titles.length) throw new Error(`the keyboard never reached the quick fix "${title}"`);
      await this.press('ArrowDown');
      await this.page.waitForFunction(({ selector, previous }) => document.querySelector(selector)?.textContent?.trim() !== previous, {
        selector: `${QUICK_FIX_ROW}.focused`,
        previous: current,
      });
    }
    await this.press('Enter');
    await this.page.locator(QUICK_FIX_ROW).first().waitFor({ state: 'hidden' });
  }

  /** Waits for a Markdown preview tab titled `Preview <page>` whose rendered page contains `text`. */
  async waitForMarkdownPreview(page: string, text: string): Promise<void> {
    await this.page.locator('.tab.active', { hasText: `Preview ${page}` }).waitFor();
    // The preview is a webview: its content lives in nested frames.
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      for (const frame of this.page.frames()) {
        const body = await frame
          .locator('body')
          .innerText({ timeout: 1_000 })
          .catch(() => '');
        if (body.includes(text)) return;
      }
      if (Date.now() > deadline) throw new Error(`no Markdown preview showed "${text}"`);
      await this.page.waitForTimeout(250);
    }
  }

  /** Saves the active editor (Ctrl+S) and waits until its tab is no longer marked modified. */
  async save(): Promise<void> {
    await this.press('Control+S');
    await this.page.locator('.tab.active:not(.dirty)').waitFor();
  }

  /** Saves a screenshot of the whole window to test-results/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  private async readText(source: TextSource): Promise<string> {
    const match = await this.page.evaluate(matchText, { source, contains: [], lacks: [] });
    return match ? match.text : '';
  }

  private async waitForText(source: TextSource, { contains = [], lacks = [] }: TextExpectation): Promise<string> {
    try {
      const match = await this.page.waitForFunction(matchText, { source, contains: [contains].flat(), lacks: [lacks].flat() });
      return ((await match.jsonValue()) as { text: string }).text;
    } catch (error) {
      const seen = await this.readText(source).catch(() => '(page gone)');
      throw new Error(`${source} text never contained ${JSON.stringify(contains)} without ${JSON.stringify(lacks)}; last seen:\n${seen}`, { cause: error });
    }
  }
}

type TextSource = 'editor' | 'problems';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How the Problems panel labels an entry's severity. */
export type ProblemSeverity = 'Error' | 'Warning' | 'Info';

export interface TextExpectation {
  contains?: string | string[];
  lacks?: string | string[];
}

/**
 * Runs in the page (self-contained, it is serialised): the text a user reads in the active editor or the
 * Problems panel, when it contains every `contains` and none of `lacks`.
 */
function matchText({ source, contains, lacks }: { source: TextSource; contains: string[]; lacks: string[] }): { text: string } | false {
  let text: string;
  if (source === 'problems') {
    text = (document.querySelector<HTMLElement>('.markers-panel')?.innerText ?? '').trim();
  } else {
    // Editor lines are absolutely positioned and recycled: their DOM order is not the document order.
    const lines = Array.from(document.querySelectorAll<HTMLElement>('.editor-instance .monaco-editor .view-lines .view-line'));
    lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    text = lines.map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' ')).join('\n');
  }
  return contains.every((part) => text.includes(part)) && !lacks.some((part) => text.includes(part)) && { text };
}

/** Runs in the page: each Problems entry as `<severity label>: <text>`, e.g. `Warning: … dockguard(DG205) [Ln 3, Col 3]`. */
function problemEntries(): string[] {
  return Array.from(document.querySelectorAll<HTMLElement>('.markers-panel .monaco-list-row'))
    .map((row) => {
      // A finding's label starts with its severity ("Warning: <message> at line 3…"); a file's does not.
      const severity = /^(Error|Warning|Info):/.exec(row.getAttribute('aria-label') ?? '')?.[1];
      return severity ? `${severity}: ${row.innerText.replace(/\s+/g, ' ').trim()}` : '';
    })
    .filter((entry) => entry !== '');
}

/** Runs in the page (self-contained): the entry with `code` and `severity`, or false. */
function findProblem({ code, severity }: { code: string; severity: string }): string | false {
  for (const row of Array.from(document.querySelectorAll<HTMLElement>('.markers-panel .monaco-list-row'))) {
    const label = row.getAttribute('aria-label') ?? '';
    const text = row.innerText.replace(/\s+/g, ' ').trim();
    if (label.startsWith(`${severity}:`) && text.includes(code)) return text;
  }
  return false;
}

/** Runs in the page (self-contained): the label of the status-bar item whose id ends with `id`, when it matches. */
function statusBarLabel({ id, pattern, flags }: { id: string; pattern: string; flags: string }): string | false {
  const item = Array.from(document.querySelectorAll<HTMLElement>('.statusbar-item')).find((element) => element.id.endsWith(id));
  const label = item?.querySelector('a')?.getAttribute('aria-label') ?? '';
  if (!pattern) return label;
  return item !== undefined && new RegExp(pattern, flags).test(label) && label;
}

/**
 * What the dockguard status-bar item says to a screen reader for these counts: each icon before its count
 * ("shield error 1 warning 0 info 0"), then the tooltip; with no finding, a check mark.
 */
export function dockguardStatus(counts: { errors: number; warnings: number; infos: number } | 'clean'): RegExp {
  if (counts === 'clean') return /^shield\s+check, dockguard: no findings in this file\.$/;
  const { errors, warnings, infos } = counts;
  return new RegExp(
    `^shield\\s+error\\s+${errors}\\s+warning\\s+${warnings}\\s+info\\s+${infos}, dockguard: ${errors} error\\(s\\), ${warnings} warning\\(s\\), ${infos} info in this file\\.`,
  );
}
