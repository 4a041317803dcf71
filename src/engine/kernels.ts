/** Plain tensor arithmetic (no tape) shared by the ops and their backward passes. */
import { type Shape, ShapeError, Tensor, shapeText } from './tensor';

const BROADCAST_RULE = 'shapes must be equal, or one side 1×1, an r×1 column against r×c, or a 1×c row against r×c';

/**
 * The shape of a broadcast binary op's result. Only one side may be stretched, so a column against a row
 * (3×1 with 1×4, an implicit outer product) is rejected rather than silently broadcast.
 */
export function broadcastShape(op: string, a: Shape, b: Shape): Shape {
  const rows = Math.max(a[0], b[0]);
  const cols = Math.max(a[1], b[1]);
  const fits = (s: Shape): boolean => (s[0] === rows || s[0] === 1) && (s[1] === cols || s[1] === 1);
  const full = (s: Shape): boolean => s[0] === rows && s[1] === cols;
  if (fits(a) && fits(b) && (full(a) || full(b))) return [rows, cols];
  throw new ShapeError(`${op}: cannot combine ${shapeText(a)} with ${shapeText(b)} (${BROADCAST_RULE})`);
}

/** t stretched to rows×cols along its size-1 dimensions (t itself when it already has that shape). */
export function expand(t: Tensor, rows: number, cols: number): Tensor {
  if (t.rows === rows && t.cols === cols) return t;
  const out = Tensor.zeros(rows, cols);
  for (let i = 0; i < rows; i++) {
    const from = (t.rows === 1 ? 0 : i) * t.cols;
    for (let j = 0; j < cols; j++) out.data[i * cols + j] = t.data[from + (t.cols === 1 ? 0 : j)];
  }
  return out;
}

/** Sums t over the dimensions where `shape` has size 1: the adjoint of `expand`. */
export function reduceTo(t: Tensor, shape: Shape): Tensor {
  const [rows, cols] = shape;
  if (t.rows === rows && t.cols === cols) return t;
  const out = Tensor.zeros(rows, cols);
  for (let i = 0; i < t.rows; i++) {
    const to = (rows === 1 ? 0 : i) * cols;
    for (let j = 0; j < t.cols; j++) out.data[to + (cols === 1 ? 0 : j)] += t.data[i * t.cols + j];
  }
  return out;
}

/** Entrywise f(a, b) of two tensors of the same shape. */
export function zipWith(a: Tensor, b: Tensor, f: (x: number, y: number) => number): Tensor {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new ShapeError(`zipWith: ${shapeText(a.shape)} and ${shapeText(b.shape)} differ`);
  }
  const out = Tensor.zeros(a.rows, a.cols);
  for (let i = 0; i < out.data.length; i++) out.data[i] = f(a.data[i], b.data[i]);
  return out;
}

/** The matrix product a·b (shapes already checked). */
export function matmulValues(a: Tensor, b: Tensor): Tensor {
  const out = Tensor.zeros(a.rows, b.cols);
  // i-k-j order with hoisted arrays: the inner loop runs along rows of b and out, contiguous in memory
  const [ad, bd, od] = [a.data, b.data, out.data];
  const [n, inner, m] = [a.rows, a.cols, b.cols];
  for (let i = 0; i < n; i++) {
    const row = i * m;
    for (let k = 0; k < inner; k++) {
      const aik = ad[i * inner + k];
      if (aik === 0) continue;
      const bRow = k * m;
      for (let j = 0; j < m; j++) od[row + j] += aik * bd[bRow + j];
    }
  }
  return out;
}

/** tᵀ. */
export function transposeValues(t: Tensor): Tensor {
  const out = Tensor.zeros(t.cols, t.rows);
  for (let i = 0; i < t.rows; i++) {
    for (let j = 0; j < t.cols; j++) out.data[j * t.rows + i] = t.data[i * t.cols + j];
  }
  return out;
}

/** For each column j: its max mⱼ and Σₖ exp(zₖⱼ − mⱼ) (shifting by the max keeps exp from overflowing). */
function columnMaxAndSum(z: Tensor): { max: Float64Array; sum: Float64Array } {
  const max = new Float64Array(z.cols).fill(-Infinity);
  const sum = new Float64Array(z.cols);
  for (let i = 0; i < z.size; i++) max[i % z.cols] = Math.max(max[i % z.cols], z.data[i]);
  for (let i = 0; i < z.size; i++) sum[i % z.cols] += Math.exp(z.data[i] - max[i % z.cols]);
  return { max, sum };
}

/** Softmax of each column: exp(zₖⱼ − mⱼ) / Σₖ exp(zₖⱼ − mⱼ). */
export function columnSoftmax(z: Tensor): Tensor {
  const { max, sum } = columnMaxAndSum(z);
  return new Tensor(
    z.rows,
    z.cols,
    z.data.map((x, i) => Math.exp(x - max[i % z.cols]) / sum[i % z.cols]),
  );
}

/** log softmax of each column: (zₖⱼ − mⱼ) − log Σₖ exp(zₖⱼ − mⱼ). */
export function columnLogSoftmax(z: Tensor): Tensor {
  const { max, sum } = columnMaxAndSum(z);
  return new Tensor(
    z.rows,
    z.cols,
    z.data.map((x, i) => x - max[i % z.cols] - Math.log(sum[i % z.cols])),
  );
}
