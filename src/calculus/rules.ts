/**
 * The derivative rules, from the function registry (`src/functions.ts`): mathjs differentiates the arithmetic; these
 * give it the derivative of each function, and differentiate.ts writes the chain rule once.
 */
import { FUNCTIONS } from '../functions';
import { type MathNode, call, math, num, substitute } from './math';

export interface FunctionRule {
  /** d/du f(u), as a tree in the symbol `u`. */
  readonly derivative: MathNode;
  /** How the function is written in LaTeX, given its argument's LaTeX. */
  readonly latex: (arg: string) => string;
}

/** Each registry function's derivative, parsed once, and its LaTeX. */
export const RULES: Readonly<Record<string, FunctionRule>> = Object.fromEntries(
  FUNCTIONS.map(({ name, derivative, latex }) => [name, { derivative: math.parse(derivative), latex }]),
);

/** Functions that are not differentiable at 0: sample points keep away from there. */
export const KINKED: ReadonlySet<string> = new Set(FUNCTIONS.filter((f) => f.kinked).map((f) => f.name));

const GENERIC = /^gen_([A-Za-z0-9]+)_(\d+)$/;

/** A generic function's name (`g`, `\\phi`, `g^{[2]}`) as mathjs-safe letters and digits: each other character is 9 and its 5-digit code. */
export function encodeGenericFunction(fn: string): string {
  return fn.replace(/[^A-Za-z]/g, (c) => `9${String(c.charCodeAt(0)).padStart(5, '0')}`);
}

function decodeGenericFunction(id: string): string {
  return id.replace(/9(\d{5})/g, (_m, code: string) => String.fromCharCode(Number(code)));
}

/** The mathjs name of a generic function's n-th derivative: g, g', g'' … are `gen_g_0`, `gen_g_1`, … */
export function genericName(fn: string, primes: number): string {
  return `gen_${encodeGenericFunction(fn)}_${primes}`;
}

/** Parses a generic function's mathjs name: the function's canonical LaTeX name and its derivative order. */
export function parseGenericName(name: string): { fn: string; id: string; primes: number } | undefined {
  const m = GENERIC.exec(name);
  return m ? { fn: decodeGenericFunction(m[1]), id: m[1], primes: Number(m[2]) } : undefined;
}

/** d/du f(u) for a function by its mathjs name, or undefined if no rule is known. */
export function derivativeOf(fn: string, arg: MathNode): MathNode | undefined {
  const generic = parseGenericName(fn);
  if (generic) return call(genericName(generic.fn, generic.primes + 1), [arg]); // (g^{(n)})' = g^{(n+1)}
  const r = RULES[fn];
  return r ? substitute(r.derivative, new Map([['u', arg]])) : undefined;
}

/** f^{(n)}(arg): a function's n-th derivative applied to arg (σ'(z) = σ(z)(1−σ(z))). */
export function nthDerivative(fn: string, primes: number, arg: MathNode): MathNode | undefined {
  if (primes === 0) return call(fn, [arg]);
  const generic = parseGenericName(fn);
  if (generic) return call(genericName(generic.fn, generic.primes + primes), [arg]);
  if (primes > 1) return undefined;
  return derivativeOf(fn, arg);
}

export const ZERO = num(0);
