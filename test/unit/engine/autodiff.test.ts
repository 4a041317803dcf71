import { strict as assert } from 'assert';
import {
  ShapeError,
  Tensor,
  add,
  backward,
  bce,
  constant,
  directionalCheck,
  gradient,
  leaf,
  matmul,
  mse,
  mul,
  scale,
  softmaxCrossEntropy,
  sub,
  sumAll,
  tanh,
} from '../../../src/engine';
import { makeRng } from './helpers';

const rng = makeRng(7);
const s = (v: number): Tensor => Tensor.scalar(v);

describe('engine tape: backward', () => {
  it('accumulates both contributions of a Var used twice: d(a² + a)/da = 2a + 1', () => {
    const a = leaf(s(3));
    backward(add(mul(a, a), a));
    assert.equal(a.grad!.data[0], 7);
  });
  it('fills intermediate grads, and leaves constants without one', () => {
    const a = leaf(s(0.5));
    const c = constant(s(2));
    const t = tanh(a);
    backward(mul(t, c));
    assert.equal(t.grad!.data[0], 2);
    assert.equal(a.grad!.data[0], 2 / Math.cosh(0.5) ** 2);
    assert.equal(c.grad, undefined);
  });
  it('gives the same gradients when called twice (grads are reset, not accumulated)', () => {
    const w = leaf(Tensor.random(3, 4, rng));
    const x = constant(Tensor.random(4, 2, rng));
    const loss = sumAll(tanh(matmul(w, x)));
    backward(loss);
    const first = w.grad!.toRows();
    backward(loss);
    assert.deepEqual(w.grad!.toRows(), first);
  });
  it('a leaf shared by two graphs gets the gradient of the graph last run', () => {
    const a = leaf(s(2));
    backward(mul(a, a));
    backward(scale(a, 5));
    assert.equal(a.grad!.data[0], 5);
  });
  it('walks deep graphs without recursion (20 000 ops)', () => {
    const a = leaf(s(1));
    let y = a;
    for (let i = 0; i < 20000; i++) y = add(y, constant(s(1e-3)));
    backward(y);
    assert.equal(a.grad!.data[0], 1);
  });
  it('throws a ShapeError when the output is not 1×1', () => {
    const message = 'backward: the output must be 1×1 (a loss), not 2×3';
    assert.throws(
      () => backward(leaf(Tensor.zeros(2, 3))),
      (e: Error) => e instanceof ShapeError && e.message === message,
    );
  });
});

describe('engine tape: gradient', () => {
  it('returns wrt’s grad, or zeros of its shape when the output does not depend on it', () => {
    const a = leaf(Tensor.fromRows([[1, 2]]));
    const b = leaf(Tensor.fromRows([[3], [4], [5]]));
    const out = sumAll(mul(a, a));
    assert.deepEqual(gradient(out, a).toRows(), [[2, 4]]);
    assert.deepEqual(gradient(out, b).toRows(), [[0], [0], [0]]);
  });
  it('refuses a constant as wrt', () => {
    assert.throws(() => gradient(sumAll(leaf(s(1))), constant(s(1))), /wrt is a constant/);
  });
});

describe('engine shape errors', () => {
  const v = (r: number, c: number): ReturnType<typeof leaf> => leaf(Tensor.zeros(r, c));
  const throwsShape = (f: () => unknown, message: string): void =>
    assert.throws(f, (e: Error) => e instanceof ShapeError && e.message === message, message);
  it('matmul names both shapes and the inner sizes', () => {
    throwsShape(() => matmul(v(3, 4), v(5, 6)), 'matmul: 3×4 times 5×6 (inner sizes 4 and 5 differ)');
  });
  it('broadcasting ops refuse shapes that do not fit, including a column against a row', () => {
    const rule = 'shapes must be equal, or one side 1×1, an r×1 column against r×c, or a 1×c row against r×c';
    throwsShape(() => add(v(3, 4), v(2, 4)), `add: cannot combine 3×4 with 2×4 (${rule})`);
    throwsShape(() => mul(v(3, 1), v(1, 4)), `mul: cannot combine 3×1 with 1×4 (${rule})`);
    throwsShape(() => sub(v(1, 3), v(3, 1)), `sub: cannot combine 1×3 with 3×1 (${rule})`);
    throwsShape(() => add(v(3, 1), v(4, 4)), `add: cannot combine 3×1 with 4×4 (${rule})`);
  });
  it('losses want prediction and target of one shape', () => {
    throwsShape(() => mse(v(1, 4), v(4, 1)), 'mse: 1×4 and 4×1 must have the same shape');
    throwsShape(() => bce(v(1, 4), v(1, 3)), 'bce: 1×4 and 1×3 must have the same shape');
    throwsShape(() => softmaxCrossEntropy(v(3, 2), v(2, 3)), 'softmaxCrossEntropy: 3×2 and 2×3 must have the same shape');
  });
  it('directionalCheck wants a claimed gradient of x’s shape', () => {
    throwsShape(
      () => directionalCheck(() => 0, Tensor.zeros(2, 3), Tensor.zeros(3, 2), rng),
      'directionalCheck: the claimed gradient is 3×2 but x is 2×3',
    );
  });
});
