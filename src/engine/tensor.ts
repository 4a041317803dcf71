/**
 * Float64 2-D tensors (row-major). Vectors are n×1 columns or 1×n rows; a scalar is 1×1.
 * Values only: autodiff lives in autodiff.ts.
 */

export type Shape = readonly [rows: number, cols: number];

/** Thrown when operands' shapes do not fit together; the message names the operation and both shapes. */
export class ShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShapeError';
  }
}

/** A shape as text, e.g. `3×4`. */
export function shapeText(s: Shape): string {
  return `${s[0]}×${s[1]}`;
}

const isDimension = (n: number): boolean => Number.isInteger(n) && n >= 1;

/** rows·cols, after checking both are sizes. */
function entryCount(rows: number, cols: number): number {
  if (!isDimension(rows) || !isDimension(cols)) {
    throw new ShapeError(`Tensor: ${rows}×${cols} is not a shape (sizes must be whole numbers ≥ 1)`);
  }
  return rows * cols;
}

/** A rows×cols matrix of float64 numbers, row-major. */
export class Tensor {
  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly data: Float64Array,
  ) {
    if (data.length !== entryCount(rows, cols)) {
      throw new ShapeError(`Tensor: a ${rows}×${cols} tensor needs ${rows * cols} numbers, got ${data.length}`);
    }
  }

  /** All zeros. */
  static zeros(rows: number, cols: number): Tensor {
    return new Tensor(rows, cols, new Float64Array(entryCount(rows, cols)));
  }

  /** Every entry v. */
  static full(rows: number, cols: number, v: number): Tensor {
    return new Tensor(rows, cols, new Float64Array(entryCount(rows, cols)).fill(v));
  }

  /** A 1×1 tensor. */
  static scalar(v: number): Tensor {
    return Tensor.full(1, 1, v);
  }

  /** From nested arrays, one per row (all rows the same length). */
  static fromRows(rows: readonly (readonly number[])[]): Tensor {
    const cols = rows[0]?.length ?? 0;
    const ragged = rows.findIndex((r) => r.length !== cols);
    if (ragged >= 0) throw new ShapeError(`Tensor.fromRows: row ${ragged} has ${rows[ragged].length} entries, row 0 has ${cols}`);
    return new Tensor(rows.length, cols, Float64Array.from(rows.flat()));
  }

  /** Entries uniform in [lo, hi) drawn from rng (a generator of numbers in [0, 1)). */
  static random(rows: number, cols: number, rng: () => number, lo = -1, hi = 1): Tensor {
    const t = Tensor.zeros(rows, cols);
    for (let i = 0; i < t.data.length; i++) t.data[i] = lo + (hi - lo) * rng();
    return t;
  }

  /** [rows, cols]. */
  get shape(): Shape {
    return [this.rows, this.cols];
  }

  /** Number of entries. */
  get size(): number {
    return this.data.length;
  }

  /** Entry (i, j), 0-based. */
  at(i: number, j: number): number {
    if (!(Number.isInteger(i) && Number.isInteger(j) && i >= 0 && j >= 0 && i < this.rows && j < this.cols)) {
      throw new RangeError(`Tensor.at: (${i}, ${j}) is outside ${shapeText(this.shape)}`);
    }
    return this.data[i * this.cols + j];
  }

  /** True for 1×1. */
  isScalar(): boolean {
    return this.rows === 1 && this.cols === 1;
  }

  /** A new tensor with f applied to every entry. */
  map(f: (x: number) => number): Tensor {
    return new Tensor(this.rows, this.cols, this.data.map(f));
  }

  /** A copy with its own data. */
  clone(): Tensor {
    return new Tensor(this.rows, this.cols, this.data.slice());
  }

  /** Nested arrays, one per row. */
  toRows(): number[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)));
  }

  /** √(Σ xᵢⱼ²). */
  frobeniusNorm(): number {
    let s = 0;
    for (const x of this.data) s += x * x;
    return Math.sqrt(s);
  }

  /** max |xᵢⱼ| (NaN if any entry is NaN). */
  maxAbs(): number {
    let m = 0;
    for (const x of this.data) m = Math.max(m, Math.abs(x));
    return m;
  }
}
