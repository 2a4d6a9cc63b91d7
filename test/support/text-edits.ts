import type { TextEdit } from '../../server/src/engine/types';
import { applyEdits } from '../../server/src/engine/fixes';

/** Applies the edits of a WorkspaceEdit for one document, as the editor would. */
export function applyWorkspaceEdit(text: string, uri: string, edit: { changes?: Record<string, TextEdit[]> } | undefined): string {
  const edits = edit?.changes?.[uri];
  if (!edits) throw new Error(`the edit has no changes for ${uri}`);
  return applyEdits(text, edits);
}
