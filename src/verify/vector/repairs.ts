/**
 * The smallest repair of a refuted tensor claim: both sides proportional in every entry at every point, by −1 (a
 * flipped sign), by a size of the note or its reciprocal (the lost 1/m of an average), or by 2 or ½.
 */
import type { Expr } from '../../latex/ast';
import { parseBlock } from '../../latex/statements';
import type { Tensor } from '../../engine';
import type { Claim } from '../../model/types';
import { productFactors, repairedLatex } from '../repair';
import type { Repair } from '../types';
import { sameFactorEverywhere } from './generics';
import type { ShapeInference } from './shapes';

const near = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));

/** The repair and the right side it gives (in the note's LaTeX), when one holds when checked again. */
export function tensorRepair(
  claim: Claim,
  shapes: ShapeInference,
  points: readonly { readonly left: Tensor; readonly right: Tensor }[],
  tol: number,
  source: (span: { start: number; end: number }) => string,
  holds: (right: Expr) => boolean,
): { repair: Repair; expected: string } | undefined {
  const ratio = points.length === 1 ? singleRatio(points[0], tol) : sameFactorEverywhere(points, tol);
  if (ratio === undefined) return undefined;
  const candidates: Repair[] = [];
  if (near(ratio, -1)) candidates.push({ kind: 'sign' });
  for (const [name, dim] of shapes.sizeSymbols) {
    const size = shapes.dims.sizeOf(dim);
    if (size === undefined || size < 2) continue;
    if (near(ratio, 1 / size)) candidates.push({ kind: 'factor', latex: `\\frac{1}{${name}}`, text: `1/${name}`, where: 'start' });
    if (near(ratio, size)) candidates.push({ kind: 'factor', latex: name, text: name, where: 'start' });
  }
  if (near(ratio, 2)) candidates.push({ kind: 'factor', latex: '2', text: '2', where: 'start' });
  if (near(ratio, 0.5)) candidates.push({ kind: 'factor', latex: '\\frac{1}{2}', text: '½', where: 'start' });
  for (const repair of candidates) {
    const expected = repairedLatex(claim.right.expr!, claim.right.span, source, repair);
    const right = parseBlock(expected)[0]?.parts[0]?.expr;
    if (right && holds(right)) return { repair, expected };
  }
  return undefined;
}

/** The ratio of the sides at one point, when it is the same in every entry. */
function singleRatio(p: { readonly left: Tensor; readonly right: Tensor }, tol: number): number | undefined {
  return sameFactorEverywhere([p, p], tol);
}

const TRANSPOSED = /^(.*?)\s*\^\s*(?:\{\s*(?:T|\\top|\\intercal)\s*\}|T|\\top|\\intercal)$/;

/**
 * A product that cannot be formed, or gives the wrong shape, mended by the least change of order: two neighbouring
 * factors swapped, or one factor transposed (or its transpose taken back). The first that holds, checked again.
 */
export function orderRepair(
  claim: Claim,
  source: (span: { start: number; end: number }) => string,
  holds: (right: Expr) => boolean,
): { repair: Repair; expected: string } | undefined {
  const right = claim.right.expr!;
  const base = claim.right.span.start;
  const whole = source(claim.right.span);
  const factors = productFactors(right);
  if (factors.length < 2) return undefined;
  const at = (f: Expr): string => source(f.span);
  const splice = (from: number, to: number, text: string): string => whole.slice(0, from - base) + text + whole.slice(to - base);
  const candidates: { latex: string; text: string }[] = [];
  for (const f of factors) {
    const src = at(f).trim();
    if (f.kind === 'transpose') {
      const plain = TRANSPOSED.exec(src)?.[1] ?? (/T\}$/.test(src) ? src.replace(/T\}$/, '}') : undefined);
      if (plain) candidates.push({ latex: splice(f.span.start, f.span.end, plain), text: `did you mean ${plain} rather than ${src}?` });
    } else if (f.kind === 'symbol' || f.kind === 'shorthand') {
      const t = /^[^{}^]*\^\{[^{}]*\}$/.test(src) ? src.replace(/\}$/, 'T}') : src.includes('^') ? `\\left(${src}\\right)^T` : `${src}^T`;
      candidates.push({ latex: splice(f.span.start, f.span.end, t), text: `did you mean ${t}?` });
    }
  }
  for (let i = 0; i + 1 < factors.length; i++) {
    const [a, b] = [factors[i], factors[i + 1]];
    candidates.push({
      latex: splice(a.span.start, b.span.end, `${at(b).trim()} ${at(a).trim()}`),
      text: `did you mean ${at(b).trim()} ${at(a).trim()}, the factors swapped?`,
    });
  }
  for (const c of candidates) {
    const parsed = parseBlock(c.latex)[0]?.parts[0]?.expr;
    if (parsed && holds(parsed)) return { repair: { kind: 'rewrite', text: c.text }, expected: c.latex };
  }
  return undefined;
}

/** What a message says of a repair: ` (the sign is flipped)`, ` (off by 1/m: the right side lacks it)`. */
export function repairNote(r: Repair | undefined): string {
  if (!r) return '';
  if (r.kind === 'rewrite') return ` (${r.text})`;
  return r.kind === 'sign' ? ' (the sign is flipped)' : ` (off by ${r.text}: the right side lacks it)`;
}
