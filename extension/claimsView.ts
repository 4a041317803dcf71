/** The Explorer's claims view: each checked note, and under it its claims with their verdicts; a click reveals one. */
import { statusText } from '../src/index';
import * as vscode from 'vscode';
import type { ClaimReport } from '../src/index';
import { settings } from './config';
import type { CheckedNote, LiveChecker } from './liveChecker';
import { toRange } from './notes';

type Item =
  | { readonly kind: 'note'; readonly checked: CheckedNote }
  | { readonly kind: 'claim'; readonly checked: CheckedNote; readonly claim: ClaimReport };

const ICON = {
  verified: ['pass', 'testing.iconPassed'],
  refuted: ['error', 'errorForeground'],
  unverifiable: ['question', 'descriptionForeground'],
} as const;

const REFRESH_DELAY_MS = 300;

export class ClaimsView implements vscode.TreeDataProvider<Item>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  private pending?: ReturnType<typeof setTimeout>;
  private stale = false;
  /** Whether the view is on screen (set by the extension from its TreeView). */
  visible = false;

  constructor(private readonly checker: LiveChecker) {
    this.subscriptions = [
      this.changed,
      checker.onDidCheck(() => this.refreshSoon()),
      checker.onDidChangeSettings(() => this.refreshSoon()),
    ];
  }

  /**
   * A check refreshes the view a moment later, and only while it is on screen (hidden, it is refreshed when shown):
   * listing a note's thousand claims must not hold up the squiggle the check just published.
   */
  private refreshSoon(): void {
    if (!this.visible) {
      this.stale = true;
      return;
    }
    this.pending ??= setTimeout(() => {
      this.pending = undefined;
      this.changed.fire();
    }, REFRESH_DELAY_MS);
  }

  /** Called when the view's visibility changes. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible && this.stale) {
      this.stale = false;
      this.changed.fire();
    }
  }

  getChildren(item?: Item): Item[] {
    if (!item) {
      if (!settings().liveChecks) return [];
      return this.checker
        .allResults()
        .filter((c) => c.report.claims.length > 0)
        .sort((a, b) => a.note.uri.path.localeCompare(b.note.uri.path))
        .map((checked) => ({ kind: 'note', checked }));
    }
    if (item.kind === 'claim') return [];
    // (refuted first, then in note order)
    const order = { refuted: 0, unverifiable: 1, verified: 2 } as const;
    return [...item.checked.report.claims]
      .sort((a, b) => order[a.verdict] - order[b.verdict])
      .map((claim) => ({ kind: 'claim', checked: item.checked, claim }));
  }

  getTreeItem(item: Item): vscode.TreeItem {
    if (item.kind === 'note') {
      const t = new vscode.TreeItem(item.checked.note.uri, vscode.TreeItemCollapsibleState.Expanded);
      t.description = statusText(item.checked.report.claims);
      t.contextValue = 'note';
      return t;
    }
    const c = item.claim;
    const t = new vscode.TreeItem(c.latex.replace(/\s+/g, ' ').trim(), vscode.TreeItemCollapsibleState.None);
    const [icon, color] = ICON[c.verdict];
    t.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
    t.description = `${c.location.cell !== undefined ? `cell ${c.location.cell + 1}, ` : ''}line ${c.location.start.line}`;
    t.tooltip = `${c.verdict}: ${c.message}`;
    t.contextValue = `claim.${c.verdict}`;
    const uri = item.checked.note.documentOf(c.location.part);
    if (uri)
      t.command = {
        title: 'Show the claim',
        command: 'vscode.open',
        arguments: [uri, { selection: toRange(c.location) } satisfies vscode.TextDocumentShowOptions],
      };
    return t;
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.subscriptions) d.dispose();
  }
}
