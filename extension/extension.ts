/** The VS Code adapter: wires the core's checker into live diagnostics, CodeLens, quick fixes and the chain panel. */
import * as vscode from 'vscode';
import { ChainPanel } from './chainPanel';
import { ClaimFixes } from './codeActions';
import { ClaimsView } from './claimsView';
import { ClaimLenses } from './codeLens';
import { CellVerdicts } from './notebookCells';
import { followCursor, openSample, verifyGradient } from './commands';
import { exportNumpyCommand } from './export';
import { LiveChecker } from './liveChecker';
import { NoteNavigation } from './navigation';
import { StatusBar } from './statusBar';
import { verifyWorkspace } from './workspaceCheck';

/** Notes: Markdown, text that looks like a note, and notebooks' markdown cells. */
const NOTES: vscode.DocumentSelector = [
  { language: 'markdown' },
  { language: 'plaintext' },
  { notebookType: 'jupyter-notebook', language: 'markdown' },
];

/** What the extension exports: for the integration tests. */
export interface DerivcheckApi {
  readonly checker: LiveChecker;
  readonly chainPanel: () => ChainPanel | undefined;
}

export function activate(context: vscode.ExtensionContext): DerivcheckApi {
  const checker = new LiveChecker();
  const closedNotes = vscode.languages.createDiagnosticCollection('derivcheck-workspace');
  context.subscriptions.push(
    checker,
    closedNotes,
    new StatusBar(checker),
    claimsTree(context, checker),
    vscode.languages.registerCodeLensProvider(NOTES, register(context, new ClaimLenses(checker))),
    vscode.languages.registerCodeActionsProvider(NOTES, new ClaimFixes(checker), { providedCodeActionKinds: ClaimFixes.kinds }),
    vscode.languages.registerDefinitionProvider(NOTES, new NoteNavigation(checker)),
    vscode.languages.registerHoverProvider(NOTES, new NoteNavigation(checker)),
    vscode.commands.registerCommand('derivcheck.verifyGradient', (uri?: vscode.Uri, position?: vscode.Position) =>
      verifyGradient(context.extensionUri, checker, uri instanceof vscode.Uri ? uri : undefined, position),
    ),
    vscode.window.onDidChangeTextEditorSelection((e) => followCursor(context.extensionUri, checker, e)),
    vscode.commands.registerCommand('derivcheck.openSample', () => openSample(context.extensionUri)),
    vscode.commands.registerCommand('derivcheck.verifyWorkspace', () => verifyWorkspace(checker, closedNotes)),
    vscode.commands.registerCommand('derivcheck.exportNumpy', exportNumpyCommand),
    // an open note is checked live: drop what Verify Workspace said about it while it was closed
    vscode.workspace.onDidOpenTextDocument((d) => closedNotes.delete(d.uri)),
    vscode.workspace.onDidOpenNotebookDocument((nb) => closedNotes.delete(nb.uri)),
    vscode.notebooks.registerNotebookCellStatusBarItemProvider('jupyter-notebook', register(context, new CellVerdicts(checker))),
  );
  return { checker, chainPanel: () => ChainPanel.open };
}

/** The Explorer's claims view, told when it is on screen. */
function claimsTree(context: vscode.ExtensionContext, checker: LiveChecker): vscode.TreeView<unknown> {
  const view = register(context, new ClaimsView(checker));
  const tree = vscode.window.createTreeView('derivcheck.claims', { treeDataProvider: view, showCollapseAll: true });
  view.setVisible(tree.visible);
  context.subscriptions.push(tree.onDidChangeVisibility((e) => view.setVisible(e.visible)));
  return tree;
}

function register<T extends vscode.Disposable>(context: vscode.ExtensionContext, d: T): T {
  context.subscriptions.push(d);
  return d;
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}
