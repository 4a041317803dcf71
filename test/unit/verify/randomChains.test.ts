import { strict as assert } from 'assert';
import { checkNote } from '../../../src/verify/checkNote';
import { makeRng } from '../../../src/verify/sampling';

/**
 * Random chains of definitions where each value feeds exactly one later one (so the path from x₀ to the output is
 * unique), through σ, tanh, exp, products and powers; the chain rule written as the product of the path's factors
 * is then always right, so it must never be refuted.
 */
function randomNote(rng: () => number): { note: string; claim: string } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
  const lines: string[] = [];
  const path = ['x_0'];
  for (let k = 1; k <= 4; k++) {
    const a = path[path.length - 1];
    const b = `x_${k}`;
    const body = pick([`${a} ${b}`, `${a} + 2 ${b}`, `${b} - ${a}^2`, `3 ${a}`, `${a} ${a} ${b}`]);
    const f = pick(['\\sigma', '\\tanh', '\\exp', '']);
    lines.push(`$$n_${k} = ${f ? `${f}(${body})` : body}$$`);
    path.push(`n_${k}`);
  }
  const frac = (u: string, v: string): string => `\\frac{\\partial ${u}}{\\partial ${v}}`;
  const order = pick([(xs: string[]) => xs, (xs: string[]) => [...xs].reverse()]);
  const factors = order(path.slice(1).map((u, i) => frac(u, path[i])));
  const claim = `${frac('n_4', 'x_0')} = ${factors.join(pick([' ', ' \\cdot ', ' \\times ']))}`;
  return { note: `${lines.join('\n')}\n$$${claim}$$\n`, claim };
}

describe('random chains of definitions: the chain rule', () => {
  it('is never refuted, and verified unless a value overflows', () => {
    const rng = makeRng(2026);
    let verified = 0;
    for (let i = 0; i < 150; i++) {
      const { note, claim } = randomNote(rng);
      const c = checkNote('random.md', note).claims.find((x) => x.latex === claim);
      assert.ok(c, note);
      assert.notEqual(c.verdict, 'refuted', `${note}\n${c.message}`);
      if (c.verdict === 'verified') verified++;
    }
    assert.ok(verified > 140, `verified ${verified} of 150`);
  });
});
