/**
 * The structure of a chain-rule product ∂f/∂v = ∂f/∂u₁ · ∂u₁/∂u₂ ⋯ ∂uₖ/∂v: do the factors link f to v, and does
 * every path from v to f pass through each uᵢ? If so the product equals ∂f/∂v whatever the functions are.
 */
import { type DerivativeNode, type Expr, factorsOf } from '../latex/ast';
import { displayName } from '../latex/notation';
import type { NoteEnvironment } from './environment';
import { onEveryPath, pathsBetween } from './paths';

export interface ChainStructure {
  /** valid: the chain rule holds as written; broken: a link or a path is wrong; unknown: the note does not say. */
  readonly status: 'valid' | 'broken' | 'unknown';
  readonly remarks: string[];
  /** f, u₁, …, v when the factors link up. */
  readonly order?: string[];
}

const d = (num: string, den: string): string => `∂${displayName(num)}/∂${displayName(den)}`;

/** Analyses `left = right` when left is ∂f/∂v and right a product of derivatives of symbols; else undefined. */
export function analyseChain(env: NoteEnvironment, left: DerivativeNode, right: Expr): ChainStructure | undefined {
  if (left.of.kind !== 'symbol') return undefined;
  // (a product of derivatives in brackets, `(\frac{\partial a}{\partial b}\frac{\partial b}{\partial c})`, is links too)
  const linkFactors = (e: Expr): Expr[] =>
    factorsOf(e).flatMap((x) => (x.kind === 'binary' && x.op === '*' ? linkFactors({ ...x, grouped: false }) : [x]));
  const factors = linkFactors(right).filter((x) => !(x.kind === 'number' && x.value === 1));
  const links: { num: string; den: string }[] = [];
  for (const x of factors) {
    if (x.kind !== 'derivative' || x.of.kind !== 'symbol') return undefined;
    links.push({ num: x.of.name, den: x.wrt.name });
  }
  if (links.length < 2) return undefined;
  const f = left.of.name;
  const v = left.wrt.name;
  const order = [f];
  const remaining = [...links];
  for (let cur = f; cur !== v;) {
    const i = remaining.findIndex((l) => l.num === cur);
    if (i < 0) break;
    cur = remaining[i].den;
    order.push(cur);
    remaining.splice(i, 1);
  }
  if (order[order.length - 1] !== v || remaining.length > 0) {
    const stuck = order[order.length - 1];
    const loose = remaining.map((l) => d(l.num, l.den)).join(', ');
    const remark =
      stuck !== v
        ? `broken link: no factor continues the chain from ${displayName(stuck)} towards ${displayName(v)}${loose ? ` (left over: ${loose})` : ''}`
        : `broken link: ${loose} ${remaining.length > 1 ? 'are' : 'is'} not part of the chain from ${displayName(f)} to ${displayName(v)}`;
    return { status: 'broken', remarks: [remark] };
  }
  return checkPaths(env, order);
}

function checkPaths(env: NoteEnvironment, order: string[]): ChainStructure {
  const f = order[0];
  const v = order[order.length - 1];
  const undefinedLinks = order.slice(0, -1).filter((s) => !env.isDefined(s));
  if (undefinedLinks.length > 0) {
    const names = undefinedLinks.map(displayName).join(', ');
    return {
      status: 'unknown',
      remarks: [
        `${names} ${undefinedLinks.length > 1 ? 'are' : 'is'} not defined in this note, so how the chain's links depend on each other is unknown`,
      ],
      order,
    };
  }
  for (let i = 0; i + 1 < order.length; i++) {
    if (!env.dependencies(order[i]).has(order[i + 1])) {
      return {
        status: 'broken',
        remarks: [
          `${d(order[i], order[i + 1])} is a link of the chain, but ${displayName(order[i])} does not depend on ${displayName(order[i + 1])} in this note`,
        ],
        order,
      };
    }
  }
  const paths = pathsBetween(env, f, v);
  for (const via of order.slice(1, -1)) {
    if (!onEveryPath(paths, via)) {
      const other = paths.find((p) => !p.includes(via))!;
      return {
        status: 'broken',
        remarks: [`missing path: ${displayName(v)} also reaches ${displayName(f)} ${viaText(other)}, not only through ${displayName(via)}`],
        order,
      };
    }
  }
  return { status: 'valid', remarks: [], order };
}

/** "directly" or "through u → h" for a path listed f first. */
function viaText(path: readonly string[]): string {
  const inner = path.slice(1, -1).reverse();
  return inner.length === 0
    ? `directly (${displayName(path[0])}'s definition uses ${displayName(path[path.length - 1])})`
    : `through ${inner.map(displayName).join(' → ')}`;
}
