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

  it('reads course shorthand (dW, dZ, np.sum) in a note that writes no cost, for the course J that averages over m', () => {
    const course = [
      '$$Z^{[1]} = W^{[1]} X + b^{[1]}, \\quad A^{[1]} = \\tanh(Z^{[1]})$$',
      '$$Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \\quad A^{[2]} = \\sigma(Z^{[2]})$$',
    ].join('\n\n');
    const verdict = (claim: string): { verdict: string; message: string } => {
      const claims = check(`${course}\n\n$$${claim}$$`);
      return claims[claims.length - 1];
    };
    for (const claim of [
      'dW^{[2]} = \\frac{1}{m} dZ^{[2]} A^{[1]T}',
      'db^{[2]} = \\frac{1}{m} np.sum(dZ^{[2]}, axis=1, keepdims=True)',
      'dZ^{[1]} = W^{[2]T} dZ^{[2]} * (1 - A^{[1]2})',
      'dW^{[1]} = \\frac{1}{m} dZ^{[1]} X^T',
    ]) {
      const r = verdict(claim);
      assert.equal(r.verdict, 'verified', `${claim}: ${r.message}`);
      assert.match(r.message, /J is not written in the note/);
    }
    for (const slip of [
      'dW^{[1]} = \\frac{1}{m} dZ^{[1]} X',
      'db^{[1]} = \\frac{1}{m} np.sum(dZ^{[1]}, axis=0, keepdims=True)',
      'dZ^{[2]} = A^{[2]} + Y',
    ]) {
      assert.equal(verdict(slip).verdict, 'unverifiable', slip);
    }
    // the output's own gradient holds for one loss only: the one that fits a sigmoid output, said
    const output = verdict('dZ^{[2]} = A^{[2]} - Y');
    assert.equal(output.verdict, 'verified', output.message);
    assert.match(output.message, /assuming J is the binary cross-entropy/);
  });

  it('checks dZ = A - Y under the loss that fits the output layer, and says so in the verdict', () => {
    const sigmoid = '$$z = w x + b$$\n\n$$a = \\sigma(z)$$\n\n';
    const [bce] = check(`${sigmoid}$$\\frac{\\partial L}{\\partial z} = a - y$$`);
    assert.equal(bce.verdict, 'verified', bce.message);
    assert.match(bce.message, /assuming L is the binary cross-entropy/);
    assert.equal(bce.assumption, 'assuming L = binary cross-entropy');
    const linear = '$$\\hat{y} = w x + b$$\n\n';
    const [half] = check(`${linear}$$\\frac{\\partial L}{\\partial \\hat{y}} = \\hat{y} - y$$`);
    assert.equal(half.assumption, 'assuming L = ½ squared error', half.message);
    const [plain] = check(`${linear}$$\\frac{\\partial L}{\\partial \\hat{y}} = 2(\\hat{y} - y)$$`);
    assert.equal(plain.assumption, 'assuming L = squared error', plain.message);
    // never refuted on an assumed loss
    assert.equal(check(`${sigmoid}$$\\frac{\\partial L}{\\partial z} = a + y$$`)[0].verdict, 'unverifiable');
  });
});

describe('a cost written only as an average of a loss the note never writes', () => {
  const NET = [
    '$$Z^{[1]} = W^{[1]} X + b^{[1]}, \\quad A^{[1]} = \\tanh(Z^{[1]})$$',
    '$$Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \\quad A^{[2]} = \\sigma(Z^{[2]})$$',
  ].join('\n\n');

  it('reads J = 1/m Σ 𝔏(a, y) as any cost, so the shorthand identities of the course verify for every loss', () => {
    const note = `${NET}\n\nThe cost: $J(W, b) = \\frac{1}{m}\\sum_{1}^{m}\\mathfrak{L}(A^{[2]}, Y)$.\n\n$$db^{[2]} = \\frac{1}{m} np.sum(dZ^{[2]}, axis=1, keepdims=True)$$\n\n$$dW^{[2]} = \\frac{1}{m} dZ^{[2]} A^{[1]T}$$\n\n$$dW^{[2]} = \\frac{1}{m} dZ^{[2]} A^{[1]}$$`;
    const claims = check(note);
    assert.deepEqual(
      claims.map((c) => c.verdict),
      ['verified', 'verified', 'unverifiable'],
    );
    assert.equal(claims[0].assumption, 'for any J');
    assert.match(claims[0].message, /J is written only through a per-example loss the note never writes/);
  });

  it('reads the cost as a function of the forward pass only, not of a quantity the backward pass defines', () => {
    const note = `${NET}\n\nThe cost: $J = \\frac{1}{m}\\sum \\mathfrak{L}(A^{[2]}, Y)$.\n\n$$e^{[1]} = W^{[2]T} dZ^{[2]} * (1 - A^{[1]2})$$\n\n$$db^{[2]} = \\frac{1}{m} np.sum(dZ^{[2]}, axis=1, keepdims=True)$$`;
    const claims = check(note);
    const claim = claims[claims.length - 1];
    assert.equal(claim.verdict, 'verified', claim.message);
    assert.match(claim.message, /arbitrary smooth function of A\^\[2\]$/);
  });

  it('keeps a cost the note writes out (J = 1/m Σ (A - Y)^2) as written', () => {
    const note = `${NET}\n\n$$J = \\frac{1}{m}\\sum (A^{[2]} - Y)^2$$\n\n$$\\frac{\\partial J}{\\partial A^{[2]}} = \\frac{2}{m}(A^{[2]} - Y)$$`;
    const claims = check(note);
    const claim = claims[claims.length - 1];
    assert.equal(claim.verdict, 'verified', claim.message);
    assert.equal(claim.assumption, undefined);
  });
});
