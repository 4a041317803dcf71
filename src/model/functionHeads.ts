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
  // `H(\mathbf y, \mathbf s)`, the cross-entropy of two distributions: H is a cost here, not a generic function (f(x, y)
  // of a matrix-calculus note's examples stays one)
  if (e?.kind === 'call' && e.generic && e.fn === 'H' && e.primes === 0 && e.args.length >= 2 && e.args.every((a) => a.kind === 'symbol'))
    return e.fn;
  if (e?.kind !== 'binary' || e.op !== '*' || e.left.kind !== 'symbol' || e.grouped) return undefined;
  const args = e.right;
  const bracketed =
    args.inner !== undefined &&
    (args.kind === 'symbol' || (args.kind === 'unsupported' && args.children.every((c) => c.kind === 'symbol')));
  return bracketed ? e.left.name : undefined;
}

/**
 * Rewrites every `S(args)` of a name some equation defines that way as the symbol S, and of a name the note
 * introduces alone (`Let the logistic function be $q(t)$`) as a call of that (unknown) function; returns the input
 * if there is neither.
 */
export function readFunctionHeads(parsed: readonly (readonly ParsedStatement[])[]): readonly (readonly ParsedStatement[])[] {
  const heads = new Set<string>();
  const introduced = new Set<string>();
  for (const block of parsed) {
    for (const s of block) {
      const name = headName(s.parts[0]?.expr);
      if (name && s.parts.length > 1) heads.add(name);
      else if (name && s.parts.length === 1 && !s.otherRelation && !s.leadingEquals) introduced.add(name);
    }
  }
  for (const h of heads) introduced.delete(h);
  if (heads.size === 0 && introduced.size === 0) return parsed;
  const rewrite = (x: Expr): Expr =>
    mapExpr(x, (n) => {
      const name = headName(n);
      if (!name || (n.kind !== 'binary' && n.kind !== 'call')) return n;
      if (heads.has(name)) return { kind: 'symbol', name, span: n.span };
      if (n.kind === 'call') return n;
      if (!introduced.has(name)) return n;
      const args = n.right.kind === 'unsupported' ? n.right.children : [n.right];
      return { kind: 'call', fn: name, generic: true, primes: 0, args, span: n.span };
    });
  return parsed.map((block) => block.map((s) => ({ ...s, parts: s.parts.map((p) => (p.expr ? { ...p, expr: rewrite(p.expr) } : p)) })));
}
