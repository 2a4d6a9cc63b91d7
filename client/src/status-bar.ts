import { DiagnosticSeverity, languages, StatusBarAlignment, window, type Disposable, type TextEditor } from 'vscode';

const LANGUAGES = new Set(['dockerfile', 'dockercompose']);

/** Shows the active file's dockguard findings; a click opens the Problems panel. */
export function createStatusBar(): Disposable {
  const item = window.createStatusBarItem('dockguard.status', StatusBarAlignment.Left, 10);
  item.name = 'dockguard';
  item.command = 'workbench.actions.view.problems';

  const update = (editor: TextEditor | undefined = window.activeTextEditor) => {
    if (!editor || !LANGUAGES.has(editor.document.languageId)) {
      item.hide();
      return;
    }
    const ours = languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'dockguard');
    const count = (severity: DiagnosticSeverity) => ours.filter((d) => d.severity === severity).length;
    const errors = count(DiagnosticSeverity.Error);
    const warnings = count(DiagnosticSeverity.Warning);
    const infos = ours.length - errors - warnings;
    item.text = ours.length ? `$(shield) $(error) ${errors} $(warning) ${warnings} $(info) ${infos}` : '$(shield) $(check)';
    item.tooltip = ours.length
      ? `dockguard: ${errors} error(s), ${warnings} warning(s), ${infos} info in this file. Click to open the Problems panel.`
      : 'dockguard: no findings in this file.';
    item.show();
  };

  update();
  const subscriptions = [
    item,
    window.onDidChangeActiveTextEditor((editor) => update(editor)),
    languages.onDidChangeDiagnostics((event) => {
      const active = window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) update();
    }),
  ];
  return { dispose: () => subscriptions.forEach((s) => s.dispose()) };
}
