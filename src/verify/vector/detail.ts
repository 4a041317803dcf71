/** The numbers a tensor verdict was reached with, kept for the explanation (the panel shows these, not new ones). */
import { symbolsOf } from '../../latex/ast';
import type { Tensor } from '../../engine';
import type { Claim } from '../../model/types';
import type { EngineCheck, MatrixExcerpt, TensorDetail } from '../types';
import type { VectorNote } from './note';
import type { ShapeInference } from './shapes';

const MAX_ROWS = 6;
const MAX_COLS = 6;
const MAX_SHAPES = 40;

/** The top-left corner of a tensor, row by row. */
export function excerpt(t: Tensor): MatrixExcerpt {
  const rows: number[][] = [];
  for (let r = 0; r < Math.min(t.rows, MAX_ROWS); r++) {
    const row: number[] = [];
    for (let c = 0; c < Math.min(t.cols, MAX_COLS); c++) row.push(t.data[r * t.cols + c]);
    rows.push(row);
  }
  return rows;
}

/**
 * A claim's detail: its two sides at the verdict's point (none when a side cannot be formed), the shapes it was read
 * with, the sizes it was checked at.
 */
export function tensorDetail(
  claim: Claim,
  note: VectorNote,
  shapes: ShapeInference,
  sides?: { readonly left: Tensor; readonly right: Tensor; readonly engine: EngineCheck },
): TensorDetail {
  const [left, right] = [sides?.left, sides?.right];
  const show = (r: number, c: number): string => note.sizes.show(`${r}×${c}`);
  const named = [...symbolsOf(claim.left.expr!), ...symbolsOf(claim.right.expr!)];
  const left0 = claim.left.expr!;
  const cost =
    left0.kind === 'shorthand'
      ? note.costFor(left0.of.name)
      : left0.kind === 'derivative' && left0.of.kind === 'symbol'
        ? left0.of.name
        : undefined;
  const sizes = new Set<string>();
  for (const [name] of shapes.sizeSymbols) sizes.add(name);
  // (the claim's own symbols first, then everything they and the cost reach: the graph's nodes)
  const reached = [...note.reachedBy(claim.left.expr!), ...note.reachedBy(claim.right.expr!)];
  const listed = [...new Set([...(cost ? [cost] : []), ...named, ...reached])].filter((n) => !sizes.has(n));
  // (the entry the engine's check found worst: the one its message names)
  const worst = sides?.engine.worstEntry;
  const [rows, cols] = right ? [right.rows, right.cols] : left0.kind === 'shorthand' ? note.shapeOf(left0.of.name, shapes) : [0, 0];
  return {
    shape: show(rows, cols),
    claimed: right ? excerpt(right) : [],
    actual: left ? excerpt(left) : [],
    ...(worst && { worstEntry: worst }),
    shapes: listed.slice(0, MAX_SHAPES).map((name) => {
      const [r, c] = note.shapeOf(name, shapes);
      return { name, shape: show(r, c) };
    }),
    sizes: [...sizes]
      .filter((n) => named.includes(n) || n === 'm')
      .flatMap((name) => {
        const dim = shapes.sizeSymbols.get(name);
        const value = dim === undefined ? undefined : shapes.dims.sizeOf(dim);
        return value === undefined ? [] : [{ name, value: note.sizes.noteSize(value) }];
      }),
    ...(cost && { cost }),
  };
}
