import { strict as assert } from 'assert';
import { check } from './helpers';

/** A two-layer network in the course's vectorised notation: samples as columns, dW = ∂J/∂W, dZ = m·∂J/∂Z. */
const COURSE = `
$$Z^{[1]} = W^{[1]} X + b^{[1]}, \\quad A^{[1]} = \\tanh(Z^{[1]})$$
$$Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \\quad A^{[2]} = \\sigma(Z^{[2]})$$
$$J = -\\frac{1}{m}\\sum \\left(Y \\odot \\log A^{[2]} + (1 - Y) \\odot \\log(1 - A^{[2]})\\right)$$
`;

const verdictOf = (note: string): { verdict: string; code: string; message: string } => {
  const claims = check(note);
  assert.equal(claims.length, 1, claims.map((c) => c.latex).join(' | '));
  return claims[0];
};

describe('vectorised derivations', () => {
  describe('the course notation', () => {
    const verified = [
      'dZ^{[2]} = A^{[2]} - Y',
      'dW^{[2]} = \\frac{1}{m} dZ^{[2]} A^{[1]T}',
      'db^{[2]} = \\frac{1}{m} \\sum dZ^{[2]}',
      'dZ^{[1]} = W^{[2]T} dZ^{[2]} \\odot (1 - (A^{[1]})^2)',
      'dW^{[1]} = \\frac{1}{m} dZ^{[1]} X^{T}',
      'db^{[1]} = \\frac{1}{m}\\sum dZ^{[1]}',
      'W^{[2]} := W^{[2]} - \\alpha\\, dW^{[2]}',
    ];
    for (const claim of verified) {
      it(`verifies ${claim}`, () => {
        const c = verdictOf(`${COURSE}\n$$${claim}$$`);
        assert.equal(c.verdict, 'verified', c.message);
      });
    }
    it('refutes the swapped product with both shapes', () => {
      const c = verdictOf(`${COURSE}\n$$dW^{[2]} = \\frac{1}{m} A^{[1]T} dZ^{[2]}$$`);
      assert.equal(c.verdict, 'refuted');
      assert.match(c.message, /cannot be formed: matmul: 6×(\d+) times (\d+)×6 \(inner sizes \1 and \2 differ\)/);
      assert.match(c.message, /A\^\[1\] \d+×6/);
    });
    it('refutes a missing transpose by its shape', () => {
      const c = verdictOf(`${COURSE}\n$$dW^{[2]} = \\frac{1}{m} dZ^{[2]} A^{[1]}$$`);
      assert.equal(c.verdict, 'refuted');
      assert.equal(c.code, 'refuted/transpose', 'its shape is the transpose’s, and with A^{[1]T} it holds');
    });
    it('refutes a missing 1/m as a wrong value', () => {
      const c = verdictOf(`${COURSE}\n$$dW^{[2]} = dZ^{[2]} A^{[1]T}$$`);
      assert.equal(c.verdict, 'refuted');
      assert.equal(c.code, 'refuted/missing-factor');
      assert.match(c.message, /differ by/);
    });
    it('refutes an ascent update', () => {
      const c = verdictOf(`${COURSE}\n$$W^{[1]} := W^{[1]} + \\alpha\\, dW^{[1]}$$`);
      assert.equal(c.verdict, 'refuted');
      assert.equal(c.code, 'refuted/ascent-step');
    });
    it('carries the engine numbers for tensors: norms and the worst entry', () => {
      const [c] = check(`${COURSE}\n$$dW^{[2]} = \\frac{1}{m} dZ^{[2]} A^{[1]T}$$`);
      assert.equal(c.engine?.shape?.length, 2);
      assert.ok(c.engine!.shape![0] > 1 && c.engine!.shape![1] > 1);
      assert.ok(c.engine!.maxAbsError! < 1e-6);
      assert.ok(Math.abs(c.engine!.backprop! - c.engine!.claimed!) < 1e-9);
    });
  });

  it('verifies softmax cross-entropy: ∂L/∂z = p − y', () => {
    const c = verdictOf(
      '$$p = \\operatorname{softmax}(z), \\quad L = -\\sum y \\odot \\log p, \\quad \\frac{\\partial L}{\\partial z} = p - y$$',
    );
    assert.equal(c.verdict, 'verified', c.message);
  });

  describe('a derivative has the shape of what it is taken with respect to', () => {
    const NOTE = '$$z = W x + b, \\quad L = \\frac{1}{2}\\|z - y\\|^2$$\n';
    it('verifies ∂L/∂W = (z − y)xᵀ', () => {
      const c = verdictOf(`${NOTE}$$\\frac{\\partial L}{\\partial W} = (z - y) x^T$$`);
      assert.equal(c.verdict, 'verified', c.message);
    });
    it('refutes x(z − y)ᵀ as the transpose', () => {
      const c = verdictOf(`${NOTE}$$\\frac{\\partial L}{\\partial W} = x (z - y)^T$$`);
      assert.equal(c.verdict, 'refuted');
      assert.equal(c.code, 'refuted/shape');
      assert.match(c.message, /shape of the transpose/);
    });
    it('uses declared shapes', () => {
      const c = verdictOf(`${NOTE}$W \\in \\mathbb{R}^{2 \\times 5}$\n$$\\frac{\\partial L}{\\partial W} = (z - y) x^T$$`);
      assert.match(c.message, /W 2×5/);
    });
  });

  describe('a product nothing in the note decides', () => {
    it('reads capitals as matrices: (P Q)ᵀ = Qᵀ Pᵀ is verified, (P Q)ᵀ = Pᵀ Qᵀ refuted', () => {
      assert.equal(verdictOf('$$(P Q)^T = Q^T P^T$$').verdict, 'verified');
      const c = verdictOf('$$(P Q)^T = P^T Q^T$$');
      assert.equal(c.verdict, 'refuted', c.message);
    });
    it('does not refute (p q)ᵀ = qᵀ pᵀ: how p q multiplies is a guess the note does not decide', () => {
      const c = verdictOf('$$(p q)^T = q^T p^T$$');
      assert.notEqual(c.verdict, 'refuted', c.message);
    });
    it('verifies it, and refutes the wrong order, once the shapes are declared', () => {
      const declared = '$P \\in \\mathbb{R}^{3\\times 4}$, $Q \\in \\mathbb{R}^{4 \\times 5}$\n';
      assert.equal(verdictOf(`${declared}$$(P Q)^T = Q^T P^T$$`).verdict, 'verified');
      assert.equal(verdictOf(`${declared}$$(P Q)^T = P^T Q^T$$`).verdict, 'refuted');
    });
    it('still reads a(1 − a) of a non-square activation entry by entry, and refutes σ′ where tanh′ belongs', () => {
      const c = verdictOf(`${COURSE}$$S = A^{[1]} (1 - A^{[1]})$$\n$$dZ^{[1]} = W^{[2]T} dZ^{[2]} \\odot S$$`);
      assert.equal(c.verdict, 'refuted', c.message);
    });
  });

  it('verifies a scalar update rule written with \\leftarrow', () => {
    const c = verdictOf('$$L = (w x - t)^2, \\quad w \\leftarrow w - \\eta \\frac{\\partial L}{\\partial w}$$');
    assert.equal(c.verdict, 'verified', c.message);
    assert.equal(c.code, 'verified/descent-step');
  });

  it('gives scalar claims the engine numbers too', () => {
    const [c] = check('$$C = (a - y)^2, \\quad a = \\sigma(z), \\quad \\frac{\\partial C}{\\partial z} = 2(a - y) a (1 - a)$$');
    assert.equal(c.verdict, 'verified');
    assert.ok(c.engine);
    assert.ok(Math.abs(c.engine.backprop! - c.engine.claimed!) < 1e-12);
    assert.ok(Math.abs(c.engine.backprop! - c.engine.finiteDifference!) < 1e-6);
  });
});
