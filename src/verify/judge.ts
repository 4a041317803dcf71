/**
 * Judges one claim: both sides evaluated at random points of the note's inputs, every derivative computed
 * symbolically (mathjs + the rule table) and cross-checked by central differences. A claim is refuted only when
 * everything it depends on is known and a sample point shows the sides differ; otherwise, when in doubt,
 * it is unverifiable, with the reason.
 */
import { type Expr, factorsOf, symbolsOf, walk } from '../latex/ast';
import { displayName } from '../latex/notation';
import { kinkDistance, kinkSides, resetKinkDistance } from '../calculus/math';
import type { BlockSpan, Claim } from '../model/types';
import { type Converted, type DerivativeUse, type Reading, Unsupported, convertExpr } from './convert';
import { Opaque } from '../calculus/differentiate';
import type { NoteEnvironment } from './environment';
import { checkClock } from './deadline';
import { claimDoubts } from './doubts';
import { FD_TOLERANCE, type Finding, closeValues, decide, isZero, vanishesEverywhere, VANISHING_MESSAGE } from './policy';
import { refute } from './refute';
import type { WorkedExample } from './example';
import { judgeExampleStep } from './exampleJudge';
import { failsForEveryInstance } from './generics';
import { type ForwardPass, type Scope, hashString, makeRng } from './sampling';
import { analyseChain } from './structure';
import type { CheckOptions, ClaimResult, EngineCheck } from './types';
import { type Doubt, type ReasonOf, doubt } from './reasons';

export type ResultBuilder = (r: Omit<ClaimResult, 'claim' | 'uses'>) => ClaimResult;

export interface JudgeContext {
  readonly env: NoteEnvironment;
  readonly pass: ForwardPass;
  readonly options: Required<CheckOptions>;
  /** The LaTeX source at a place of the note. */
  readonly source: (at: BlockSpan) => string;
  /** The note's worked example: the values it gives and states, for steps that substitute them. */
  readonly example?: WorkedExample;
  /** The network engine's numbers at a sample point (or why they disagree with the symbolic derivative). */
  readonly engine?: (claim: Claim, scope: Scope, symbolic: number) => EngineCheck | string | undefined;
}

export interface Point {
  readonly scope: Scope;
  readonly left: number;
  readonly right: number;
}

/** Points at which every derivative is checked by finite differences even when the claim holds there. */
const FD_POINTS = 2;

/** Judges a claim. Never throws for bad input: the worst is "unverifiable". */
export function judgeClaim(claim: Claim, ctx: JudgeContext): ClaimResult {
  const uses = usedDefinitions(claim, ctx.env);
  const result = (r: Omit<ClaimResult, 'claim' | 'uses'>): ClaimResult => ({ claim, uses, ...r });
  const unverifiable = (code: ReasonOf<'unverifiable'>, message: string): ClaimResult => result({ verdict: 'unverifiable', code, message });
  if (claim.unverifiable) return unverifiable('unverifiable/unsupported', claim.unverifiable);
  for (const side of [claim.left, claim.right]) {
    if (!side.expr) return unverifiable('unverifiable/parse-error', `could not read ${ctx.source(side)}: ${side.error}`);
  }
  let left: Converted;
  let right: Converted;
  // a case row (`= 1 \ (z > 0)`) claims its value only where its condition holds: compare the left side there
  const condition = caseCondition(claim.right.expr!);
  // the next row of a case distinction is another case of the chain's head, not a step from the row before
  const head =
    condition && claim.kind === 'step' && caseCondition(claim.left.expr!) ? (claim.context[0].expr ?? claim.left.expr!) : claim.left.expr!;
  const leftExpr0: Expr = condition ? { kind: 'binary', op: '*', left: head, right: condition, span: head.span } : claim.left.expr!;
  try {
    left = convertExpr(leftExpr0, ctx.env);
    right = convertExpr(claim.right.expr!, ctx.env);
  } catch (e) {
    if (e instanceof Unsupported) return unverifiable('unverifiable/unsupported', `uses ${e.message}`);
    throw e;
  }
  const doubts = doubtsAbout(claim, left, right, ctx.env);
  const generics = [...new Set([...left.generics, ...right.generics])].map((g) =>
    doubt(`${g} is a generic function here; the claim may hold only for a particular ${g}`, 'unverifiable/generic-function'),
  );
  const { points, fdFailures, with: withValue } = samplePoints(claim, left, right, ctx);
  const holds = points.length > 0 && points.every((p) => closeValues(p.left, p.right, ctx.options.tolerance));
  // a step that substitutes numbers (`x w_1 = 1.0 · 0.5`) is judged at the note's own values, not at random points
  // (and a step of numbers alone, `0.7414 \cdot 0.1868 = 0.13848`, is right only to the rounding its numbers are printed with)
  const numbersOnly = symbolsOf(claim.left.expr!).size === 0 && symbolsOf(claim.right.expr!).size === 0;
  if ((!holds || numbersOnly) && ctx.example?.isExampleStep(claim))
    return judgeExampleStep(claim, ctx.example, (allowed) => claimDoubts(claim, ctx.env, allowed), result, ctx.options.tolerance);
  if (claim.approximate) doubts.push(doubt('it is written with ≈, as an approximation'));
  const leftExpr = claim.left.expr!;
  const structure = leftExpr.kind === 'derivative' ? analyseChain(ctx.env, leftExpr, claim.right.expr!) : undefined;
  if (points.length === 0) {
    if (fdFailures > 0)
      return unverifiable('unverifiable/numerics', 'the symbolic derivative and finite differences disagree here, so no verdict is safe');
    if (structure?.status === 'valid' && doubts.length > 0) return chainRuleVerified(claim, structure.order!, result);
    const why = doubts[0] ?? doubt('no sample point where both sides are defined', 'unverifiable/numerics');
    return unverifiable(why.code, structure?.remarks.length ? `${structure.remarks[0]}; ${why.message}` : why.message);
  }
  const bad = points.find((p) => !closeValues(p.left, p.right, ctx.options.tolerance));
  const at = bad ?? points[0];
  const engine = ctx.engine?.(claim, at.scope, at.left);
  if (typeof engine === 'string') return unverifiable('unverifiable/numerics', engine);
  // a formula that writes both d and ∂ may mean ∂ as the partial derivative: if it holds so, that is its reading
  if (bad && mixesOperators(claim)) {
    const partial = holdsUnder(claim, ctx, { partialsHoldOthersFixed: true });
    if (partial)
      return result({
        verdict: 'verified',
        code: 'verified/holds',
        message: `holds at ${partial} random points, reading ∂ as the partial derivative (every other variable held fixed) and d as the total one`,
      });
  }
  const agreed = points.map((p) => ({ left: [p.left], right: [p.right] }));
  const finding: Finding = bad
    ? { kind: 'differ' }
    : vanishesEverywhere(agreed, isZero(claim.right.expr!), claim)
      ? { kind: 'undecided', reason: VANISHING_MESSAGE, code: 'unverifiable/numerics' }
      : { kind: 'agree', points: agreed };
  // a difference that no instance of the generic functions changes is no doubt about them
  if (bad && generics.length > 0 && !failsForEveryInstance(left, right, bad, ctx)) doubts.push(...generics);
  // `-y_o \log \hat{y}_o = -\log \hat{y}_o` holds if y_o = 1, which the note may say in words ("y is one-hot")
  if (bad) doubts.push(...valuesThatMakeItHold(claim, points, withValue, ctx));
  // a claim that fails at random points but holds at the note's own values may be meant for its example only
  if (bad && ctx.example?.holdsAtExample(claim))
    doubts.push(
      doubt(
        'it fails at random points but holds at the values the note gives: it may be meant for this example only',
        'unverifiable/example-only',
      ),
    );
  const decision = decide(finding, doubts, ctx.options.tolerance);
  switch (decision.verdict) {
    case 'verified': {
      const worst = Math.max(...points.map((p) => Math.abs(p.left - p.right)));
      const agrees = claim.redefines ? `; it agrees with the earlier definition of ${displayName(claim.redefines)}` : '';
      return result({
        verdict: 'verified',
        code: 'verified/holds',
        message: `holds at ${points.length} random points (largest difference ${worst.toExponential(1)})${agrees}`,
        engine,
      });
    }
    case 'unverifiable':
      if (bad && structure?.status === 'valid') return chainRuleVerified(claim, structure.order!, result);
      return unverifiable(
        decision.code,
        bad && structure?.remarks.length ? `${structure.remarks[0]}; ${decision.reason}` : decision.reason,
      );
    case 'refuted':
      return {
        ...refute(claim, ctx, left, bad!, points, [...(structure?.remarks ?? []), ...new Set([...left.zeros, ...right.zeros])], result),
        engine,
      };
  }
}

/** The condition of a case row: the last factor of the right side, an indicator set apart by a space. */
function caseCondition(right: Expr): Expr | undefined {
  const factors = factorsOf(right);
  const last = factors[factors.length - 1];
  return last?.kind === 'indicator' && last.condition ? last : undefined;
}

/** Does the claim write both a d and a ∂ derivative? */
function mixesOperators(claim: Claim): boolean {
  const kinds = new Set<boolean>();
  for (const side of [claim.left.expr, claim.right.expr])
    if (side) walk(side, (n) => n.kind === 'derivative' && kinds.add(n.partial === true));
  return kinds.size === 2;
}

/** The number of random points at which the claim holds under another reading, or 0 if it fails at one. */
function holdsUnder(claim: Claim, ctx: JudgeContext, reading: Reading): number {
  try {
    const left = convertExpr(claim.left.expr!, ctx.env, undefined, reading);
    const right = convertExpr(claim.right.expr!, ctx.env, undefined, reading);
    if (left.unknowns.size + right.unknowns.size > 0) return 0;
    const { points } = samplePoints(claim, left, right, ctx);
    return points.length > 0 && points.every((p) => closeValues(p.left, p.right, ctx.options.tolerance)) ? points.length : 0;
  } catch (e) {
    if (e instanceof Unsupported || e instanceof Opaque) return 0;
    throw e;
  }
}

/**
 * An input written on one side only, that no definition uses, and that set to 1 makes the claim hold at every point: the claim may use
 * a value the note gives in words (a one-hot label's y_o = 1), so a difference elsewhere proves nothing.
 */
function valuesThatMakeItHold(
  claim: Claim,
  points: readonly Point[],
  withValue: (scope: Scope, id: string, value: number) => [number, number],
  ctx: JudgeContext,
): Doubt[] {
  const l = symbolsOf(claim.left.expr!);
  const r = symbolsOf(claim.right.expr!);
  // (an input the definitions use, a weight say, is no such value: setting it to 1 can hide a wrong term)
  const reached = new Set([...l, ...r].flatMap((s) => [...ctx.env.dependencies(s)]));
  const lonely = [...l]
    .filter((s) => !r.has(s))
    .concat([...r].filter((s) => !l.has(s)))
    .filter((s) => !ctx.env.isDefined(s) && !reached.has(s));
  const one = lonely.find((s) => points.every((p) => closeValues(...withValue(p.scope, ctx.env.idOf(s), 1), ctx.options.tolerance)));
  if (one) return [doubt(`it holds when ${displayName(one)} = 1, a value the note may give in words`)];
  // `(t_0 + t_1 + t_2) y_0 - t_0 = y_0 - t_0`: it holds when a target's entries sum to 1 (one-hot), which the note may say in words
  const entries = new Map<string, string[]>();
  const targetOf = (s: string): string | undefined => /^(t|y)_\{?(?:\d+|[a-z])\}?$/.exec(s)?.[1];
  for (const s of lonely) {
    const base = targetOf(s);
    if (base) entries.set(base, [...(entries.get(base) ?? []), s]);
  }
  for (const [base, names] of entries) {
    const last = names[names.length - 1];
    // (every entry of it the claim writes, on either side)
    const others = [...new Set([...l, ...r])].filter((s) => s !== last && targetOf(s) === base);
    if (others.length === 0) continue;
    const sumsToOne = points.every((p) =>
      closeValues(
        ...withValue(p.scope, ctx.env.idOf(last), 1 - others.reduce((a, o) => a + (p.scope[ctx.env.idOf(o)] as number), 0)),
        ctx.options.tolerance,
      ),
    );
    if (sumsToOne)
      return [doubt(`it holds when the entries of ${displayName(base)} sum to 1 (a one-hot target), which the note may say in words`)];
  }
  return [];
}

/** Reasons a mismatch would not prove the claim wrong: the policy's, and what the scalar reading leaves open. */
function doubtsAbout(claim: Claim, left: Converted, right: Converted, env: NoteEnvironment): Doubt[] {
  const doubts = claimDoubts(claim, env);
  for (const reason of new Set([...left.unknowns.values(), ...right.unknowns.values()]))
    doubts.push(doubt(reason, 'unverifiable/unsupported'));
  return doubts;
}

/** Sample points where both sides are finite, away from kinks, and where finite differences agree with every derivative. */
function samplePoints(
  claim: Claim,
  left: Converted,
  right: Converted,
  ctx: JudgeContext,
): { points: Point[]; fdFailures: number; with: (scope: Scope, id: string, value: number) => [number, number] } {
  const derivatives = [...left.derivatives, ...right.derivatives];
  const plan = ctx.pass.plan([left.node, right.node, ...derivatives.flatMap((d) => [d.of, d.value])]);
  const l = left.node.compile();
  const r = right.node.compile();
  const checks = derivatives.map((d) => ({ use: d, of: d.of.compile(), value: d.value.compile() }));
  const rng = makeRng(ctx.options.seed ^ hashString(ctx.source(claim.at)));
  const points: Point[] = [];
  let fdFailures = 0;
  const want = ctx.options.samples;
  const sides = new KinkCoverage();
  // enough points, and points on both sides of every kink the claim passes (a missing 1[z > 0] hides on one side)
  for (let attempt = 0; attempt < want * 12 && (points.length < want || !sides.covered()); attempt++) {
    checkClock();
    resetKinkDistance();
    const scope = ctx.pass.sample(rng, attempt >= want * 4 && points.length < want, plan);
    const lv = l.evaluate(scope) as number;
    const rv = r.evaluate(scope) as number;
    const visited = [...kinkSides()];
    if (typeof lv !== 'number' || typeof rv !== 'number' || !Number.isFinite(lv) || !Number.isFinite(rv)) continue;
    if (points.length >= want && !sides.adds(visited)) continue;
    // finite differences vouch for the derivatives at the first points, and at every point that could refute
    const vouch = points.length < FD_POINTS || !closeValues(lv, rv, ctx.options.tolerance);
    const fd = vouch ? checks.map((c) => finiteDifferenceAgrees(c.use, c.of, c.value, scope, (s) => ctx.pass.run(s, plan, c.use.wrt))) : [];
    // outside the domain of a function being differentiated (the log of a negative, say): draw another point
    if (kinkDistance() < 1e-3 || fd.includes('undefined')) continue;
    if (fd.includes('mismatch')) {
      fdFailures++;
      continue;
    }
    points.push({ scope, left: lv, right: rv });
    sides.record(visited);
  }
  // the sides at a point with one input set to a value (and what depends on it computed again)
  const withValue = (scope: Scope, id: string, value: number): [number, number] => {
    const s: Scope = { ...scope, [id]: value };
    ctx.pass.run(s, plan, id);
    return [l.evaluate(s) as number, r.evaluate(s) as number];
  };
  return { points, fdFailures, with: withValue };
}

/** The sides of their kinks that the ReLUs and indicators of a claim were evaluated on, over the points so far. */
class KinkCoverage {
  private readonly seen: Set<number>[] = [];

  record(sides: readonly number[]): void {
    sides.forEach((s, i) => (this.seen[i] ??= new Set()).add(s));
  }

  /** Every kink seen from both sides. */
  covered(): boolean {
    return this.seen.every((s) => s.size === 2);
  }

  /** Would this point show some kink from a side not seen yet? */
  adds(sides: readonly number[]): boolean {
    return sides.some((s, i) => !this.seen[i]?.has(s));
  }
}

type Compiled = { evaluate: (scope: Scope) => unknown };

/** Central difference of the derivative's function against its symbolic value at the point. */
function finiteDifferenceAgrees(
  use: DerivativeUse,
  of: Compiled,
  value: Compiled,
  scope: Scope,
  rerun: (s: Scope) => void,
): 'ok' | 'mismatch' | 'undefined' {
  const x = scope[use.wrt] as number;
  const h = 1e-5 * Math.max(1, Math.abs(x));
  const at = (v: number): number => {
    const s: Scope = { ...scope, [use.wrt]: v };
    rerun(s);
    return of.evaluate(s) as number;
  };
  const fd = (at(x + h) - at(x - h)) / (2 * h);
  const symbolic = value.evaluate(scope) as number;
  if (typeof fd !== 'number' || typeof symbolic !== 'number' || !Number.isFinite(fd) || !Number.isFinite(symbolic)) return 'undefined';
  return Math.abs(fd - symbolic) <= FD_TOLERANCE * Math.max(1, Math.abs(fd), Math.abs(symbolic)) ? 'ok' : 'mismatch';
}

export function chainRuleVerified(
  claim: Claim,
  order: string[],
  result: (r: Omit<ClaimResult, 'claim' | 'uses'>) => ClaimResult,
  why?: string,
): ClaimResult {
  const via = order.slice(1, -1).map(displayName).join(', ');
  const f = displayName(order[0]);
  const v = displayName(order[order.length - 1]);
  const notComputed = why ?? (claim.kind === 'chain' ? 'some definitions are not numeric' : 'unknown values');
  return result({
    verdict: 'verified',
    code: 'verified/chain-structure',
    message: `the chain rule: every path from ${v} to ${f} passes through ${via} (values not computed: ${notComputed})`,
  });
}

/** The defined symbols a claim's verdict rests on. */
export function usedDefinitions(claim: Claim, env: NoteEnvironment): string[] {
  const out = new Set<string>();
  for (const side of [claim.left, claim.right]) {
    if (!side.expr) continue;
    for (const s of symbolsOf(side.expr)) {
      for (const d of [s, ...env.dependencies(s)]) if (env.isDefined(d)) out.add(d);
    }
  }
  return [...out];
}
