/** `e^{…}` is the exponential, unless the note uses e as a variable (an error term `e = y - a`, say). */
import { type Expr, mapExpr, symbolsOf } from '../latex/ast';
import type { ParsedStatement } from '../latex/statements';

/** Does any equation of the note use the symbol e? */
function usesE(parsed: readonly (readonly ParsedStatement[])[]): boolean {
  return parsed.some((block) => block.some((s) => s.parts.length > 1 && s.parts.some((p) => p.expr && symbolsOf(p.expr).has('e'))));
}

/** Rewrites `e^{x}` as the power e^x throughout when e is a variable of the note; otherwise returns the input. */
export function readEAsVariable(parsed: readonly (readonly ParsedStatement[])[]): readonly (readonly ParsedStatement[])[] {
  if (!usesE(parsed)) return parsed;
  const rewrite = (x: Expr): Expr =>
    mapExpr(x, (n) => (n.kind === 'call' && n.fromE ? { kind: 'binary', op: '^', left: { kind: 'symbol', name: 'e', span: { start: n.span.start, end: n.span.start + 1 } }, right: n.args[0], span: n.span } : n));
  return parsed.map((block) => block.map((s) => ({ ...s, parts: s.parts.map((p) => (p.expr ? { ...p, expr: rewrite(p.expr) } : p)) })));
}
