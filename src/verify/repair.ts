/**
 * The smallest repair of a refuted claim that the numbers support: a flipped sign, or one missing factor (a
 * symbol of the note, its reciprocal such as 1/m, or a small constant), found by the ratio of the two sides at the
 * judged points. And the expected expression simplified for display when that makes it shorter.
 */
import { tidy } from '../calculus/latex';
import type { Expr, Span } from '../latex/ast';
import { displayName } from '../latex/notation';
import { type MathNode, isPrintable, math, treeDepth } from '../calculus/math';
import type { NoteEnvironment } from './environment';
import type { Point } from './judge';
import type { Repair } from './types';

const SIMPLIFY_DEPTH = 14;

/** A sign or one factor that makes the right side equal the left at every point, if there is one. */
export function findRepair(
  points: readonly Point[],
  env: NoteEnvironment,
  candidates: Iterable<string>,
  tolerance: number,
): Repair | undefined {
  const ratios = points.map((p) => p.left / p.right);
  if (ratios.length === 0 || ratios.some((r) => !Number.isFinite(r) || r === 0)) return undefined;
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(tolerance * 10, 1e-9) * Math.max(Math.abs(a), Math.abs(b));
  if (ratios.every((r) => near(r, -1))) return { kind: 'sign' };
  // (a factor that is constant at every point is a number; 2 and ½ are the usual slips of a square)
  if (ratios.every((r) => near(r, ratios[0]))) {
    for (const [c, latex, text] of [
      [2, '2', '2'],
      [0.5, '\\frac{1}{2}', '½'],
    ] as const)
      if (near(ratios[0], c)) return { kind: 'factor', latex, text, where: 'start' };
    return undefined;
  }
  for (const name of candidates) {
    const id = env.idOf(name);
    const values = points.map((p) => p.scope[id]);
    if (!values.every((v): v is number => typeof v === 'number' && Number.isFinite(v) && v !== 0)) continue;
    if (values.every((v, i) => near(v, ratios[i]))) return { kind: 'factor', latex: name, text: displayName(name), where: 'end' };
    if (values.every((v, i) => near(1 / v, ratios[i])))
      return { kind: 'factor', latex: `\\frac{1}{${name}}`, text: `1/${displayName(name)}`, where: 'start' };
  }
  return undefined;
}

/** The expected value simplified (`\hat y - y`, not the raw derivative), when simplification makes it shorter and equal. */
export function simplified(node: MathNode, points: readonly Point[]): MathNode {
  const raw = tidy(node);
  if (!isPrintable(raw) || treeDepth(raw, SIMPLIFY_DEPTH) > SIMPLIFY_DEPTH) return raw;
  let simple: MathNode;
  try {
    simple = math.simplify(raw);
  } catch {
    return raw;
  }
  if (simple.toString().length >= raw.toString().length) return raw;
  // (simplification is algebra on reals: it must still give the same numbers where the claim was judged)
  try {
    const [a, b] = [raw.compile(), simple.compile()];
    for (const p of points) {
      const [x, y] = [a.evaluate({ ...p.scope }) as number, b.evaluate({ ...p.scope }) as number];
      if (!(Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x)))) return raw;
    }
  } catch {
    return raw;
  }
  return simple;
}

/** Is the expression a sum or difference at its top (so that a factor or a minus needs brackets around it)? */
const isSum = (e: Expr): boolean => e.kind === 'binary' && (e.op === '+' || e.op === '-') && !e.inner;

/**
 * The right side rewritten by a repair, in the note's own LaTeX: `\hat y - y` for `y - \hat y` with its sign
 * flipped, `x` after or `\frac{1}{m}` before a product that lost it. `source` gives a span's LaTeX.
 */
export function repairedLatex(right: Expr, span: Span, source: (span: Span) => string, repair: Repair): string {
  const whole = source(span).trim();
  const bracketed = isSum(right) ? `\\left(${whole}\\right)` : whole;
  if (repair.kind === 'factor') return repair.where === 'start' ? `${repair.latex} ${bracketed}` : `${bracketed} ${repair.latex}`;
  if (right.kind === 'negate') return source(right.arg.span).trim();
  // (a difference of two terms: the terms swapped, as one writes ŷ − y)
  if (right.kind === 'binary' && right.op === '-' && !right.inner && !isSum(right.left))
    return `${source(right.right.span).trim()} - ${source(right.left.span).trim()}`;
  return isSum(right) ? `-\\left(${whole}\\right)` : `-${whole}`;
}

/** The factors of a product written one after another (`\frac{1}{m} X^T dZ`), a bracketed product one factor. */
export function productFactors(e: Expr): Expr[] {
  return e.kind === 'binary' && e.op === '*' && !e.inner ? [...productFactors(e.left), ...productFactors(e.right)] : [e];
}

/**
 * A chain rule that skips a link (`∂C/∂a · ∂z/∂w`, no `∂a/∂z`): the right side with the missing link written in
 * after the factor it continues, for each gap between two factors where the one's variable feeds the other's
 * function directly. Candidates only: the caller keeps one that makes the claim hold.
 */
export function missingLinks(
  right: Expr,
  span: Span,
  source: (span: Span) => string,
  feeds: (of: string, by: string) => boolean,
): { latex: string; text: string }[] {
  const factors = productFactors(right).filter(
    (f): f is Extract<Expr, { kind: 'derivative' }> => f.kind === 'derivative' && f.of.kind === 'symbol',
  );
  const whole = source(span);
  const d = (of: string, by: string, partial: boolean | undefined): string =>
    partial ? `\\frac{\\partial ${of}}{\\partial ${by}}` : `\\frac{d${of}}{d${by}}`;
  const out: { latex: string; text: string }[] = [];
  for (const after of factors) {
    const u = after.wrt.name;
    for (const next of factors) {
      const v = next.of.kind === 'symbol' ? next.of.name : undefined;
      if (next === after || v === undefined || v === u || !feeds(u, v)) continue;
      // (written just after the factor whose variable it continues)
      const at = after.span.end - span.start;
      const link = d(u, v, after.partial ?? next.partial);
      out.push({ latex: `${whole.slice(0, at)} ${link}${whole.slice(at)}`, text: `missing link ${link}` });
    }
  }
  return out;
}
