/** Verify Workspace: checks every note of the workspace with a progress notification; results go to Problems. */
import * as vscode from 'vscode';
import { type NoteReport, LIMITS, checkNote, looksLikeNote, diagnosticFor } from '../src/index';
import { type Settings, settings } from './config';
import { type LiveChecker, tooLargeNotice } from './liveChecker';
import { toRange, toSeverity } from './notes';
import { logInternalErrors } from './trace';

const NOTES = '**/*.{md,markdown,ipynb,txt}';
const SKIPPED = '**/{node_modules,.git,.obsidian,.trash}/**';

export interface WorkspaceSummary {
  readonly files: number;
  readonly verified: number;
  readonly refuted: number;
  readonly unverifiable: number;
}

export async function verifyWorkspace(checker: LiveChecker, closedNotes: vscode.DiagnosticCollection): Promise<WorkspaceSummary> {
  const uris = await vscode.workspace.findFiles(NOTES, SKIPPED, 20000);
  const summary = { files: 0, verified: 0, refuted: 0, unverifiable: 0 };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'derivcheck: verifying the workspace', cancellable: true },
    async (progress, token) => {
      for (const [i, uri] of uris.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({ message: `${i + 1}/${uris.length} ${vscode.workspace.asRelativePath(uri)}`, increment: 100 / uris.length });
        const report = await checkFile(uri, checker, closedNotes);
        if (report) {
          summary.files++;
          for (const c of report.claims) summary[c.verdict]++;
        }
        await new Promise((resolve) => setTimeout(resolve, 0)); // let the editor breathe between files
      }
    },
  );
  const text = `derivcheck: ${summary.files} notes: ${summary.verified} verified, ${summary.refuted} refuted, ${summary.unverifiable} unverifiable.`;
  void vscode.window.showInformationMessage(text, 'Open Problems').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return summary;
}

async function checkFile(uri: vscode.Uri, checker: LiveChecker, closedNotes: vscode.DiagnosticCollection): Promise<NoteReport | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return checker.checkNow(open)?.report;
  const notebook = /\.ipynb$/i.test(uri.path) ? await openNotebook(uri) : undefined;
  if (notebook) {
    closedNotes.delete(uri);
    return checker.checkNotebookNow(notebook)?.report;
  }
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
  if (!/\.(md|markdown|ipynb)$/i.test(uri.path) && !looksLikeNote(text)) return undefined;
  if (text.length > LIMITS.liveNoteChars) {
    closedNotes.set(uri, [tooLargeNotice(text.length)]);
    return undefined;
  }
  const s = settings(uri);
  const report = checkNote(uri.path, text, s.check);
  logInternalErrors(report, uri.path);
  closedNotes.set(uri, closedFileDiagnostics(report, s));
  return report;
}

/**
 * A notebook is opened (not shown) and checked as the live checker checks it, so that its verdicts stand on the
 * cells they belong to: Problems then lists each once and a click reveals its cell. A file VS Code cannot open as
 * a notebook (broken JSON) is read as text instead, so that the reader's message about it is shown.
 */
async function openNotebook(uri: vscode.Uri): Promise<vscode.NotebookDocument | undefined> {
  try {
    return await vscode.workspace.openNotebookDocument(uri);
  } catch {
    return undefined;
  }
}

/** Diagnostics for a file checked without an editor document. */
function closedFileDiagnostics(report: NoteReport, s: Settings): vscode.Diagnostic[] {
  const items: vscode.Diagnostic[] = [];
  for (const c of report.claims) {
    const data = diagnosticFor(c, s);
    if (!data) continue;
    // a closed notebook has no cell documents: point at the file, and say which cell
    const cell = c.location.cell;
    const range = cell !== undefined ? new vscode.Range(0, 0, 0, 0) : toRange(c.location);
    const message = cell !== undefined ? `cell ${cell + 1}, line ${c.location.start.line}: ${data.message}` : data.message;
    const d = new vscode.Diagnostic(range, message, toSeverity(data.severity));
    d.source = 'derivcheck';
    d.code = data.code;
    items.push(d);
  }
  return items;
}
