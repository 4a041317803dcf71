/** Entrywise functions (one table of f and f′) and the column-wise softmax. */
import { type Var, record } from './autodiff';
import { columnSoftmax } from './kernels';
import { transpose } from './ops';
import { Tensor } from './tensor';

/** A scalar function and its derivative; df gets x and y = f(x), whichever is cheaper or more accurate. */
export interface ElementwiseRule {
  readonly f: (x: number) => number;
  readonly df: (x: number, y: number) => number;
}

/** The logistic function, without overflow for large |x|. */
function sigmoidValue(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** The built-in entrywise functions. At the kink x = 0: relu′ = step′ = abs′ = 0 (and leakyRelu′ = slope). */
export const ELEMENTWISE_RULES = {
  exp: { f: Math.exp, df: (_x, y) => y },
  log: { f: Math.log, df: (x) => 1 / x },
  sqrt: { f: Math.sqrt, df: (_x, y) => 1 / (2 * y) },
  tanh: { f: Math.tanh, df: (x) => 1 / Math.cosh(x) ** 2 }, // sech² x, accurate where tanh x ≈ ±1 and 1 − tanh² cancels
  sigmoid: { f: sigmoidValue, df: (x, y) => y * sigmoidValue(-x) }, // σ′ = σ(x)(1 − σ(x)) = σ(x)σ(−x), no cancellation
  relu: { f: (x) => Math.max(x, 0), df: (x) => (x > 0 ? 1 : 0) },
  step: { f: (x) => Math.sign(Math.max(x, 0)), df: () => 0 }, // 1 for x > 0, else 0 (NaN stays NaN)
  abs: { f: Math.abs, df: (x) => Math.sign(x) },
} satisfies Record<string, ElementwiseRule>;

/** Applies a rule entrywise; backward multiplies the upstream gradient by f′ entrywise. */
function apply(a: Var, rule: ElementwiseRule): Var {
  const x = a.value;
  const y = x.map(rule.f);
  return record(y, [a], (g) => {
    const dx = Tensor.zeros(x.rows, x.cols);
    for (let i = 0; i < dx.size; i++) dx.data[i] = g.data[i] * rule.df(x.data[i], y.data[i]);
    return [dx];
  });
}

/** eˣ entrywise. */
export const exp = (a: Var): Var => apply(a, ELEMENTWISE_RULES.exp);
/** Natural log entrywise. */
export const log = (a: Var): Var => apply(a, ELEMENTWISE_RULES.log);
/** √x entrywise. */
export const sqrt = (a: Var): Var => apply(a, ELEMENTWISE_RULES.sqrt);
/** tanh entrywise. */
export const tanh = (a: Var): Var => apply(a, ELEMENTWISE_RULES.tanh);
/** σ(x) = 1/(1 + e⁻ˣ) entrywise. */
export const sigmoid = (a: Var): Var => apply(a, ELEMENTWISE_RULES.sigmoid);
/** max(x, 0) entrywise; derivative 1 for x > 0, else 0. */
export const relu = (a: Var): Var => apply(a, ELEMENTWISE_RULES.relu);
/** 1 where x > 0, else 0; derivative 0. */
export const step = (a: Var): Var => apply(a, ELEMENTWISE_RULES.step);
/** |x| entrywise; derivative sign(x) (0 at 0). */
export const abs = (a: Var): Var => apply(a, ELEMENTWISE_RULES.abs);

/** x for x > 0, slope·x otherwise; derivative 1 or slope. */
export function leakyRelu(a: Var, slope = 0.01): Var {
  return apply(a, { f: (x) => (x > 0 ? x : slope * x), df: (x) => (x > 0 ? 1 : slope) });
}

/** A caller-supplied entrywise function f with its derivative df. */
export function elementwise(a: Var, f: (x: number) => number, df: (x: number) => number): Var {
  return apply(a, { f, df: (x) => df(x) });
}

/** Softmax of each column of a (each column one distribution), stable. */
function columnwiseSoftmax(a: Var): Var {
  const s = columnSoftmax(a.value);
  // d softmax: J = diag(s) − s sᵀ, so per column dz = s ⊙ (g − sᵀg)
  return record(s, [a], (g) => {
    const dz = Tensor.zeros(s.rows, s.cols);
    for (let j = 0; j < s.cols; j++) {
      let dot = 0;
      for (let k = 0; k < s.rows; k++) dot += s.data[k * s.cols + j] * g.data[k * s.cols + j];
      for (let k = 0; k < s.rows; k++) dz.data[k * s.cols + j] = s.data[k * s.cols + j] * (g.data[k * s.cols + j] - dot);
    }
    return [dz];
  });
}

/**
 * Softmax, numerically stable. Column-wise: each column of an n×m tensor is one distribution (samples as
 * columns). A row vector 1×n (n > 1) is taken as one distribution over its n entries, not n one-entry ones.
 */
export function softmax(a: Var): Var {
  return isRowDistribution(a) ? transpose(columnwiseSoftmax(transpose(a))) : columnwiseSoftmax(a);
}

/** A 1×n row with n > 1: one distribution laid out as a row. */
export const isRowDistribution = (a: Var): boolean => a.value.rows === 1 && a.value.cols > 1;
