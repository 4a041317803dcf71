/**
 * The standard losses a course note means when it writes `dZ^{[2]} = A^{[2]} - Y` and no J: the one that fits the
 * output layer. One entry per loss: which outputs it fits, how it reads, and its formula as a tree of the note's
 * own symbols (on the vector path summed over every entry; on the scalar path, one term).
 */
import type { Expr, Span } from '../latex/ast';

export interface AssumedLoss {
  /** How messages name it. */
  readonly name: string;
  /** And a CodeLens. */
  readonly short: string;
  /** Whether it fits an output computed as `output` (the definition of the network's last quantity). */
  readonly fits: (output: Expr) => boolean;
  /** The loss of prediction `a` against target `y`. */
  readonly build: (a: Expr, y: Expr, vector: boolean) => Expr;
}

const SPAN: Span = { start: 0, end: 0 };
const num = (value: number): Expr => ({ kind: 'number', value, span: SPAN });
const bin = (op: '+' | '-' | '*' | '/' | '^' | 'hadamard', left: Expr, right: Expr): Expr => ({
  kind: 'binary',
  op,
  left,
  right,
  span: SPAN,
});
const call = (fn: string, arg: Expr): Expr => ({ kind: 'call', fn, generic: false, primes: 0, args: [arg], span: SPAN });
const total = (body: Expr, vector: boolean): Expr => (vector ? { kind: 'sum', body, span: SPAN } : body);
const times = (a: Expr, b: Expr, vector: boolean): Expr => bin(vector ? 'hadamard' : '*', a, b);
const outputIs =
  (fn: string) =>
  (output: Expr): boolean =>
    output.kind === 'call' && output.fn === fn;
const linear = (output: Expr): boolean => output.kind !== 'call' || output.generic;

export const ASSUMED_LOSSES: readonly AssumedLoss[] = [
  {
    name: 'the binary cross-entropy −Σ(y log a + (1 − y) log(1 − a))',
    short: 'binary cross-entropy',
    fits: outputIs('sigmoid'),
    build: (a, y, v) => ({
      kind: 'negate',
      arg: total(bin('+', times(y, call('log', a), v), times(bin('-', num(1), y), call('log', bin('-', num(1), a)), v)), v),
      span: SPAN,
    }),
  },
  {
    name: 'the cross-entropy −Σ y log a',
    short: 'cross-entropy',
    fits: outputIs('softmax'),
    build: (a, y, v) => ({ kind: 'negate', arg: total(times(y, call('log', a), v), v), span: SPAN }),
  },
  {
    name: 'the squared error ½Σ(a − y)²',
    short: '½ squared error',
    fits: linear,
    build: (a, y, v) => bin('*', num(0.5), total(bin('^', bin('-', a, y), num(2)), v)),
  },
  {
    name: 'the squared error Σ(a − y)²',
    short: 'squared error',
    fits: linear,
    build: (a, y, v) => total(bin('^', bin('-', a, y), num(2)), v),
  },
];

/** The target a note compares its output with: `Y`, `y`, `\mathbf{y}`, `t` (one the note never defines). */
export function targetOf(variables: ReadonlySet<string>, defined: (name: string) => boolean): string | undefined {
  return ['Y', 'y', '\\mathbf{y}', '\\mathbf{Y}', 'T', 't'].find((n) => variables.has(n) && !defined(n));
}
