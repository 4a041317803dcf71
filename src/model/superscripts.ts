/**
 * `z_1^a`, `y^h`: a symbol raised to a letter the note never uses on its own is a name ("z_1, activated"), not a
 * power. The reading is made once for the whole note, so every spelling of the name agrees.
 */
import { type Expr, mapExpr, walk } from '../latex/ast';
import { layerLabel, superscriptLabel } from '../latex/fractions';
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

/**
 * Names written with whole-number layer superscripts (`z^1 = W^1 x + b^1`, `a^2`): a power of one means nothing,
 * so a name the note raises to 1 anywhere (or declares as `a^1 \in \mathbb{R}^3`) carries layers, not powers.
 */
function layeredNames(parsed: readonly (readonly ParsedStatement[])[]): Set<string> {
  const out = new Set<string>();
  for (const block of parsed) {
    for (const s of block) {
      const exprs = [...s.parts.map((p) => p.expr), s.membership?.left.expr];
      for (const e of exprs) {
        if (!e) continue;
        walk(e, (n) => {
          if (n.kind === 'binary' && n.op === '^' && n.left.kind === 'symbol' && n.right.kind === 'number' && n.right.value === 1)
            out.add(n.left.name);
        });
      }
      const declared = s.membership?.left.expr;
      if (declared && layerLabel(declared) && declared.kind === 'binary' && declared.left.kind === 'symbol') out.add(declared.left.name);
    }
  }
  return out;
}

/** Rewrites every symbol raised to an otherwise unused letter (or a layered name's layer) as one symbol. */
export function readSuperscriptLabels(parsed: readonly (readonly ParsedStatement[])[]): readonly (readonly ParsedStatement[])[] {
  const used = freeLetters(parsed);
  const layered = layeredNames(parsed);
  let changed = false;
  const rewrite = (x: Expr): Expr =>
    mapExpr(x, (n) => {
      const layer = n.kind === 'binary' && n.left.kind === 'symbol' && layered.has(n.left.name) ? layerLabel(n) : undefined;
      if (layer) {
        changed = true;
        return { kind: 'symbol', name: layer, span: n.span };
      }
      const label = superscriptLabel(n);
      if (!label || n.kind !== 'binary' || n.right.kind !== 'symbol' || used.has(n.right.name)) return n;
      changed = true;
      return { kind: 'symbol', name: label, span: n.span };
    });
  const out = parsed.map((block) =>
    block.map((s) => ({ ...s, parts: s.parts.map((p) => (p.expr ? { ...p, expr: rewrite(p.expr) } : p)) })),
  );
  return changed ? out : parsed;
}
