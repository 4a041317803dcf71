/** KaTeX into a DOM node: `render` sets styles through the CSSOM, which the strict CSP allows; never trusts input. */
import katex from 'katex';

/**
 * Renders LaTeX into `el`; what KaTeX cannot typeset is shown as its source, as plain text with our own error style
 * (KaTeX's own error element carries an inline style attribute, which the CSP rightly refuses).
 */
export function tex(el: HTMLElement, latex: string, displayMode = false): HTMLElement {
  try {
    katex.render(latex, el, {
      displayMode,
      throwOnError: true,
      trust: false,
      strict: 'ignore',
      output: 'htmlAndMathml',
      maxExpand: 1000,
      maxSize: 20,
    });
  } catch (e) {
    el.replaceChildren();
    const source = document.createElement('span');
    source.className = 'tex-error';
    source.title = e instanceof Error ? e.message : 'KaTeX could not typeset this';
    source.textContent = latex;
    el.append(source);
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
