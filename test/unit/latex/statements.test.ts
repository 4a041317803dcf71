import { strict as assert } from 'assert';
import { parseBlock } from '../../../src/latex/statements';
import { show } from './show';

const statements = (latex: string): string[] =>
  parseBlock(latex).map(
    (s) =>
      `${s.connective ? `${s.connective}: ` : ''}${s.leadingEquals ? '= ' : ''}${s.parts.map((p) => (p.error ? 'ERROR' : show(p.expr))).join(' = ')}${s.trailingEquals ? ' =' : ''}`,
  );

describe('statements', () => {
  it('splits at top-level commas, \\quad, ;, \\because and \\therefore', () => {
    assert.deepEqual(
      statements('\\because a = b, \\quad c = d; e = f \\qquad \\therefore g = h'),
      ['because: a = b', 'c = d', 'e = f', 'g = h'].map((s, i) => (i === 3 ? `therefore: ${s}` : s)),
    );
  });
  it('reads an enumeration of values (l = 1, 2, ..., L) as no statement, and keeps what follows it', () => {
    assert.deepEqual(statements('l = 1, 2, ..., L'), []);
    assert.deepEqual(statements('i = 1, \\ldots, n \\quad z_i = w x_i'), ['z_i = (w * x_i)']);
    assert.deepEqual(statements('a = 1, b = 2'), ['a = 1', 'b = 2']);
  });
  it("ends a gradient's operand at an explicit space, and reads \\mathbf J_{\\mathbf x}(\\mathbf s) as ∂s/∂x", () => {
    assert.deepEqual(statements('g = \\nabla_{\\mathbf s} H \\ \\mathbf J_{\\mathbf x}(\\mathbf s)'), [
      'g = (d(H)/d(\\mathbf{s}) * d(\\mathbf{s})/d(\\mathbf{x}))',
    ]);
    assert.deepEqual(statements('g = \\nabla_w \\left( \\frac{1}{2} \\, (y - w x)^2 \\right)'), [
      'g = d(((1 / 2) * ((y - (w * x)) ^ 2)))/d(w)',
    ]);
  });
  it('keeps a row break inside \\Bigg( … \\Bigg) in its statement, and a line that ends a row from splitting the next', () => {
    assert.deepEqual(statements('E = {1 \\over 2} \\Bigg( a \\\\ + b \\Bigg) \\\\ = c'), ['E = ((1 / 2) * (a + b))', '= c']);
    assert.deepEqual(statements('d = \\frac{\\partial}{\\partial z}\n \\left[ z^2 \\right] \\\\ = 2 z'), [
      'd = d((z ^ 2))/d(z)',
      '= (2 * z)',
    ]);
    assert.deepEqual(statements('E^* = (h - t^*_1)^2'), ['E^{*} = ((h - t_1^{*}) ^ 2)']);
  });
  it('reads \\partial z alone (computation-graph notes) as the shorthand dz, and a\\_o_1 as a_{o_1}', () => {
    assert.deepEqual(statements('\\partial w_1 = x_1 \\partial z'), ['d(w_1) = (x_1 * d(z))']);
    assert.deepEqual(statements('a\\_o_1 = \\sigma(z\\_o_1)'), ['a_{o1} = sigmoid[z_{o1}]']);
    // (and `E_{Total}` and `E_{total}`)
    assert.deepEqual(statements('E_{Total} = E_{total}'), ['E_{total} = E_{total}']);
    // (Mazur's `out_{o_1}` and `out_{o1}` are one name)
    assert.deepEqual(statements('out_{o_1} = out_{o1} + net_{h_{2}}'), ['out_{o1} = (out_{o1} + net_{h2})']);
    // (a bracket of one variable, primed, is its derivative: `\left\{ f(g(x)) \right\}'`)
    assert.deepEqual(statements("(x^2 + 3x)' = 2x + 3"), ['d(((x ^ 2) + (3 * x)))/d(x) = ((2 * x) + 3)']);
    // (a word written as text: a label after ^, a name as a whole side; a phrase stays prose)
    assert.deepEqual(statements('\\delta_k^{\\text{end}} = \\text{grad}'), ['\\delta_k^{end} = grad']);
    // (a norm written with two bars)
    assert.deepEqual(statements('L = \\frac{1}{2}||y - \\hat{y}||^2 + |x|'), ['L = (((1 / 2) * (NORM((y - \\hat{y})) ^ 2)) + abs[x])']);
    // (a gradient's operand ends at ⊙: Nielsen's BP1a)
    assert.deepEqual(statements("\\delta^L = \\nabla_a C \\odot \\sigma'(z^L)"), ["\\delta^{L} = (d(C)/d(a) hadamard sigmoid'[z^{L}])"]);
    // (a matrix of names equal to a matrix of numbers: each name's value too)
    assert.deepEqual(
      statements(
        'W = \\begin{pmatrix} w_1 & w_2 \\\\ w_3 & w_4 \\end{pmatrix} = \\begin{pmatrix} 0.3 & 0.2 \\\\ 0.1 & 0.4 \\end{pmatrix}',
      ).slice(1),
      ['w_1 = 0.3', 'w_2 = 0.2', 'w_3 = 0.1', 'w_4 = 0.4'],
    );
    // (values given as a tuple: one definition per name)
    assert.deepEqual(statements('[w_1, w_2, b_1] = [0.15, -0.2, 0.35]'), ['w_1 = 0.15', 'w_2 = -0.2', 'b_1 = 0.35']);
  });
  it('reads np.sum keyword arguments set as text (\\text{axis}=1)', () => {
    assert.deepEqual(
      statements('db = \\text{np.sum}(dz, \\text{axis}=1, \\text{keepdims}=\\text{True})'),
      statements('db = np.sum(dz, axis=1, keepdims=True)'),
    );
  });
  it('reads what follows \\text{if} as a condition, not a definition, and the equation after it as holding under it', () => {
    const [cond, claim] = parseBlock('\\text{if } y = 1 ; L = -\\log \\hat{y}');
    assert.match(cond.otherRelation ?? '', /a condition/);
    assert.equal(claim.conditioned, true);
  });
  it("reads \\nabla_\\mathbf{x} L (an unbraced font in the subscript) and \\nabla a^l (the cost's gradient by a^l)", () => {
    assert.deepEqual(statements('g = \\nabla_\\mathbf{x} L'), ['g = d(L)/d(\\mathbf{x})']);
    assert.deepEqual(statements('\\nabla a^l = \\frac{\\partial C}{\\partial a^l}'), ['d(a^{l}) = d(C)/d(a^{l})']);
  });
  it('does not split inside parentheses or braces', () => {
    assert.deepEqual(statements('r = \\max(0, z), s = f(a, b)'), ['r = relu[z]', 's = f?[a, b]']);
  });
  it('reads aligned rows as statements and drops the & marks', () => {
    assert.deepEqual(statements('\\begin{aligned} a &= b \\\\ c &= d + 1 \\end{aligned}'), ['a = b', 'c = (d + 1)']);
  });
  it('notes a leading = (a continuation) and a trailing =', () => {
    assert.deepEqual(statements('= x + 1 ='), ['= (x + 1) =']);
  });
  it('splits equations written on separate lines (Obsidian style)', () => {
    assert.deepEqual(statements('a = \\tanh(u)\n\\frac{\\partial a}{\\partial u} = 1 - a^2'), ['a = tanh[u]', 'd(a)/d(u) = (1 - (a ^ 2))']);
  });
  it('does not split where a line ends or starts mid-expression', () => {
    assert.deepEqual(statements('L =\n2x'), ['L = (2 * x)']);
    assert.deepEqual(statements('L = x\n+ y = z'), ['L = (x + y) = z']);
    assert.deepEqual(statements('L = x = {d}^2\n\\frac{a}{b} =\nc'), ['L = x = ((d ^ 2) * (a / b)) = c']);
  });
  it('keeps a statement with another relation apart', () => {
    const [s] = parseBlock('y \\rightarrow 0');
    assert.equal(s.otherRelation, '\\rightarrow');
  });
  it('reports an unknown command as an error of its part, never throws', () => {
    const [s] = parseBlock('a = \\Srgmoid(z)');
    assert.equal(s.parts[1].error, 'unknown command \\Srgmoid');
    assert.equal(show(s.parts[0].expr), 'a');
  });
  it('reports unbalanced input as errors', () => {
    for (const bad of ['\\frac{a}{b', '\\left( a', 'a \\right]', '(a + b', '\\frac{\\partial J}{\\partial y^{(']) {
      const ss = parseBlock(`x = ${bad}`);
      assert.ok(
        ss.some((s) => s.parts.some((p) => p.error)),
        bad,
      );
    }
  });
  it('marks OCR damage as suspicions', () => {
    assert.match(parseBlock('\\frac{\\partial L}{\\partial L} = 1')[0].suspicions[0], /with respect to itself/);
    assert.match(parseBlock('\\frac{JL}{Jb} = 2')[0].suspicions[0], /looks like a derivative/);
    assert.match(parseBlock("g'(2_1) = 1")[0].suspicions[0], /number with a subscript/);
  });

  describe('spans', () => {
    it('gives each part the exact range of its source', () => {
      const src = '\\frac{dC}{dw_2} = (A_1)(2A_2 - 2Y)';
      const [s] = parseBlock(src);
      assert.equal(src.slice(s.parts[0].span.start, s.parts[0].span.end), '\\frac{dC}{dw_2}');
      assert.equal(src.slice(s.parts[1].span.start, s.parts[1].span.end), '(A_1)(2A_2 - 2Y)');
      assert.equal(src.slice(s.equals[0].start, s.equals[0].end), '=');
    });
    it('gives nodes their own ranges', () => {
      const src = 'a = 2(a_2 - y)\\,\\sigma(z_2)';
      const e = parseBlock(src)[0].parts[1].expr!;
      assert.equal(e.kind, 'binary');
      if (e.kind !== 'binary') return;
      assert.equal(src.slice(e.right.span.start, e.right.span.end), '\\sigma(z_2)');
      assert.equal(src.slice(e.left.span.start, e.left.span.end), '2(a_2 - y)');
    });
    it('does not start a part at spacing commands', () => {
      const src = 'a = 1, \\;\\; b = 2';
      const s = parseBlock(src)[1];
      assert.equal(src.slice(s.parts[0].span.start, s.parts[0].span.end), 'b');
    });
    it('spans := whole', () => {
      const src = 'a := b';
      const [s] = parseBlock(src);
      assert.equal(src.slice(s.equals[0].start, s.equals[0].end), ':=');
    });
  });
});
