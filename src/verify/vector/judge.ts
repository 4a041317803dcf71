/**
 * Judges a claim on tensors: both sides evaluated with the engine at random points of the note's inputs (with the
 * shapes the note gives them), a derivative by backpropagation and by finite differences. Refuted for a wrong
 * shape (with both shapes), a transpose, or different values, and only when everything the claim uses is known and
 * backpropagation agrees with finite differences; otherwise unverifiable with the reason.
 */
import { type Expr, symbolsOf, walk } from '../../latex/ast';
import { displayName } from '../../latex/notation';
import { ShapeError, Tensor, centralDifference, constant, directionalCheck, shapeText, sumAll, transposeValues } from '../../engine';
import type { Claim } from '../../model/types';
import { describe } from '../describe';
import type { JudgeContext } from '../judge';
import { hashString, makeRng } from '../sampling';
import type { ClaimResult, EngineCheck } from '../types';
import { Evaluation, Unverifiable } from './evaluate';
import type { VectorNote, WorldPoint } from './note';
import { judgeUpdate } from './update';

const FD_TOLERANCE = 1e-4;
const MAX_POINTS = 3;
const PER_ENTRY_LIMIT = 48;

type Outcome = { kind: 'ok'; left: Tensor; right: Tensor; fd?: Tensor; engine: EngineCheck } | { kind: 'shape'; message: string } | { kind: 'fd'; message: string };

/** Judges a claim that needs tensors (or is an update rule). */
export function judgeVectorClaim(claim: Claim, note: VectorNote, ctx: JudgeContext, uses: string[]): ClaimResult {
  const result = (r: Omit<ClaimResult, 'claim' | 'uses'>): ClaimResult => ({ claim, uses, ...r });
  const unverifiable = (message: string): ClaimResult => result({ verdict: 'unverifiable', message });
  for (const side of [claim.left, claim.right]) if (!side.expr) return unverifiable(`could not read ${ctx.source(side)}: ${side.error}`);
  if (claim.kind === 'update') return judgeUpdate(claim, note, ctx, result);
  if (claim.unverifiable) return unverifiable(claim.unverifiable);
  const shapes = note.forClaim(claim.left.expr, claim.right.expr);
  const rng = makeRng(ctx.options.seed ^ hashString(ctx.source(claim.at)));
  const doubts = new Set<string>([...claim.suspicions, ...foreignSymbols(claim, note)]);
  const outcomes: Outcome[] = [];
  try {
    for (let k = 0; k < Math.min(ctx.options.samples, MAX_POINTS); k++) {
      const point = note.point(rng, shapes);
      // finite differences vouch for backpropagation at the first point, and at any point where the sides differ
      let outcome = evaluateAt(claim, note, point, k === 0);
      if (outcome.kind === 'ok' && !outcome.fd && !close(outcome.left, outcome.right, ctx.options.tolerance)) outcome = evaluateAt(claim, note, point, true);
      outcomes.push(outcome);
      for (const d of point.doubts) doubts.add(d);
      if (outcome.kind !== 'ok') break;
    }
  } catch (e) {
    if (e instanceof Unverifiable) return unverifiable(e.message);
    throw e;
  }
  const doubt = [...doubts][0];
  const bad = outcomes.find((o) => o.kind !== 'ok');
  if (bad?.kind === 'fd') return unverifiable(bad.message);
  const shapesText = shapeSummary(claim, note, shapes);
  if (bad?.kind === 'shape') return doubt ? unverifiable(`${doubt}; ${bad.message}`) : result({ verdict: 'refuted', message: `${bad.message} (${shapesText})` });
  const oks = outcomes as Extract<Outcome, { kind: 'ok' }>[];
  const first = oks[0];
  const mismatch = oks.find((o) => !close(o.left, o.right, ctx.options.tolerance) && beyondEngineError(o));
  if (!mismatch) {
    return result({ verdict: 'verified', message: `holds at ${oks.length} random points with ${shapesText}`, engine: first.engine });
  }
  if (doubt) return unverifiable(doubt);
  return result({ verdict: 'refuted', message: mismatchMessage(claim, mismatch, shapesText), engine: mismatch.engine });
}

/** Both sides at one point: the right side evaluated, the left side too, or (a derivative) by backprop and by FD. */
function evaluateAt(claim: Claim, note: VectorNote, point: WorldPoint, withFd: boolean): Outcome {
  const ev = new Evaluation(note, point);
  const leftExpr = claim.left.expr!;
  let right: Tensor;
  try {
    right = ev.eval(claim.right.expr!).value;
  } catch (e) {
    if (e instanceof ShapeError) return { kind: 'shape', message: `${describe(claim.right.expr!)} cannot be formed: ${e.message}` };
    throw e;
  }
  let left: Tensor;
  let fd: Tensor | undefined;
  try {
    if (leftExpr.kind === 'shorthand') {
      left = ev.shorthand(leftExpr.of.name);
      const { cost, factor } = ev.shorthandMeaning(leftExpr.of.name);
      const raw = !withFd || point.doubts.size > 0 ? undefined : finiteDifference(note, point, cost, leftExpr.of.name, left.map((v) => v / factor(left)));
      fd = raw?.map((v) => v * factor(left));
      if (fd && !close(left, fd, FD_TOLERANCE)) {
        return { kind: 'fd', message: `backpropagation and finite differences disagree about ${describe(leftExpr)} here, so no verdict is safe` };
      }
    } else if (leftExpr.kind !== 'derivative') left = ev.eval(leftExpr).value;
    else {
      left = ev.derivative(leftExpr.of, leftExpr.wrt.name);
      // an unknown derivative (of something undefined) has nothing to difference
      fd = !withFd || point.doubts.size > 0 ? undefined : finiteDifference(note, point, leftExpr.of, leftExpr.wrt.name, left);
      if (fd && !close(left, fd, FD_TOLERANCE)) {
        return { kind: 'fd', message: `backpropagation and finite differences disagree about ${describe(leftExpr)} here, so no verdict is safe` };
      }
    }
  } catch (e) {
    if (e instanceof ShapeError) return { kind: 'shape', message: `${describe(leftExpr)} cannot be formed: ${e.message}` };
    throw e;
  }
  if (left.rows !== right.rows || left.cols !== right.cols) return { kind: 'shape', message: shapeMismatch(claim, left, right) };
  if (![left, right, ...(fd ? [fd] : [])].every(allFinite)) {
    return { kind: 'fd', message: 'the values overflow (are not finite) at a sample point, so no verdict is safe' };
  }
  return { kind: 'ok', left, right, fd, engine: engineCheck(right, left, fd) };
}

/** Central differences of `of` in the variable (per entry for small tensors, else along random directions). */
export function finiteDifference(note: VectorNote, point: WorldPoint, of: Expr, wrt: string, backprop: Tensor): Tensor | undefined {
  const base = new Evaluation(note, point).symbol(wrt).value;
  const f = (t: Tensor): number => sumAll(new Evaluation(note, point, new Map([[wrt, constant(t)]])).eval(of)).value.data[0];
  if (base.size <= PER_ENTRY_LIMIT) return centralDifference(f, base);
  return directionalCheck(f, base, backprop, point.rng).agrees ? backprop : undefined;
}

const allFinite = (t: Tensor): boolean => t.data.every(Number.isFinite);

const maxDifference = (a: Tensor, b: Tensor): number => a.data.reduce((m, x, i) => Math.max(m, Math.abs(x - b.data[i])), 0);

/** A difference the engine's own rounding could explain (backprop vs FD disagree by as much) is no evidence. */
function beyondEngineError(o: Extract<Outcome, { kind: 'ok' }>): boolean {
  return !o.fd || maxDifference(o.left, o.right) > 10 * maxDifference(o.left, o.fd);
}

export function close(a: Tensor, b: Tensor, tol: number): boolean {
  if (a.rows !== b.rows || a.cols !== b.cols) return false;
  for (let i = 0; i < a.size; i++) {
    const x = a.data[i];
    const y = b.data[i];
    if (!(Math.abs(x - y) <= tol * Math.max(1, Math.abs(x), Math.abs(y)))) return false;
  }
  return true;
}

function value(t: Tensor): number {
  return t.isScalar() ? t.data[0] : t.frobeniusNorm();
}

/** The three numbers: claimed, backprop and FD (norms for tensors), and the largest difference among them. */
export function engineCheck(claimed: Tensor, backprop: Tensor, fd: Tensor | undefined): EngineCheck {
  let worst = 0;
  let at = 0;
  for (let i = 0; i < claimed.size; i++) {
    const diffs = [Math.abs(claimed.data[i] - backprop.data[i]), fd ? Math.abs(claimed.data[i] - fd.data[i]) : 0, fd ? Math.abs(backprop.data[i] - fd.data[i]) : 0];
    const d = Math.max(...diffs);
    if (d > worst) [worst, at] = [d, i];
  }
  const tensor = !claimed.isScalar();
  return {
    claimed: value(claimed),
    backprop: value(backprop),
    finiteDifference: fd ? value(fd) : undefined,
    maxAbsError: worst,
    ...(tensor ? { shape: [claimed.rows, claimed.cols] as const, worstEntry: [Math.floor(at / claimed.cols), at % claimed.cols] as const } : {}),
  };
}

function shapeMismatch(claim: Claim, left: Tensor, right: Tensor): string {
  const l = claim.left.expr!;
  const like = l.kind === 'derivative' ? ` like ${displayName(l.wrt.name)}` : '';
  const transposed = left.rows === right.cols && left.cols === right.rows;
  const hint = transposed ? ': it is the shape of the transpose (a derivative has the shape of what it is taken with respect to)' : '';
  return `${describe(claim.right.expr!)} is ${shapeText(right.shape)} but ${describe(l)} is ${shapeText(left.shape)}${like}${hint}`;
}

function mismatchMessage(claim: Claim, o: Extract<Outcome, { kind: 'ok' }>, shapesText: string): string {
  const e = o.engine;
  const where = e.worstEntry ? ` at entry (${e.worstEntry[0] + 1}, ${e.worstEntry[1] + 1})` : '';
  const transposedEqual = o.left.rows === o.left.cols && close(transposeValues(o.left), o.right, 1e-9);
  const lead = transposedEqual ? `${describe(claim.right.expr!)} is the transpose of ${describe(claim.left.expr!)}` : `${describe(claim.left.expr!)} is not ${describe(claim.right.expr!)}`;
  return `${lead}: they differ by ${fmt(e.maxAbsError ?? 0)}${where} at a sample point (${shapesText})`;
}

const fmt = (x: number): string => String(+x.toPrecision(3));

/** The shapes the claim's symbols were given, for messages: "W^{[2]} 4×3, A^{[1]} 3×6". */
function shapeSummary(claim: Claim, note: VectorNote, shapes: ReturnType<VectorNote['forClaim']>): string {
  const names = [...new Set([...symbolsOf(claim.left.expr!), ...symbolsOf(claim.right.expr!)])].filter((n) => !shapes.sizeSymbols.has(n));
  const shown = names.map((n) => `${displayName(n)} ${note.shapeOf(n, shapes).join('×')}`).slice(0, 6);
  return `shapes ${shown.join(', ')}`;
}

/** Symbols the right side uses that are neither defined nor inputs of the left side (as in the scalar judge). */
function foreignSymbols(claim: Claim, note: VectorNote): string[] {
  const context = new Set<string>();
  for (const side of claim.context) if (side.expr) for (const s of symbolsOf(side.expr)) context.add(s);
  // dW stands for ∂J/∂W: what J depends on may appear on the right
  for (const side of claim.context) {
    if (!side.expr) continue;
    walk(side.expr, (n) => {
      const cost = n.kind === 'shorthand' ? note.costFor(n.of.name) : undefined;
      if (cost) context.add(cost);
    });
  }
  const allowed = note.env.inputsOf(context);
  return [...symbolsOf(claim.right.expr!)]
    .filter((s) => !note.env.isDefined(s) && !allowed.has(s) && !note.shapes.sizeSymbols.has(s))
    .map((s) => `${displayName(s)} is not defined here (it is neither defined in the note nor an input of the left side)`);
}

