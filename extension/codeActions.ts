/**
 * The quick fixes: on a refuted claim, replace the wrong factor (or the right side) with the expected expression;
 * on a refuted or unverifiable one, ignore its formula.
 */
import * as vscode from 'vscode';
import type { LiveChecker } from './liveChecker';
import { toRange } from './notes';
import { fixFor, ignoreFixFor } from './presentation';

export class ClaimFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly checker: LiveChecker) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const checked = this.checker.resultFor(doc);
    if (!checked) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'derivcheck' || (diagnostic.code !== 'refuted' && diagnostic.code !== 'unverifiable')) continue;
      const claim = this.checker.claimsIn(checked, doc.uri).find((c) => c.verdict === diagnostic.code && toRange(c.location).isEqual(diagnostic.range));
      if (!claim) continue;
      const inThis = (part: number): boolean => checked.note.documentOf(part)?.toString() === doc.uri.toString();
      const fix = fixFor(claim, checked.report.locate, (at) => checked.report.document.parts[at.part]?.text.slice(at.startOffset, at.endOffset) ?? '');
      if (fix && inThis(fix.part)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(doc.uri, new vscode.Range(doc.positionAt(fix.startOffset), doc.positionAt(fix.endOffset)), fix.text);
        actions.push(action);
      }
      const ignore = ignoreFixFor(claim, checked.report);
      if (ignore && inThis(ignore.part)) {
        const action = new vscode.CodeAction(ignore.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.edit = new vscode.WorkspaceEdit();
        action.edit.insert(doc.uri, doc.positionAt(ignore.offset), ignore.text);
        actions.push(action);
      }
    }
    return actions;
  }
}
