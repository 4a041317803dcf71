/** *derivcheck: Export as NumPy*: the active note as a standalone Python file that checks its claims. */
import * as vscode from 'vscode';
import { checkDocument, exportNumpy } from '../src/index';
import { settings } from './config';
import { noteOf } from './notes';

/** Nobody is typing: the export judges each claim with the CLI's time box, not the editor's. */
const EXPORT_TIME_LIMIT_MS = 2000;

/** Asks where to save the export of the active note (default `<note>.py` beside it), writes it and opens it. */
export async function exportNumpyCommand(): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  const note = doc && noteOf(doc);
  if (!note) {
    void vscode.window.showInformationMessage('derivcheck: open a note (Markdown, a drawing or a notebook) to export it.');
    return;
  }
  const name = note.uri.path.split('/').pop() ?? 'note';
  const target = await vscode.window.showSaveDialog({
    defaultUri:
      note.uri.scheme === 'file'
        ? note.uri.with({ path: `${note.uri.path.replace(/\.(excalidraw\.md|md|ipynb|txt)$/i, '')}.py` })
        : undefined,
    filters: { Python: ['py'] },
    saveLabel: 'Export',
    title: 'derivcheck: Export as NumPy',
  });
  if (!target) return;
  if (target.toString() === note.uri.toString()) {
    void vscode.window.showErrorMessage('derivcheck: that is the note itself; the export never overwrites a note.');
    return;
  }
  const check = settings(note.uri).check;
  const report = checkDocument(note.read(), { ...check, timeLimitMs: EXPORT_TIME_LIMIT_MS });
  const result = exportNumpy(report, { path: name, seed: check.seed });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.source));
  await vscode.window.showTextDocument(target);
  void vscode.window.showInformationMessage(
    `derivcheck: ${result.exported.length} claims exported, ${result.skipped.length} not (listed in the file). Run it with python3.`,
  );
}
