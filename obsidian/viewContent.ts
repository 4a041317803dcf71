/**
 * What derivcheck's Obsidian side view shows, as plain DOM (no `obsidian` import, so a browser test can draw it): the
 * explanation of one claim through the panel VS Code's webview draws too, or a list of claims grouped by note (the
 * vault check, a drawing's claims), each row opening its claim.
 */
import { type PanelHost, type PanelState, renderPanel } from '../media/panel';
import { el } from '../media/render/dom';
import { type ClaimReport, type Explanation, VERDICT_TITLE, statusText } from '../src/index';

/** One note's claims in a list, in the order given. */
export interface ClaimGroup {
  readonly path: string;
  readonly claims: readonly ClaimReport[];
}

/** What the view asks of the plugin: the panel's requests, and opening a claim of the list. */
export interface ViewContentHost extends PanelHost {
  openClaim(path: string, claim: ClaimReport): void;
}

type Shown =
  | { readonly kind: 'explanation'; readonly notePath: string; readonly state: PanelState }
  | { readonly kind: 'claims'; readonly title: string; readonly groups: readonly ClaimGroup[] };

const VERDICT_ICON = { verified: '✓', refuted: '✗', unverifiable: '?' } as const;

/** The view's content in `root` (the view's content element), redrawn on every change. */
export class ViewContent {
  private shown: Shown = { kind: 'explanation', notePath: '', state: {} };

  constructor(
    private readonly root: HTMLElement,
    private readonly host: ViewContentHost,
  ) {
    root.classList.add('derivcheck-view');
    this.render();
  }

  /** Explains a claim of the note at `notePath`; `fresh`: another claim than the one shown (scrolls to the top). */
  explain(explanation: Explanation, notePath: string, fresh: boolean): void {
    this.shown = { kind: 'explanation', notePath, state: { explanation } };
    this.render();
    if (fresh) this.root.scrollTop = 0;
  }

  /** Lists claims grouped by note under a title. */
  showClaims(title: string, groups: readonly ClaimGroup[]): void {
    this.shown = { kind: 'claims', title, groups };
    this.render();
    this.root.scrollTop = 0;
  }

  /** The explained claim is gone from its note: it stays shown, marked as gone (a list is left as it is). */
  claimGone(reason: string): void {
    if (this.shown.kind !== 'explanation') return;
    this.shown = { ...this.shown, state: { ...this.shown.state, gone: reason } };
    this.render();
  }

  private render(): void {
    const shown = this.shown;
    if (shown.kind === 'claims') {
      renderClaimList(this.root, shown.title, shown.groups, this.host);
      return;
    }
    renderPanel(this.root, shown.state, this.host);
    if (shown.state.explanation) this.root.prepend(el('p', 'note-path muted', shown.notePath));
  }
}

function renderClaimList(root: HTMLElement, title: string, groups: readonly ClaimGroup[], host: ViewContentHost): void {
  root.replaceChildren();
  const all = groups.flatMap((g) => g.claims);
  const head = el('section', 'claim-list-head');
  head.append(el('h2', undefined, title), el('p', 'muted', all.length === 0 ? 'No claims.' : statusText(all)));
  root.append(head);
  for (const group of groups) {
    const section = el('section', 'claim-group');
    section.setAttribute('data-path', group.path);
    const caption = el('h3', 'claim-group-title');
    caption.append(el('span', 'claim-group-path', group.path), el('span', 'muted', statusText(group.claims)));
    section.append(caption);
    for (const claim of group.claims) section.append(claimRow(group.path, claim, host));
    root.append(section);
  }
}

/** A claim as a row: its verdict icon, its line, its formula and the verdict's message; a click opens it. */
function claimRow(path: string, claim: ClaimReport, host: ViewContentHost): HTMLElement {
  const row = el('div', `claim-row claim-row-${claim.verdict}`);
  row.setAttribute('role', 'button');
  row.tabIndex = 0;
  row.title = `${VERDICT_TITLE[claim.verdict]}: show it in the note`;
  const icon = el('span', `claim-icon claim-icon-${claim.verdict}`, VERDICT_ICON[claim.verdict]);
  icon.setAttribute('aria-label', claim.verdict);
  const where = claim.location.cell !== undefined ? `cell ${claim.location.cell + 1}, line ` : 'line ';
  const line = el('span', 'claim-line muted', `${where}${claim.location.start.line}`);
  const formula = host.tex(el('span', 'claim-formula'), claim.latex);
  const message = el('span', 'claim-message', claim.message);
  row.append(icon, line, formula, message);
  const open = (): void => host.openClaim(path, claim);
  row.addEventListener('click', open);
  row.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      open();
    }
  });
  return row;
}
