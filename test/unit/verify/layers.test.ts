/**
 * Coverage (#11), the general layer: course notes that write `Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}` once for every
 * layer, checked on a network of three layers written out from it; per-sample sums over the matrices; a shorthand the
 * note defines itself.
 */
import { strict as assert } from 'assert';
import { check } from './helpers';

const GENERAL = ['$$Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$$', '$$A^{[l]} = g^{[l]}(Z^{[l]})$$', '$$A^{[L]} = \\sigma(Z^{[L]})$$'].join('\n\n');

function last(note: string): { verdict: string; message: string; assumption?: string } {
  const claims = check(note);
  return claims[claims.length - 1];
}

describe('the general layer [l]', () => {
  it('checks the backward formulas at every layer of a written-out network', () => {
    for (const claim of [
      "dZ^{[l]} = dA^{[l]} * g^{[l]'}(Z^{[l]})",
      'dW^{[l]} = \\frac{1}{m} dZ^{[l]} A^{[l-1]T}',
      'db^{[l]} = \\frac{1}{m} np.sum(dZ^{[l]}, axis=1, keepdims=True)',
      'dA^{[l-1]} = W^{[l]T} dZ^{[l]}',
    ]) {
      const r = last(`${GENERAL}\n\n$$${claim}$$`);
      assert.equal(r.verdict, 'verified', `${claim}: ${r.message}`);
      assert.match(r.message, /at each layer \(l = 1, 2, 3 of a network of 3 layers/);
    }
    assert.notEqual(last(`${GENERAL}\n\n$$dA^{[l-1]} = W^{[l]} dZ^{[l]}$$`).verdict, 'verified', 'the missing transpose');
  });

  it('checks the output layer [L] with its own definition, under the loss that fits it', () => {
    const r = last(`${GENERAL}\n\n$$dZ^{[L]} = A^{[L]} - Y$$`);
    assert.equal(r.verdict, 'verified', r.message);
    assert.match(r.message, /binary cross-entropy/);
  });

  it('reads a cost summed over per-sample names (a^{[L](i)}, y^{(i)}) as a sum over the matrices', () => {
    const note = `${GENERAL}\n\n$$J = -\\frac{1}{m}\\sum_{i=1}^{m} \\left[y^{(i)} \\log a^{[L](i)} + (1 - y^{(i)}) \\log(1 - a^{[L](i)})\\right]$$\n\n$$dZ^{[L]} = A^{[L]} - Y$$`;
    const r = last(note);
    assert.equal(r.verdict, 'verified', r.message);
    assert.equal(r.assumption, undefined, 'the cost is the note’s own');
  });

  it('follows the note’s own meaning of its shorthand (dZ = ∂J/∂Z, without the factor m)', () => {
    const note = `${GENERAL}\n\n$$J = \\frac{1}{2m}\\sum_{i=1}^{m}(a^{[L](i)} - y^{(i)})^2$$\n\n$$dZ^{[l]} = \\frac{\\partial J}{\\partial Z^{[l]}}$$\n\n$$dW^{[l]} = \\frac{\\partial J}{\\partial W^{[l]}} = dZ^{[l]} A^{[l-1]T}$$`;
    const r = last(note);
    assert.equal(r.verdict, 'verified', r.message);
    const double = last(note.replace('= dZ^{[l]} A^{[l-1]T}', '= \\frac{1}{m} dZ^{[l]} A^{[l-1]T}'));
    assert.notEqual(double.verdict, 'verified', 'with dZ = ∂J/∂Z, a further 1/m is a slip');
  });
});
