/**
 * Update rules that name the new value: `w_1' = w_1 - \eta \frac{\partial L}{\partial w_1}`, `w_5^{+} = …`,
 * `W_{new} = W_{old} - \alpha\, dW`, `\theta^{(t+1)} = \theta^{(t)} - …`, `w_{t+1} = w_t - …`. Each is read as the
 * update `w := w - …` of the variable itself, so that it is judged as a descent step, not as a definition of a new
 * symbol. Only a statement whose right side differentiates (a derivative, a gradient, course shorthand) qualifies.
 */
import { type Expr, mapExpr, symbolsOf, walk } from '../latex/ast';
import type { ParsedStatement } from '../latex/statements';

/** The variable a name is the new value of: `w_1'` → `w_1`, `W_{new}` → `W`, `w^{(t+1)}` → `w`. */
function newValueOf(name: string): string | undefined {
  const m =
    /^(.+?)(?:'|\^\{\+\}|\^\{new\}|\^\{\(new\)\}|_\{new\}|\^\{\((?:t|k|i|n)\+1\)\}|\^\{\[(?:t|k)\+1\]\}|_\{(?:t|k)\+1\}|\^\{(?:t|k)\+1\})$/.exec(
      name,
    );
  return m?.[1];
}

/** The names the old value of `base` may go by on the right side: itself, `W_{old}`, `w^{(t)}`, `w_t`. */
function oldValues(base: string): string[] {
  return [
    base,
    `${base}_{old}`,
    `${base}^{old}`,
    `${base}^{(old)}`,
    `${base}^{(t)}`,
    `${base}^{(k)}`,
    `${base}^{[t]}`,
    `${base}_t`,
    `${base}_k`,
    `${base}^{t}`,
  ];
}

function differentiates(e: Expr): boolean {
  let found = false;
  walk(e, (n) => (found ||= n.kind === 'derivative' || n.kind === 'shorthand'));
  return found;
}

/** The statements with every new-value update rule rewritten as `w = w - …`; the input if there is none. */
export function readNewValues(parsed: readonly (readonly ParsedStatement[])[]): readonly (readonly ParsedStatement[])[] {
  let changed = false;
  const out = parsed.map((block) =>
    block.map((s) => {
      const head = s.parts[0]?.expr;
      if (head?.kind !== 'symbol' || s.parts.length < 2) return s;
      const base = newValueOf(head.name);
      const value = s.parts[1].expr;
      if (!base || !value || !differentiates(value)) return s;
      const old = new Set(oldValues(base));
      if (![...symbolsOf(value)].some((n) => old.has(n))) return s;
      changed = true;
      const rename = (e: Expr): Expr =>
        mapExpr(e, (n) => {
          if (n.kind === 'symbol' && old.has(n.name)) return { ...n, name: base };
          if (n.kind === 'derivative' && old.has(n.wrt.name)) return { ...n, wrt: { ...n.wrt, name: base } };
          return n;
        });
      // (the steps after the rule, `= 0.15 - 0.5 \times 0.04`, compute the new value from the old one)
      const rest = s.parts.slice(1).map((part) => (part.expr ? { ...part, expr: rename(part.expr) } : part));
      return { ...s, parts: [{ ...s.parts[0], expr: { ...head, name: base } }, ...rest] };
    }),
  );
  return changed ? out : parsed;
}
