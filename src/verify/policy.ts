/**
 * The one policy every verdict answers to, whichever evaluator computed the values (mathjs scalars or engine
 * tensors): when two values agree, when finite differences vouch for a derivative, which doubts keep a
 * difference from refuting a claim, and how the verdict follows. A claim is refuted only when it differs under the
 * reading the checker is sure of; any guess that could explain the difference makes it unverifiable, naming it.
 */
import { type Expr, walk } from '../latex/ast';
import type { Claim } from '../model/types';
import type { Doubt, ReasonOf } from './reasons';

/** Relative tolerance between backpropagation (or a symbolic derivative) and central finite differences. */
export const FD_TOLERANCE = 1e-4;
/** Values below this at every point cannot be told from zero by the tolerance's absolute floor. */
export const TINY = 1e-8;

/** Two values agree: relative tolerance, with an absolute floor of `tol` for values near zero. */
export function closeValues(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Two lists of values (a tensor's entries) agree entry by entry. */
export function closeEntries(a: ArrayLike<number>, b: ArrayLike<number>, tol: number): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!closeValues(a[i], b[i], tol)) return false;
  return true;
}

/** One sample point's two sides (a scalar is one entry). */
export interface SidePair {
  readonly left: ArrayLike<number>;
  readonly right: ArrayLike<number>;
}

/**
 * Sides that agree only through the tolerance's absolute floor: every value of both sides is below TINY at every
 * point (1e-18 through 30 sigmoids, or 1e-9·x), and they differ relative to their own size. Such a claim is not
 * verified: the true value may vanish without being the claimed one.
 */
export function tooSmallToTell(points: readonly SidePair[], tol: number): boolean {
  let allTiny = true;
  for (const p of points) {
    for (const side of [p.left, p.right]) for (let i = 0; i < side.length; i++) if (Math.abs(side[i]) >= TINY) allTiny = false;
  }
  if (!allTiny) return false;
  return !points.every((p) => {
    for (let i = 0; i < p.left.length; i++) {
      const [x, y] = [p.left[i], p.right[i]];
      if (Math.abs(x - y) > tol * Math.max(Math.abs(x), Math.abs(y))) return false;
    }
    return true;
  });
}

/**
 * Sides that are both zero at every point while the right one is not written as 0: `(t_1 - h(x_1)) h(x_1) x_1` with
 * h read as the zero function says nothing about the claim. (A claim `= 0` whose left side vanishes is a finding.)
 */
export function vanishesEverywhere(points: readonly SidePair[], rightIsZero: boolean, claim?: Claim): boolean {
  if (rightIsZero || points.length === 0 || (claim && mayTrulyVanish(claim))) return false;
  return points.every((p) => Array.from(p.left).every((v) => v === 0) && Array.from(p.right).every((v) => v === 0));
}

/**
 * Claims whose zeros may be the math's own: a case under a condition (`= 0 \ (s < 0)`), a derivative of a known
 * function that vanishes (the step function's), a piecewise function.
 */
function mayTrulyVanish(claim: Claim): boolean {
  return (
    claim.entryInstance === true ||
    sidesHave(
      claim,
      (n) =>
        n.kind === 'indicator' || (n.kind === 'call' && !n.generic && (n.primes > 0 || /step|heaviside|sign|relu|max|min/i.test(n.fn))),
    )
  );
}

/** Whether a node of either side of the claim passes `test`. */
export function sidesHave(claim: Claim, test: (node: Expr) => boolean): boolean {
  let found = false;
  for (const side of [claim.left.expr, claim.right.expr]) if (side) walk(side, (n) => (found ||= test(n)));
  return found;
}

/** `0`, `-0`, `\mathbf{0}`: a right side written as zero. */
export function isZero(e: Expr | undefined): boolean {
  if (!e) return false;
  if (e.kind === 'number') return e.value === 0;
  if (e.kind === 'negate') return isZero(e.arg);
  return e.kind === 'symbol' && /^\\(?:mathbf|boldsymbol|vec)\{0\}$/.test(e.name);
}

export const VANISHING_MESSAGE =
  'both sides are 0 at every sample point, which says nothing about the claim (is a function of it read as 0?)';

export const TOO_SMALL_MESSAGE = `both sides are below ${TINY} at every sample point, too small to tell apart (the true value may vanish without being 0)`;

/** What the evaluator found at its sample points. */
export type Finding =
  | { readonly kind: 'agree'; readonly points: readonly SidePair[] }
  | { readonly kind: 'differ' }
  | { readonly kind: 'undecided'; readonly reason: string; readonly code: ReasonOf<'unverifiable'> };

export type Decision =
  | { readonly verdict: 'verified' }
  | { readonly verdict: 'refuted' }
  | { readonly verdict: 'unverifiable'; readonly reason: string; readonly code: ReasonOf<'unverifiable'> };

/** The verdict a finding and the doubts about the claim's reading allow. */
export function decide(finding: Finding, doubts: readonly Doubt[], tol: number): Decision {
  switch (finding.kind) {
    case 'undecided':
      return { verdict: 'unverifiable', reason: finding.reason, code: finding.code };
    case 'agree':
      return tooSmallToTell(finding.points, tol)
        ? { verdict: 'unverifiable', reason: TOO_SMALL_MESSAGE, code: 'unverifiable/numerics' }
        : { verdict: 'verified' };
    case 'differ':
      return doubts.length > 0 ? { verdict: 'unverifiable', reason: doubts[0].message, code: doubts[0].code } : { verdict: 'refuted' };
  }
}
