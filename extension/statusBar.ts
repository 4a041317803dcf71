/** The open note's counts in the status bar (✓ n ✗ n ? n), hidden while live checks are off; a click opens the Problems panel. */
import { statusText } from '../src/index';
import * as vscode from 'vscode';
import { settings } from './config';
import type { CheckedNote, LiveChecker } from './liveChecker';
import { noteOf } from './notes';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('derivcheck.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly checker: LiveChecker) {
    this.item.name = 'derivcheck';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions = [
      this.item,
      checker.onDidCheck((c) => this.onChecked(c)),
      checker.onDidChangeSettings(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    ];
    this.update();
  }

  private onChecked(checked: CheckedNote): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc && this.checker.resultFor(doc) === checked) this.update();
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', 'derivcheck.activeIsNote', doc !== undefined && noteOf(doc) !== undefined);
    const checked = doc && settings(doc.uri).liveChecks ? this.checker.resultFor(doc) : undefined;
    if (!checked) {
      this.item.hide();
      return;
    }
    const claims = checked.report.claims;
    this.item.text = statusText(claims);
    const unverifiable = claims.filter((c) => c.verdict === 'unverifiable').length;
    this.item.tooltip = `derivcheck: ${claims.length} claims in this note (${unverifiable} unverifiable). Click to open the Problems panel.`;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
