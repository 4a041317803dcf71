/**
 * `e`: Euler's number, unless the note defines e (an error term `e = y - a`, say). Then `e^{…}` is a power of that
 * variable; otherwise every bare e (`\frac{1}{e}`) is the constant and `e^{…}` the exponential.
 */
import { type Expr, mapExpr } from '../latex/ast';
import type { ParsedStatement } from '../latex/statements';

/** Does an equation of the note define e (`e = y - a`)? */
function definesE(parsed: readonly (readonly ParsedStatement[])[]): boolean {
  return parsed.some((block) =>
    block.some((s) => s.parts.length > 1 && s.parts[0].expr?.kind === 'symbol' && s.parts[0].expr.name === 'e'),
  );
}

const rewriteAll = (parsed: readonly (readonly ParsedStatement[])[], f: (n: Expr) => Expr): readonly (readonly ParsedStatement[])[] =>
  parsed.map((block) => block.map((s) => ({ ...s, parts: s.parts.map((p) => (p.expr ? { ...p, expr: mapExpr(p.expr, f) } : p)) })));

/** Reads e as the note means it: `e^{x}` a power of the variable e when the note defines e, else e the constant. */
export function readEAsVariable(parsed: readonly (readonly ParsedStatement[])[]): readonly (readonly ParsedStatement[])[] {
  if (definesE(parsed)) {
    return rewriteAll(parsed, (n) =>
      n.kind === 'call' && n.fromE
        ? {
            kind: 'binary',
            op: '^',
            left: { kind: 'symbol', name: 'e', span: { start: n.span.start, end: n.span.start + 1 } },
            right: n.args[0],
            span: n.span,
          }
        : n,
    );
  }
  const usesBareE = parsed.some((block) => block.some((s) => s.parts.some((p) => p.expr && mentionsE(p.expr))));
  return usesBareE
    ? rewriteAll(parsed, (n) => (n.kind === 'symbol' && n.name === 'e' ? { kind: 'number', value: Math.E, span: n.span } : n))
    : parsed;
}

function mentionsE(e: Expr): boolean {
  let found = false;
  mapExpr(e, (n) => {
    found ||= n.kind === 'symbol' && n.name === 'e';
    return n;
  });
  return found;
}
