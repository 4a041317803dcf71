/** Shared helpers for the engine tests: seeded inputs and the gradient-versus-central-differences check. */
import { strict as assert } from 'assert';
import { type Var, Tensor, backward, centralDifference, constant, leaf, mul, shapeText, sumAll } from '../../../src/engine';
import { makeRng } from '../../../src/verify/sampling';

export { makeRng };

/** Entries of random sign with |x| in [0.2, 1]: away from the kinks of relu, abs, step and the poles of 1/x. */
export function awayFromZero(rows: number, cols: number, rng: () => number): Tensor {
  return Tensor.random(rows, cols, rng, 0.2, 1).map((x) => (rng() < 0.5 ? -x : x));
}

/** Asserts |actual − expected| ≤ tol·max(1, |expected|) entrywise, with the first offending entry in the message. */
export function assertClose(actual: Tensor, expected: Tensor, tol: number, what = 'tensor'): void {
  assert.equal(shapeText(actual.shape), shapeText(expected.shape), `${what}: shape`);
  for (let i = 0; i < actual.size; i++) {
    const [a, e] = [actual.data[i], expected.data[i]];
    assert.ok(Math.abs(a - e) <= tol * Math.max(1, Math.abs(e)), `${what}[${i}]: ${a} vs ${e} (tolerance ${tol})`);
  }
}

/** Asserts two tensors are equal to tol absolutely. */
export function assertNear(actual: Tensor, expected: Tensor, tol: number, what = 'tensor'): void {
  assert.equal(shapeText(actual.shape), shapeText(expected.shape), `${what}: shape`);
  for (let i = 0; i < actual.size; i++) {
    assert.ok(Math.abs(actual.data[i] - expected.data[i]) <= tol, `${what}[${i}]: ${actual.data[i]} vs ${expected.data[i]}`);
  }
}

/**
 * Checks the engine's gradient of every input of `build` against central differences, through the scalar head
 * sumAll(out ⊙ R) with a random constant R, so every entry of every gradient is exercised.
 */
export function checkGradients(build: (...xs: Var[]) => Var, inputs: readonly Tensor[], rng: () => number, tol = 1e-7): void {
  const shape = build(...inputs.map(constant)).value.shape;
  const r = constant(Tensor.random(shape[0], shape[1], rng));
  const head = (xs: Var[]): Var => sumAll(mul(build(...xs), r));
  const leaves = inputs.map(leaf);
  backward(head(leaves));
  inputs.forEach((t, k) => {
    const f = (x: Tensor): number => head(inputs.map((u, j) => constant(j === k ? x : u))).value.data[0];
    const numeric = centralDifference(f, t);
    assertClose(leaves[k].grad!, numeric, tol, `∂/∂input ${k} (${shapeText(t.shape)})`);
  });
}
