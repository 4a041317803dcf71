/**
 * The note's functions applied entrywise to tensors: one table entry per function with its first and second
 * derivative (the second so that σ′(z) can itself be differentiated), and random instances of generic functions.
 */
import { ELEMENTWISE_RULES, type Var, elementwise, softmax } from '../../engine';

interface Entry {
  readonly f: (x: number) => number;
  readonly d1: (x: number) => number;
  readonly d2: (x: number) => number;
}

const sig = (x: number): number => ELEMENTWISE_RULES.sigmoid.f(x);
const sech2 = (x: number): number => 1 / Math.cosh(x) ** 2;

const TABLE: Readonly<Record<string, Entry>> = {
  sigmoid: { f: sig, d1: (x) => sig(x) * sig(-x), d2: (x) => sig(x) * sig(-x) * (1 - 2 * sig(x)) }, // σ″ = σ′(1 − 2σ)
  tanh: { f: Math.tanh, d1: sech2, d2: (x) => -2 * Math.tanh(x) * sech2(x) }, // tanh″ = −2 tanh · sech²
  relu: { f: (x) => Math.max(x, 0), d1: (x) => (x > 0 ? 1 : 0), d2: () => 0 },
  step: { f: (x) => (x > 0 ? 1 : 0), d1: () => 0, d2: () => 0 },
  exp: { f: Math.exp, d1: Math.exp, d2: Math.exp },
  log: { f: Math.log, d1: (x) => 1 / x, d2: (x) => -1 / (x * x) },
  sqrt: { f: Math.sqrt, d1: (x) => 1 / (2 * Math.sqrt(x)), d2: (x) => -1 / (4 * x * Math.sqrt(x)) },
  sin: { f: Math.sin, d1: Math.cos, d2: (x) => -Math.sin(x) },
  cos: { f: Math.cos, d1: (x) => -Math.sin(x), d2: (x) => -Math.cos(x) },
  abs: { f: Math.abs, d1: Math.sign, d2: () => 0 },
};

/** f, f′ or f″ of a known function applied to a tensor; undefined if not known. */
export function applyKnown(fn: string, primes: number, a: Var): Var | undefined {
  if (fn === 'softmax' && primes === 0) return softmax(a);
  const e = TABLE[fn];
  if (!e || primes > 1) return undefined;
  return primes === 0 ? elementwise(a, e.f, e.d1) : elementwise(a, e.d1, e.d2);
}

/** A generic function's n-th derivative as a scalar function, from one random instance (see sampling.ts). */
export type GenericInstance = (n: number) => (x: number) => number;

export function applyGeneric(instance: GenericInstance, primes: number, a: Var): Var {
  return elementwise(a, instance(primes), instance(primes + 1));
}

/** Which kinks a function has, so sample points can keep away from them. */
export const KINKED_FUNCTIONS: ReadonlySet<string> = new Set(['relu', 'step', 'abs']);
