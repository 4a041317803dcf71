/**
 * Judges one claim: both sides evaluated at random points of the note's inputs, every derivative computed
 * symbolically (mathjs + the rule table) and cross-checked by central differences. A claim is refuted only when
 * everything it depends on is known and a sample point shows the sides differ; otherwise, when in doubt,
 * it is unverifiable, with the reason.
 */
import { type Expr, symbolsOf } from '../latex/ast';
import { displayName } from '../latex/notation';
import { kinkDistance, resetKinkDistance } from '../calculus/math';
import type { BlockSpan, Claim } from '../model/types';
import { type Converted, type DerivativeUse, Unsupported, convertExpr } from './convert';
import type { NoteEnvironment } from './environment';
import { checkClock } from './deadline';
import { refute } from './refute';
import { type ForwardPass, type Scope, hashString, makeRng } from './sampling';
import { analyseChain } from './structure';
import type { CheckOptions, ClaimResult, EngineCheck } from './types';

export type ResultBuilder = (r: Omit<ClaimResult, 'claim' | 'uses'>) => ClaimResult;

export interface JudgeContext {
  readonly env: NoteEnvironment;
  readonly pass: ForwardPass;
  readonly options: Required<CheckOptions>;
  /** The LaTeX source at a place of the note. */
  readonly source: (at: BlockSpan) => string;
  /** The network engine's numbers at a sample point (or why they disagree with the symbolic derivative). */
  readonly engine?: (claim: Claim, scope: Scope, symbolic: number) => EngineCheck | string | undefined;
}

export interface Point {
  readonly scope: Scope;
  readonly left: number;
  readonly right: number;
}

const close = (a: number, b: number, tol: number): boolean => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
const FD_TOLERANCE = 1e-4;
/** Points at which every derivative is checked by finite differences even when the claim holds there. */
const FD_POINTS = 2;

/** Judges a claim. Never throws for bad input: the worst is "unverifiable". */
export function judgeClaim(claim: Claim, ctx: JudgeContext): ClaimResult {
  const uses = usedDefinitions(claim, ctx.env);
  const result = (r: Omit<ClaimResult, 'claim' | 'uses'>): ClaimResult => ({ claim, uses, ...r });
  const unverifiable = (message: string): ClaimResult => result({ verdict: 'unverifiable', message });
  if (claim.unverifiable) return unverifiable(claim.unverifiable);
  for (const side of [claim.left, claim.right]) {
    if (!side.expr) return unverifiable(`could not read ${ctx.source(side)}: ${side.error}`);
  }
  let left: Converted;
  let right: Converted;
  try {
    left = convertExpr(claim.left.expr!, ctx.env);
    right = convertExpr(claim.right.expr!, ctx.env);
  } catch (e) {
    if (e instanceof Unsupported) return unverifiable(`uses ${e.message}`);
    throw e;
  }
  const doubts = doubtsAbout(claim, left, right, ctx.env);
  const { points, fdFailures } = samplePoints(claim, left, right, ctx);
  const leftExpr = claim.left.expr!;
  const structure = leftExpr.kind === 'derivative' ? analyseChain(ctx.env, leftExpr, claim.right.expr!) : undefined;
  if (points.length === 0) {
    if (fdFailures > 0) return unverifiable('the symbolic derivative and finite differences disagree here, so no verdict is safe');
    if (structure?.status === 'valid' && doubts.length > 0) return chainRuleVerified(claim, structure.order!, result);
    const why = doubts[0] ?? 'no sample point where both sides are defined';
    return unverifiable(structure?.remarks.length ? `${structure.remarks[0]}; ${why}` : why);
  }
  const bad = points.find((p) => !close(p.left, p.right, ctx.options.tolerance));
  const at = bad ?? points[0];
  const engine = ctx.engine?.(claim, at.scope, at.left);
  if (typeof engine === 'string') return unverifiable(engine);
  if (!bad && !relativelyClose(points, ctx.options.tolerance)) {
    // the tolerance's absolute floor cannot tell a vanishing value (1e-18 through 30 sigmoids) from zero
    return unverifiable(`both sides are below ${TINY} at every sample point, too small to tell apart (the true value may vanish without being 0)`);
  }
  if (!bad) {
    const worst = Math.max(...points.map((p) => Math.abs(p.left - p.right)));
    return result({ verdict: 'verified', message: `holds at ${points.length} random points (largest difference ${worst.toExponential(1)})`, engine });
  }
  if (structure?.status === 'valid' && doubts.length > 0) return chainRuleVerified(claim, structure.order!, result);
  if (doubts.length > 0) {
    return unverifiable(structure?.remarks.length ? `${structure.remarks[0]}; ${doubts[0]}` : doubts[0]);
  }
  return { ...refute(claim, ctx, left, bad, points, structure?.remarks ?? [], result), engine };
}

const TINY = 1e-8;

/** Unless every value is tiny, true; then the sides must agree relative to their own size. */
function relativelyClose(points: readonly Point[], tolerance: number): boolean {
  if (points.some((p) => Math.abs(p.left) >= TINY || Math.abs(p.right) >= TINY)) return true;
  return points.every((p) => Math.abs(p.left - p.right) <= tolerance * Math.max(Math.abs(p.left), Math.abs(p.right)));
}

/** Reasons a mismatch would not prove the claim wrong. */
function doubtsAbout(claim: Claim, left: Converted, right: Converted, env: NoteEnvironment): string[] {
  const doubts = [...claim.suspicions];
  if (claim.implicit) doubts.push('“∴ X” after a chain was read as “= X”, which the note does not write');
  if (claim.redefines && claim.left.expr && isNumber(env.model.definitions.get(claim.redefines)?.value.expr) && isNumber(claim.right.expr)) {
    doubts.push(`${displayName(claim.redefines)} is given two values; they are read as separate examples`);
  }
  for (const reason of new Set([...left.unknowns.values(), ...right.unknowns.values()])) doubts.push(reason);
  for (const g of new Set([...left.generics, ...right.generics])) {
    doubts.push(`${g} is a generic function here; the claim may hold only for a particular ${g}`);
  }
  const context = new Set<string>();
  for (const side of claim.context) if (side.expr) for (const s of symbolsOf(side.expr)) context.add(s);
  const allowed = env.inputsOf(context);
  for (const s of symbolsOf(claim.right.expr!)) {
    if (!env.isDefined(s) && !allowed.has(s)) doubts.push(`${displayName(s)} is not defined here (it is neither defined in the note nor an input of the left side)`);
  }
  return doubts;
}

/** Sample points where both sides are finite, away from kinks, and where finite differences agree with every derivative. */
function samplePoints(claim: Claim, left: Converted, right: Converted, ctx: JudgeContext): { points: Point[]; fdFailures: number } {
  const derivatives = [...left.derivatives, ...right.derivatives];
  const plan = ctx.pass.plan([left.node, right.node, ...derivatives.flatMap((d) => [d.of, d.value])]);
  const l = left.node.compile();
  const r = right.node.compile();
  const checks = derivatives.map((d) => ({ use: d, of: d.of.compile(), value: d.value.compile() }));
  const rng = makeRng(ctx.options.seed ^ hashString(ctx.source(claim.at)));
  const points: Point[] = [];
  let fdFailures = 0;
  const want = ctx.options.samples;
  for (let attempt = 0; points.length < want && attempt < want * 8; attempt++) {
    checkClock();
    resetKinkDistance();
    const scope = ctx.pass.sample(rng, attempt >= want * 4, plan);
    const lv = l.evaluate(scope) as number;
    const rv = r.evaluate(scope) as number;
    if (typeof lv !== 'number' || typeof rv !== 'number' || !Number.isFinite(lv) || !Number.isFinite(rv)) continue;
    // finite differences vouch for the derivatives at the first points, and at every point that could refute
    const vouch = points.length < FD_POINTS || !close(lv, rv, ctx.options.tolerance);
    const fd = vouch ? checks.map((c) => finiteDifferenceAgrees(c.use, c.of, c.value, scope, (s) => ctx.pass.run(s, plan, c.use.wrt))) : [];
    // outside the domain of a function being differentiated (the log of a negative, say): draw another point
    if (kinkDistance() < 1e-3 || fd.includes('undefined')) continue;
    if (fd.includes('mismatch')) {
      fdFailures++;
      continue;
    }
    points.push({ scope, left: lv, right: rv });
  }
  return { points, fdFailures };
}

type Compiled = { evaluate: (scope: Scope) => unknown };

/** Central difference of the derivative's function against its symbolic value at the point. */
function finiteDifferenceAgrees(use: DerivativeUse, of: Compiled, value: Compiled, scope: Scope, rerun: (s: Scope) => void): 'ok' | 'mismatch' | 'undefined' {
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

function chainRuleVerified(claim: Claim, order: string[], result: (r: Omit<ClaimResult, 'claim' | 'uses'>) => ClaimResult): ClaimResult {
  const via = order.slice(1, -1).map(displayName).join(', ');
  const f = displayName(order[0]);
  const v = displayName(order[order.length - 1]);
  return result({ verdict: 'verified', message: `the chain rule: every path from ${v} to ${f} passes through ${via} (values not computed: ${claim.kind === 'chain' ? 'some definitions are not numeric' : 'unknown values'})` });
}

const isNumber = (e: Expr | undefined): boolean => e?.kind === 'number' || (e?.kind === 'negate' && e.arg.kind === 'number');

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
