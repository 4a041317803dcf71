/** A sum written without brackets takes in the terms after it that use its index (`\sum_k y_k \log a_k + …`). */
import { type Expr, childrenOf } from './ast';
import { join } from './parseTools';

/** The expression with its trailing sum (the last factor of its last product) extended by `op right`, if `right` uses the sum's index. */
export function absorbIntoSum(left: Expr, op: '+' | '-', right: Expr): Expr | undefined {
  const extend = (e: Expr, signed = false): Expr | undefined => {
    if (e.kind === 'sum') {
      if (e.index === undefined || !usesIndex(right, e.index)) return undefined;
      const body: Expr = { kind: 'binary', op, left: e.body, right, span: join(e.body.span, right.span) };
      return { ...e, body, span: join(e.span, right.span), absorbed: (e.absorbed ?? 0) + 1, ...(signed && { extendedPastSign: true }) };
    }
    if (e.kind === 'negate') {
      const arg = extend(e.arg, true);
      return arg && { ...e, arg, span: join(e.span, arg.span) };
    }
    if (e.kind === 'binary' && e.op === '*' && !e.grouped) {
      const r = extend(e.right);
      return r && { ...e, right: r, span: join(e.span, r.span) };
    }
    return undefined;
  };
  return extend(left);
}

/** Does the expression mention index `i` (`x_i`, `y^{(i)}`, `w_{ij}`, or i itself)? */
function usesIndex(e: Expr, i: string): boolean {
  const pattern = new RegExp(`(^${i}$|_\\{?[a-z]*${i}[a-z]*\\}?|\\(${i}\\)|\\[${i}\\])`);
  let found = false;
  const visit = (x: Expr): void => {
    if (found) return;
    if (x.kind === 'symbol' && pattern.test(x.name)) found = true;
    if (x.kind === 'sum' && x.index === i) return; // bound again inside: `\sum_k y_k + \sum_k x_k` is two sums
    for (const c of childrenOf(x)) visit(c);
  };
  visit(e);
  return found;
}
