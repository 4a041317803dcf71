/**
 * `J(\theta) = \frac{1}{2m}\sum …`, `L(\hat y, y) = …`: a name applied to its arguments at the head of an equation
 * defines that name (the arguments say what it depends on). Everywhere in the note, `J(\theta)` then means J, so that
 * `\frac{\partial J(\theta)}{\partial \theta_j}` and `\frac{\partial J}{\partial \theta_j}` agree. (Generic letters
 * `f(x)`, `g(z)` are functions of their own, read elsewhere.)
 */
import { type Expr, mapExpr } from '../latex/ast';
import type { ParsedStatement } from '../latex/statements';

/** `S(x)` or `S(x, y)` written as a product: the symbol S, if so. */
function headName(e: Expr | undefined): string | undefined {
  if (e?.kind !== 'binary' || e.op !== '*' || e.left.kind !== 'symbol' || e.grouped) return undefined;
  const args = e.right;
  const bracketed = args.inner !== undefined && (args.kind === 'symbol' || (args.kind === 'unsupported' && args.children.every((c) => c.kind === 'symbol')));
  return bracketed ? e.left.name : undefined;
}

/** Rewrites every `S(args)` of a name some equation defines that way as the symbol S; returns the input if none. */
export function readFunctionHeads(parsed: readonly (readonly ParsedStatement[])[]): readonly (readonly ParsedStatement[])[] {
  const heads = new Set<string>();
  for (const block of parsed) for (const s of block) if (s.parts.length > 1) {
    const name = headName(s.parts[0].expr);
    if (name) heads.add(name);
  }
  if (heads.size === 0) return parsed;
  const rewrite = (x: Expr): Expr =>
    mapExpr(x, (n) => {
      const name = headName(n);
      return name && heads.has(name) ? { kind: 'symbol', name, span: n.span } : n;
    });
  return parsed.map((block) => block.map((s) => ({ ...s, parts: s.parts.map((p) => (p.expr ? { ...p, expr: rewrite(p.expr) } : p)) })));
}
