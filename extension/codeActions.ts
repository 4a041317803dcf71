/**
 * The quick fixes: on a refuted claim, the least edit that mends it (or the expected expression); on a refuted or
 * unverifiable one, ignore its formula, or treat a symbol whose definition it used as an input.
 */
import { type Insertion, fixFor, ignoreFixFor, inputFixesFor, verdictOfCode } from '../src/index';
import * as vscode from 'vscode';
import type { LiveChecker } from './liveChecker';
import { toRange } from './notes';

export class ClaimFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly checker: LiveChecker) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const checked = this.checker.resultFor(doc);
    if (!checked) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'derivcheck' || verdictOfCode(diagnostic.code) === undefined) continue;
      const claim = this.checker
        .claimsIn(checked, doc.uri)
        .find((c) => c.code === diagnostic.code && toRange(c.location).isEqual(diagnostic.range));
      if (!claim) continue;
      const inThis = (part: number): boolean => checked.note.documentOf(part)?.toString() === doc.uri.toString();
      const fix = fixFor(
        claim,
        checked.report.locate,
        (at) => checked.report.document.parts[at.part]?.text.slice(at.startOffset, at.endOffset) ?? '',
      );
      if (fix && inThis(fix.part)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(doc.uri, new vscode.Range(doc.positionAt(fix.startOffset), doc.positionAt(fix.endOffset)), fix.text);
        actions.push(action);
      }
      for (const insertion of [ignoreFixFor(claim, checked.report), ...inputFixesFor(claim, checked.report)]) {
        const uri = insertion && checked.note.documentOf(insertion.part);
        if (insertion && uri)
          actions.push(insertAction(insertion, uri, diagnostic, uri.toString() === doc.uri.toString() ? doc : undefined));
      }
    }
    return actions;
  }
}

/** A quick fix that inserts a line (into this document, or another cell of the notebook). */
function insertAction(
  insertion: Insertion,
  uri: vscode.Uri,
  diagnostic: vscode.Diagnostic,
  doc: vscode.TextDocument | undefined,
): vscode.CodeAction {
  const action = new vscode.CodeAction(insertion.title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.edit = new vscode.WorkspaceEdit();
  const at = doc ? doc.positionAt(insertion.offset) : undefined;
  // (another cell's document: find the position from its text)
  const target =
    at ??
    vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.positionAt(insertion.offset) ??
    new vscode.Position(0, 0);
  action.edit.insert(uri, target, insertion.text);
  return action;
}
