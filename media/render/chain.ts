/** The chain as a table: each factor symbolic and numeric, the product, the claimed and true values. */
import type { Explanation } from '../protocol';
import { type Typeset, el, num } from './dom';

function row(cells: (HTMLElement | string)[], className?: string): HTMLTableRowElement {
  const tr = el('tr', className);
  for (const c of cells) {
    const td = el('td');
    if (typeof c === 'string') td.textContent = c;
    else td.append(c);
    tr.append(td);
  }
  return tr;
}

export function renderChain(x: Explanation, tex: Typeset): HTMLElement {
  const section = el('section', 'chain');
  section.append(el('h2', undefined, x.paths.length > 1 ? `The chain, along ${x.paths.length} paths` : 'The chain'));
  if (x.paths.length === 0) {
    section.append(
      el(
        'p',
        'muted',
        x.variable
          ? 'No path from the variable to the output in this note.'
          : x.claim.kind === 'update'
            ? 'The update rule does not name the cost it descends.'
            : 'This claim is not a derivative: there is no chain to show.',
      ),
    );
  }
  // (tensors: each factor by its shapes; the scalar product of stand-ins would mean nothing)
  const byShape = x.tensor !== undefined || x.paths.some((p) => p.some((f) => f.expression === ''));
  x.paths.forEach((factors, i) => {
    const table = el('table', 'factors');
    table.append(
      row(
        (byShape ? ['factor', 'shapes (of what, by what)'] : ['factor', 'local derivative', 'value']).map((h) => el('th', undefined, h)),
        'head',
      ),
    );
    let product = 1;
    for (const f of factors) {
      const wrong = x.wrongFactor?.derivative === f.label;
      const cells = byShape
        ? [tex(el('span'), f.label), f.shapes ?? '—']
        : [tex(el('span'), f.label), tex(el('span'), f.expression), num(f.value)];
      const tr = row(cells, wrong ? 'wrong' : undefined);
      if (wrong) tr.setAttribute('data-testid', 'wrong-factor');
      table.append(tr);
      product *= f.value ?? NaN;
    }
    if (!byShape)
      table.append(
        row([el('span', undefined, x.paths.length > 1 ? `product along path ${i + 1}` : 'product'), el('span'), num(product)], 'total'),
      );
    section.append(table);
  });
  if (x.wrongFactor) {
    const p = el('p', 'wrong-note');
    p.append(
      el('span', undefined, 'You wrote '),
      tex(el('span'), x.wrongFactor.claimed),
      el('span', undefined, ' where '),
      tex(el('span'), x.wrongFactor.derivative),
      el('span', undefined, ' = '),
      tex(el('span'), x.wrongFactor.expected),
      el('span', undefined, ' belongs.'),
    );
    section.append(p);
  }
  const values = el('table', 'values');
  // (a tensor's values are its matrices, shown above)
  if (!x.tensor && !x.update) {
    values.append(
      row(['right side (claimed)', num(x.values.claimed)]),
      row([x.variable ? 'true value (symbolic)' : 'left side', num(x.values.actual)]),
    );
  }
  if (x.values.finiteDifference !== undefined) values.append(row(['finite difference', num(x.values.finiteDifference)]));
  if (x.engine) {
    const norm = x.engine.shape ? ` (‖·‖ of ${x.engine.shape[0]}×${x.engine.shape[1]})` : '';
    values.append(
      row([`network engine: backprop${norm}`, num(x.engine.backprop)]),
      row([`network engine: finite difference${norm}`, num(x.engine.finiteDifference)]),
    );
    if (x.values.claimed === undefined) values.append(row([`right side (claimed)${norm}`, num(x.engine.claimed)]));
    const tr = row(['largest difference', num(x.engine.maxAbsError)]);
    tr.setAttribute('data-testid', 'engine-error');
    values.append(tr);
  }
  section.append(values);
  return section;
}

export function renderPoint(x: Explanation, tex: Typeset, onNewPoint: () => void): HTMLElement {
  const section = el('section', 'point');
  const title = el('div', 'point-title');
  title.append(el('h2', undefined, x.claim.verdict === 'refuted' && x.seed === 0 ? 'Counterexample point' : 'Sample point'));
  const button = el('button', 'primary', 'New sample point');
  button.setAttribute('data-testid', 'new-point');
  button.addEventListener('click', onNewPoint);
  title.append(button);
  const list = el('div', 'point-values');
  for (const p of x.point) {
    const item = el('span', 'point-value');
    item.append(tex(el('span'), p.name), el('span', undefined, ` = ${num(p.value)}`));
    list.append(item);
  }
  section.append(title, list);
  return section;
}
