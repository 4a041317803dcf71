import { strict as assert } from 'assert';
import { expr, parts } from './show';

describe('LaTeX notation', () => {
  describe('derivatives', () => {
    const cases: [string, string][] = [
      ['\\frac{\\partial L}{\\partial w_2}', 'd(L)/d(w_2)'],
      ['\\frac{dC}{dw_2}', 'd(C)/d(w_2)'],
      ['\\frac{d C}{d w_2}', 'd(C)/d(w_2)'],
      ['\\frac{\\delta C}{\\delta \\omega_2}', 'd(C)/d(\\omega_2)'],
      ['\\frac {\\partial{L}} {\\partial{a}}', 'd(L)/d(a)'],
      ['\\frac{\\partial (y-a)^2}{\\partial a}', 'd(((y - a) ^ 2))/d(a)'],
      ['\\partial L/\\partial w', 'd(L)/d(w)'],
      ['\\dfrac{\\partial L}{\\partial w}', 'd(L)/d(w)'],
      ['\\tfrac{dL}{dw}', 'd(L)/d(w)'],
      ['\\frac{\\mathrm{d} y}{\\mathrm{d} x}', 'd(y)/d(x)'],
      ['\\frac{\\partial}{\\partial w}\\left[(y - w)^2\\right]', 'd(((y - w) ^ 2))/d(w)'],
      ['\\frac{d}{dx} x^2', 'd((x ^ 2))/d(x)'],
      ['\\frac{\\partial z}{\\partial W^{[1]}}', 'd(z)/d(W^{[1]})'],
    ];
    for (const [latex, want] of cases) it(latex, () => assert.equal(expr(latex), want));

    it('the operator applies to the rest of the term, not past a plus', () => {
      assert.equal(expr('\\frac{1}{2}\\frac{\\partial}{\\partial b} (y - a)^2 + c'), '(((1 / 2) * d(((y - a) ^ 2))/d(b)) + c)');
    });
    it('δ with a subscript is a symbol, not an operator', () => {
      assert.equal(expr('\\frac{\\delta_{out}}{2}'), '(\\delta_{out} / 2)');
    });
  });

  describe('functions', () => {
    const cases: [string, string][] = [
      ['\\sigma(z)', 'sigmoid[z]'],
      ['sigmoid(z)', 'sigmoid[z]'],
      ['\\text{sigmoid}(z_2)', 'sigmoid[z_2]'],
      ['\\operatorname{sigmoid}(z)', 'sigmoid[z]'],
      ['Sig(Z_1)', 'sigmoid[Z_1]'],
      ['ReLU(z)', 'relu[z]'],
      ['\\text{Relu}(z_1)', 'relu[z_1]'],
      ['relu(z)', 'relu[z]'],
      ['\\max(0, z)', 'relu[z]'],
      ['\\max(z, 0)', 'relu[z]'],
      ['\\tanh(u)', 'tanh[u]'],
      ['\\tanh^2(u)', '(tanh[u] ^ 2)'],
      ['\\exp(-z)', 'exp[-z]'],
      ['e^{-z}', 'exp[-z]'],
      ['\\log a', 'log[a]'],
      ['\\ln(1 - a)', 'log[(1 - a)]'],
      ['\\sqrt{x}', 'sqrt[x]'],
      ['\\sqrt[3]{x}', '(x ^ (1 / 3))'],
      ["\\sigma'(z)", "sigmoid'[z]"],
      ['\\sigma^{\\prime}(z)', "sigmoid'[z]"],
      ["g'(z_1)", "g'?[z_1]"],
      ['g(z)', 'g?[z]'],
      ['G[Z_1]', 'G?[Z_1]'],
      ['(z_1 > 0)', '1[z_1 > 0]'],
      ['[z_1>0]', '1[z_1 > 0]'],
      ['\\mathbb{1}[z_1 > 0]', '1[z_1 > 0]'],
    ];
    for (const [latex, want] of cases) it(latex, () => assert.equal(expr(latex), want));

    it('σ alone is a symbol', () => assert.equal(expr('\\sigma^2'), '(\\sigma ^ 2)'));
    it('a letter before parentheses is a product unless it is a function letter', () => {
      assert.equal(expr('a\\,(1-a)'), '(a * (1 - a))');
      assert.equal(expr('x(1-x)'), '(x * (1 - x))');
    });
  });

  describe('names', () => {
    const cases: [string, string][] = [
      ['w_2', 'w_2'],
      ['w_{2}', 'w_2'],
      ['w_{11}', 'w_{11}'],
      ['\\delta_{out}', '\\delta_{out}'],
      ['W^{[1]}', 'W^{[1]}'],
      ['a^{(h)}', 'a^{(h)}'],
      ['z^{[2]}', 'z^{[2]}'],
      ['\\hat{y}', '\\hat{y}'],
      ['\\mathcal{L}', '\\mathcal{L}'],
      ['\\alpha_2', '\\alpha_2'],
      ['W_{\\text{hidden}}', 'W_{hidden}'],
      ['y^{(2)}_1', 'y_1^{(2)}'],
    ];
    for (const [latex, want] of cases) it(latex, () => assert.equal(expr(latex), want));
    it('a superscript number is a power', () => assert.equal(expr('x^2'), '(x ^ 2)'));
  });

  describe('operators', () => {
    const cases: [string, string][] = [
      ['2A_2 - 2Y', '((2 * A_2) - (2 * Y))'],
      ['a \\cdot b', '(a * b)'],
      ['a \\times b', '(a * b)'],
      ['a\\,b', '(a * b)'],
      ['\\left(a + b\\right)c', '((a + b) * c)'],
      ['\\left[a\\right]^2', '(a ^ 2)'],
      ['\\underbrace{a b}_{\\text{label}}', '(a * b)'],
      ['\\underbrace{(1-a)}_{\\delta}', '{(1 - a) as \\delta}'],
      ['a \\text{ for instance}', 'a'],
      ['-x^2', '-(x ^ 2)'],
      ['\\frac{1}{n}', '(1 / n)'],
      ['\\frac12', '(1 / 2)'],
      ['a / b / c', '((a / b) / c)'],
      ['|x|', 'abs[x]'],
    ];
    for (const [latex, want] of cases) it(latex, () => assert.equal(expr(latex), want));
    it(':= is an equals sign', () => assert.deepEqual(parts('a := b + 1'), ['a', '(b + 1)']));
  });

  describe('vectors and matrices', () => {
    const cases: [string, string][] = [
      ['a^T', 'T(a)'],
      ['{\\delta_{out}}^T', 'T(\\delta_{out})'],
      ['A^{[1]T}', 'T(A^{[1]})'],
      ['x^\\top', 'T(x)'],
      ['W^\\intercal x', '(T(W) * x)'],
      ['\\sum_i x_i', 'SUM_i(x_i)'],
      ['\\sum_{i=1}^{n} x_i', 'SUM_i^n(x_i)'],
      ['\\sum^n_1 (y-a)^2', 'SUM^n(((y - a) ^ 2))'],
      ['\\frac{1}{m}\\sum dZ', '((1 / m) * SUM(d(Z)))'],
      ['a \\odot b', '(a hadamard b)'],
      ['dW^{[2]}', 'd(W^{[2]})'],
      ['\\|v\\|^2', '(NORM(v) ^ 2)'],
    ];
    for (const [latex, want] of cases) it(latex, () => assert.equal(expr(latex), want));
    for (const latex of ['\\begin{bmatrix} a & b \\end{bmatrix}', '\\prod_i x_i'])
      it(`${latex} is kept, unsupported`, () => assert.match(expr(latex), /UNSUPPORTED/));
    it('reads a matrix of numbers written out as that constant, row by row', () => {
      assert.equal(expr('\\begin{bmatrix} 1 & 2 \\\\ 0.5 & -3 \\end{bmatrix}'), 'matrix[1, 2, 0.5, -3]');
      assert.equal(expr('W[1] X'), '(W^{[1]} * X)');
    });
  });
});
