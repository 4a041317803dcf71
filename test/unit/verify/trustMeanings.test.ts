/**
 * Trust (#10), meanings the note leaves open and sampling that cannot hide slips. Each case: a correct note that
 * must not be refuted, and a slip written the same way that is still caught.
 */
import { strict as assert } from 'assert';
import { checkNote } from '../../../src/verify/checkNote';
import { check } from './helpers';

const verdicts = (note: string): string[] => check(note).map((c) => c.verdict);

describe('trust: one meaning where notes mean another', () => {
  it('a softmax written out has distributions for labels, like a named one', () => {
    const note = '$$\\hat y = \\frac{e^{z}}{\\sum e^{z}}, \\quad L = -\\sum y \\odot \\log \\hat y$$\n';
    assert.deepEqual(verdicts(`${note}$$\\frac{\\partial L}{\\partial z} = \\hat y - y$$`), ['verified']);
    assert.deepEqual(verdicts(`${note}$$\\frac{\\partial L}{\\partial z} = \\hat y + y$$`), ['refuted']);
    // in index notation it is not read at all, so never refuted
    assert.notEqual(
      verdicts(
        '$$\\hat y_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}, \\quad L = -\\sum_k y_k \\log \\hat y_k$$\n$$\\frac{\\partial L}{\\partial z_k} = \\hat y_k - y_k$$',
      )[0],
      'refuted',
    );
  });

  it('d and ∂ in one formula: ∂ is the partial derivative, the rest held fixed', () => {
    const note = '$$f = u x, \\quad u = x^2$$\n';
    const [c] = check(`${note}$$\\frac{df}{dx} = \\frac{\\partial f}{\\partial u}\\frac{du}{dx} + \\frac{\\partial f}{\\partial x}$$`);
    assert.equal(c.verdict, 'verified', c.message);
    assert.match(c.message, /partial derivative/);
    assert.deepEqual(
      verdicts(`${note}$$\\frac{df}{dx} = \\frac{\\partial f}{\\partial u}\\frac{du}{dx}$$`),
      ['refuted'],
      'the direct path is missing',
    );
  });

  describe('a worked example: values the note gives, results it states, printed precision', () => {
    const NOTE = [
      '$$x = 1.0, \\quad w_1 = 0.5, \\quad w_2 = 0.5, \\quad y = 0$$',
      '$$z_1 = x \\cdot w_1 = 1.0 \\cdot 0.5 = 0.5$$',
      '$$a_1 = \\text{ReLU}(z_1) = 0.5$$',
      '$$z_2 = a_1 w_2 = 0.5 \\cdot 0.5 = 0.25$$',
      '$$a_2 = \\sigma(z_2) = \\frac{1}{1 + e^{-0.25}} \\approx 0.562$$',
    ].join('\n');
    it('checks each substitution at the note’s values, each number to its printed digits', () => {
      const claims = check(NOTE);
      assert.deepEqual(
        claims.map((c) => c.verdict),
        ['verified', 'verified', 'verified', 'verified', 'verified', 'verified', 'verified'],
      );
      assert.match(claims[claims.length - 1].message, /rounding/);
    });
    it('refutes a wrong number and a substitution of the wrong value, even rounded', () => {
      assert.deepEqual(verdicts(`${NOTE}\n$$a_2 (1 - a_2) = 0.562 \\cdot 0.438 \\approx 0.264$$`).slice(-2), ['verified', 'refuted']);
      assert.deepEqual(verdicts(`${NOTE}\n$$\\frac{\\partial z_2}{\\partial w_2} = a_1 = 0.25$$`).slice(-1), ['refuted']);
    });
    it('carries a wrong number forward: a later step with the slipped value is refuted at the true one', () => {
      const note = `${NOTE}\n$$L = \\frac{1}{2}(a_2 - y)^2$$\n$$\\frac{\\partial L}{\\partial w_2} = (a_2 - y)\\, a_2 (1 - a_2)\\, a_1 = 0.3 \\cdot 0.246 \\cdot 0.5$$`;
      assert.deepEqual(verdicts(note).slice(-2), ['verified', 'refuted']);
    });
    it('between half a unit and five units of the last digit: unverifiable, not refuted', () => {
      const [c] = check('$$\\frac{1}{1 + e^{-0.25}} = 0.5618$$');
      assert.equal(c.verdict, 'unverifiable', c.message);
      assert.deepEqual(verdicts('$$\\frac{1}{1 + e^{-0.25}} = 0.5622$$'), ['verified']);
      assert.deepEqual(verdicts('$$\\frac{1}{1 + e^{-0.25}} = 0.5652$$'), ['refuted']);
    });
    it('a substitution of values the note does not give is unverifiable, not refuted at random points', () => {
      const [c] = check('$$z = w x + b, \\quad a = \\sigma(z)$$\n$$a = \\frac{1}{1 + e^{-(0.4 \\cdot 2 + 0.1)}}$$');
      assert.equal(c.verdict, 'unverifiable', c.message);
      assert.match(c.message, /does not give the value of/);
    });
  });

  it('a symbol defined again in a later section starts a new scope there', () => {
    const note = '## Sigmoid\n$$a = \\sigma(z)$$\n$$\\frac{\\partial a}{\\partial z} = a(1 - a)$$\n## Tanh\n$$a = \\tanh(z)$$\n';
    assert.deepEqual(verdicts(`${note}$$\\frac{\\partial a}{\\partial z} = 1 - a^2$$`), ['verified', 'unverifiable', 'verified']);
    assert.deepEqual(verdicts(`${note}$$\\frac{\\partial a}{\\partial z} = a(1 - a)$$`), ['verified', 'unverifiable', 'refuted']);
    // a function reused for the next example
    assert.deepEqual(verdicts("$f(x) = x^3$, $f'(x) = 3x^2$. Next, $f(x) = e^{2x}$ and $f'(x) = 2e^{2x}$."), [
      'verified',
      'unverifiable',
      'verified',
    ]);
  });

  it('a symbol an earlier section used as an input may be defined in a later one', () => {
    const note =
      '## Chain rule\n$$z = t^2, \\quad t = x + y$$\n$$\\frac{\\partial t}{\\partial x} = 1$$\n## Local derivatives\n$$y = f(x)$$';
    assert.deepEqual(verdicts(note)[0], 'verified');
  });

  it('conditions and assumptions are not identities', () => {
    assert.notEqual(verdicts('$$\\sum_k y_k = 1$$')[0], 'refuted');
    assert.notEqual(verdicts('For labels $y = \\pm 1$ we have $y^2 = 1$.')[0], 'refuted');
    assert.notEqual(verdicts('$$z = w x + b$$ The boundary is where $w x + b = 0$.')[0], 'refuted');
    assert.notEqual(verdicts('$$\\ell = (w x - y)^2$$ At the optimum $\\frac{\\partial \\ell}{\\partial w} = 0$.')[0], 'refuted');
    // an identity that uses the note's definitions is still checked
    assert.deepEqual(verdicts('$$z = w x + b$$ so $z - b = w x + 1$.'), ['refuted']);
  });

  describe('update rules', () => {
    const NOTE = '$$\\ell = y \\log \\sigma(w x) + (1 - y)\\log(1 - \\sigma(w x))$$\n$$L = (w x - y)^2$$\n';
    it('gradient ascent on an objective the note may maximise is not refuted; on a loss it is', () => {
      assert.notEqual(verdicts(`${NOTE}$$w := w + \\alpha \\frac{\\partial \\ell}{\\partial w}$$`)[0], 'refuted');
      assert.deepEqual(verdicts(`${NOTE}$$w := w - \\alpha \\frac{\\partial L}{\\partial w}$$`), ['verified']);
      assert.deepEqual(verdicts(`${NOTE}$$w := w + \\alpha \\frac{\\partial L}{\\partial w}$$`), ['refuted']);
    });
    it('a step along a velocity (momentum, Adam) is not judged at one point', () => {
      const claims = check(`${NOTE}$$v := \\beta v + (1 - \\beta)\\frac{\\partial L}{\\partial w}$$\n$$w := w - \\alpha v$$`);
      const step = claims.find((x) => x.latex.startsWith('w'))!;
      assert.equal(step.verdict, 'unverifiable', step.message);
      assert.match(step.message, /velocity/);
    });
  });
});

describe('trust: sampling that cannot hide slips', () => {
  it('a count m is at least 2, so a dropped 1/m is caught even when the summand is a number', () => {
    const note = '$$J = \\frac{1}{m}\\sum_{i=1}^{m} (w x^{(i)} - y^{(i)})^2$$\n';
    assert.notEqual(
      verdicts(`${note}$$\\frac{\\partial J}{\\partial w} = \\frac{2}{m}\\sum_{i=1}^{m} (w x^{(i)} - y^{(i)}) x^{(i)}$$`)[0],
      'refuted',
    );
    assert.deepEqual(verdicts(`${note}$$\\frac{\\partial J}{\\partial w} = 2\\sum_{i=1}^{m} (w x^{(i)} - y^{(i)}) x^{(i)}$$`), ['refuted']);
  });

  it('points fall on both sides of every kink: a missing ReLU indicator is caught whatever the seed', () => {
    const note = '$$h = \\text{ReLU}(w x), \\quad L = (v h - y)^2$$\n$$\\frac{\\partial L}{\\partial w} = 2(v h - y)\\, v\\, x$$';
    for (let seed = 1; seed <= 20; seed++) {
      const [c] = checkNote('n.md', note, { seed }).claims;
      assert.equal(c.verdict, 'refuted', `seed ${seed}`);
    }
    assert.deepEqual(
      verdicts(
        '$$h = \\text{ReLU}(w x), \\quad L = (v h - y)^2$$\n$$\\frac{\\partial L}{\\partial w} = 2(v h - y)\\, v\\, [w x > 0]\\, x$$',
      ),
      ['verified'],
    );
  });

  it('a claim about a generic g that fails for every instance is refuted; one that holds for a particular g is not', () => {
    const note = '$$h = g(w_1 x), \\quad C = (w_2 h - y)^2$$\n';
    assert.deepEqual(verdicts(`${note}$$\\frac{\\partial C}{\\partial w_1} = 2(w_2 h - y)\\, w_2\\, g'(w_1 x)\\, x$$`), ['verified']);
    const [missing] = check(`${note}$$\\frac{\\partial C}{\\partial w_1} = 2(w_2 h - y)\\, g'(w_1 x)\\, x$$`);
    assert.equal(missing.verdict, 'refuted', missing.message);
    const [particular] = check('$$h = g(z)$$\n$$\\frac{\\partial h}{\\partial z} = h(1 - h)$$');
    assert.equal(particular.verdict, 'unverifiable', particular.message);
    assert.match(particular.message, /generic function/);
  });
});
