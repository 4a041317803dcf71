import { strict as assert } from 'assert';
import { checkNote } from '../../../src/verify/checkNote';
import { hoverAt, symbolAt, symbolTitle } from '../../../src/verify/navigate';

const NOTE = [
  '$$z_2 = w_2 a_1 + b_2$$',
  '',
  '$$a_2 = \\sigma(z_2)$$',
  '',
  '$$C = (a_2 - y)^2$$',
  '',
  '$$\\frac{\\partial C}{\\partial w_2} = 2(a_2 - y)\\, a_2(1 + a_2)\\, a_1$$',
  '',
  '## Later, a new activation',
  '',
  '$$a_2 = \\tanh(z_2)$$',
  '',
  '$$\\frac{\\partial a_2}{\\partial z_2} = 1 - a_2^2$$',
].join('\n');

describe('navigation (Go to Definition, hover)', () => {
  const report = checkNote('n.md', NOTE);
  const at = (needle: string, nth = 0): { part: number; offset: number } => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = NOTE.indexOf(needle, i + 1);
    assert.ok(i >= 0, needle);
    return { part: 0, offset: i };
  };

  it('finds the definition of a symbol used in a claim', () => {
    const s = symbolAt(report, at('a_1', 1))!;
    assert.equal(s.latex, 'a_1');
    assert.deepEqual(s.definitions, [], 'a₁ is an input');
    const z = symbolAt(report, at('a_2(1', 0))!;
    assert.equal(symbolTitle(z), 'a₂');
    assert.equal(z.definitions[0].latex, 'a_2 = \\sigma(z_2)');
    assert.equal(z.definitions[0].location.start.line, 3);
  });
  it('takes the definition in force at the place first: after a redefinition, the new one', () => {
    const late = symbolAt(report, at('a_2^2'))!;
    assert.deepEqual(
      late.definitions.map((d) => d.location.start.line),
      [11, 3],
    );
  });
  it('finds nothing outside math or on a number', () => {
    assert.equal(symbolAt(report, at('Later')), undefined);
    assert.equal(symbolAt(report, at('2(a_2')), undefined);
  });
  it("hovers with the claim's verdict and the symbol's value at the counterexample", () => {
    const h = hoverAt(report, at('w_2}'))!;
    assert.equal(h.claim?.verdict, 'refuted');
    assert.equal(typeof h.value, 'number');
    assert.equal(h.value, h.claim?.counterexample?.point.w_2);
    const outside = hoverAt(report, at('b_2'))!;
    assert.equal(outside.claim, undefined);
  });
});
