/** Tensor claims and update rules: shapes and sizes, the claimed and true matrices (worst entry marked), the step. */
import type { Explanation } from '../protocol';
import { type Typeset, el, num } from './dom';

type Matrix = readonly (readonly number[])[];

/** A small matrix as a table; `mark` is the entry to mark (the worst), `scale` the largest magnitude for the heat. */
function matrix(
  caption: string | HTMLElement,
  m: Matrix,
  testid: string,
  mark?: readonly [number, number],
  scale = largest(m),
): HTMLElement {
  const figure = el('figure', 'matrix');
  figure.setAttribute('data-testid', testid);
  const title = el('figcaption');
  title.append(caption);
  figure.append(title);
  const table = el('table', 'matrix-table');
  m.forEach((row, r) => {
    const tr = el('tr');
    row.forEach((v, c) => {
      const worst = mark !== undefined && mark[0] === r && mark[1] === c;
      const td = el('td', `${v < 0 ? 'neg' : 'pos'}${worst ? ' worst' : ''}`, num(v));
      // the heat: how large the entry is against the largest of both matrices (the opacity of the theme's colour)
      td.style.setProperty('--heat', String(scale > 0 ? Math.min(1, Math.abs(v) / scale) : 0));
      if (worst) td.title = 'where the two sides differ most';
      tr.append(td);
    });
    table.append(tr);
  });
  figure.append(table);
  return figure;
}

/** Enough digits to tell the cost before a small step from the cost after it. */
const precise = (x: number): string => String(+x.toPrecision(9));

const largest = (...ms: Matrix[]): number => Math.max(0, ...ms.flatMap((m) => m.flatMap((row) => row.map(Math.abs))));

/** Sizes and shapes (instead of a sampled point: a tensor's scalar stand-ins mean nothing). */
export function renderShapes(x: Explanation, tex: Typeset): HTMLElement | undefined {
  const t = x.tensor;
  if (!t) return undefined;
  const section = el('section', 'shapes');
  section.setAttribute('data-testid', 'shapes');
  section.append(el('h2', undefined, 'Shapes'));
  const list = el('div', 'point-values');
  for (const s of t.sizes) {
    const item = el('span', 'point-value size');
    item.append(tex(el('span'), s.name), el('span', undefined, ` = ${s.value} (a size)`));
    list.append(item);
  }
  for (const s of t.shapes) {
    const item = el('span', 'point-value');
    item.append(tex(el('span'), s.name), el('span', undefined, `: ${s.shape}`));
    list.append(item);
  }
  section.append(list);
  if (t.cost && x.claim.left.startsWith('d'))
    section.append(el('p', 'muted', `Course shorthand: the left side is the derivative of the cost ${t.cost} by its variable.`));
  return section;
}

/** The claimed and the true matrix side by side, with the worst entry marked. */
export function renderMatrices(x: Explanation): HTMLElement | undefined {
  const t = x.tensor;
  if (!t || t.claimed.length === 0) return undefined;
  const section = el('section', 'matrices');
  const rows = t.claimed.length;
  const cols = t.claimed[0]?.length ?? 0;
  section.append(el('h2', undefined, `Values (${t.shape}${shown(t.shape, rows, cols)})`));
  const scale = largest(t.claimed, t.actual);
  const pair = el('div', 'matrix-pair');
  pair.append(
    matrix('right side (claimed)', t.claimed, 'claimed-matrix', t.worstEntry, scale),
    matrix('true value (backprop)', t.actual, 'true-matrix', t.worstEntry, scale),
  );
  section.append(pair);
  return section;
}

const shown = (shape: string, rows: number, cols: number): string =>
  shape === `${rows}×${cols}` ? '' : `, the first ${rows}×${cols} entries`;

/** An update rule: the step, the gradient it should point against, the cost before and after. */
export function renderUpdate(x: Explanation, tex: Typeset): HTMLElement | undefined {
  const u = x.update;
  if (!u) return undefined;
  const section = el('section', 'update');
  section.setAttribute('data-testid', 'update');
  section.append(el('h2', undefined, 'The update step'));
  const descent = u.alignment < 0;
  const p = el('p', descent ? 'descent' : 'ascent');
  p.setAttribute('data-testid', 'direction');
  const change = u.lossAfter - u.lossBefore;
  p.textContent = `${descent ? 'Descent' : 'Ascent'}: the step points ${descent ? 'against' : 'along'} the gradient (cos θ = ${num(u.alignment)}). A small step along it (10⁻⁴ of it) ${change < 0 ? 'lowers' : 'raises'} the cost by ${num(Math.abs(change))}, from ${precise(u.lossBefore)} to ${precise(u.lossAfter)}.`;
  section.append(p);
  const pair = el('div', 'matrix-pair');
  const caption = (prose: string, latex: string): HTMLElement => {
    const c = el('span');
    c.append(el('span', undefined, prose), tex(el('span'), latex));
    return c;
  };
  pair.append(
    matrix(caption('the step, new − old: ', `\\Delta ${u.param}`), u.step, 'step-matrix'),
    matrix(
      caption('the gradient it should point against: ', `\\frac{\\partial ${u.cost}}{\\partial ${u.param}}`),
      u.gradient,
      'gradient-matrix',
    ),
  );
  section.append(pair);
  return section;
}
