/** diag and trace on the tape: functions of a whole vector or matrix. */
import { type Var, record } from './autodiff';
import { ShapeError, Tensor, shapeText } from './tensor';

/** diag(v): the n×n matrix with v (n×1 or 1×n) on its diagonal; diag(M) of a square matrix: its diagonal, n×1. */
export function diag(a: Var): Var {
  const { rows, cols } = a.value;
  if (rows === 1 || cols === 1) {
    const n = rows * cols;
    const out = Tensor.zeros(n, n);
    for (let i = 0; i < n; i++) out.data[i * n + i] = a.value.data[i];
    // only the diagonal of the upstream gradient reaches v
    return record(out, [a], (g) => [
      new Tensor(
        rows,
        cols,
        Float64Array.from({ length: n }, (_, i) => g.data[i * n + i]),
      ),
    ]);
  }
  if (rows !== cols) throw new ShapeError(`diag of a ${shapeText(a.value.shape)} matrix (not square)`);
  const out = new Tensor(
    rows,
    1,
    Float64Array.from({ length: rows }, (_, i) => a.value.data[i * cols + i]),
  );
  return record(out, [a], (g) => {
    const d = Tensor.zeros(rows, cols);
    for (let i = 0; i < rows; i++) d.data[i * cols + i] = g.data[i];
    return [d];
  });
}

/** Tr(M): the sum of a square matrix's diagonal, 1×1. */
export function trace(a: Var): Var {
  const { rows, cols } = a.value;
  if (rows !== cols) throw new ShapeError(`the trace of a ${shapeText(a.value.shape)} matrix (not square)`);
  let t = 0;
  for (let i = 0; i < rows; i++) t += a.value.data[i * cols + i];
  return record(Tensor.scalar(t), [a], (g) => {
    const d = Tensor.zeros(rows, cols);
    for (let i = 0; i < rows; i++) d.data[i * cols + i] = g.data[0];
    return [d];
  });
}
