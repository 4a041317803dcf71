/**
 * The Verify Gradient panel: one webview that explains one claim, follows it while the note changes, draws new
 * sample points on request, and reveals definitions in the editor. Strict CSP, scripts by nonce, resources only
 * from the extension's bundled media folder.
 */
import * as vscode from 'vscode';
import { type ClaimReport, displayName, explainClaim } from '../src/index';
import { type HostMessage, type WebviewMessage, assertNever } from '../media/protocol';
import type { CheckedNote, LiveChecker } from './liveChecker';
import { toRange } from './notes';
import { makeNonce, webviewHtml } from './webviewHtml';

interface Target {
  checked: CheckedNote;
  claim: ClaimReport;
  seed: number;
}

export class ChainPanel implements vscode.Disposable {
  private static current: ChainPanel | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private ready = false;

  /** Shows (or reuses) the panel for a claim. */
  static show(extensionUri: vscode.Uri, checker: LiveChecker, checked: CheckedNote, claim: ClaimReport): ChainPanel {
    const panel = ChainPanel.current ?? new ChainPanel(extensionUri, checker);
    ChainPanel.current = panel;
    const same = panel.target?.checked.note.key === checked.note.key && sameClaim(panel.target.claim, claim);
    panel.target = { checked, claim, seed: same ? panel.target!.seed : 0 };
    panel.panel.title = `Verify Gradient: ${title(claim)}`;
    if (!panel.panel.visible) panel.panel.reveal(vscode.ViewColumn.Beside, true);
    panel.sendExplanation(!same);
    return panel;
  }

  /** The panel currently open, if any (for tests and commands). */
  static get open(): ChainPanel | undefined {
    return ChainPanel.current;
  }

  private readonly panel: vscode.WebviewPanel;
  private target: Target | undefined;

  private constructor(extensionUri: vscode.Uri, checker: LiveChecker) {
    const media = vscode.Uri.joinPath(extensionUri, 'dist', 'media');
    this.panel = vscode.window.createWebviewPanel(
      'derivcheck.chain',
      'Verify Gradient',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        localResourceRoots: [media],
      },
    );
    const webview = this.panel.webview;
    webview.html = webviewHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'webview.css')).toString(),
    });
    this.subscriptions.push(
      webview.onDidReceiveMessage((m: WebviewMessage) => this.onMessage(m)),
      checker.onDidCheck((c) => this.onNoteChecked(c)),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  /** The claim shown, for tests. */
  get claim(): ClaimReport | undefined {
    return this.target?.claim;
  }

  /** Whether the webview's script has loaded and said so (for tests: a missing bundle never does). */
  get isReady(): boolean {
    return this.ready;
  }

  private onMessage(m: WebviewMessage): void {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.sendExplanation(true);
        break;
      case 'newSamplePoint':
        if (this.target) this.target.seed = 1 + Math.floor(Math.random() * 2 ** 30);
        this.sendExplanation(false);
        break;
      case 'reveal':
        void this.reveal(m.symbol);
        break;
      default:
        assertNever(m);
    }
  }

  /** Follows the claim through edits: the same text nearest to where it was, else the claim edited in its place. */
  private onNoteChecked(checked: CheckedNote): void {
    const t = this.target;
    if (!t || checked.note.key !== t.checked.note.key) return;
    const next = followClaim(t.claim, checked.report.claims);
    if (!next) {
      this.post({ type: 'claimGone', reason: 'it was edited or deleted' });
      return;
    }
    // (an edited claim is a new verdict: its own point again)
    this.target = { checked, claim: next, seed: next.latex === t.claim.latex ? t.seed : 0 };
    this.panel.title = `Verify Gradient: ${title(next)}`;
    this.sendExplanation(false);
  }

  /** Explains the target; `fresh` when it is another claim than the one shown (the panel scrolls to its top). */
  private sendExplanation(fresh: boolean): void {
    const t = this.target;
    if (!t || !this.ready) return;
    const explanation = explainClaim(t.checked.report, t.claim, t.seed);
    this.post({ type: 'explain', explanation, notePath: t.checked.note.uri.path, fresh });
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private async reveal(symbol: string | undefined): Promise<void> {
    const t = this.target;
    if (!t) return;
    const def = symbol === undefined ? undefined : t.checked.report.model.definitions.get(symbol);
    const at = def ? t.checked.report.locate(def.at) : t.claim.location;
    const uri = t.checked.note.documentOf(at.part);
    if (!uri) return;
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: vscode.ViewColumn.One,
      selection: toRange(at),
      preserveFocus: false,
    });
    editor.revealRange(toRange(at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (ChainPanel.current === this) ChainPanel.current = undefined;
    for (const d of this.subscriptions) d.dispose();
    this.panel.dispose();
  }
}

const sameClaim = (a: ClaimReport, b: ClaimReport): boolean =>
  a.latex === b.latex && a.location.part === b.location.part && a.location.start.line === b.location.start.line;

/** The claim after an edit: the same text, nearest to where it was; else one edited where it stood (a quick fix). */
export function followClaim(old: ClaimReport, claims: readonly ClaimReport[]): ClaimReport | undefined {
  const line = old.location.start.line;
  const distance = (c: ClaimReport): number => (c.location.part === old.location.part ? Math.abs(c.location.start.line - line) : Infinity);
  const same = claims.filter((c) => c.latex === old.latex).sort((a, b) => distance(a) - distance(b));
  if (same[0] && distance(same[0]) < Infinity) return same[0];
  return claims.find(
    (c) => c.location.part === old.location.part && c.location.startOffset === old.location.startOffset && c.claim.kind === old.claim.kind,
  );
}

function title(c: ClaimReport): string {
  const left = c.claim.left.expr;
  if (left?.kind === 'derivative' && left.of.kind === 'symbol') return `∂${displayName(left.of.name)}/∂${displayName(left.wrt.name)}`;
  return `line ${c.location.start.line}`;
}
