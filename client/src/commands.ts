import { commands, Selection, Uri, window, workspace, type ExtensionContext } from 'vscode';

/** `source.fixAll.dockguard` on the active file: every safe fix, never a suggestion. */
export async function fixAllInActiveFile(): Promise<void> {
  await commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.dockguard', apply: 'first' });
}

interface RulePage {
  id: string;
  code: string;
  title: string;
  uri: Uri;
}

const decoder = new TextDecoder();

/**
 * The rule pages bundled with the extension (docs/rules), whose first line is `# <id> (<code>): <title>`. Read
 * through workspace.fs from the extension's own URI, so it works offline and wherever the extension runs: the
 * desktop, code-server, and VS Code for the web.
 */
async function rulePages(context: ExtensionContext): Promise<RulePage[]> {
  const directory = Uri.joinPath(context.extensionUri, 'docs', 'rules');
  const names = (await workspace.fs.readDirectory(directory))
    .map(([name]) => name)
    .filter((name) => name.endsWith('.md'))
    .sort();
  const pages = await Promise.all(
    names.map(async (name) => {
      const uri = Uri.joinPath(directory, name);
      const first = decoder.decode(await workspace.fs.readFile(uri)).split('\n', 1)[0];
      const match = /^# (\S+) \((DG\d+)\): (.*)$/.exec(first);
      return match ? { id: match[1], code: match[2], title: match[3], uri } : undefined;
    }),
  );
  return pages.filter((page) => page !== undefined);
}

/** Opens a rule's bundled page in the Markdown preview; without an argument, lets the user pick the rule. */
export async function showRuleDocumentation(context: ExtensionContext, ruleId?: string): Promise<void> {
  const pages = await rulePages(context);
  let page = ruleId ? pages.find((p) => p.id === ruleId || p.code === ruleId.toUpperCase()) : undefined;
  if (!page) {
    const picked = await window.showQuickPick(
      pages.map((p) => ({ label: p.id, description: p.code, detail: p.title, page: p })),
      { placeHolder: 'Which dockguard rule?', matchOnDescription: true, matchOnDetail: true },
    );
    page = picked?.page;
  }
  if (page) await commands.executeCommand('markdown.showPreview', page.uri);
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
