/**
 * derivcheck's side view in Obsidian: an ItemView whose content ViewContent draws (an explanation, or a list of
 * claims), with LaTeX typeset by Obsidian's own MathJax. Glue only: what the view shows is decided in viewContent.ts.
 */
import { ItemView, type WorkspaceLeaf, finishRenderMath, renderMath } from 'obsidian';
import type { ClaimReport, Explanation } from '../src/index';
import { type ClaimGroup, ViewContent } from './viewContent';

export type { ClaimGroup } from './viewContent';

export const VIEW_TYPE_DERIVCHECK = 'derivcheck-explanation';

/** What the plugin does when the view asks: reveal a definition, draw a new sample point, open a listed claim. */
export interface ViewHost {
  reveal(symbol?: string): void;
  newSamplePoint(): void;
  openClaim(path: string, claim: ClaimReport): void;
}

/**
 * Typesets with Obsidian's MathJax (the stylesheet MathJax needs is flushed once the view is drawn); what it throws
 * on is shown as its source, as the VS Code panel shows what KaTeX cannot typeset.
 */
function typesetWithMathJax(target: HTMLElement, latex: string, display = false): HTMLElement {
  try {
    target.replaceChildren(renderMath(latex, display));
  } catch (e) {
    const source = target.createSpan({ cls: 'tex-error', text: latex });
    source.title = e instanceof Error ? e.message : 'MathJax could not typeset this';
    target.replaceChildren(source);
  }
  return target;
}

export class DerivcheckView extends ItemView {
  private readonly content: ViewContent;

  constructor(leaf: WorkspaceLeaf, host: ViewHost) {
    super(leaf);
    this.content = new ViewContent(this.contentEl, {
      reveal: (symbol) => host.reveal(symbol),
      newSamplePoint: () => host.newSamplePoint(),
      openClaim: (path, claim) => host.openClaim(path, claim),
      tex: typesetWithMathJax,
    });
  }

  getViewType(): string {
    return VIEW_TYPE_DERIVCHECK;
  }

  getDisplayText(): string {
    return 'derivcheck';
  }

  getIcon(): string {
    return 'sigma';
  }

  explain(explanation: Explanation, notePath: string, fresh: boolean): void {
    this.content.explain(explanation, notePath, fresh);
    void finishRenderMath();
  }

  showClaims(title: string, groups: readonly ClaimGroup[]): void {
    this.content.showClaims(title, groups);
    void finishRenderMath();
  }

  claimGone(reason: string): void {
    this.content.claimGone(reason);
    void finishRenderMath();
  }
}
