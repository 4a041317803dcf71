/** Shapes the note declares: `W_1 \in \mathbb{R}^{3\times 4}`, `x \in \mathbb{R}^{4}` (a column). */
import type { Expr } from '../latex/ast';
import type { ParsedStatement } from '../latex/statements';
import type { Declaration } from './types';

/** A size written as a number. */
function size(e: Expr): number | undefined {
  return e.kind === 'number' && Number.isInteger(e.value) && e.value > 0 ? e.value : undefined;
}

/** `\mathbb{R}^{r \times c}` → [r, c]; `\mathbb{R}^{n}` → [n, 1]. */
function space(e: Expr): [number, number] | undefined {
  if (e.kind !== 'binary' || e.op !== '^' || e.left.kind !== 'symbol' || e.left.name !== '\\mathbb{R}') return undefined;
  const exp = e.right;
  if (exp.kind === 'binary' && exp.op === '*') {
    const r = size(exp.left);
    const c = size(exp.right);
    return r && c ? [r, c] : undefined;
  }
  const n = size(exp);
  return n ? [n, 1] : undefined;
}

/** Every declaration among the note's statements. */
export function collectDeclarations(blocks: readonly (readonly ParsedStatement[])[], source: (block: number, s: ParsedStatement) => string): Declaration[] {
  const out: Declaration[] = [];
  blocks.forEach((statements, block) => {
    for (const s of statements) {
      const m = s.membership;
      if (!m?.left.expr || !m.right.expr || m.left.expr.kind !== 'symbol') continue;
      const shape = space(m.right.expr);
      if (shape) out.push({ symbol: m.left.expr.name, rows: shape[0], cols: shape[1], text: source(block, s) });
    }
  });
  return out;
}
