import { strict as assert } from 'assert';
import {
  Tensor,
  add,
  bce,
  centralDifference,
  constant,
  directionalCheck,
  gradient,
  leaf,
  matmul,
  sigmoid,
  sumAll,
  tanh,
} from '../../../src/engine';
import { assertClose, makeRng } from './helpers';

const rng = makeRng(31337);
const transposedRows = (t: Tensor): number[][] => t.toRows()[0].map((_, j) => t.toRows().map((r) => r[j]));

describe('engine centralDifference', () => {
  it('matches f(x) = Σ (i + 1)·sin xᵢⱼ entry by entry', () => {
    const x = Tensor.random(3, 4, rng, -2, 2);
    const f = (t: Tensor): number => t.data.reduce((s, v, k) => s + (Math.floor(k / t.cols) + 1) * Math.sin(v), 0);
    const exact = new Tensor(
      3,
      4,
      x.data.map((v, k) => (Math.floor(k / 4) + 1) * Math.cos(v)),
    );
    assertClose(centralDifference(f, x), exact, 1e-8);
  });
  it('scales the step with the entry, so large entries keep their accuracy', () => {
    const x = Tensor.fromRows([
      [1e6, -3e7],
      [2e5, 4e6],
    ]);
    const f = (t: Tensor): number => t.data.reduce((s, v) => s + v * v, 0);
    assertClose(
      centralDifference(f, x),
      x.map((v) => 2 * v),
      1e-8,
    );
  });
  it('leaves its input untouched', () => {
    const x = Tensor.fromRows([[1, 2, 3]]);
    centralDifference((t) => t.frobeniusNorm(), x);
    assert.deepEqual(x.toRows(), [[1, 2, 3]]);
  });
});

describe('engine directionalCheck', () => {
  // the loss of a 1-layer network as a function of its 4×3 weights
  const X = constant(Tensor.random(3, 5, rng, -2, 2));
  const Y = constant(Tensor.random(1, 5, rng, 0, 1).map(Math.round));
  const W2 = constant(Tensor.random(1, 4, rng));
  const loss = (w: Tensor): number => bce(sigmoid(matmul(W2, tanh(matmul(constant(w), X)))), Y).value.data[0];
  const W = Tensor.random(4, 3, rng);
  const trueGradient = (): Tensor => ((w) => gradient(bce(sigmoid(matmul(W2, tanh(matmul(w, X)))), Y), w))(leaf(W));

  it('accepts the true gradient, with 2·directions + 1 evaluations', () => {
    let calls = 0;
    const counted = (t: Tensor): number => (calls++, loss(t));
    const r = directionalCheck(counted, W, trueGradient(), rng, 4);
    assert.ok(r.agrees, `worst ${r.worstRelativeError}`);
    assert.ok(r.worstRelativeError < 1e-7, `worst ${r.worstRelativeError}`);
    assert.equal(r.checks.length, 4);
    assert.equal(calls, 9);
    for (const c of r.checks) assert.ok(Math.abs(c.directional) > 1e-6, 'directions see a real slope');
  });

  const planted: [string, (g: Tensor) => Tensor][] = [
    ['transposed and reshaped', (g) => new Tensor(g.rows, g.cols, Float64Array.from(transposedRows(g).flat()))],
    [
      'with one entry changed',
      (g) =>
        new Tensor(
          g.rows,
          g.cols,
          g.data.map((v, k) => (k === 5 ? v + 0.05 : v)),
        ),
    ],
    ['scaled by 2', (g) => g.map((v) => 2 * v)],
    ['negated', (g) => g.map((v) => -v)],
    [
      'with a NaN',
      (g) =>
        new Tensor(
          g.rows,
          g.cols,
          g.data.map((v, k) => (k === 0 ? NaN : v)),
        ),
    ],
  ];
  for (const [name, plant] of planted) {
    it(`rejects the gradient ${name}`, () => {
      const G = trueGradient();
      const wrong = plant(G);
      assert.notDeepEqual(wrong.toRows(), G.toRows());
      const r = directionalCheck(loss, W, wrong, rng);
      assert.ok(!r.agrees, `worst ${r.worstRelativeError}`);
    });
  }

  it('costs the same for a 60×60 input (3600 entries): 7 evaluations', () => {
    const x = Tensor.random(60, 60, rng);
    let calls = 0;
    const f = (t: Tensor): number => (calls++, sumAll(tanh(add(constant(t), constant(x)))).value.data[0]);
    const xv = leaf(x);
    const g = gradient(sumAll(tanh(add(xv, constant(x)))), xv);
    assert.ok(directionalCheck(f, x, g, rng).agrees);
    assert.equal(calls, 7);
    assert.ok(
      !directionalCheck(
        f,
        x,
        g.map((v) => v * 1.001),
        rng,
      ).agrees,
      'a 0.1% error is caught',
    );
  });

  it('accepts a zero gradient of a constant function over rounding noise, and rejects a nonzero claim there', () => {
    const f = (t: Tensor): number => 1e3 + 0 * t.data[0];
    const x = Tensor.random(2, 2, rng);
    assert.ok(directionalCheck(f, x, Tensor.zeros(2, 2), rng).agrees);
    assert.ok(!directionalCheck(f, x, Tensor.full(2, 2, 0.1), rng).agrees);
  });
});
