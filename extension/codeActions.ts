/** The quick fix on a refuted claim: replace the wrong factor (or the right side) with the expected expression. */
import * as vscode from 'vscode';
import type { LiveChecker } from './liveChecker';
import { toRange } from './notes';
import { fixFor } from './presentation';

export class ClaimFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly checker: LiveChecker) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const checked = this.checker.resultFor(doc);
    if (!checked) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'derivcheck' || diagnostic.code !== 'refuted') continue;
      const claim = this.checker.claimsIn(checked, doc.uri).find((c) => c.verdict === 'refuted' && toRange(c.location).isEqual(diagnostic.range));
      const fix = claim && fixFor(claim, checked.report.locate);
      const uri = fix && checked.note.documentOf(fix.part);
      if (!fix || !uri || uri.toString() !== doc.uri.toString()) continue;
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(uri, new vscode.Range(doc.positionAt(fix.startOffset), doc.positionAt(fix.endOffset)), fix.text);
      actions.push(action);
    }
    return actions;
  }
}
