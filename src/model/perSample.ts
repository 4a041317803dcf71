/**
 * Per-sample names summed over the samples: `J = \frac{1}{m}\sum_{i=1}^{m} (a^{[L](i)} - y^{(i)})^2` in a note
 * that writes the matrices `A^{[L]}` and `Y` (the samples as their columns). Such a sum is the sum over every entry of
 * the same expression in the matrices: `\frac{1}{m}\sum (A^{[L]} - Y)^2`, which the tensor path can differentiate.
 * Only a sum whose per-sample names all have their matrix in the note is rewritten.
 */
import { type Expr, mapExpr, symbolsOf, walk } from '../latex/ast';
import type { ParsedStatement } from '../latex/statements';

/** The matrix whose column `a^{[L](i)}` is (sample index `i`): `A^{[L]}`; `y^{(i)}` → `Y`. */
function matrixOf(name: string, index: string): string | undefined {
  const m = new RegExp(`^(\\\\[a-z]+\\{)?([a-zA-Z])(\\})?((?:_\\{?[^}^]*\\}?)?)\\^\\{((?:\\[[^\\]]*\\])?)\\s*\\(${index}\\)\\}$`).exec(
    name,
  );
  if (!m) return undefined;
  const [, decoration = '', letter, close = '', sub, layer] = m;
  return `${decoration}${letter.toUpperCase()}${close}${sub}${layer ? `^{${layer}}` : ''}`;
}

/** The names of an expression, those under course shorthand (`dZ^{[l](i)}`) included. */
function namesOf(e: Expr): Set<string> {
  const out = symbolsOf(e);
  walk(e, (n) => n.kind === 'shorthand' && out.add(n.of.name));
  return out;
}

/** The statements with every such sum over samples rewritten in the note's matrices; the input if there is none. */
export function readPerSample(parsed: readonly (readonly ParsedStatement[])[]): readonly (readonly ParsedStatement[])[] {
  const used = new Set<string>();
  for (const block of parsed)
    for (const s of block) for (const part of s.parts) if (part.expr) for (const n of symbolsOf(part.expr)) used.add(n);
  let changed = false;
  const rewrite = (e: Expr): Expr =>
    mapExpr(e, (n) => {
      if (n.kind !== 'sum' || n.index === undefined || n.except !== undefined) return n;
      const index = n.index;
      const names = [...namesOf(n.body)].filter((s) => s.includes(`(${index})`));
      if (names.length === 0) return n;
      const matrices = new Map(names.map((s) => [s, matrixOf(s, index)]));
      // every per-sample name has its matrix, and the note writes at least one of them (`A^{[L]}`; a target `Y` it
      // may leave implicit)
      // (or its general layer: `A^{[l]}` is `A^{[L]}` at the last layer)
      const written = (m: string): boolean => used.has(m) || used.has(m.replace('^{[L]}', '^{[l]}'));
      if ([...matrices.values()].some((m) => m === undefined) || ![...matrices.values()].some((m) => written(m!))) return n;
      // another use of the index (`w_i`) keeps the sum as it is
      let other = false;
      walk(
        n.body,
        (x) => (other ||= x.kind === 'symbol' && !matrices.has(x.name) && new RegExp(`_\\{?${index}\\}?|\\(${index}\\)`).test(x.name)),
      );
      if (other) return n;
      changed = true;
      const body = mapExpr(n.body, (x) => {
        if (x.kind === 'symbol' && matrices.has(x.name)) return { ...x, name: matrices.get(x.name)! };
        // `dZ^{[l](i)}`: the shorthand of the matrix
        if (x.kind === 'shorthand' && matrices.has(x.of.name)) return { ...x, of: { ...x.of, name: matrices.get(x.of.name)! } };
        return x;
      });
      return { kind: 'sum', body, span: n.span };
    });
  const out = parsed.map((block) =>
    block.map((s) => ({ ...s, parts: s.parts.map((part) => (part.expr ? { ...part, expr: rewrite(part.expr) } : part)) })),
  );
  return changed ? out : parsed;
}
