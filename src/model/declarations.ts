/**
 * Shapes the note declares: `W_1 \in \mathbb{R}^{3\times 4}`, `x \in \mathbb{R}^{4}` (a column),
 * `X \in \mathbb{R}^{m \times n}` (sizes named by letters), `w, b \in \mathbb{R}` (scalars; a comma list declares
 * every name in it).
 */
import type { Expr, Span } from '../latex/ast';
import type { ParsedStatement } from '../latex/statements';
import type { Declaration } from './types';

/** A size written as a whole number or a letter (`m`, `n_x`). */
function size(e: Expr): number | string | undefined {
  if (e.kind === 'number') return Number.isInteger(e.value) && e.value > 0 ? e.value : undefined;
  return e.kind === 'symbol' ? e.name : undefined;
}

/** `\mathbb{R}^{r \times c}` → [r, c]; `\mathbb{R}^{n}` → [n, 1]; `\mathbb{R}` → [1, 1]. */
function space(e: Expr): [number | string, number | string] | undefined {
  if (e.kind === 'symbol' && e.name === '\\mathbb{R}') return [1, 1];
  if (e.kind !== 'binary' || e.op !== '^' || e.left.kind !== 'symbol' || e.left.name !== '\\mathbb{R}') return undefined;
  const exp = e.right;
  if (exp.kind === 'binary' && exp.op === '*') {
    const r = size(exp.left);
    const c = size(exp.right);
    return r !== undefined && c !== undefined ? [r, c] : undefined;
  }
  const n = size(exp);
  return n !== undefined ? [n, 1] : undefined;
}

/** Every declaration among the note's statements; `between` is the LaTeX of a block between two offsets. */
export function collectDeclarations(
  blocks: readonly (readonly ParsedStatement[])[],
  between: (block: number, span: Span) => string,
): Declaration[] {
  const out: Declaration[] = [];
  blocks.forEach((statements, block) => {
    statements.forEach((s, i) => {
      const m = s.membership;
      if (!m?.left.expr || !m.right.expr || m.left.expr.kind !== 'symbol') return;
      const shape = space(m.right.expr);
      if (!shape) return;
      const text = between(block, s.span);
      const names = [m.left.expr.name];
      // `w, b \in \mathbb{R}`: the names before it, each alone and separated by commas, share the declaration
      for (let k = i - 1; k >= 0; k--) {
        const prev = statements[k];
        const only = prev.parts.length === 1 && !prev.otherRelation ? prev.parts[0].expr : undefined;
        const gap = between(block, { start: prev.span.end, end: statements[k + 1].span.start }).trim();
        if (only?.kind !== 'symbol' || gap !== ',') break;
        names.push(only.name);
      }
      for (const symbol of names) out.push({ symbol, rows: shape[0], cols: shape[1], text });
    });
  });
  return out;
}
