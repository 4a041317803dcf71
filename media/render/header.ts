/** The claim, its verdict and the message. */
import type { Explanation } from '../protocol';
import { el, tex } from './tex';

const VERDICT_TEXT = { verified: '✓ verified', refuted: '✗ refuted', unverifiable: '? unverifiable' } as const;

export function renderHeader(x: Explanation, onRevealClaim: () => void): HTMLElement {
  const section = el('section', 'header');
  const verdict = el('div', `verdict verdict-${x.claim.verdict}`, VERDICT_TEXT[x.claim.verdict]);
  verdict.setAttribute('data-testid', 'verdict');
  const where = el('button', 'link', `line ${x.claim.place.line}${x.claim.place.cell !== undefined ? ` of cell ${x.claim.place.cell}` : ''}`);
  where.title = 'Show the claim in the editor';
  where.addEventListener('click', onRevealClaim);
  const top = el('div', 'header-top');
  top.append(verdict, where);
  const claim = tex(el('div', 'claim'), x.claim.left && x.claim.right ? `${x.claim.left} = ${x.claim.right}` : x.claim.latex, true);
  claim.setAttribute('data-testid', 'claim');
  section.append(top, claim, el('p', 'message', x.claim.message));
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
