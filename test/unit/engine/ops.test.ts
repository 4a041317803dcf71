import { strict as assert } from 'assert';
import {
  type Shape,
  type Var,
  Tensor,
  abs,
  add,
  bce,
  constant,
  div,
  elementwise,
  exp,
  halfMse,
  l2,
  leakyRelu,
  log,
  matmul,
  mean,
  mse,
  mul,
  neg,
  pow,
  relu,
  scale,
  sigmoid,
  softmax,
  softmaxCrossEntropy,
  sqrt,
  step,
  sub,
  sumAll,
  sumOverColumns,
  sumOverRows,
  tanh,
  transpose,
} from '../../../src/engine';
import { assertClose, awayFromZero, checkGradients, makeRng } from './helpers';

const rng = makeRng(20240611);
const rand = (s: Shape, lo = -1, hi = 1): Tensor => Tensor.random(s[0], s[1], rng, lo, hi);
const SHAPES: Shape[] = [
  [1, 1],
  [3, 1],
  [1, 4],
  [3, 4],
];
/** Every broadcasting case: equal shapes, a 1×1 side, an r×1 column against r×c, a 1×c row against r×c (both orders). */
const BROADCAST_PAIRS: [Shape, Shape][] = [
  [
    [3, 4],
    [3, 4],
  ],
  [
    [3, 4],
    [1, 1],
  ],
  [
    [1, 1],
    [3, 4],
  ],
  [
    [3, 1],
    [3, 4],
  ],
  [
    [3, 4],
    [3, 1],
  ],
  [
    [1, 4],
    [3, 4],
  ],
  [
    [3, 4],
    [1, 4],
  ],
  [
    [1, 1],
    [1, 1],
  ],
  [
    [3, 1],
    [1, 1],
  ],
  [
    [1, 1],
    [1, 4],
  ],
];

describe('engine ops: backward against central differences', () => {
  const binaries: [string, (a: Var, b: Var) => Var][] = [
    ['add', add],
    ['sub', sub],
    ['mul', mul],
    ['div', div],
  ];
  for (const [name, op] of binaries) {
    for (const [sa, sb] of BROADCAST_PAIRS) {
      it(`${name}: ${sa.join('×')} with ${sb.join('×')}`, () => {
        checkGradients(op, [rand(sa), name === 'div' ? awayFromZero(sb[0], sb[1], rng) : rand(sb)], rng);
      });
    }
  }

  const unaries: [string, (a: Var) => Var, (s: Shape) => Tensor][] = [
    ['neg', neg, (s) => rand(s)],
    ['scale by −2.5', (a) => scale(a, -2.5), (s) => rand(s)],
    ['transpose', transpose, (s) => rand(s)],
    ['pow 2', (a) => pow(a, 2), (s) => rand(s)],
    ['pow 3', (a) => pow(a, 3), (s) => rand(s)],
    ['pow −1', (a) => pow(a, -1), (s) => awayFromZero(s[0], s[1], rng)],
    ['pow 0.5', (a) => pow(a, 0.5), (s) => rand(s, 0.5, 2)],
    ['pow 0', (a) => pow(a, 0), (s) => rand(s)],
    ['exp', exp, (s) => rand(s)],
    ['log', log, (s) => rand(s, 0.5, 2)],
    ['sqrt', sqrt, (s) => rand(s, 0.5, 2)],
    ['tanh', tanh, (s) => rand(s, -2, 2)],
    ['sigmoid', sigmoid, (s) => rand(s, -3, 3)],
    ['relu', relu, (s) => awayFromZero(s[0], s[1], rng)],
    ['leakyRelu', (a) => leakyRelu(a), (s) => awayFromZero(s[0], s[1], rng)],
    ['leakyRelu slope 0.2', (a) => leakyRelu(a, 0.2), (s) => awayFromZero(s[0], s[1], rng)],
    ['step', step, (s) => awayFromZero(s[0], s[1], rng)],
    ['abs', abs, (s) => awayFromZero(s[0], s[1], rng)],
    ['elementwise sin', (a) => elementwise(a, Math.sin, Math.cos), (s) => rand(s, -2, 2)],
    ['softmax', softmax, (s) => rand(s, -2, 2)],
    ['sumAll', sumAll, (s) => rand(s)],
    ['sumOverColumns', sumOverColumns, (s) => rand(s)],
    ['sumOverRows', sumOverRows, (s) => rand(s)],
    ['mean', mean, (s) => rand(s)],
    ['l2', l2, (s) => rand(s)],
  ];
  for (const [name, op, make] of unaries) {
    it(`${name} on ${SHAPES.map((s) => s.join('×')).join(', ')}`, () => {
      for (const s of SHAPES) checkGradients(op, [make(s)], rng);
    });
  }

  it('matmul: 3×4 · 4×2, 1×3 · 3×1, 3×1 · 1×2 (outer), 2×2 · 2×5', () => {
    const pairs: [Shape, Shape][] = [
      [
        [3, 4],
        [4, 2],
      ],
      [
        [1, 3],
        [3, 1],
      ],
      [
        [3, 1],
        [1, 2],
      ],
      [
        [2, 2],
        [2, 5],
      ],
    ];
    for (const [sa, sb] of pairs) checkGradients(matmul, [rand(sa), rand(sb)], rng);
  });

  it('losses: mse, halfMse, bce (soft and hard labels), softmaxCrossEntropy (logits and labels)', () => {
    for (const s of SHAPES) {
      checkGradients(mse, [rand(s), rand(s)], rng);
      checkGradients(halfMse, [rand(s), rand(s)], rng);
      checkGradients(bce, [rand(s, 0.1, 0.9), rand(s, 0, 1)], rng);
      checkGradients(bce, [rand(s, 0.1, 0.9), rand(s, 0, 1).map(Math.round)], rng);
      checkGradients(softmaxCrossEntropy, [rand(s, -2, 2), rand(s, 0, 1)], rng);
    }
  });
});

describe('engine ops: a node used more than once', () => {
  const cases: [string, (a: Var) => Var][] = [
    ['a ⊙ a', (a) => mul(a, a)],
    ['a + a', (a) => add(a, a)],
    ['a aᵀ', (a) => matmul(a, transpose(a))],
    ['t ⊙ (t + a) with t = tanh a', (a) => ((t) => mul(t, add(t, a)))(tanh(a))],
    ['a ⊘ (a + Σa)', (a) => div(a, add(a, sumAll(a)))],
    ['softmax(a) ⊙ a − mean(a)', (a) => sub(mul(softmax(a), a), mean(a))],
    ['σ(a)ᵀ σ(a) (1×1)', (a) => ((s) => matmul(transpose(s), s))(sigmoid(a))],
  ];
  for (const [name, build] of cases) {
    it(name, () => {
      checkGradients(build, [rand([3, 2], 0.5, 1.5)], rng);
      checkGradients(build, [rand([1, 1], 0.5, 1.5)], rng);
    });
  }
  it('two inputs, each used twice: (a + b) ⊙ (a − b) + a bᵀ-style mixing', () => {
    const build = (a: Var, b: Var): Var => add(mul(add(a, b), sub(a, b)), matmul(a, matmul(transpose(b), a)));
    checkGradients(build, [rand([3, 3]), rand([3, 3])], rng);
  });
});

describe('engine ops: forward values', () => {
  const v = (rows: number[][]): Var => constant(Tensor.fromRows(rows));
  it('broadcasts a column across columns and a row across rows', () => {
    const m = v([
      [1, 2],
      [3, 4],
    ]);
    assert.deepEqual(add(m, v([[10], [20]])).value.toRows(), [
      [11, 12],
      [23, 24],
    ]);
    assert.deepEqual(sub(m, v([[1, 2]])).value.toRows(), [
      [0, 0],
      [2, 2],
    ]);
    assert.deepEqual(mul(v([[3]]), m).value.toRows(), [
      [3, 6],
      [9, 12],
    ]);
    assert.deepEqual(div(m, v([[2], [4]])).value.toRows(), [
      [0.5, 1],
      [0.75, 1],
    ]);
  });
  it('matmul, transpose and the reductions', () => {
    const a = v([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    assert.deepEqual(matmul(a, transpose(a)).value.toRows(), [
      [14, 32],
      [32, 77],
    ]);
    assert.deepEqual(sumAll(a).value.toRows(), [[21]]);
    assert.deepEqual(sumOverColumns(a).value.toRows(), [[6], [15]]);
    assert.deepEqual(sumOverRows(a).value.toRows(), [[5, 7, 9]]);
    assert.deepEqual(mean(a).value.toRows(), [[3.5]]);
  });
  it('elementwise functions, with the conventions at the kinks', () => {
    const x = v([[-2, 0, 3]]);
    assert.deepEqual(relu(x).value.toRows(), [[0, 0, 3]]);
    assert.deepEqual(step(x).value.toRows(), [[0, 0, 1]]);
    assert.deepEqual(leakyRelu(x, 0.1).value.toRows(), [[-0.2, 0, 3]]);
    assert.deepEqual(abs(x).value.toRows(), [[2, 0, 3]]);
    assert.deepEqual(pow(x, 2).value.toRows(), [[4, 0, 9]]);
    assert.equal(sigmoid(v([[0]])).value.data[0], 0.5);
    assert.equal(sigmoid(v([[-800]])).value.data[0], 0);
    assert.equal(sigmoid(v([[800]])).value.data[0], 1);
    assert.ok(Math.abs(sigmoid(v([[-40]])).value.data[0] - Math.exp(-40)) < 1e-30, 'σ(−40) keeps its relative precision');
  });
  it('softmax: each column sums to 1; a 1×n row is one distribution; huge logits do not overflow', () => {
    const s = softmax(constant(Tensor.random(4, 3, rng, -5, 5))).value;
    for (let j = 0; j < 3; j++) assert.ok(Math.abs(s.toRows().reduce((t, r) => t + r[j], 0) - 1) < 1e-15);
    const row = softmax(v([[1000, 1001, 1002]])).value.data;
    const e = [Math.exp(-2), Math.exp(-1), 1];
    const z = e[0] + e[1] + e[2];
    e.forEach((ei, k) => assert.ok(Math.abs(row[k] - ei / z) < 1e-15, `softmax entry ${k}`));
    assert.deepEqual(softmax(v([[7]])).value.toRows(), [[1]]);
    assertClose(softmax(v([[1, 2, 3]])).value, transpose(softmax(v([[1], [2], [3]]))).value, 1e-15);
  });
  it('losses have their textbook values', () => {
    const p = v([[0.9, 0.2]]);
    const y = v([[1, 0]]);
    assert.ok(Math.abs(mse(p, y).value.data[0] - (0.01 + 0.04) / 2) < 1e-15);
    assert.ok(Math.abs(halfMse(p, y).value.data[0] - (0.01 + 0.04) / 4) < 1e-15);
    assert.ok(Math.abs(bce(p, y).value.data[0] - -(Math.log(0.9) + Math.log(0.8)) / 2) < 1e-15);
    assert.equal(
      l2(
        v([
          [1, -2],
          [3, 0],
        ]),
      ).value.data[0],
      14,
    );
    const ce = softmaxCrossEntropy(v([[1000], [0]]), v([[0], [1]])).value.data[0];
    assert.ok(Math.abs(ce - 1000) < 1e-12, `stable: −log softmax at −1000 is 1000, got ${ce}`);
  });
});
