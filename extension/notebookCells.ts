/**
 * A status item under each rendered markdown cell that holds claims (`derivcheck ✓ 3 ✗ 1 ? 0`): a cell shown
 * rendered has no squiggles, so this is where its verdicts show. A click explains the cell's first refuted claim.
 */
import { statusText } from '../src/index';
import * as vscode from 'vscode';
import { settings } from './config';
import type { LiveChecker } from './liveChecker';
import { toRange } from './notes';

export class CellVerdicts implements vscode.NotebookCellStatusBarItemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCellStatusBarItems = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly checker: LiveChecker) {
    this.subscriptions = [
      this.changed,
      checker.onDidCheck(() => this.changed.fire()),
      checker.onDidChangeSettings(() => this.changed.fire()),
    ];
  }

  provideCellStatusBarItems(cell: vscode.NotebookCell): vscode.NotebookCellStatusBarItem[] {
    if (cell.kind !== vscode.NotebookCellKind.Markup || !settings(cell.notebook.uri).liveChecks) return [];
    const checked = this.checker.resultFor(cell.document);
    const claims = checked ? this.checker.claimsIn(checked, cell.document.uri) : [];
    if (claims.length === 0) return [];
    const first = claims.find((c) => c.verdict === 'refuted') ?? claims[0];
    const item = new vscode.NotebookCellStatusBarItem(`derivcheck ${statusText(claims)}`, vscode.NotebookCellStatusBarAlignment.Right);
    item.tooltip = `derivcheck: ${claims.length} claim${claims.length === 1 ? '' : 's'} in this cell. Click to explain ${first.verdict === 'refuted' ? 'the refuted one' : 'the first'}.`;
    item.command = {
      title: 'Verify Gradient',
      command: 'derivcheck.verifyGradient',
      arguments: [cell.document.uri, toRange(first.location).start],
    };
    return [item];
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
