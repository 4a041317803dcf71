/**
 * Nielsen's `\nabla_a C`: the gradient by the output layer's activations, which the note writes `a^L` (`C =
 * \frac{1}{2}\sum_j (y_j - a^L_j)^2`). Where the note has no `a` of its own but one `a^L`, a derivative by `a` is read
 * as one by `a^L`, and the claim says so: a reading, which no refutation may rest on.
 */
import { type Expr, childrenOf, mapExpr } from '../latex/ast';
import { displayName } from '../latex/notation';
import type { Claim } from './types';

/** The claims with each derivative by a name the note never uses read as one by that name's last layer. */
export function withLastLayerGradients(claims: readonly Claim[], names: ReadonlySet<string>): Claim[] {
  const lastLayer = (name: string): string | undefined => {
    if (names.has(name)) return undefined;
    const found = [`${name}^L`, `${name}^{L}`, `${name}^{[L]}`].filter((n) => names.has(n));
    return found.length === 1 ? found[0] : undefined;
  };
  return claims.map((claim) => {
    const renamed = new Map<string, string>();
    const rewrite = (e: Expr | undefined): Expr | undefined =>
      e &&
      mapExpr(e, (n) => {
        if (n.kind !== 'derivative') return n;
        const to = lastLayer(n.wrt.name);
        if (!to) return n;
        renamed.set(n.wrt.name, to);
        return { ...n, wrt: { ...n.wrt, name: to } };
      });
    const left = rewrite(claim.left.expr);
    const right = rewrite(claim.right.expr);
    const context = claim.context.map((c) => ({ ...c, expr: rewrite(c.expr) }));
    if (renamed.size === 0) return claim;
    const readings = [...renamed].map(
      ([from, to]) =>
        `the derivative by ${displayName(from)} was read as one by ${displayName(to)} (the note has no ${displayName(from)} of its own)`,
    );
    return {
      ...claim,
      left: { ...claim.left, expr: left },
      right: { ...claim.right, expr: right },
      context,
      suspicions: [...claim.suspicions, ...readings],
      readings: [...(claim.readings ?? []), ...readings],
    };
  });
}

/** Every name the expressions use as a value (not the variables they only differentiate by). */
export function namesUsed(exprs: Iterable<Expr>): Set<string> {
  const out = new Set<string>();
  const visit = (e: Expr): void => {
    if (e.kind === 'symbol') out.add(e.name);
    for (const c of childrenOf(e)) if (!(e.kind === 'derivative' && c === e.wrt)) visit(c);
  };
  for (const e of exprs) visit(e);
  return out;
}
