/**
 * The explanation panel, whatever hosts it: draws an explanation (or a wait) into an element. The host says how to
 * typeset LaTeX and what revealing a definition or a new sample point does; VS Code's webview and Obsidian's side
 * view draw the same markup, each under its own stylesheet.
 */
import type { Explanation } from './protocol';
import { renderChain, renderPoint } from './render/chain';
import { type Typeset, el } from './render/dom';
import { renderGraph } from './render/graph';
import { renderHeader } from './render/header';
import { renderMatrices, renderShapes, renderUpdate } from './render/tensor';

export type { Typeset } from './render/dom';

/** What the panel asks of its host. */
export interface PanelHost {
  /** Show where a symbol is defined in the note (or the claim itself when absent). */
  reveal(symbol?: string): void;
  /** Draw a new random sample point. */
  newSamplePoint(): void;
  /** Typeset LaTeX into `target` (VS Code: KaTeX; Obsidian: its own MathJax). */
  readonly tex: Typeset;
}

/** What the panel shows: the explanation of a claim (if one came yet), and why it is gone from the note (if it is). */
export interface PanelState {
  readonly explanation?: Explanation;
  readonly gone?: string;
}

/** Replaces what `root` holds with the panel for `state`. */
export function renderPanel(root: HTMLElement, state: PanelState, host: PanelHost): void {
  root.replaceChildren();
  const x = state.explanation;
  if (!x) {
    root.append(el('p', 'muted', 'Waiting for a claim…'));
    return;
  }
  if (state.gone) root.append(el('p', 'banner', `This claim is no longer in the note (${state.gone}); showing it as it was.`));
  const reveal = (symbol?: string): void => host.reveal(symbol);
  root.append(renderHeader(x, host.tex, () => reveal()));
  // (a tensor claim or an update shows its shapes and matrices; a scalar claim its sample point)
  const special = [renderShapes(x, host.tex), renderUpdate(x, host.tex), renderMatrices(x)].filter(
    (s): s is HTMLElement => s !== undefined,
  );
  if (special.length > 0) root.append(...special);
  else root.append(renderPoint(x, host.tex, () => host.newSamplePoint()));
  root.append(renderChain(x, host.tex), renderGraph(x, reveal));
  if (x.definitions.length > 0) root.append(renderDefinitions(x, host.tex, reveal));
}

function renderDefinitions(x: Explanation, tex: Typeset, reveal: (symbol: string) => void): HTMLElement {
  const section = el('section', 'definitions');
  section.append(el('h2', undefined, 'Definitions used'));
  const used = new Set(x.nodes.map((n) => n.id));
  for (const d of x.definitions.filter((d) => used.has(d.symbol))) {
    const node = x.nodes.find((n) => n.id === d.symbol);
    const button = el('button', 'link definition');
    button.title = 'Show it in the note';
    button.append(tex(el('span'), `${d.symbol} = ${node?.definition ?? ''}`), el('span', 'muted', `  line ${d.place.line}`));
    button.addEventListener('click', () => reveal(d.symbol));
    section.append(button);
  }
  return section;
}
