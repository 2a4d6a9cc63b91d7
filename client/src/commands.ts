import { commands, Selection, Uri, window, workspace, type ExtensionContext } from 'vscode';
import { parseRuleIndex, type RuleIndexEntry } from '../../server/src/docs-location';

/** `source.fixAll.dockguard` on the active file: every safe fix, never a suggestion. */
export async function fixAllInActiveFile(): Promise<void> {
  await commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.dockguard', apply: 'first' });
}

const decoder = new TextDecoder();

/** The bundled rule pages (docs/rules/<id>.md), addressed from the extension's own URI: offline, and on any host. */
function pageUri(context: ExtensionContext, id: string): Uri {
  return Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
}

/**
 * The rules, from the bundled index (docs/rules/README.md, generated from the registry: a row per rule such as
 * `| DG101 | [root-user](root-user.md): Final stage runs as root | ...`). One file read through workspace.fs, so
 * it works wherever the extension runs: the desktop, code-server, and VS Code for the web.
 */
async function rulePages(context: ExtensionContext): Promise<RuleIndexEntry[]> {
  return parseRuleIndex(decoder.decode(await workspace.fs.readFile(Uri.joinPath(context.extensionUri, 'docs', 'rules', 'README.md'))));
}

/**
 * Opens a rule's bundled page in the Markdown preview. A rule id (what code actions pass) opens its page directly;
 * a code (`DG101`) is looked up in the index; without an argument, the user picks the rule.
 */
export async function showRuleDocumentation(context: ExtensionContext, rule?: string): Promise<void> {
  if (rule && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(rule)) {
    await commands.executeCommand('markdown.showPreview', pageUri(context, rule));
    return;
  }
  const pages = await rulePages(context);
  let page = rule ? pages.find((p) => p.code === rule.toUpperCase()) : undefined;
  if (!page) {
    const picked = await window.showQuickPick(
      pages.map((p) => ({ label: p.id, description: p.code, detail: p.title, page: p })),
      { placeHolder: 'Which dockguard rule?', matchOnDescription: true, matchOnDetail: true },
    );
    page = picked?.page;
  }
  if (page) await commands.executeCommand('markdown.showPreview', pageUri(context, page.id));
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
