/** KaTeX into a DOM node: `render` sets styles through the CSSOM, which the strict CSP allows; never trusts input. */
import katex from 'katex';

/** Renders LaTeX into `el`; on a LaTeX error shows the source as plain text. */
export function tex(el: HTMLElement, latex: string, displayMode = false): HTMLElement {
  try {
    katex.render(latex, el, { displayMode, throwOnError: false, trust: false, strict: 'ignore', output: 'htmlAndMathml', maxExpand: 1000, maxSize: 20 });
  } catch {
    el.textContent = latex;
  }
  return el;
}

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
