/** KaTeX into a DOM node: `render` sets styles through the CSSOM, which the strict CSP allows; never trusts input. */
import katex from 'katex';

/**
 * Renders LaTeX into `el`; what KaTeX cannot typeset is shown as its source, as plain text with our own error style
 * (KaTeX's own error element carries an inline style attribute, which the CSP rightly refuses).
 */
export function typesetWithKatex(el: HTMLElement, latex: string, displayMode = false): HTMLElement {
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
