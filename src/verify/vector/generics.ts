/**
 * A tensor claim about a function the note leaves generic (`A^{[l]} = g(Z^{[l]})`): a difference that every instance
 * of g leaves the same (the same ratio in every entry, as a lost or doubled 1/m gives, or the same difference) is no
 * doubt about g, and the claim fails for every g. Each instance is checked at the same inputs, with the derivative
 * vouched for by finite differences.
 */
import type { Tensor } from '../../engine';
import { closeValues } from '../policy';
import { makeRng } from '../sampling';
import type { WorldPoint } from './note';

const INSTANCES = 3;
const ATTEMPTS = 10;

/** Whether the claim's sides differ alike under several instances of its generic functions at the point's inputs. */
export function failsForEveryGeneric(
  point: WorldPoint,
  tol: number,
  evaluate: (p: WorldPoint) => { left: Tensor; right: Tensor; vouched: boolean } | undefined,
): boolean {
  if (point.generics.size === 0) return false;
  const rng = makeRng(7919 + point.inputs.size);
  const ratios: number[][] = [];
  const differences: number[][] = [];
  for (let k = 0; k < ATTEMPTS && ratios.length < INSTANCES; k++) {
    // the same inputs, new instances of the generic functions (and so new values of whatever uses them)
    // (every other instance bounded to (0.1, 0.9), for functions a log or a root needs inside its domain)
    const p: WorldPoint = {
      ...point,
      inputs: new Map(point.inputs),
      generics: new Map(),
      bounded: k % 2 === 1,
      rng,
      doubts: new Set(),
      guesses: new Set(),
      values: new Map(),
      exprValues: new Map(),
    };
    const o = evaluate(p);
    if (p.guesses.size > 0) return false;
    // (an instance that takes a log of a negative value, say, is outside the claim's domain: draw another)
    if (!o || !o.vouched) continue;
    ratios.push(Array.from(o.left.data, (x, i) => x / o.right.data[i]));
    differences.push(Array.from(o.left.data, (x, i) => x - o.right.data[i]));
  }
  if (ratios.length < INSTANCES) return false;
  const t = Math.max(tol, 1e-9) * 10;
  const alike = (rows: number[][]): boolean => rows.every((r) => r.every((x, i) => Number.isFinite(x) && closeValues(x, rows[0][i], t)));
  const moved = !alike(differences);
  const constantRatio = alike(ratios) && ratios[0].every((x) => !closeValues(x, 1, t)) && moved;
  const constantDifference = alike(differences) && differences[0].some((x) => Math.abs(x) > t);
  return constantRatio || constantDifference;
}

/**
 * The factor by which the sides differ in every entry at every point (`\frac{1}{n}` too many), the points drawing
 * their inputs and any cost read into the note afresh (a claim off by that factor whatever the cost is); undefined
 * when they do not.
 */
export function sameFactorEverywhere(
  points: readonly { readonly left: Tensor; readonly right: Tensor }[],
  tol: number,
): number | undefined {
  if (points.length < 2) return undefined;
  const t = Math.max(tol, 1e-9) * 10;
  const ratios: number[] = [];
  for (const { left, right } of points) {
    for (let i = 0; i < left.size; i++) {
      // (an entry both sides leave at zero says nothing)
      if (Math.abs(right.data[i]) < 1e-9 && Math.abs(left.data[i]) < 1e-9) continue;
      ratios.push(left.data[i] / right.data[i]);
    }
  }
  return ratios.length >= 2 && ratios.every((r) => Number.isFinite(r) && closeValues(r, ratios[0], t)) && !closeValues(ratios[0], 1, t)
    ? ratios[0]
    : undefined;
}
