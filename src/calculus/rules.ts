/**
 * The derivative rule table: one entry per function. mathjs differentiates the arithmetic; these give it the
 * derivative of each function, and differentiate.ts writes the chain rule once.
 */
import { type MathNode, call, math, num, substitute } from './math';

export interface FunctionRule {
  /** d/du f(u), as a tree in the symbol `u`. */
  readonly derivative: MathNode;
  /** How the function is written in LaTeX, given its argument's LaTeX. */
  readonly latex: (arg: string) => string;
}

const rule = (derivative: string, latex: (a: string) => string): FunctionRule => ({ derivative: math.parse(derivative), latex });

export const RULES: Readonly<Record<string, FunctionRule>> = {
  sigmoid: rule('sigmoid(u) * (1 - sigmoid(u))', (a) => `\\sigma\\left(${a}\\right)`), // σ' = σ(1−σ)
  relu: rule('step(u)', (a) => `\\operatorname{ReLU}\\left(${a}\\right)`), // ReLU'(u) = 1[u > 0]
  step: rule('0', (a) => `\\mathbb{1}\\left[${a} > 0\\right]`), // flat on both sides of its jump
  tanh: rule('1 - tanh(u)^2', (a) => `\\tanh\\left(${a}\\right)`), // tanh' = 1 − tanh²
  exp: rule('exp(u)', (a) => `e^{${a}}`), // (e^u)' = e^u
  log: rule('1 / u', (a) => `\\log\\left(${a}\\right)`), // (ln u)' = 1/u
  sqrt: rule('1 / (2 * sqrt(u))', (a) => `\\sqrt{${a}}`), // (√u)' = 1/(2√u)
  sin: rule('cos(u)', (a) => `\\sin\\left(${a}\\right)`),
  cos: rule('-sin(u)', (a) => `\\cos\\left(${a}\\right)`),
  abs: rule('abs(u) / u', (a) => `\\left|${a}\\right|`), // sign(u), away from 0
};

/** Functions that are not differentiable at 0: sample points keep away from there. */
export const KINKED: ReadonlySet<string> = new Set(['relu', 'step', 'abs']);

const GENERIC = /^gen_([A-Za-z]+)_(\d+)$/;

/** The mathjs name of a generic function's n-th derivative: g, g', g'' … are `gen_g_0`, `gen_g_1`, … */
export function genericName(letter: string, primes: number): string {
  return `gen_${letter}_${primes}`;
}

/** Parses a generic function's mathjs name. */
export function parseGenericName(name: string): { letter: string; primes: number } | undefined {
  const m = GENERIC.exec(name);
  return m ? { letter: m[1], primes: Number(m[2]) } : undefined;
}

/** d/du f(u) for a function by its mathjs name, or undefined if no rule is known. */
export function derivativeOf(fn: string, arg: MathNode): MathNode | undefined {
  const generic = parseGenericName(fn);
  if (generic) return call(genericName(generic.letter, generic.primes + 1), [arg]); // (g^{(n)})' = g^{(n+1)}
  const r = RULES[fn];
  return r ? substitute(r.derivative, new Map([['u', arg]])) : undefined;
}

/** f^{(n)}(arg): a function's n-th derivative applied to arg (σ'(z) = σ(z)(1−σ(z))). */
export function nthDerivative(fn: string, primes: number, arg: MathNode): MathNode | undefined {
  if (primes === 0) return call(fn, [arg]);
  const generic = parseGenericName(fn);
  if (generic) return call(genericName(generic.letter, generic.primes + primes), [arg]);
  if (primes > 1) return undefined;
  return derivativeOf(fn, arg);
}

export const ZERO = num(0);
