import * as fs from 'node:fs';
import * as path from 'node:path';
import { commands, Selection, Uri, window, type ExtensionContext } from 'vscode';

/** `source.fixAll.dockguard` on the active file: every safe fix, never a suggestion. */
export async function fixAllInActiveFile(): Promise<void> {
  await commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.dockguard', apply: 'first' });
}

interface RulePage {
  id: string;
  code: string;
  title: string;
  file: string;
}

/** Rule pages ship in docs/rules; their first line is `# <id> (<code>): <title>`. */
function rulePages(context: ExtensionContext): RulePage[] {
  const directory = context.asAbsolutePath(path.join('docs', 'rules'));
  const pages: RulePage[] = [];
  for (const name of fs
    .readdirSync(directory)
    .filter((n) => n.endsWith('.md'))
    .sort()) {
    const file = path.join(directory, name);
    const first = fs.readFileSync(file, 'utf8').split('\n', 1)[0];
    const match = /^# (\S+) \((DG\d+)\): (.*)$/.exec(first);
    if (match) pages.push({ id: match[1], code: match[2], title: match[3], file });
  }
  return pages;
}

/** Opens a rule's page as a rendered preview; without an argument, lets the user pick the rule. */
export async function showRuleDocumentation(context: ExtensionContext, ruleId?: string): Promise<void> {
  const pages = rulePages(context);
  let page = ruleId ? pages.find((p) => p.id === ruleId || p.code === ruleId) : undefined;
  if (!page) {
    const picked = await window.showQuickPick(
      pages.map((p) => ({ label: p.id, description: p.code, detail: p.title, page: p })),
      { placeHolder: 'Which dockguard rule?', matchOnDescription: true, matchOnDetail: true },
    );
    page = picked?.page;
  }
  if (page) await commands.executeCommand('markdown.showPreview', Uri.file(page.file));
}

/** After an "ignore" action inserted `-- reason`, select the placeholder so the user types the real reason. */
export function selectSuppressionReason(uri: string, line: number): void {
  const editor = window.activeTextEditor;
  if (!editor || editor.document.uri.toString() !== uri || line >= editor.document.lineCount) return;
  const text = editor.document.lineAt(line).text;
  const start = text.lastIndexOf('-- reason');
  if (start < 0) return;
  editor.selection = new Selection(line, start + 3, line, start + 3 + 'reason'.length);
  editor.revealRange(editor.selection);
}
