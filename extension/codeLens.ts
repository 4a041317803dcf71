/**
 * A CodeLens above each claim: "✓ verified · explain", "✗ refuted · explain", "? unverifiable" (setting
 * `derivcheck.codeLens`: all, refuted, off); none while live checks are off.
 */
import { hasLens, lensTitle } from '../src/index';
import * as vscode from 'vscode';
import type { LiveChecker } from './liveChecker';
import { toRange } from './notes';
import { settings } from './config';

const LENS_DELAY_MS = 150;

export class ClaimLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  private pending?: ReturnType<typeof setTimeout>;

  constructor(private readonly checker: LiveChecker) {
    this.subscriptions = [checker.onDidCheck(() => this.refreshSoon()), checker.onDidChangeSettings(() => this.changed.fire())];
  }

  /**
   * Asks for the lenses again a moment after a check: the diagnostics go first, so that the editor paints the
   * squiggle before it lays out a note's worth of lenses (in a 1,000-claim note that was 40 ms of the squiggle's delay).
   */
  private refreshSoon(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.changed.fire();
    }, LENS_DELAY_MS);
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const s = settings(doc.uri);
    const checked = this.checker.resultFor(doc);
    if (!checked || !s.liveChecks) return [];
    const claims = this.checker.claimsIn(checked, doc.uri).filter((c) => hasLens(c.verdict, s.codeLens));
    return claims.map((c) => {
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
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.subscriptions) d.dispose();
    this.changed.dispose();
  }
}
