/** The commands: Verify Gradient (on the claim under the cursor, or one picked) and Verify Workspace. */
import * as vscode from 'vscode';
import type { ClaimReport } from '../src/index';
import { ChainPanel } from './chainPanel';
import { settings } from './config';
import type { LiveChecker } from './liveChecker';
import { toRange } from './notes';

const ICON = { verified: '$(pass)', refuted: '$(error)', unverifiable: '$(question)' } as const;

/** `derivcheck.verifyGradient [uri, position]`: explains the claim at the position (or the cursor), else asks which. */
export async function verifyGradient(
  extensionUri: vscode.Uri,
  checker: LiveChecker,
  uri?: vscode.Uri,
  position?: vscode.Position,
): Promise<ClaimReport | undefined> {
  const editor = vscode.window.activeTextEditor;
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
  if (!doc) {
    void vscode.window.showInformationMessage('derivcheck: open a note to verify a gradient.');
    return undefined;
  }
  const checked = checker.checkNow(doc);
  if (!checked) {
    void vscode.window.showInformationMessage(checker.tooLargeNotice(doc) ?? 'derivcheck: this file is not a note with math in it.');
    return undefined;
  }
  const claims = checker.claimsIn(checked, doc.uri);
  if (claims.length === 0) {
    void vscode.window.showInformationMessage('derivcheck: this note has no claims to verify (no equations with a derivative or a step).');
    return undefined;
  }
  const at = position ?? (editor?.document === doc ? editor.selection.active : undefined);
  let claim = at && claimAt(claims, at);
  if (!claim) {
    const picked = await vscode.window.showQuickPick(
      claims.map((c) => ({
        label: `${ICON[c.verdict]} ${c.latex.replace(/\s+/g, ' ')}`,
        description: `line ${c.location.start.line}`,
        detail: c.message,
        claim: c,
      })),
      { placeHolder: 'Which claim should be explained?', matchOnDescription: true, matchOnDetail: true },
    );
    claim = picked?.claim;
  }
  if (claim) ChainPanel.show(extensionUri, checker, checked, claim);
  return claim;
}

/** The claim at a position: the one whose span holds it, else the first on its line. */
function claimAt(claims: readonly ClaimReport[], at: vscode.Position): ClaimReport | undefined {
  return claims.find((c) => toRange(c.location).contains(at)) ?? claims.find((c) => toRange(c.location).start.line === at.line);
}

/** `derivcheck.panel.followCursor`: the open panel explains the claim the cursor moves onto (nothing else changes). */
export function followCursor(extensionUri: vscode.Uri, checker: LiveChecker, e: vscode.TextEditorSelectionChangeEvent): void {
  const panel = ChainPanel.open;
  if (!panel || !settings(e.textEditor.document.uri).panelFollowsCursor) return;
  const checked = checker.resultFor(e.textEditor.document);
  const claim = checked && claimAt(checker.claimsIn(checked, e.textEditor.document.uri), e.selections[0].active);
  const shown = panel.claim;
  const same =
    shown &&
    claim &&
    shown.latex === claim.latex &&
    shown.location.part === claim.location.part &&
    shown.location.startOffset === claim.location.startOffset;
  if (checked && claim && !same) ChainPanel.show(extensionUri, checker, checked, claim);
}

/** `derivcheck.openSample`: the walkthrough's sample note, as an untitled note beside the walkthrough (nothing on disk changes). */
export async function openSample(extensionUri: vscode.Uri): Promise<vscode.TextEditor> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'walkthrough', 'sample.md'));
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(bytes) });
  return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside });
}
