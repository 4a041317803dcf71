/**
 * The note's functions applied entrywise to tensors, from the function registry (its first and second derivative:
 * the second so that σ′(z) can itself be differentiated), and random instances of generic functions.
 */
import { type Var, diag, elementwise, softmax, trace } from '../../engine';
import { FUNCTION_BY_NAME, FUNCTIONS } from '../../functions';

/** The engine's op for each function of a whole tensor (one per entry of tensorFunctions.ts). */
const TENSOR_OPS: Readonly<Record<string, (a: Var) => Var>> = { softmax, diag, trace };

/** f, f′ or f″ of a known function applied to a tensor; undefined if not known. */
export function applyKnown(fn: string, primes: number, a: Var): Var | undefined {
  if (primes === 0 && fn in TENSOR_OPS) return TENSOR_OPS[fn](a);
  const e = FUNCTION_BY_NAME.get(fn);
  if (!e || primes > 1) return undefined;
  return primes === 0 ? elementwise(a, e.f, e.d1) : elementwise(a, e.d1, e.d2);
}

/** A generic function's n-th derivative as a scalar function, from one random instance (see sampling.ts). */
export type GenericInstance = (n: number) => (x: number) => number;

export function applyGeneric(instance: GenericInstance, primes: number, a: Var): Var {
  return elementwise(a, instance(primes), instance(primes + 1));
}

/** Which kinks a function has, so sample points can keep away from them. */
export const KINKED_FUNCTIONS: ReadonlySet<string> = new Set(FUNCTIONS.filter((f) => f.kinked).map((f) => f.name));
