/**
 * Trust (#10), shapes: what the note declares is a fact; what the checker guesses is only a reading, recorded, and
 * no refutation rests on it. Each case: a correct claim that must not be refuted, and a slip still caught.
 */
import { strict as assert } from 'assert';
import { check } from './helpers';

const verdicts = (note: string): string[] => check(note).map((c) => c.verdict);

describe('trust: shapes the note declares, and the ones it leaves open', () => {
  it('uses symbolic declarations (X ∈ ℝ^{m×3}): the samples are rows, m their number', () => {
    const note =
      '$X \\in \\mathbb{R}^{m \\times 3}$, $\\theta \\in \\mathbb{R}^{3}$, $y \\in \\mathbb{R}^{m}$\n$$J = \\frac{1}{2m} \\|X\\theta - y\\|^2$$\n';
    const [ok] = check(`${note}$$\\frac{\\partial J}{\\partial \\theta} = \\frac{1}{m} X^T (X\\theta - y)$$`);
    assert.equal(ok.verdict, 'verified', ok.message);
    assert.match(ok.message, /X (\d+)×3/);
    assert.deepEqual(verdicts(`${note}$$\\frac{\\partial J}{\\partial \\theta} = X^T (X\\theta - y)$$`), ['refuted'], 'the dropped 1/m');
    assert.deepEqual(
      verdicts(`${note}$$\\frac{\\partial J}{\\partial \\theta} = \\frac{1}{m} (X\\theta - y)^T X$$`),
      ['refuted'],
      'the transposed result',
    );
  });

  it('reads a data matrix not named W (Φ, X) as a matrix', () => {
    const note = '$$J = \\frac{1}{2m}\\|\\Phi w - t\\|^2$$\n';
    assert.deepEqual(verdicts(`${note}$$\\frac{\\partial J}{\\partial w} = \\frac{1}{m}\\Phi^T(\\Phi w - t)$$`), ['verified']);
    assert.deepEqual(verdicts(`${note}$$\\frac{\\partial J}{\\partial w} = \\Phi^T(\\Phi w - t)$$`), ['refuted']);
  });

  it('declares every name of a comma list, scalars included (w, b ∈ ℝ)', () => {
    const note =
      '$w, b \\in \\mathbb{R}$, $x, y \\in \\mathbb{R}^{n}$\n$$\\hat y = w x + b, \\quad L = \\frac{1}{2n} \\sum (\\hat y - y)^2$$\n';
    assert.deepEqual(verdicts(`${note}$$\\frac{\\partial L}{\\partial b} = \\frac{1}{n} \\sum (\\hat y - y)$$`), ['verified']);
    const [c] = check(`${note}$$\\frac{\\partial L}{\\partial w} = \\frac{1}{n} \\sum (\\hat y - y) \\odot x$$`);
    assert.equal(c.verdict, 'verified', c.message);
    assert.match(c.message, /w 1×1/);
    assert.deepEqual(verdicts(`${note}$$\\frac{\\partial L}{\\partial b} = \\sum (\\hat y - y)$$`), ['refuted'], 'the dropped 1/n');
  });

  it('keeps a declared row bias a row (samples as rows)', () => {
    const note =
      '$X \\in \\mathbb{R}^{m \\times n}$, $W \\in \\mathbb{R}^{n \\times k}$, $b \\in \\mathbb{R}^{1 \\times k}$\n$$Z = X W + b, \\quad A = \\sigma(Z), \\quad L = \\frac{1}{m} \\sum (A - Y)^2$$\n';
    const [c] = check(
      `${note}$$\\frac{\\partial L}{\\partial b} = \\frac{2}{m} \\sum_{i} \\left((A - Y) \\odot A \\odot (1 - A)\\right)$$`,
    );
    assert.notEqual(c.verdict, 'refuted', c.message);
    const [w] = check(`${note}$$\\frac{\\partial L}{\\partial W} = \\frac{2}{m} \\left((A - Y) \\odot A \\odot (1 - A)\\right) X^T$$`);
    assert.equal(w.verdict, 'refuted', 'the product in the wrong order cannot be formed with the declared shapes');
  });

  it('does not refute per-example gradients by a guessed column (θ_j, x^{(i)})', () => {
    const note = '$$h = \\theta_0 + \\theta_1 x^{(i)}, \\quad J = \\frac{1}{2m}\\sum_{i=1}^{m}(h - y^{(i)})^2$$\n';
    assert.notEqual(
      verdicts(`${note}$$\\frac{\\partial J}{\\partial \\theta_1} = \\frac{1}{m}\\sum_{i=1}^{m}(h - y^{(i)})\\, x^{(i)}$$`)[0],
      'refuted',
    );
  });

  it('reads numpy-style * as entry by entry where a matrix product cannot be formed', () => {
    const note = [
      '$$Z_1 = W_1 X + b_1, \\quad A_1 = \\tanh(Z_1), \\quad Z_2 = W_2 A_1 + b_2, \\quad A_2 = \\sigma(Z_2)$$',
      '$$J = -\\frac{1}{m}\\sum \\left(Y \\odot \\log A_2 + (1 - Y) \\odot \\log(1 - A_2)\\right)$$',
    ].join('\n');
    const [c] = check(`${note}\n$$dZ_1 = W_2^T dZ_2 * (1 - A_1^2)$$`);
    assert.equal(c.verdict, 'verified', c.message);
    assert.deepEqual(verdicts(`${note}\n$$dZ_1 = W_2^T dZ_2 * (1 - A_1)$$`), ['refuted'], 'tanh′ written as 1 − A');
  });

  it('does not refute index notation read as vectors (∂C/∂w_{jk} = a_k δ_j)', () => {
    const note = '$$z_j = \\sum_k w_{jk} a_k + b_j, \\quad C = \\frac{1}{2}(z_j - y_j)^2, \\quad \\delta_j = z_j - y_j$$\n';
    assert.notEqual(verdicts(`${note}$$\\frac{\\partial C}{\\partial w_{jk}} = a_k \\delta_j$$`)[0], 'refuted');
  });

  it('a shape that fails only under a convention is re-read from the equations alone', () => {
    // a single example: x and y are numbers here, though lowercase names are columns by convention
    const note = '$$z = W x + b, \\quad L = \\frac{1}{2}\\|z - y\\|^2$$\n';
    assert.deepEqual(verdicts(`${note}$$\\frac{\\partial L}{\\partial W} = (z - y) x^T$$`), ['verified']);
    const [c] = check(`${note}$$\\frac{\\partial L}{\\partial W} = x (z - y)^T$$`);
    assert.equal(c.verdict, 'refuted', 'the transpose fails under every reading');
    assert.match(c.message, /shape of the transpose/);
  });

  it('vanishing values are no evidence on tensors either', () => {
    const [c] = check(
      '$x \\in \\mathbb{R}^4$\n$$L = 0.000000001 \\sum (x \\odot x)$$\n$$\\frac{\\partial L}{\\partial x} = 0.000000003 x$$',
    );
    assert.equal(c.verdict, 'unverifiable', c.message);
    assert.match(c.message, /too small to tell apart/);
    const [right] = check(
      '$x \\in \\mathbb{R}^4$\n$$L = 0.000000001 \\sum (x \\odot x)$$\n$$\\frac{\\partial L}{\\partial x} = 0.000000002 x$$',
    );
    assert.equal(right.verdict, 'verified', right.message);
  });

  it('does not refute a sum whose body has no index (Σ_k 1), and checks it with the sums written out', () => {
    const [c] = check(
      '$$D = \\frac{1}{2} \\sum_k \\left(s + u^2 - 1\\right) = \\frac{1}{2}\\left(\\sum_k s + \\sum_k u^2 - \\sum_k 1\\right)$$',
    );
    // the vector reading cannot tell how many terms Σ_k 1 adds; written out over K terms, both sides agree
    assert.equal(c.verdict, 'verified', c.message);
    assert.match(c.message, /sums written out over 3 terms/);
    const [slip] = check('$$D = \\sum_k \\left(s_k - 1\\right)^2, \\quad \\frac{\\partial D}{\\partial s_k} = (s_k - 1)$$');
    assert.notEqual(slip.verdict, 'verified', slip.message);
  });

  it('does not refute by shape a `*` that no product forms: it may be a convolution', () => {
    const note = [
      '$$z^l = W^l a^{l-1} + b^l$$',
      '$$a^l = \\sigma(z^l)$$',
      '$$C = \\frac{1}{2}||a^L - y||^2$$',
      '$$\\frac{\\partial C}{\\partial W^{l+1}} = a^l * \\delta^{l+1}$$',
    ].join('\n\n');
    const last = check(note).pop();
    assert.notEqual(last?.verdict, 'refuted', last?.message);
  });
});
