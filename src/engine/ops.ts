/** Arithmetic, matrix and reduction ops on the tape. */
import { type Var, record } from './autodiff';
import { broadcastShape, expand, matmulValues, reduceTo, transposeValues, zipWith } from './kernels';
import { type Shape, ShapeError, Tensor, shapeText } from './tensor';

/** An entrywise binary op: its value and the upstream gradient g times each partial derivative. */
interface BinaryRule {
  readonly f: (x: number, y: number) => number;
  readonly dx: (g: number, x: number, y: number) => number;
  readonly dy: (g: number, x: number, y: number) => number;
}

const BINARY = {
  add: { f: (x, y) => x + y, dx: (g) => g, dy: (g) => g },
  sub: { f: (x, y) => x - y, dx: (g) => g, dy: (g) => -g },
  mul: { f: (x, y) => x * y, dx: (g, _x, y) => g * y, dy: (g, x) => g * x },
  div: { f: (x, y) => x / y, dx: (g, _x, y) => g / y, dy: (g, x, y) => (-g * x) / (y * y) },
} satisfies Record<string, BinaryRule>;

/** Applies a binary rule with broadcasting; backward sums each side's gradient over the dimensions it was stretched along. */
function binary(name: string, rule: BinaryRule, a: Var, b: Var): Var {
  const [rows, cols] = broadcastShape(name, a.value.shape, b.value.shape);
  const x = expand(a.value, rows, cols);
  const y = expand(b.value, rows, cols);
  const out = Tensor.zeros(rows, cols);
  for (let i = 0; i < out.size; i++) out.data[i] = rule.f(x.data[i], y.data[i]);
  return record(out, [a, b], (g) => {
    const ga = Tensor.zeros(rows, cols);
    const gb = Tensor.zeros(rows, cols);
    for (let i = 0; i < g.size; i++) {
      ga.data[i] = rule.dx(g.data[i], x.data[i], y.data[i]);
      gb.data[i] = rule.dy(g.data[i], x.data[i], y.data[i]);
    }
    return [reduceTo(ga, a.value.shape), reduceTo(gb, b.value.shape)];
  });
}

/** a + b, broadcasting. */
export const add = (a: Var, b: Var): Var => binary('add', BINARY.add, a, b);
/** a − b, broadcasting. */
export const sub = (a: Var, b: Var): Var => binary('sub', BINARY.sub, a, b);
/** a ⊙ b (Hadamard), broadcasting. */
export const mul = (a: Var, b: Var): Var => binary('mul', BINARY.mul, a, b);
/** a ⊘ b (entrywise), broadcasting. */
export const div = (a: Var, b: Var): Var => binary('div', BINARY.div, a, b);

/** k·a for a constant number k. */
export function scale(a: Var, k: number): Var {
  return record(
    a.value.map((x) => k * x),
    [a],
    (g) => [g.map((x) => k * x)],
  );
}

/** −a. */
export const neg = (a: Var): Var => scale(a, -1);

/** a^p entrywise, for a constant exponent p. */
export function pow(a: Var, p: number): Var {
  const x = a.value;
  return record(
    x.map((v) => v ** p),
    [a],
    (g) => [zipWith(g, x, (gi, xi) => (p === 0 ? 0 : gi * p * xi ** (p - 1)))], // d xᵖ = p xᵖ⁻¹ (0 for p = 0, even at x = 0)
  );
}

/** The matrix product a·b. */
export function matmul(a: Var, b: Var): Var {
  const [n, k] = a.value.shape;
  const [k2, m] = b.value.shape;
  if (k !== k2) throw new ShapeError(`matmul: ${n}×${k} times ${k2}×${m} (inner sizes ${k} and ${k2} differ)`);
  // C = AB: dA = G Bᵀ, dB = Aᵀ G
  // a side held constant (the data X) needs no gradient: skipping it halves the backward pass
  return record(matmulValues(a.value, b.value), [a, b], (g) => [
    a.requiresGrad ? matmulValues(g, transposeValues(b.value)) : undefined,
    b.requiresGrad ? matmulValues(transposeValues(a.value), g) : undefined,
  ]);
}

/** aᵀ. */
export function transpose(a: Var): Var {
  return record(transposeValues(a.value), [a], (g) => [transposeValues(g)]);
}

/** Sums a down to `shape` (1×1, r×1 or 1×c); backward copies the gradient back out. */
function reduction(a: Var, shape: Shape): Var {
  const { rows, cols } = a.value;
  return record(reduceTo(a.value, shape), [a], (g) => [expand(g, rows, cols)]);
}

/** Σᵢⱼ aᵢⱼ as 1×1. */
export const sumAll = (a: Var): Var => reduction(a, [1, 1]);

/** r×c → r×1: adds the columns together (sums over samples stored as columns, as in db = (1/m) Σ dZ). */
export const sumOverColumns = (a: Var): Var => reduction(a, [a.value.rows, 1]);

/** r×c → 1×c: adds the rows together. */
export const sumOverRows = (a: Var): Var => reduction(a, [1, a.value.cols]);

/** The mean of all entries, 1×1. */
export const mean = (a: Var): Var => scale(sumAll(a), 1 / a.value.size);

/** Throws a ShapeError unless a and b have the same shape (for ops that do not broadcast). */
export function requireSameShape(op: string, a: Var, b: Var): void {
  if (a.value.rows !== b.value.rows || a.value.cols !== b.value.cols) {
    throw new ShapeError(`${op}: ${shapeText(a.value.shape)} and ${shapeText(b.value.shape)} must have the same shape`);
  }
}
