/**
 * Coverage (#11), the cost left unwritten: identities that hold for any loss (`\frac{\partial L}{\partial z} =
 * \frac{\partial L}{\partial a} \odot \sigma'(z)` with L never written) are checked with L read as an arbitrary smooth
 * function of what the note computes last, said in the message, and never refuted on that reading.
 */
import { strict as assert } from 'assert';
import { check } from './helpers';

const LAYER = ['$$h = V u + c$$', '$$g = \\tanh(h)$$', 'The error $E$ is some function of $g$.'].join('\n\n');

function one(claim: string): { verdict: string; message: string } {
  const claims = check(`${LAYER}\n\n$$${claim}$$`);
  const last = claims[claims.length - 1];
  return { verdict: last.verdict, message: last.message };
}

describe('a cost the note never writes', () => {
  it('verifies the layer identities for any cost, and says what it assumed', () => {
    for (const claim of [
      '\\frac{\\partial E}{\\partial h} = \\frac{\\partial E}{\\partial g} \\odot (1 - g^2)',
      '\\frac{\\partial E}{\\partial V} = \\frac{\\partial E}{\\partial h} u^T',
      '\\frac{\\partial E}{\\partial u} = V^T \\frac{\\partial E}{\\partial h}',
      '\\frac{\\partial E}{\\partial c} = \\frac{\\partial E}{\\partial h}',
    ]) {
      const r = one(claim);
      assert.equal(r.verdict, 'verified', `${claim}: ${r.message}`);
      assert.match(r.message, /E is not written in the note: it was read as an arbitrary smooth function of g/);
    }
  });

  it('does not verify a slip, and does not refute it either (the real cost may depend on more)', () => {
    for (const claim of [
      '\\frac{\\partial E}{\\partial h} = \\frac{\\partial E}{\\partial g} \\odot g',
      '\\frac{\\partial E}{\\partial V} = u \\frac{\\partial E}{\\partial h}^T',
    ]) {
      assert.equal(one(claim).verdict, 'unverifiable', claim);
    }
  });

  it('reads a name the note transposes anywhere as a matrix in its other claims too', () => {
    const note = `${LAYER}\n\n$$\\frac{\\partial E}{\\partial u} = V^T \\frac{\\partial E}{\\partial h}$$\n\n$$\\frac{\\partial E}{\\partial u} = V \\frac{\\partial E}{\\partial h}$$`;
    const [right, wrong] = check(note);
    assert.equal(right.verdict, 'verified', right.message);
    assert.notEqual(wrong.verdict, 'verified', 'V as a number would make the untransposed product right');
  });
});
