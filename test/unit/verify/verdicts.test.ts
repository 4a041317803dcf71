import { strict as assert } from 'assert';
import { check, verdicts } from './helpers';

const network = `
$$z_1 = w_1 x + b_1$$
$$a_1 = \\operatorname{ReLU}(z_1)$$
$$z_2 = w_2 a_1 + b_2$$
$$a_2 = \\sigma(z_2)$$
$$C = (a_2 - y)^2$$
`;

describe('verdicts', () => {
  describe('correct derivations are verified', () => {
    const correct = [
      '\\frac{\\partial C}{\\partial a_2} = 2(a_2 - y)',
      '\\frac{\\partial a_2}{\\partial z_2} = \\sigma(z_2)(1 - \\sigma(z_2))',
      '\\frac{\\partial a_2}{\\partial z_2} = a_2(1 - a_2)',
      '\\frac{\\partial C}{\\partial w_2} = 2(a_2 - y)\\, a_2 (1 - a_2)\\, a_1',
      '\\frac{\\partial C}{\\partial w_2} = \\frac{\\partial C}{\\partial a_2}\\frac{\\partial a_2}{\\partial z_2}\\frac{\\partial z_2}{\\partial w_2}',
      '\\frac{\\partial C}{\\partial w_2} = \\frac{\\partial z_2}{\\partial w_2} \\times \\frac{\\partial a_2}{\\partial z_2} \\times \\frac{\\partial C}{\\partial a_2}',
      '\\frac{\\partial C}{\\partial w_1} = 2(a_2 - y) a_2(1-a_2)\\, w_2\\, (z_1 > 0)\\, x',
      '\\frac{\\partial C}{\\partial w_1} = 2(a_2 - y) a_2(1-a_2)\\, w_2\\, \\mathbb{1}[z_1 > 0]\\, x',
      '\\frac{\\partial C}{\\partial b_1} = \\frac{\\partial C}{\\partial z_2} \\frac{\\partial z_2}{\\partial a_1} \\frac{\\partial a_1}{\\partial z_1} \\frac{\\partial z_1}{\\partial b_1}',
      '\\partial C/\\partial b_2 = 2(a_2 - y) a_2 (1 - a_2)',
      '\\frac{dC}{dz_1} = 2(a_2 - y) a_2 (1 - a_2) w_2 [z_1 > 0]',
    ];
    for (const claim of correct) {
      it(claim, () => assert.deepEqual(verdicts(`${network}\n$$${claim}$$`), [`verified: ${claim}`]));
    }
    it('holds whatever the seed', () => {
      for (const seed of [1, 7, 12345]) {
        const claims = check(`${network}\n$$\\frac{\\partial C}{\\partial w_1} = 2(a_2 - y) a_2(1-a_2) w_2 (z_1>0) x$$`);
        assert.equal(claims[0].verdict, 'verified', `seed ${seed}`);
      }
    });
  });

  describe('slips are refuted, with the counterexample and the expected expression', () => {
    it('a lost factor 2', () => {
      const [c] = check(`${network}\n$$\\frac{\\partial C}{\\partial a_2} = a_2 - y$$`);
      assert.equal(c.verdict, 'refuted');
      assert.equal(c.expected, '2 \\left(a_2 - y\\right)', "the right side with the factor it lost, in the note's own LaTeX");
      assert.equal(c.code, 'refuted/missing-factor');
      assert.deepEqual(c.repair, { kind: 'factor', latex: '2', text: '2', where: 'start' });
      const { claimed, actual } = c.counterexample!;
      assert.ok(Math.abs(actual - 2 * claimed) < 1e-9, 'the true value is twice the claimed one');
      assert.ok('y' in c.counterexample!.point && 'w_2' in c.counterexample!.point);
    });
    it('σ(x) where σ(z₂) belongs, naming the wrong factor', () => {
      const [c] = check(`${network}\n$$\\frac{\\partial C}{\\partial w_2} = 2(a_2 - y)\\,\\sigma(x)(1-\\sigma(x))\\,a_1$$`);
      assert.equal(c.verdict, 'refuted');
      assert.equal(c.wrongFactor?.claimedLatex, '\\sigma(x)(1-\\sigma(x))');
      assert.equal(c.wrongFactor?.derivativeLatex, '\\frac{\\partial a_2}{\\partial z_2}');
      assert.equal(c.code, 'refuted/wrong-factor');
    });
    it('a sign slip', () => {
      const [c] = check(`${network}\n$$\\frac{\\partial C}{\\partial a_2} = 2(y - a_2)$$`);
      assert.equal(c.verdict, 'refuted');
      assert.equal(c.code, 'refuted/sign');
      assert.ok(Math.abs(c.counterexample!.actual + c.counterexample!.claimed) < 1e-9, 'the true value is minus the claimed one');
    });
    it('a chain that skips a link', () => {
      const [c] = check(
        `${network}\n$$\\frac{\\partial C}{\\partial w_1} = \\frac{\\partial C}{\\partial a_2}\\frac{\\partial a_2}{\\partial z_2}\\frac{\\partial z_1}{\\partial w_1}$$`,
      );
      assert.equal(c.verdict, 'refuted');
      assert.equal(c.code, 'refuted/chain-link');
      assert.match(c.structure![0], /broken link/);
    });
    it('a chain that misses a path', () => {
      const [c] = check(
        '$$E = (h - t)^2 + w^2, \\quad h = \\tanh(w x)$$\n$$\\frac{\\partial E}{\\partial w} = \\frac{\\partial E}{\\partial h}\\frac{\\partial h}{\\partial w}$$',
      );
      assert.equal(c.verdict, 'refuted');
      assert.match(c.structure![0], /missing path: w also reaches E directly/);
    });
    it('a wrong step in an = … = chain, at its own span', () => {
      const note = `${network}\n$$\\frac{\\partial C}{\\partial z_2} = 2(a_2 - y)\\, a_2(1 - a_2) = 2(a_2 - y)\\, a_2^2$$`;
      const claims = check(note);
      assert.deepEqual(
        claims.map((c) => c.verdict),
        ['verified', 'refuted'],
      );
      assert.equal(claims[1].claim.kind, 'step');
      assert.equal(claims[1].latex, '= 2(a_2 - y)\\, a_2^2');
    });
    it('a claim after a redefinition that is wrong under the new definition', () => {
      const claims = check('$a = \\sigma(z)$ and later $a = \\tanh(z)$, $\\frac{\\partial a}{\\partial z} = a(1 - a)$');
      assert.deepEqual(
        claims.map((c) => c.verdict),
        ['unverifiable', 'refuted'],
      );
    });
  });

  describe('when in doubt: unverifiable, with the reason', () => {
    it('a symbol that is neither defined nor an input of the left side', () => {
      const [c] = check(`${network}\n$$\\frac{\\partial C}{\\partial a_2} = 2\\delta$$`);
      assert.equal(c.verdict, 'unverifiable');
      assert.equal(c.code, 'unverifiable/undefined-symbol');
    });
    it('a symbol the right value does not depend on is no obstacle', () => {
      const [c] = check('$$z = a^{(h)} w + b$$\n$$\\frac{\\partial z}{\\partial b} = \\frac{\\partial (a w + b)}{\\partial b}$$');
      assert.equal(c.verdict, 'verified');
    });
    it('an unknown command', () => {
      const [c] = check(`${network}\n$$\\frac{\\partial C}{\\partial a_2} = \\Srgmoid(a_2)$$`);
      assert.equal(c.verdict, 'unverifiable');
      assert.equal(c.code, 'unverifiable/parse-error');
      assert.match(c.message, /\\Srgmoid/, 'names the command');
    });
    it('a derivative of something the note never defines', () => {
      const [c] = check('$$\\frac{\\partial L}{\\partial w} = 3$$');
      assert.equal(c.verdict, 'unverifiable');
      assert.match(c.message, /L does not depend on w/);
    });
    it('vectors and sums', () => {
      for (const rhs of ['\\delta^T a', '\\sum_i (y_i - a_i)', 'a \\odot b']) {
        const [c] = check(`${network}\n$$\\frac{\\partial C}{\\partial a_2} = ${rhs}$$`);
        assert.equal(c.verdict, 'unverifiable', rhs);
      }
    });
    it('gradient notation without the variable, with what to write instead', () => {
      const [c] = check('$$L = (w x - y)^2$$\n$$\\nabla L = 2(w x - y) x$$');
      assert.equal(c.verdict, 'unverifiable');
      assert.equal(c.message, 'uses \\nabla of something that is not a function of one variable (write \\nabla_w L)');
    });
    it('a claim that holds only for a particular generic function', () => {
      const [c] = check('$Q = G(Z)$, $\\frac{\\partial Q}{\\partial Z} = Q(1 - Q)$');
      assert.equal(c.verdict, 'unverifiable');
      assert.equal(c.code, 'unverifiable/generic-function');
    });
    it('OCR damage in the statement', () => {
      const claims = check(
        '$$\\frac{\\partial \\mathcal{L}}{\\partial \\mathcal{L}} = \\frac{e^{-\\frac{1}{2}}}{(1+e^{-\\frac{1}{2}})^2} = \\frac{1}{2}(1-\\frac{1}{2})$$',
      );
      assert.ok(claims.length === 2 && claims.every((c) => c.verdict === 'unverifiable'));
    });
  });

  describe('generic activations', () => {
    it("verifies claims that hold for every g, through g'", () => {
      const note = "$a = g(z)$, $z = w x + b$, $L = \\frac{1}{2}(a - y)^2$\n\n$$\\frac{\\partial L}{\\partial w} = (a - y)\\, g'(z)\\, x$$";
      assert.deepEqual(
        check(note).map((c) => c.verdict),
        ['verified'],
      );
    });
    it('uses a letter as a product when the note uses it as a variable', () => {
      const note = '$h = \\sigma(u)$\n\n$$\\frac{\\partial h}{\\partial u} = h(1 - h)$$';
      assert.deepEqual(
        check(note).map((c) => c.verdict),
        ['verified'],
      );
    });
    it("differentiates the note's own functions", () => {
      assert.deepEqual(
        check("$$f(x) = x^3 + 2x, \\quad f'(x) = 3x^2 + 2$$").map((c) => c.verdict),
        ['verified'],
      );
    });
  });

  describe('domains and kinks', () => {
    it('resamples where a logarithm is undefined', () => {
      const [c] = check('$$L = \\log(p) + \\sqrt{q}, \\quad \\frac{\\partial L}{\\partial p} = \\frac{1}{p}$$');
      assert.equal(c.verdict, 'verified');
    });
    it('keeps away from the kink of ReLU', () => {
      const [c] = check('$$r = \\max(0, u), \\quad \\frac{\\partial r}{\\partial u} = [u > 0]$$');
      assert.equal(c.verdict, 'verified');
    });
  });
});
