/**
 * Trust (#10), reading mistakes: each construct real notes use is read right at its root, so a correct derivation
 * written that way is not refuted, and a slip written the same way is still caught. The notes are our own.
 */
import { strict as assert } from 'assert';
import { check } from './helpers';

/** Each claim's verdict, in note order. */
const verdicts = (note: string): string[] => check(note).map((c) => c.verdict);

describe('trust: reading notes as people write them', () => {
  describe('a word is one name, not a product of its letters', () => {
    const MAZUR = [
      '$$net_{h1} = w_1 i_1 + w_2 i_2, \\quad out_{h1} = \\sigma(net_{h1})$$',
      '$$net_{o1} = w_5 out_{h1} + b_2, \\quad out_{o1} = \\sigma(net_{o1})$$',
      '$$E_{Total} = \\frac{1}{2}(target_{o1} - out_{o1})^2$$',
    ].join('\n');
    it('verifies a Mazur-style chain with net, out, target and E_{Total}', () => {
      assert.deepEqual(
        verdicts(
          `${MAZUR}\n$$\\frac{\\partial E_{Total}}{\\partial w_5} = (out_{o1} - target_{o1}) \\cdot out_{o1}(1 - out_{o1}) \\cdot out_{h1}$$`,
        ),
        ['verified'],
      );
    });
    it('still names the wrong factor when net_{h1} is written for out_{h1}', () => {
      const [c] = check(
        `${MAZUR}\n$$\\frac{\\partial E_{Total}}{\\partial w_5} = (out_{o1} - target_{o1}) \\cdot out_{o1}(1 - out_{o1}) \\cdot net_{h1}$$`,
      );
      assert.equal(c.verdict, 'refuted');
      assert.match(c.message, /net_h1 should be ∂net_o1\/∂w₅ = out_h1/);
    });
    it('reads E_Total (unbraced), Error and y_o1 as single names', () => {
      assert.deepEqual(verdicts('$$Error = \\frac{1}{2}(t - y_o1)^2$$\n$$\\frac{\\partial Error}{\\partial y_o1} = y_o1 - t$$'), [
        'verified',
      ]);
      assert.deepEqual(verdicts('$$Error = \\frac{1}{2}(t - y_o1)^2$$\n$$\\frac{\\partial Error}{\\partial y_o1} = t - y_o1$$'), [
        'refuted',
      ]);
      assert.deepEqual(verdicts('$$E_Total = (a - y)^2, \\quad a = w x$$\n$$\\frac{\\partial E_{Total}}{\\partial w} = 2(a - y) x$$'), [
        'verified',
      ]);
    });
    it('reads log, ln and exp written without a backslash, also typed into letters (yloga)', () => {
      assert.deepEqual(
        verdicts('$$L = -(y\\,log a + (1 - y) log(1 - a)), \\quad a = \\sigma(z)$$\n$$\\frac{\\partial L}{\\partial z} = a - y$$'),
        ['verified'],
      );
      assert.deepEqual(
        verdicts('$$L = -(yloga + (1 - y)log(1-a))$$\n$$\\frac{\\partial L}{\\partial a} = \\frac{1-y}{1-a} - \\frac{y}{a}$$'),
        ['verified'],
      );
      assert.deepEqual(verdicts('$$q = exp(z) + ln(z^2 + 1)$$\n$$\\frac{dq}{dz} = exp(z)$$'), ['refuted']);
    });
    it('reads Hangul and CJK identifiers as one name each', () => {
      const note = '$$가중합_1 = w_1 x_1 + w_2 x_2, \\quad 출력_1 = \\sigma(가중합_1)$$\n';
      assert.deepEqual(verdicts(`${note}$$\\frac{\\partial 출력_1}{\\partial w_1} = 출력_1 (1 - 출력_1) x_1$$`), ['verified']);
      assert.deepEqual(verdicts(`${note}$$\\frac{\\partial 출력_1}{\\partial w_1} = 출력_1 (1 - 출력_1) x_2$$`), ['refuted']);
    });
  });

  describe('superscripts that name, not raise', () => {
    const NOTE = '$$z_1 = w_1 x + b_1, \\quad z_1^a = \\frac{1}{1+e^{-z_1}}$$\n';
    it('reads z_1^a ("activated") as a name when the note never uses a on its own', () => {
      assert.deepEqual(verdicts(`${NOTE}$$\\frac{dz_1^a}{dz_1} = z_1^a(1 - z_1^a)$$`), ['verified']);
      assert.deepEqual(verdicts(`${NOTE}$$\\frac{dz_1^a}{dw_1} = z_1^a(1 - z_1^a)$$`), ['refuted']);
    });
    it('keeps x^n a power when n is a variable of the note', () => {
      assert.deepEqual(verdicts('$$y = x^n$$\n$$\\frac{dy}{dx} = n x^{n-1}$$'), ['verified']);
    });
    it('reads w_5^{(1-1)} as a power (w_5^0 = 1), and w^{(1)} as a name', () => {
      assert.deepEqual(verdicts('$$y = w_5 h$$\n$$\\frac{\\partial y}{\\partial w_5} = 1 \\cdot h \\cdot w_5^{(1-1)}$$'), ['verified']);
    });
  });

  describe('functions written the way notes write them', () => {
    it('applies σ written with braces, \\sigma{(h_1)}, and keeps σ a function for the whole note', () => {
      const note = '$$h_1 = w_1 i_1, \\quad a_{h_1} = \\sigma{(h_1)}$$\n';
      assert.deepEqual(verdicts(`${note}$$\\frac{\\partial a_{h_1}}{\\partial w_1} = a_{h_1}(1 - a_{h_1}) i_1$$`), ['verified']);
      assert.deepEqual(verdicts(`${note}$$\\frac{\\partial a_{h_1}}{\\partial w_1} = a_{h_1}(1 - a_{h_1})$$`), ['refuted']);
    });
    it("reads g^{[2]}(Z^{[2]}) and g^{[1]'}(Z) as calls of a layer's generic activation", () => {
      const [c] = check(
        "$$A^{[1]} = g^{[1]}(Z^{[1]}), \\quad Z^{[1]} = w x$$\n$$\\frac{\\partial A^{[1]}}{\\partial w} = g^{[1]'}(Z^{[1]})\\, x$$",
      );
      assert.equal(c.verdict, 'verified', c.message);
    });
    it('reads J(θ) = … as the definition of J, and h_θ(x) as a call of the note’s own function', () => {
      const note =
        '$$h_\\theta(x) = \\theta_0 + \\theta_1 x$$\n$$J(\\theta) = \\frac{1}{2m}\\sum_{i=1}^{m}(h_\\theta(x^{(i)}) - y^{(i)})^2$$\n';
      assert.deepEqual(
        verdicts(
          `${note}$$\\frac{\\partial J}{\\partial \\theta_1} = \\frac{1}{m}\\sum_{i=1}^{m}(h_\\theta(x^{(i)}) - y^{(i)})\\, x^{(i)}$$`,
        ),
        ['verified'],
      );
      assert.deepEqual(
        verdicts(`${note}$$\\frac{\\partial J}{\\partial \\theta_1} = \\sum_{i=1}^{m}(h_\\theta(x^{(i)}) - y^{(i)})\\, x^{(i)}$$`),
        ['refuted'],
        'the dropped 1/m',
      );
    });
  });

  describe('more of what notes write', () => {
    it('reads a^1, W^2 as layers in a note that writes a layer 1', () => {
      const note = '$$z^1 = W^1 x + b^1, \\quad a^1 = \\text{ReLU}(z^1), \\quad z^2 = W^2 a^1 + b^2, \\quad a^2 = \\sigma(z^2)$$\n';
      assert.deepEqual(verdicts(`${note}$$\\frac{\\partial a^2}{\\partial z^2} = a^2(1 - a^2)$$`), ['verified']);
      assert.deepEqual(verdicts(`${note}$$\\frac{\\partial a^2}{\\partial z^2} = a^2(1 + a^2)$$`), ['refuted']);
    });
    it('reads a function the note introduces in prose as a function, not a product', () => {
      const [c] = check('Let the logistic function be $q(t)$.\n$$\\frac{\\partial q(r)}{\\partial r} = q(r)(1 - q(r))$$');
      assert.equal(c.verdict, 'unverifiable', c.message);
      assert.match(c.message, /generic function/);
    });
    it('extends a sum without brackets over the terms that use its index', () => {
      const note =
        '$$p^{(k)} = \\sigma(w x^{(k)} + c)$$\n$$E = -\\frac{1}{n}\\sum_{k=1}^{n} t^{(k)}\\log p^{(k)} + (1-t^{(k)})\\log(1-p^{(k)})$$\n';
      assert.deepEqual(verdicts(`${note}$$\\frac{\\partial E}{\\partial c} = \\frac{1}{n}\\sum_{k=1}^{n} (p^{(k)} - t^{(k)})$$`), [
        'verified',
      ]);
      assert.deepEqual(verdicts(`${note}$$\\frac{\\partial E}{\\partial c} = \\frac{1}{n}\\sum_{k=1}^{n} (t^{(k)} - p^{(k)})$$`), [
        'refuted',
      ]);
    });
    it('reads e as Euler’s number unless the note defines e', () => {
      assert.deepEqual(
        verdicts(
          '$$\\lim (1 + \\epsilon)^{1/\\epsilon} \\approx e$$\n$$s = \\frac{1}{1 + e^{-z}}, \\quad \\frac{ds}{dz} = s(1 - s)$$',
        ).slice(-1),
        ['verified'],
      );
      assert.deepEqual(verdicts('$$e = y - a, \\quad E = \\frac{1}{2} e^2$$\n$$\\frac{\\partial E}{\\partial a} = -e$$'), ['verified']);
    });
    it('a connective word ends the equation: the condition after it is no factor', () => {
      assert.deepEqual(verdicts('$$h = \\max(0, s)$$\n$$\\frac{\\partial h}{\\partial s} = 1 \\text{ if } s > 0$$'), ['unverifiable']);
      assert.deepEqual(
        verdicts(
          '$$h = \\max(0, s)$$\n$$\\begin{aligned}\\frac{\\partial h}{\\partial s} &= 0 \\ (s < 0) \\\\ &= 1 \\ (s > 0)\\end{aligned}$$',
        ),
        ['verified', 'verified'],
      );
      assert.deepEqual(verdicts('$$h = \\max(0, s)$$\n$$\\frac{\\partial h}{\\partial s} = 1 \\ (s < 0)$$'), ['refuted']);
    });
    it('a row of words is prose, not an equation', () => {
      assert.deepEqual(
        verdicts('$$P = \\sigma(z)$$\n$$\\text{Descending the slope of } (-\\ln P) = \\text{Climbing the slope of } (\\ln P)$$'),
        ['unverifiable'],
      );
    });
    it('the same claim with the opposite sign reports another convention', () => {
      const note =
        '$$z = w h, \\quad a = \\sigma(z), \\quad E = \\frac{1}{2}(t - a)^2, \\quad \\delta = (a - t) a (1 - a)$$\n$$\\frac{\\partial E}{\\partial w} = \\delta h$$\nSome sources take the sign out of δ:\n$$\\frac{\\partial E}{\\partial w} = -\\delta h$$';
      assert.deepEqual(verdicts(note), ['verified', 'unverifiable']);
    });
  });

  describe('found on a third batch of real notes', () => {
    it('sets apart equations written side by side with wide spaces', () => {
      const note =
        '$$m = a + b - c$$\n$$\\frac{\\partial m}{\\partial a}=1\\;\\;\\;\\frac{\\partial m}{\\partial c}=-1$$\n$$\\frac{\\partial m}{\\partial b}=1\\hspace{2em}\\frac{\\partial m}{\\partial c}=2$$';
      assert.deepEqual(verdicts(note), ['verified', 'verified', 'verified', 'refuted']);
    });
    it('reads log bases: log_e is ln, \\log_2 x is ln x / ln 2', () => {
      assert.deepEqual(verdicts('$$h = log_e(t) + 3t, \\quad \\frac{\\partial h}{\\partial t} = \\frac{1}{t} + 3$$'), ['verified']);
      assert.deepEqual(verdicts('$$h = \\log_2 t, \\quad \\frac{dh}{dt} = \\frac{1}{t}$$'), ['refuted']);
    });
    it('holds the other arguments of g(t, q) fixed in ∂g(t, q)/∂t', () => {
      const note = '$$q = \\cos(t) + 2t$$\nA separate function of two variables:\n$$g(t, q) = t^2 q + 4t$$\n';
      assert.deepEqual(verdicts(`${note}$$\\frac{\\partial g(t, q)}{\\partial t} = 2tq + 4$$`), ['verified']);
      assert.deepEqual(verdicts(`${note}$$\\frac{\\partial g(t, q)}{\\partial t} = 2tq$$`), ['refuted']);
    });
    it('a function of numbers in a worked example is not sampled: θ(0.7 − 0.2) = 1', () => {
      assert.notEqual(
        verdicts('Write $\\theta$ for the step function: $o = \\theta(s)$. Then $o = \\theta(0.7 - 0.2) = 1$.').slice(-1)[0],
        'refuted',
      );
    });
    it('keeps the source of math that runs into an HTML comment (found by the fuzzer)', () => {
      const text = '$$\n$$\n$$\n<!-- $$x = 1$$ -->\n> $$';
      const report = check(text);
      assert.ok(report.every((c) => c.verdict !== 'refuted'));
    });
  });

  describe('layout that is not math', () => {
    const ALIGNED = (last: string): string =>
      `$$\n\\begin{aligned}\n\\frac{\\partial L}{\\partial w} &= \\frac{\\partial L}{\\partial a}\\frac{\\partial a}{\\partial w} \\\\[6pt]\n&= 2(a - y) \\cdot x \\\\[6pt]\n&= ${last}\n\\end{aligned}\n$$\nwhere $a = w x$ and $L = (a - y)^2$.`;
    it('reads \\\\[6pt] as spacing, not 6·p·t, and reports each row on its own line', () => {
      const claims = check(ALIGNED('2x(a - y)'));
      assert.deepEqual(
        claims.map((c) => c.verdict),
        ['verified', 'verified', 'verified'],
      );
      assert.deepEqual(
        claims.map((c) => c.location.start.line),
        [3, 4, 5],
      );
      assert.deepEqual(verdicts(ALIGNED('2(a - y) x^2')), ['verified', 'verified', 'refuted']);
    });
    it('drops \\tag, \\label, \\require and a final full stop', () => {
      assert.deepEqual(
        verdicts('$$\\require{cancel} a = w x. \\tag{1}\\label{eq:a}$$\n$$\\frac{\\partial a}{\\partial w} = x. \\tag{2}$$'),
        ['verified'],
      );
    });
    it('keeps \\cancel{…} terms in place (they cancel each other)', () => {
      assert.deepEqual(verdicts('$$y \\cancel{- y h} - h \\cancel{+ y h} = y - h$$'), ['verified']);
    });
    it('ignores math inside HTML comments, and a $$ that opens after text shifts nothing', () => {
      const note = [
        'Text <!-- $$ a = b $$ and $$ --> more.',
        '',
        'See $$ z = w x $$ here.',
        '',
        '<!--',
        '$$',
        '\\frac{\\partial z}{\\partial w} = w',
        '$$',
        '-->',
        '',
        '$$',
        '\\frac{\\partial z}{\\partial w} = x',
        '$$',
      ].join('\n');
      const claims = check(note);
      assert.deepEqual(
        claims.map((c) => `${c.location.start.line}:${c.verdict}`),
        ['12:verified'],
      );
    });
    it('continues a derivation across a sentence with inline math, not from the inline formula', () => {
      const note =
        '$$L = (z - y)^2, \\quad z = w x$$\n$$\\frac{\\partial L}{\\partial w} = 2(z - y) \\cdot \\frac{\\partial z}{\\partial w}$$\nso with $\\frac{\\partial z}{\\partial w} = x$ this is\n$$= 2(z - y) x$$';
      const claims = check(note);
      assert.deepEqual(
        claims.map((c) => c.verdict),
        ['verified', 'verified', 'verified'],
      );
      const step = claims.find((c) => c.claim.kind === 'step')!;
      assert.equal(step.claim.left.block, 1, 'the step is judged against 2(z − y)·∂z/∂w of the display block, not the inline formula');
    });
    it('an inline "= 0" in a sentence continues nothing (biases $=0$)', () => {
      assert.deepEqual(verdicts('Setup: $w = 2.0$, biases $=0$.'), []);
    });
  });
});
