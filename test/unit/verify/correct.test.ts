import { strict as assert } from 'assert';
import { check } from './helpers';

/** Correct derivations in many spellings: not one of them may be refuted, and each should be verified. */
const CORRECT: [string, string][] = [
  [
    'logistic regression',
    '$z = w x + b$, $\\hat{y} = \\sigma(z)$, $L = \\frac{1}{2}(\\hat{y} - y)^2$\n$$\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial \\hat{y}} \\frac{\\partial \\hat{y}}{\\partial z} \\frac{\\partial z}{\\partial w} = (\\hat{y} - y)\\hat{y}(1-\\hat{y})x$$',
  ],
  [
    'BCE with sigmoid',
    '$$\\hat{y} = \\sigma(z), \\quad \\mathcal{L} = -y\\log\\hat{y} - (1-y)\\log(1-\\hat{y})$$\n$$\\frac{\\partial \\mathcal{L}}{\\partial z} = \\hat{y} - y$$',
  ],
  ['mean over n without a sum', '$$L = \\frac{1}{n}(y - a)^2, \\quad \\frac{\\partial L}{\\partial a} = \\frac{2}{n}(a - y)$$'],
  ['derivative operator on a function', '$$\\frac{\\partial}{\\partial z}\\sigma(z) = \\sigma(z)(1-\\sigma(z))$$'],
  ['d/dx of exp', '$$\\frac{d}{dx} e^{x} = e^{x}$$'],
  ['d/dx of ln (domain resampled)', '$$\\frac{d}{dx}\\ln x = \\frac{1}{x}$$'],
  ['tanh prime', "$$\\tanh'(u) = 1 - \\tanh^2(u)$$"],
  ['sigmoid from its formula', '$$a = \\sigma(z), \\quad \\frac{\\partial a}{\\partial z} = \\frac{e^{-z}}{(1+e^{-z})^2}$$'],
  [
    'layer indices',
    '$$z^{[2]} = W^{[2]} a^{[1]} + b^{[2]}, \\quad a^{[2]} = \\sigma(z^{[2]})$$\n$$\\frac{\\partial a^{[2]}}{\\partial W^{[2]}} = a^{[2]}(1 - a^{[2]})\\, a^{[1]}$$',
  ],
  [
    'δ defined as a derivative, used later',
    '$$C = \\frac{1}{2}(a - y)^2, \\quad a = \\sigma(z), \\quad z = w x + b$$\n$$\\delta = \\frac{\\partial C}{\\partial z} = (a - y) a (1 - a)$$\n$$\\frac{\\partial C}{\\partial w} = \\delta x, \\quad \\frac{\\partial C}{\\partial b} = \\delta$$',
  ],
  ['e as a variable', '$$e = y - a, \\quad E = \\frac{1}{2}e^2, \\quad \\frac{\\partial E}{\\partial a} = -e$$'],
  [
    'multi-path sum',
    '$$E = (h - t)^2 + \\lambda w^2, \\quad h = \\tanh(w x)$$\n$$\\frac{\\partial E}{\\partial w} = \\frac{\\partial E}{\\partial h}\\frac{\\partial h}{\\partial w} + 2\\lambda w$$',
  ],
  ['ReLU through max', '$$a = \\max(0, z), \\quad z = w x, \\quad \\frac{\\partial a}{\\partial w} = \\mathbb{1}[z > 0]\\, x$$'],
  ['slash derivatives', '$$y = 3x^2 + x, \\quad \\partial y/\\partial x = 6x + 1$$'],
  ['aligned steps', '$$\\begin{aligned} f &= (w x - t)^2 \\\\ \\frac{df}{dw} &= 2(w x - t) x \\\\ &= 2 w x^2 - 2 t x \\end{aligned}$$'],
  ['an Obsidian block with text after $$', '$$a = \\tanh(u)\n\\frac{\\partial a}{\\partial u} = 1 - a^2$$'],
  ['continuation over blocks', '$$L = (w x - y)^2$$\n\n$$\\frac{\\partial L}{\\partial w} = 2(w x - y) x =$$\n\n$$= 2 x (w x - y)$$'],
  ['sqrt', '$$r = \\sqrt{u^2 + 1}, \\quad \\frac{\\partial r}{\\partial u} = \\frac{u}{\\sqrt{u^2 + 1}}$$'],
  ['quotient', '$$q = \\frac{u}{1 + u^2}, \\quad \\frac{dq}{du} = \\frac{1 - u^2}{(1 + u^2)^2}$$'],
  ['δ as ∂', '$$C = (\\omega_2 a - y)^2, \\quad \\frac{\\delta C}{\\delta \\omega_2} = 2(\\omega_2 a - y) a$$'],
  ['generic activation', "$$a_1 = g(z_1), \\quad z_1 = w_1 x, \\quad \\frac{\\partial a_1}{\\partial w_1} = g'(z_1)\\, x$$"],
  [':= definitions', '$$u := 2 v + 1, \\quad \\frac{\\partial u^2}{\\partial v} = 4u$$'],
];

describe('correct derivations are never refuted', () => {
  for (const [name, note] of CORRECT) {
    it(name, () => {
      const claims = check(note);
      assert.ok(claims.length > 0, 'has claims');
      for (const c of claims) assert.equal(c.verdict, 'verified', `${c.latex}: ${c.message}`);
    });
  }
  it('under many seeds', () => {
    for (let seed = 1; seed <= 20; seed++) {
      for (const [, note] of CORRECT.slice(0, 8)) {
        const claims = check(note).filter((c) => c.verdict === 'refuted');
        assert.deepEqual(
          claims.map((c) => c.latex),
          [],
          `seed ${seed}`,
        );
      }
    }
  });
});

describe('readings the note does not spell out are never refuted', () => {
  it('∴ X after a chain is read as = X, but a mismatch is only unverifiable', () => {
    const claims = check(
      '$$L = (a - y)^2, \\quad \\frac{\\partial L}{\\partial a} = 2(a - y) \\quad \\therefore \\frac{\\partial L}{\\partial y}$$',
    );
    assert.deepEqual(
      claims.map((c) => c.verdict),
      ['verified', 'unverifiable'],
    );
  });
  it('two numeric values of a symbol are separate examples', () => {
    const claims = check('For $x = 2$ we get … and for $x = 5$ we get …');
    assert.deepEqual(
      claims.map((c) => c.verdict),
      ['unverifiable'],
    );
  });
  it('a second definition by an expression starts a new scope: checked against the first, never refuted', () => {
    const [redefinition, later] = check(
      '## sigmoid unit\n$a = \\sigma(z)$\n## tanh unit\n$a = \\tanh(z)$, so $\\frac{\\partial a}{\\partial z} = 1 - a^2$',
    );
    assert.equal(redefinition.verdict, 'unverifiable');
    assert.match(redefinition.message, /a is defined again here; it is read as a new definition from here on/);
    assert.equal(later.verdict, 'verified', 'the claim after it uses the new definition');
  });
});
