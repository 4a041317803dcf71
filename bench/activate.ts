/**
 * Extension start-up outside VS Code: loads dist/extension.js against a stub of the vscode API (every call a no-op)
 * and runs activate(), printing how long each took. What it measures is the extension's own work at start-up.
 */
import Module from 'module';
import * as path from 'path';

const noop = (): { dispose(): void } => ({ dispose() {} });
const event = (): ((listener: unknown) => { dispose(): void }) => () => noop();
class EventEmitter {
  event = event();
  fire(): void {}
  dispose(): void {}
}
const vscode = {
  EventEmitter,
  CodeActionKind: { QuickFix: { value: 'quickfix' } },
  StatusBarAlignment: { Left: 1, Right: 2 },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  NotebookCellKind: { Markup: 1, Code: 2 },
  ProgressLocation: { Notification: 15 },
  ViewColumn: { One: 1, Beside: -2 },
  NotebookCellStatusBarAlignment: { Left: 1, Right: 2 },
  languages: {
    createDiagnosticCollection: () => ({ set() {}, delete() {}, clear() {}, dispose() {} }),
    registerCodeLensProvider: noop,
    registerCodeActionsProvider: noop,
    registerDefinitionProvider: noop,
    registerHoverProvider: noop,
  },
  notebooks: { registerNotebookCellStatusBarItemProvider: noop },
  workspace: {
    textDocuments: [],
    notebookDocuments: [],
    onDidOpenTextDocument: event(),
    onDidChangeTextDocument: event(),
    onDidCloseTextDocument: event(),
    onDidOpenNotebookDocument: event(),
    onDidChangeNotebookDocument: event(),
    onDidCloseNotebookDocument: event(),
    onDidChangeConfiguration: event(),
    getConfiguration: () => ({ get: (_k: string, d: unknown) => d }),
  },
  window: {
    createStatusBarItem: () => ({ show() {}, hide() {}, dispose() {} }),
    onDidChangeActiveTextEditor: event(),
    onDidChangeTextEditorSelection: event(),
    createTreeView: () => ({ visible: false, onDidChangeVisibility: event(), dispose() {} }),
    activeTextEditor: undefined,
  },
  commands: { registerCommand: noop, executeCommand: async () => undefined },
};

const resolve = (Module as unknown as { _resolveFilename: (r: string, ...rest: unknown[]) => string })._resolveFilename;
(Module as unknown as { _resolveFilename: (r: string, ...rest: unknown[]) => string })._resolveFilename = function (
  request: string,
  ...rest: unknown[]
) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
(require.cache as Record<string, unknown>).vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };

const t0 = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ext = require(path.join(__dirname, '..', 'dist', 'extension.js')) as { activate: (c: unknown) => unknown };
const t1 = performance.now();
ext.activate({ subscriptions: [], extensionUri: { fsPath: path.join(__dirname, '..') } });
const t2 = performance.now();
process.stdout.write(JSON.stringify({ loadMs: t1 - t0, activateMs: t2 - t1 }));
