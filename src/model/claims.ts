/** Claims: every `=` of every chain, except the one that defines the chain's first symbol. */
import type { Expr } from '../latex/ast';
import type { Chain } from './chains';
import type { Definitions } from './definitions';
import type { BlockSpan, Claim, ClaimKind, Side } from './types';

/** Turns chains into claims, in note order. */
export function collectClaims(chains: readonly Chain[], defs: Definitions): Claim[] {
  const claims: Claim[] = [];
  for (const chain of chains) {
    if (chain.otherRelation) continue;
    // `[4, 1] \leftarrow M` and the like: an arrow between expressions is a remark, not an equation
    if (chain.assignment && chain.links[0].side.expr?.kind !== 'symbol') continue;
    const start = defs.defining.has(chain.id) ? 1 : 0;
    // `\frac{\partial \ell}{\partial \sigma} = -n + \frac{S}{\sigma^2} = 0`: a chain that ends in 0 may state a condition,
    // and its other parts the condition rescaled (multiplied through by σ), not equal values
    const last = chain.links[chain.links.length - 1].side.expr;
    const condition = chain.links.length > 2 && last?.kind === 'number' && last.value === 0 ? [CONDITION_CHAIN] : [];
    for (let i = start; i + 1 < chain.links.length; i++) {
      const left = chain.links[i].side;
      const right = chain.links[i + 1].side;
      const head = chain.links[0].side.expr;
      const redefined = head?.kind === 'symbol' ? head.name : head?.kind === 'call' ? head.fn : undefined;
      // (and in such a chain, `z = f(x, y) = xy`, the link that gives f its new body)
      const alias =
        i > 0 && left.expr?.kind === 'call' && left.expr.generic && left.expr.args.every((a) => a.kind === 'symbol')
          ? left.expr.fn
          : undefined;
      const redefines = defs.boundaries.includes(chain.id) ? (i === 0 ? redefined : alias) : undefined;
      claims.push({
        id: claims.length,
        kind: i === 0 && defs.updates.has(chain.id) ? 'update' : i === start ? firstKind(left.expr, right.expr) : 'step',
        left,
        right,
        // after a defining head the claim belongs to its `=`, as a step does: the head and its value are the definition
        at: claimSpan(chain, i, i === 0),
        context: chain.links.slice(0, i + 1).map((l) => l.side),
        suspicions: i + 2 < chain.links.length ? [...chain.suspicions, ...condition] : chain.suspicions,
        chain: chain.id,
        redefines,
        scope: defs.boundaries.filter((b) => b < chain.id).length,

        implicit: chain.links[i + 1].implicit,
        approximate: chain.links[i + 1].approximate,
      });
    }
  }
  return claims;
}

/** Why a part of a chain that ends in 0 is not refuted. */
export const CONDITION_CHAIN =
  'the chain ends in = 0, so it may state a condition: its other parts may rescale it rather than equal each other';

/** The first claim's text starts at its left side when both sides share a block; a step's at its `=`. */
function claimSpan(chain: Chain, i: number, first: boolean): BlockSpan {
  const left: Side = chain.links[i].side;
  const right: Side = chain.links[i + 1].side;
  const eq = chain.links[i + 1].eq ?? right;
  if (first && left.block === right.block) return { block: right.block, span: { start: left.span.start, end: right.span.end } };
  return { block: eq.block, span: { start: Math.min(eq.span.start, right.span.start), end: right.span.end } };
}

function isDerivativeLike(e: Expr | undefined): boolean {
  return e?.kind === 'derivative' || (e?.kind === 'call' && e.primes > 0);
}

/** A right side made only of derivative factors (and numbers), multiplied or added, with at least one derivative. */
export function isChainOfFactors(e: Expr): boolean {
  return factorKind(e) === 'derivatives';
}

/** 'derivatives' if built of derivatives (and numbers), 'numbers' if of numbers only, else 'other'. */
function factorKind(e: Expr): 'derivatives' | 'numbers' | 'other' {
  if (e.kind === 'derivative') return 'derivatives';
  if (e.kind === 'number') return 'numbers';
  if (e.kind !== 'binary' || (e.op !== '*' && e.op !== '+')) return 'other';
  const l = factorKind(e.left);
  const r = factorKind(e.right);
  if (l === 'other' || r === 'other') return 'other';
  return l === 'derivatives' || r === 'derivatives' ? 'derivatives' : 'numbers';
}

function firstKind(left: Expr | undefined, right: Expr | undefined): ClaimKind {
  if (!isDerivativeLike(left)) return 'identity';
  return right && isChainOfFactors(right) && right.kind !== 'derivative' ? 'chain' : 'derivative';
}
