/** The expression printer on small inputs of our own: precedence, functions from the registry, what it refuses. */
import { strict as assert } from 'assert';
import type { Expr } from '../../../src/latex/ast';
import { parseBlock } from '../../../src/latex/statements';
import { type PrintContext, type ProductReading, Unprintable, pythonOf } from '../../../src/export/python';
import { identifierOf } from '../../../src/export/names';

/** The tree of a single LaTeX expression. */
function tree(latex: string): Expr {
  const e = parseBlock(latex)[0]?.parts[0]?.expr;
  assert.ok(e, `no expression in ${latex}`);
  return e;
}

/** A context for scalar notes: names by identifier, derivatives as `D`, every product entry by entry. */
function context(used: Set<string> = new Set(), product: ProductReading = 'elementwise'): PrintContext {
  return {
    symbol: identifierOf,
    derivative: () => 'D',
    product: () => product,
    sum: () => undefined,
    functions: new Map(),
    variables: new Set(),
    definitions: new Map(),
    useFunction: (name) => void used.add(name),
  };
}

const py = (latex: string, ctx = context()): string => pythonOf(tree(latex), ctx);

describe('export: LaTeX trees as Python', () => {
  it('keeps the tree shape with as few brackets as Python needs', () => {
    assert.equal(py('2(a_2 - y)'), '2 * (a_2 - y)');
    assert.equal(py('(a - b)^2'), '(a - b) ** 2');
    assert.equal(py('a - (b - c)'), 'a - (b - c)');
    assert.equal(py('\\frac{a}{b c}'), 'a / (b * c)');
    assert.equal(py('-x^2'), '-x ** 2');
    assert.equal(py('\\frac{1}{m} x'), '1 / m * x');
  });
  it('writes the registry functions by name and reports each one used', () => {
    const used = new Set<string>();
    assert.equal(py('\\sigma(z_2)(1 - \\sigma(z_2))', context(used)), 'sigmoid(z_2) * (1 - sigmoid(z_2))');
    assert.equal(py('\\operatorname{ReLU}(z) + \\tanh(u)', context(used)), 'relu(z) + tanh(u)');
    assert.deepEqual([...used].sort(), ['relu', 'sigmoid', 'tanh']);
  });
  it("writes f′ from the registry's derivative of f, and an indicator as a step", () => {
    assert.equal(py("\\tanh'(u)"), '1 - tanh(u) ** 2');
    assert.equal(py('\\mathbb{1}[z_1 > 0]'), 'step(z_1)');
    assert.equal(py('[a < b]'), 'step(b - a)');
  });
  it("names a note's symbols as Python identifiers", () => {
    assert.equal(py('\\hat{y} - y'), 'y_hat - y');
    assert.equal(py('\\lambda w'), 'lambda_ * w');
    assert.equal(identifierOf('Z^{[1]}'), 'Z_1');
    assert.equal(identifierOf('\\delta_{out}'), 'delta_out');
  });
  it('leaves derivatives to the context, and matrix products to the shapes', () => {
    assert.equal(py('\\frac{\\partial C}{\\partial a} \\frac{\\partial a}{\\partial z}'), 'D * D');
    assert.equal(py('W^T x', context(new Set(), 'matmul')), 'np.transpose(W) @ x');
    assert.equal(py('A B', context(new Set(), 'by-shape')), 'product(A, B)');
  });
  it('refuses, with the reason, what has no Python form', () => {
    assert.throws(
      () => py('g(z)'),
      (e: unknown) => e instanceof Unprintable && /generic function/.test(e.message),
    );
    assert.throws(
      () => py('\\sum_i x_i'),
      (e: unknown) => e instanceof Unprintable && /sum/.test(e.message),
    );
  });
});
