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
});
