/**
 * A 2-layer MLP (column-vector convention, the m samples as columns): the engine's gradients against the
 * hand-derived backpropagation formulas, computed here with plain arrays.
 */
import { strict as assert } from 'assert';
import {
  type Var,
  Tensor,
  add,
  backward,
  bce,
  constant,
  leaf,
  matmul,
  mse,
  relu,
  sigmoid,
  softmaxCrossEntropy,
  tanh,
} from '../../../src/engine';
import { assertNear, makeRng } from './helpers';

type M = number[][];
const mm = (a: M, b: M): M => a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
const tr = (a: M): M => a[0].map((_, j) => a.map((row) => row[j]));
const zip = (a: M, b: M, f: (x: number, y: number) => number): M => a.map((row, i) => row.map((v, j) => f(v, b[i][j])));
const each = (a: M, f: (x: number) => number): M => a.map((row) => row.map(f));
const plusColumn = (a: M, b: M): M => a.map((row, i) => row.map((v) => v + b[i][0]));
const sumColumns = (a: M): M => a.map((row) => [row.reduce((s, v) => s + v, 0)]);
const sig = (x: number): number => 1 / (1 + Math.exp(-x));
const T = (a: M): Tensor => Tensor.fromRows(a);

const [n0, n1, m] = [3, 4, 5];
const rng = makeRng(99);
const X = Tensor.random(n0, m, rng, -2, 2).toRows();
const W1 = Tensor.random(n1, n0, rng).toRows();
const b1 = Tensor.random(n1, 1, rng).toRows();

interface Network {
  readonly params: Record<'W1' | 'b1' | 'W2' | 'b2', Var>;
  readonly z1: Var;
  readonly z2: Var;
  readonly loss: Var;
}

/** Builds the engine's forward pass. */
function network(W2: M, b2: M, Y: M, g: (z: Var) => Var, lossFn: (a: Var, y: Var) => Var): Network {
  const params = { W1: leaf(T(W1)), b1: leaf(T(b1)), W2: leaf(T(W2)), b2: leaf(T(b2)) };
  const z1 = add(matmul(params.W1, constant(T(X))), params.b1);
  const z2 = add(matmul(params.W2, g(z1)), params.b2);
  const loss = lossFn(sigmoid(z2), constant(T(Y)));
  backward(loss);
  return { params, z1, z2, loss };
}

/** Hand backprop from dZ2 (already including the loss's per-output factor, not the 1/m). */
function handGradients(W2: M, A1: M, dZ2: M, gPrime: M): Record<'W1' | 'b1' | 'W2' | 'b2' | 'dZ1', M> {
  const dZ1 = zip(mm(tr(W2), dZ2), gPrime, (a, b) => a * b); // dZ1 = W2ᵀ dZ2 ⊙ g′(Z1)
  return {
    W2: each(mm(dZ2, tr(A1)), (v) => v / m), // dW2 = (1/m) dZ2 A1ᵀ
    b2: each(sumColumns(dZ2), (v) => v / m), // db2 = (1/m) Σ_columns dZ2
    W1: each(mm(dZ1, tr(X)), (v) => v / m), // dW1 = (1/m) dZ1 Xᵀ
    b1: each(sumColumns(dZ1), (v) => v / m),
    dZ1,
  };
}

function assertMatches(net: Network, hand: ReturnType<typeof handGradients>, dZ2: M): void {
  for (const name of ['W1', 'b1', 'W2', 'b2'] as const) assertNear(net.params[name].grad!, T(hand[name]), 1e-10, `d${name}`);
  assertNear(net.z2.grad!, T(each(dZ2, (v) => v / m)), 1e-10, '∂L/∂Z2 = dZ2/m');
  assertNear(net.z1.grad!, T(each(hand.dZ1, (v) => v / m)), 1e-10, '∂L/∂Z1 = dZ1/m');
}

describe('engine: a 2-layer MLP against the hand-derived formulas', () => {
  it('tanh hidden layer, sigmoid output, BCE: dZ2 = A2 − Y', () => {
    const W2 = Tensor.random(1, n1, rng).toRows();
    const b2 = Tensor.random(1, 1, rng).toRows();
    const Y = [Array.from({ length: m }, () => (rng() < 0.5 ? 0 : 1))];
    const Z1 = plusColumn(mm(W1, X), b1);
    const A1 = each(Z1, Math.tanh);
    const A2 = each(plusColumn(mm(W2, A1), b2), sig);
    const dZ2 = zip(A2, Y, (a, y) => a - y);
    const net = network(W2, b2, Y, tanh, bce);
    assertMatches(
      net,
      handGradients(
        W2,
        A1,
        dZ2,
        each(A1, (a) => 1 - a * a),
      ),
      dZ2,
    );
    const handLoss = -A2[0].reduce((s, a, j) => s + Y[0][j] * Math.log(a) + (1 - Y[0][j]) * Math.log(1 - a), 0) / m;
    assertNear(net.loss.value, Tensor.scalar(handLoss), 1e-12, 'loss');
  });

  it('ReLU hidden layer, sigmoid output with 2 units, MSE (mean over all entries): dZ2 = (2/n2)(A2 − Y) ⊙ A2(1 − A2)', () => {
    const n2 = 2;
    const W2 = Tensor.random(n2, n1, rng).toRows();
    const b2 = Tensor.random(n2, 1, rng).toRows();
    const Y = Tensor.random(n2, m, rng, 0, 1).toRows();
    const Z1 = plusColumn(mm(W1, X), b1);
    const A1 = each(Z1, (z) => Math.max(z, 0));
    const A2 = each(plusColumn(mm(W2, A1), b2), sig);
    const dZ2 = zip(
      zip(A2, Y, (a, y) => (2 / n2) * (a - y)),
      A2,
      (d, a) => d * a * (1 - a),
    );
    const net = network(W2, b2, Y, relu, mse);
    assertMatches(
      net,
      handGradients(
        W2,
        A1,
        dZ2,
        each(Z1, (z) => (z > 0 ? 1 : 0)),
      ),
      dZ2,
    );
  });
});

describe('engine: softmax cross-entropy', () => {
  const [k, cols] = [4, 6];
  const z = Tensor.random(k, cols, rng, -3, 3);
  const classes = Array.from({ length: cols }, () => Math.floor(rng() * k));
  const y = Tensor.fromRows(Array.from({ length: k }, (_, r) => classes.map((c) => (c === r ? 1 : 0))));
  const softmaxColumns = (t: Tensor): M => {
    const rows = t.toRows();
    return tr(tr(rows).map((col) => ((e) => e.map((v) => v / e.reduce((s, w) => s + w, 0)))(col.map(Math.exp))));
  };

  it('∂L/∂z = (softmax(z) − y)/m for one-hot y, and L = −(1/m) Σ log s_class', () => {
    const logits = leaf(z);
    const loss = softmaxCrossEntropy(logits, constant(y));
    backward(loss);
    const s = softmaxColumns(z);
    assertNear(logits.grad!, T(zip(s, y.toRows(), (a, b) => (a - b) / cols)), 1e-15, '∂L/∂z');
    const hand = -classes.reduce((acc, c, j) => acc + Math.log(s[c][j]), 0) / cols;
    assertNear(loss.value, Tensor.scalar(hand), 1e-14, 'loss');
  });

  it('stays finite and exact for huge logits', () => {
    const big = z.map((v) => 1000 * v);
    const logits = leaf(big);
    const loss = softmaxCrossEntropy(logits, constant(y));
    backward(loss);
    assert(Number.isFinite(loss.value.data[0]));
    const shifted = softmaxColumns(Tensor.fromRows(tr(tr(big.toRows()).map((col) => col.map((v) => v - Math.max(...col))))));
    assertNear(logits.grad!, T(zip(shifted, y.toRows(), (a, b) => (a - b) / cols)), 1e-15, '∂L/∂z');
  });
});
