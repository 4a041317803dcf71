/** Coverage (#11), notation: each construct read as real notes write it, with a correct claim and a slip. */
import { strict as assert } from 'assert';
import { check } from './helpers';
import type { ClaimReport } from '../../../src/verify/checkNote';

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
    assert.deepEqual(verdicts(`${note}$$\\frac{dr}{dz} = \\begin{cases} 1 & \\text{if } z > 0 \\\\ 0 & \\text{otherwise} \\end{cases}$$`), [
      'verified',
    ]);
    assert.deepEqual(verdicts(`${note}$$\\frac{dr}{dz} = \\begin{cases} 0 & z > 0 \\\\ 1 & z \\le 0 \\end{cases}$$`), ['refuted']);
  });

  it('reads cases on indices (j = k, j \\neq k), settled entry by entry', () => {
    const note = '$$p_k = \\frac{e^{o_k}}{\\sum_{j} e^{o_j}}$$\n\n';
    const jacobian = (a: string, b: string): string =>
      `${note}$$\\frac{\\partial p_k}{\\partial o_j} = \\begin{cases} p_k (1 - p_k) & ${a} \\\\ -p_k p_j & ${b} \\end{cases}$$`;
    assert.deepEqual(verdicts(jacobian('j = k', 'j \\neq k')), ['verified']);
    assert.deepEqual(verdicts(jacobian('j = k', '\\text{otherwise}')), ['verified']);
    assert.deepEqual(verdicts(jacobian('j \\neq k', 'j = k')), ['refuted'], 'the cases swapped');
  });
  it('reads a note written in plain text (no math delimiters): list items as equations, δE/δw as ∂E/∂w', () => {
    const note = [
      '* h1 = w1*i1 + w2*i2',
      '* a_h1 = σ(h1) = 1/(1+exp(-h1))',
      '* o1 = w5*a_h1',
      '* E_total = 1/2*(t1 - o1)^2',
      '',
      'The gradients:',
      '',
      '* δE_total/δw5 = -(t1 - o1)*a_h1',
      '* δE_total/δw1 = -(t1 - o1)*w5*a_h1*(1 - a_h1)*i1',
      '* δE_total/δw2 = -(t1 - o1)*w5*a_h1*(1 - a_h1)*i1',
      '',
      'This version = the answer we wanted.',
    ].join('\n');
    assert.deepEqual(verdicts(note), ['verified', 'verified', 'verified', 'refuted']);
    // δ followed by a subscript is a variable's name, not a derivative
    const delta =
      '$$z = w x, \\quad E = \\frac{1}{2}(z - t)^2, \\quad \\delta_1 = z - t$$\n\n$$\\frac{\\partial E}{\\partial w} = \\delta_1 x$$';
    assert.deepEqual(verdicts(delta), ['verified']);
  });

  it('reads a definition that loops through its first form (a_1 = σ(o_1) with o_1 = w_2 a_1) by the form its chain ends in', () => {
    const note = [
      '$$h_1 = w_1 x$$',
      '$$a_1 = \\sigma(o_1) = \\frac{1}{1+e^{-h_1}}$$',
      '$$o_1 = w_2 a_1, \\quad E = \\frac{1}{2}(o_1 - t)^2$$',
      '$$\\frac{\\partial E}{\\partial w_1} = (o_1 - t) w_2 a_1 (1 - a_1) x$$',
      '$$\\frac{\\partial E}{\\partial w_1} = (o_1 - t) w_2 a_1 x$$',
    ].join('\n');
    const claims = check(note);
    // the σ(o_1) slip itself is refuted; the claims below read a_1 as σ(h_1)
    assert.deepEqual(
      claims.map((c) => c.verdict),
      ['refuted', 'verified', 'refuted'],
    );
    assert.match(claims[0].message, /^σ\(o₁\) is not 1 \/ \(1 \+ exp\(−h₁\)\)/);
  });
  it('verifies an update rule by its form (θ − α ∂K/∂θ, θ − α dθ) where the note never says how the cost depends on θ', () => {
    const form = (rule: string): ClaimReport => check(`The loss $\\mathcal{L}$ is minimised.\n\n$$${rule}$$`)[0];
    for (const rule of [
      'W^{[1]} \\leftarrow W^{[1]} - \\alpha \\frac{\\partial \\mathcal{L}}{\\partial W^{[1]}}',
      'b := b - \\frac{\\eta}{m} \\frac{\\partial J}{\\partial b}',
      'w^{[2]} = w^{[2]} - \\alpha\\, dw^{[2]}',
    ]) {
      const c = form(rule);
      assert.equal(c.verdict, 'verified', `${rule}: ${c.message}`);
      assert.match(c.message, /gradient-descent step by its form/);
    }
    // the wrong sign, the wrong parameter's gradient, or a velocity are not gradient descent by form: no verdict
    for (const rule of [
      'W \\leftarrow W + \\alpha \\frac{\\partial \\mathcal{L}}{\\partial W}',
      'W \\leftarrow W - \\alpha \\frac{\\partial \\mathcal{L}}{\\partial b}',
      'W \\leftarrow W - \\alpha v_t',
    ]) {
      assert.equal(form(rule).verdict, 'unverifiable', rule);
    }
    // where the cost is defined the step is still judged at values, and an ascent step refuted
    const note = '$$z = w x, \\quad J = \\frac{1}{2}(z - y)^2$$\n\n';
    assert.match(check(`${note}$$w := w - \\alpha \\frac{\\partial J}{\\partial w}$$`)[0].message, /^a descent step/);
    assert.equal(check(`${note}$$w := w + \\alpha \\frac{\\partial J}{\\partial w}$$`)[0].verdict, 'refuted');
  });
});
