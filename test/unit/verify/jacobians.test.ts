/**
 * Coverage (#11), functions of whole tensors and Jacobians: `\text{diag}(v)`, `\text{Tr}(M)`, the vector of ones
 * `\mathbf{1}`, Jacobians of a vector by a vector in either layout, and notes that write their vectors as rows.
 */
import { strict as assert } from 'assert';
import { check } from './helpers';

const NET =
  '$$\\mathbf{z} = W\\mathbf{x} + \\mathbf{b}, \\quad \\mathbf{a} = \\sigma(\\mathbf{z}), \\quad \\mathbf{p} = \\text{softmax}(\\mathbf{z}), \\quad L = \\frac{1}{2}\\|\\mathbf{a} - \\mathbf{y}\\|^2$$';
const verdict = (claim: string): { verdict: string; message: string } => {
  const claims = check(`${NET}\n\n$$${claim}$$`);
  return claims[claims.length - 1];
};

describe('tensor functions and Jacobians', () => {
  it('reads diag(v) as the diagonal matrix and Tr(M) as the trace', () => {
    assert.equal(
      verdict("\\frac{\\partial L}{\\partial \\mathbf{z}} = \\text{diag}(\\sigma'(\\mathbf{z}))(\\mathbf{a} - \\mathbf{y})").verdict,
      'verified',
    );
    assert.equal(
      verdict('\\frac{\\partial L}{\\partial \\mathbf{z}} = \\text{diag}(\\mathbf{a})(\\mathbf{a} - \\mathbf{y})').verdict,
      'refuted',
    );
    assert.equal(
      verdict('\\|\\mathbf{a} - \\mathbf{y}\\|^2 = \\operatorname{Tr}((\\mathbf{a} - \\mathbf{y})(\\mathbf{a} - \\mathbf{y})^T)').verdict,
      'verified',
    );
  });

  it('reads \\mathbf{1} alone as a vector of ones', () => {
    assert.equal(
      verdict(
        '-\\mathbf{y}^T \\text{diag}\\left(\\frac{\\mathbf{1}}{\\mathbf{a}}\\right) = -\\left(\\frac{\\mathbf{y}}{\\mathbf{a}}\\right)^T',
      ).verdict,
      'verified',
    );
  });

  it('checks a Jacobian of a vector by a vector in the layout its other side has', () => {
    for (const claim of [
      "\\frac{\\partial \\mathbf{a}}{\\partial \\mathbf{z}} = \\text{diag}(\\sigma'(\\mathbf{z}))",
      '\\frac{\\partial \\mathbf{p}}{\\partial \\mathbf{z}} = \\text{diag}(\\mathbf{p}) - \\mathbf{p}\\mathbf{p}^T',
      '\\frac{\\partial \\mathbf{z}}{\\partial \\mathbf{x}} = W',
      '\\frac{\\partial \\mathbf{z}}{\\partial \\mathbf{x}} = W^T',
    ]) {
      const r = verdict(claim);
      assert.equal(r.verdict, 'verified', `${claim}: ${r.message}`);
    }
    assert.equal(verdict('\\frac{\\partial \\mathbf{a}}{\\partial \\mathbf{z}} = \\text{diag}(\\mathbf{a})').verdict, 'refuted');
    // an informal Jacobian of another shape (∂z/∂W written as the vector x) is never refuted
    assert.notEqual(verdict('\\frac{\\partial \\mathbf{z}}{\\partial W} = \\mathbf{x}').verdict, 'refuted');
  });

  it('reads the vectors of a note as rows where that is what makes a claim hold, never by shrinking a vector to a number', () => {
    const rows =
      '$$H = -\\sum_{i=1}^n y_i \\log s_i$$\n\n$$\\frac{\\partial H}{\\partial \\mathbf{s}} = -\\mathbf{y} \\, \\text{diag}\\left(\\frac{\\mathbf 1}{\\mathbf s}\\right)$$';
    const claims = check(rows);
    const c = claims[claims.length - 1];
    assert.notEqual(c.verdict, 'refuted', c.message);
    // the missing transpose of δ x stays refuted: no reading of rows or of numbers rescues it
    const slip = check(
      `${NET}\n\n$$\\boldsymbol\\delta = (\\mathbf{a} - \\mathbf{y}) \\odot \\sigma'(\\mathbf{z})$$\n\n$$\\frac{\\partial L}{\\partial W} = \\boldsymbol\\delta \\mathbf{x}$$`,
    );
    assert.equal(slip[slip.length - 1].verdict, 'refuted');
  });

  it("reads \\mathbf J_{\\mathbf z}(\\mathbf a) as the Jacobian ∂a/∂z, and a gradient's operand up to an explicit space", () => {
    assert.equal(verdict("\\mathbf J_{\\mathbf z}(\\mathbf a) = \\text{diag}(\\sigma'(\\mathbf z))").verdict, 'verified');
    assert.equal(verdict('\\mathbf J_{\\mathbf z}(\\mathbf a) = \\text{diag}(\\mathbf a)').verdict, 'refuted');
    // ∇_a L \ J_z(a): the gradient of L times the Jacobian (row gradients), not the gradient of the product
    const chain = verdict('\\nabla_{\\mathbf z} L = \\nabla_{\\mathbf a} L \\ \\mathbf J_{\\mathbf z}(\\mathbf a)');
    assert.equal(chain.verdict, 'verified', chain.message);
  });
});

describe('cross-entropy written with H(y, s), traces and logs of inputs', () => {
  it('reads H(\\mathbf y, \\mathbf s) = … as the cost H, takes the trace of a square matrix, and draws what a log takes inside its domain', () => {
    const note =
      '$$H(\\mathbf y, \\mathbf s) = -\\frac{1}{m}\\text{Tr}(\\mathbf Y \\log \\mathbf S^\\top)$$\n\n$$\\frac{\\partial H}{\\partial \\mathbf S} = -\\frac{1}{m} \\frac{\\mathbf Y}{\\mathbf S}$$\n\n$$\\frac{\\partial H}{\\partial \\mathbf S} = -\\frac{1}{m} \\mathbf Y \\odot \\mathbf S$$';
    const [right, wrong] = check(note).slice(-2);
    assert.equal(right.verdict, 'verified', right.message);
    assert.notEqual(wrong.verdict, 'verified', wrong.message);
  });

  it('does not refute the parts of a chain that ends in 0 (a condition the note may rescale)', () => {
    const note =
      '$$\\ell = -n \\log \\sigma - \\frac{S}{2\\sigma^2}$$\n\n$$\\frac{\\partial \\ell}{\\partial \\sigma} = -n + \\frac{S}{\\sigma^2} = 0$$';
    assert.notEqual(check(note)[0].verdict, 'refuted');
  });
});
