/**
 * Jacobians of a vector by a vector (`\frac{\partial \mathbf a}{\partial \mathbf z} = \text{diag}(\sigma'(\mathbf z))`,
 * `J_{\mathbf x}(\mathbf s) = \text{diag}(\mathbf s) - \mathbf s^\top \mathbf s`): the matrix of every entry's
 * derivative by every entry, by backpropagation (one pass per entry of the numerator) and by central differences.
 * Notes write it in the numerator layout (a row per entry of the numerator) or the denominator layout (its
 * transpose); the claim is compared in the layout its other side has, or in both when that is square.
 */
import type { Expr } from '../../latex/ast';
import { Tensor, constant, gradient, leaf, mul, sumAll, transposeValues } from '../../engine';
import { Evaluation } from './evaluate';
import type { VectorNote, WorldPoint } from './note';

const H = 1e-5;

/** The Jacobian in the numerator layout, n_of × n_wrt, entries flattened row by row. */
export function jacobian(note: VectorNote, point: WorldPoint, of: Expr, wrt: string): Tensor {
  const base = new Evaluation(note, point).symbol(wrt).value;
  const x = leaf(base);
  const f = new Evaluation(note, point, new Map([[wrt, x]])).eval(of);
  const out = Tensor.zeros(f.value.size, base.size);
  for (let k = 0; k < f.value.size; k++) {
    const pick = Tensor.zeros(f.value.rows, f.value.cols);
    pick.data[k] = 1;
    const g = gradient(sumAll(mul(f, constant(pick))), x);
    for (let j = 0; j < base.size; j++) out.data[k * base.size + j] = g.data[j];
  }
  return out;
}

/** The same by central differences, column by column. */
export function jacobianByDifferences(note: VectorNote, point: WorldPoint, of: Expr, wrt: string): Tensor {
  const base = new Evaluation(note, point).symbol(wrt).value;
  const at = (t: Tensor): Tensor => new Evaluation(note, point, new Map([[wrt, constant(t)]])).eval(of).value;
  const n = at(base).size;
  const out = Tensor.zeros(n, base.size);
  for (let j = 0; j < base.size; j++) {
    const h = H * Math.max(1, Math.abs(base.data[j]));
    const [plus, minus] = [base.clone(), base.clone()];
    plus.data[j] += h;
    minus.data[j] -= h;
    const [fp, fm] = [at(plus), at(minus)];
    for (let k = 0; k < n; k++) out.data[k * base.size + j] = (fp.data[k] - fm.data[k]) / (2 * h);
  }
  return out;
}

/** The layouts a right side of this shape can be compared in: the Jacobian itself, its transpose, or both. */
export function layoutsFor(j: Tensor, right: Tensor): { name: string; value: Tensor }[] {
  const t = transposeValues(j);
  const out: { name: string; value: Tensor }[] = [];
  if (right.rows === j.rows && right.cols === j.cols) out.push({ name: 'numerator layout', value: j });
  if (right.rows === t.rows && right.cols === t.cols && !(j.rows === j.cols && isSymmetric(j)))
    out.push({ name: 'denominator layout', value: t });
  return out;
}

function isSymmetric(m: Tensor): boolean {
  for (let i = 0; i < m.rows; i++)
    for (let k = 0; k < i; k++) if (Math.abs(m.data[i * m.cols + k] - m.data[k * m.cols + i]) > 1e-12) return false;
  return true;
}
