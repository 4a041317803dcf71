/** Coverage (#11), notation: each construct read as real notes write it, with a correct claim and a slip. */
import { strict as assert } from 'assert';
import { check } from './helpers';

const verdicts = (note: string): string[] => check(note).map((c) => c.verdict);

describe('notation real notes use', () => {
  it('reads \\nabla_w L as the gradient ∂L/∂w', () => {
    const note = '$$z = w x + b, \\quad L = \\frac{1}{2}(z - y)^2$$\n\n';
    assert.deepEqual(verdicts(`${note}$$\\nabla_w L = (z - y) x$$`), ['verified']);
    assert.deepEqual(verdicts(`${note}$$\\nabla_{w} L = (z - y)$$`), ['refuted']);
  });

  it('reads \\nabla \\mathcal{L}(\\theta) as the gradient by θ', () => {
    const note = '$$\\mathcal{L}(\\theta) = (\\theta - 3)^2$$\n\n';
    assert.deepEqual(verdicts(`${note}$$\\nabla \\mathcal{L}(\\theta) = 2(\\theta - 3)$$`), ['verified']);
    assert.deepEqual(verdicts(`${note}$$\\nabla \\mathcal{L}(\\theta) = (\\theta - 3)$$`), ['refuted']);
  });

  it('reads \\hat{y_1} as \\hat{y}_1 (the accent on the letter, the subscript saying which)', () => {
    const note = '$$\\hat{y}_1 = w_5 a_1 + w_6 a_2, \\quad L = (y_1 - \\hat{y_1})^2$$\n\n';
    assert.deepEqual(verdicts(`${note}$$\\frac{\\partial L}{\\partial \\hat{y_1}} = -2(y_1 - \\hat{y_1})$$`), ['verified']);
    assert.deepEqual(verdicts(`${note}$$\\frac{\\partial L}{\\partial w_5} = -2(y_1 - \\hat{y}_1) a_2$$`), ['refuted']);
  });

  it("reads an update rule that names the new value (w_1', w_5^{+}, W_{new} = W_{old} - …, w^{(t+1)}) as a descent step", () => {
    const note = '$$z = w_1 x + b, \\quad E = \\frac{1}{2}(z - t)^2$$\n\n';
    for (const rule of [
      "w_1' = w_1 - \\eta \\frac{\\partial E}{\\partial w_1}",
      'w_1^{+} = w_1 - \\eta \\frac{\\partial E}{\\partial w_1}',
      'b_{\\text{new}} = b_{\\text{old}} - \\eta \\frac{\\partial E}{\\partial b}',
      'w_1^{(t+1)} = w_1^{(t)} - \\eta \\frac{\\partial E}{\\partial w_1}',
    ]) {
      const [c] = check(`${note}$$${rule}$$`);
      assert.equal(c.verdict, 'verified', `${rule}: ${c.message}`);
      assert.match(c.message, /descent step/);
    }
    assert.deepEqual(verdicts(`${note}$$w_1' = w_1 + \\eta \\frac{\\partial E}{\\partial w_1}$$`), ['refuted'], 'an ascent step');
    // a primed name that is no update stays a name of its own
    assert.deepEqual(verdicts("$$a' = 2 b$$\n\n$$a' + 1 = 2 b + 1$$"), ['verified']);
  });

  it('reads \\begin{cases} rows with conditions (z > 0, otherwise) as indicator sums', () => {
    const note = '$$r = \\text{ReLU}(z)$$\n\n';
    assert.deepEqual(verdicts(`${note}$$\\frac{dr}{dz} = \\begin{cases} 1 & \\text{if } z > 0 \\\\ 0 & \\text{otherwise} \\end{cases}$$`), ['verified']);
    assert.deepEqual(verdicts(`${note}$$\\frac{dr}{dz} = \\begin{cases} 0 & z > 0 \\\\ 1 & z \\le 0 \\end{cases}$$`), ['refuted']);
  });

  it('reads cases on indices (j = k, j \\neq k), settled entry by entry', () => {
    const note = '$$p_k = \\frac{e^{o_k}}{\\sum_{j} e^{o_j}}$$\n\n';
    const jacobian = (a: string, b: string): string => `${note}$$\\frac{\\partial p_k}{\\partial o_j} = \\begin{cases} p_k (1 - p_k) & ${a} \\\\ -p_k p_j & ${b} \\end{cases}$$`;
    assert.deepEqual(verdicts(jacobian('j = k', 'j \\neq k')), ['verified']);
    assert.deepEqual(verdicts(jacobian('j = k', '\\text{otherwise}')), ['verified']);
    assert.deepEqual(verdicts(jacobian('j \\neq k', 'j = k')), ['refuted'], 'the cases swapped');
  });
});
