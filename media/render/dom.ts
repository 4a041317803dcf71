/** DOM helpers the panel's renderers share: elements with text (never HTML), numbers for display, the typesetter's type. */

/**
 * Typesets LaTeX into `target` and returns it: the host's math engine (KaTeX in VS Code, MathJax in Obsidian).
 * Never trusts its input; what it cannot typeset it shows as source.
 */
export type Typeset = (target: HTMLElement, latex: string, display?: boolean) => HTMLElement;

/** A new element with a class and, optionally, text (set as text, never as HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A number for display: 4 significant digits, no exponent for ordinary sizes. */
export function num(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '—';
  if (x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e5)) return x.toExponential(3);
  return String(+x.toPrecision(4));
}
