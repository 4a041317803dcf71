/** The claim, its verdict and the message. */
import type { Explanation } from '../protocol';
import { type Typeset, el, num } from './dom';

const VERDICT_TEXT = { verified: '✓ verified', refuted: '✗ refuted', unverifiable: '? unverifiable' } as const;

export function renderHeader(x: Explanation, tex: Typeset, onRevealClaim: () => void): HTMLElement {
  const section = el('section', 'header');
  const verdict = el('div', `verdict verdict-${x.claim.verdict}`, VERDICT_TEXT[x.claim.verdict]);
  verdict.setAttribute('data-testid', 'verdict');
  const where = el(
    'button',
    'link',
    `line ${x.claim.place.line}${x.claim.place.cell !== undefined ? ` of cell ${x.claim.place.cell + 1}` : ''}`,
  );
  where.title = 'Show the claim in the editor';
  where.addEventListener('click', onRevealClaim);
  const top = el('div', 'header-top');
  top.append(verdict, where);
  const claim = tex(el('div', 'claim'), x.claim.left && x.claim.right ? `${x.claim.left} = ${x.claim.right}` : x.claim.latex, true);
  claim.setAttribute('data-testid', 'claim');
  section.append(top, claim);
  if (x.seed === 0) section.append(el('p', 'message', x.claim.message));
  else {
    // a new sample point: the verdict's message (with the numbers it was judged at), then this point's two sides
    const judged = el('p', 'message', `When judged: ${x.claim.message}`);
    const here = el('p', 'message here');
    here.setAttribute('data-testid', 'at-point');
    here.textContent = `At this sample point: the left side is ${num(x.values.actual)}, the right side ${num(x.values.claimed)}.`;
    section.append(judged, here);
  }
  if (x.claim.assumption) {
    const assumed = el('p', 'assumption', `Assumed: ${x.claim.assumption.replace(/^assuming /, '')}`);
    assumed.setAttribute('data-testid', 'assumption');
    section.append(assumed);
  }
  if (x.claim.expected) {
    const expected = el('div', 'expected');
    expected.append(el('span', 'label', 'Expected: '), tex(el('span'), x.claim.expected));
    section.append(expected);
  }
  for (const remark of x.structure) section.append(el('p', 'remark', remark));
  return section;
}
