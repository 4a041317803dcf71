import { strict as assert } from 'assert';
import { buildModel } from '../../../src/model/build';
import { show } from '../latex/show';

const model = (...blocks: string[]) => buildModel(blocks.map((latex) => ({ latex })));

describe('note model', () => {
  it('takes symbol = expression as a definition and makes no claim of it', () => {
    const m = model('z_2 = w_2 a_1 + b_2', 'a_2 = \\sigma(z_2)');
    assert.deepEqual([...m.definitions.keys()], ['z_2', 'a_2']);
    assert.equal(show(m.definitions.get('a_2')!.value.expr), 'sigmoid[z_2]');
    assert.equal(m.claims.length, 0);
  });

  it('lets definitions come in any order', () => {
    const m = model('\\frac{\\partial C}{\\partial a} = 2(a - y)', 'C = (a - y)^2');
    assert.equal(m.claims.length, 1);
    assert.ok(m.definitions.has('C'));
  });

  it('reads \\because z = … as a definition', () => {
    const m = model('\\because z = a^{(h)}w + b \\quad \\therefore \\frac {\\partial z} {\\partial w} = a^{(h)}');
    assert.ok(m.definitions.has('z'));
    assert.equal(m.claims.length, 1);
    assert.equal(m.claims[0].kind, 'derivative');
  });

  it('makes every = of a chain its own claim, judged against its left neighbour', () => {
    const m = model('\\frac{\\partial L}{\\partial a} = \\frac{1}{n} 2(a - y) = \\frac{2(a-y)}{n}');
    assert.deepEqual(
      m.claims.map((c) => c.kind),
      ['derivative', 'step'],
    );
    assert.equal(show(m.claims[1].left.expr), '(((1 / n) * 2) * (a - y))');
  });

  it('defines the head of δ = ∂L/∂z = … and checks the rest', () => {
    const m = model('\\delta_2 = \\frac{\\partial L}{\\partial z_2} = z_2 - y');
    assert.equal(show(m.definitions.get('\\delta_2')!.value.expr), 'd(L)/d(z_2)');
    assert.equal(m.claims.length, 1);
    assert.equal(show(m.claims[0].left.expr), 'd(L)/d(z_2)');
  });

  it('continues a chain in the next block when that block starts with =', () => {
    const m = model('\\frac{dC}{dw_1} = \\frac{dz_1}{dw_1} \\times \\frac{dC}{dz_1} =', '= x \\cdot \\delta');
    assert.deepEqual(
      m.claims.map((c) => c.kind),
      ['chain', 'step'],
    );
    assert.equal(m.claims[1].at.block, 1);
    assert.equal(m.claims[1].left.block, 0);
  });

  it('reads a bare \\therefore X after a chain as its next step', () => {
    const m = model('\\frac{\\partial L}{\\partial a} = \\frac{1}{n} 2(a-y) \\quad \\therefore \\frac{2(a-y)}{n}');
    assert.deepEqual(
      m.claims.map((c) => c.kind),
      ['derivative', 'step'],
    );
  });

  it('defines the label of \\underbrace{X}_{\\delta}', () => {
    const m = model('x = (1) \\times \\underbrace{(\\sigma(z_2)(1-\\sigma(z_2)))}_{\\delta} (2A_2 - 2Y)');
    assert.equal(m.definitions.get('\\delta')!.source, 'label');
    assert.equal(show(m.definitions.get('\\delta')!.value.expr), '(sigmoid[z_2] * (1 - sigmoid[z_2]))');
  });

  it('turns a second definition of a symbol into a claim against the first', () => {
    const m = model('a = \\sigma(z)', 'a = \\tanh(z)');
    assert.equal(m.claims.length, 1);
    assert.equal(m.claims[0].redefines, 'a');
    assert.equal(show(m.definitions.get('a')!.value.expr), 'sigmoid[z]');
  });

  it('reads an update rule as a claim of its own kind, not a definition', () => {
    for (const rule of [
      'W^{[1]} = W^{[1]} - \\alpha\\, dW^{[1]}',
      'W := W - \\alpha\\, dW',
      'w \\leftarrow w - \\eta \\frac{\\partial L}{\\partial w}',
    ]) {
      const m = model(rule);
      assert.equal(m.definitions.size, 0, rule);
      assert.deepEqual(
        m.claims.map((c) => c.kind),
        ['update'],
        rule,
      );
    }
  });
  it('reads \\leftarrow without the variable on the right as a definition', () => {
    const m = model('h \\leftarrow \\tanh(u)');
    assert.ok(m.definitions.has('h'));
    assert.equal(m.claims.length, 0);
  });
  it('collects declared shapes', () => {
    const m = model('W_1 \\in \\mathbb{R}^{3 \\times 4}, \\quad x \\in \\mathbb{R}^{4}');
    assert.deepEqual(
      m.declarations.map((d) => [d.symbol, d.rows, d.cols]),
      [
        ['W_1', 3, 4],
        ['x', 4, 1],
      ],
    );
  });

  it('rejects definitions that refer to each other', () => {
    const m = model('a = b + 1', 'b = 2a');
    assert.match(m.unusable.get('a')!, /refer to each other/);
    assert.match(m.unusable.get('b')!, /refer to each other/);
  });

  it('defines functions written with a letter', () => {
    const m = model('g(u) = u^2', "g'(x) = 2x");
    assert.deepEqual(m.functions.get('g')!.params, ['u']);
    assert.equal(m.claims.length, 1);
  });

  it('classifies chain claims', () => {
    const m = model(
      '\\frac{\\partial C}{\\partial w} = \\frac{\\partial C}{\\partial a}\\frac{\\partial a}{\\partial w}',
      'a = \\sigma(w)',
    );
    assert.equal(m.claims[0].kind, 'chain');
  });

  it('makes no claim of statements with other relations', () => {
    const m = model('y \\rightarrow 0', 'x \\in \\mathbb{R}');
    assert.equal(m.claims.length, 0);
  });

  it('counts only symbols of equations as variables', () => {
    const m = model('g', 'a = h + 1');
    assert.ok(!m.variables.has('g'));
    assert.ok(m.variables.has('h'));
  });

  it("carries a statement's suspicions to all its claims", () => {
    const m = model('\\frac{\\partial L}{\\partial L} = 1 = 2');
    assert.equal(m.claims.length, 2);
    assert.ok(m.claims.every((c) => c.suspicions.length === 1));
  });
});
