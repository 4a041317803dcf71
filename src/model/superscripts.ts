/**
 * `z_1^a`, `y^h`: a symbol raised to a letter the note never uses on its own is a name ("z_1, activated"), not a
 * power. The reading is made once for the whole note, so every spelling of the name agrees.
 */
import { type Expr, mapExpr, walk } from '../latex/ast';
import { superscriptLabel } from '../latex/fractions';
import type { ParsedStatement } from '../latex/statements';

/** Letters an equation uses as variables anywhere but as such an exponent (prose mentions, `$a$`, do not count). */
function freeLetters(parsed: readonly (readonly ParsedStatement[])[]): Set<string> {
  const used = new Set<string>();
  const exponents = new Set<Expr>();
  for (const block of parsed) {
    for (const s of block) {
      if (s.parts.length < 2 && !s.leadingEquals) continue;
      for (const part of s.parts) {
        if (!part.expr) continue;
        walk(part.expr, (n) => {
          if (superscriptLabel(n) && n.kind === 'binary') exponents.add(n.right);
          else if (n.kind === 'symbol' && !exponents.has(n)) used.add(n.name);
        });
      }
    }
  }
  return used;
}

/** Rewrites every symbol raised to an otherwise unused letter as one symbol; returns the input if there is none. */
export function readSuperscriptLabels(parsed: readonly (readonly ParsedStatement[])[]): readonly (readonly ParsedStatement[])[] {
  const used = freeLetters(parsed);
  let changed = false;
  const rewrite = (x: Expr): Expr =>
    mapExpr(x, (n) => {
      const label = superscriptLabel(n);
      if (!label || n.kind !== 'binary' || n.right.kind !== 'symbol' || used.has(n.right.name)) return n;
      changed = true;
      return { kind: 'symbol', name: label, span: n.span };
    });
  const out = parsed.map((block) => block.map((s) => ({ ...s, parts: s.parts.map((p) => (p.expr ? { ...p, expr: rewrite(p.expr) } : p)) })));
  return changed ? out : parsed;
}
