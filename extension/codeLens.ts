/** A CodeLens above each claim: "✓ verified · explain", "✗ refuted · explain", "? unverifiable". */
import * as vscode from 'vscode';
import type { LiveChecker } from './liveChecker';
import { toRange } from './notes';
import { lensTitle } from './presentation';

export class ClaimLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly checker: LiveChecker) {
    this.subscription = checker.onDidCheck(() => this.changed.fire());
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const checked = this.checker.resultFor(doc);
    if (!checked) return [];
    return this.checker.claimsIn(checked, doc.uri).map((c) => {
      const range = toRange(c.location);
      return new vscode.CodeLens(new vscode.Range(range.start, range.start), {
        title: lensTitle(c.verdict, c.assumption),
        tooltip: c.message,
        command: 'derivcheck.verifyGradient',
        arguments: [doc.uri, range.start],
      });
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
