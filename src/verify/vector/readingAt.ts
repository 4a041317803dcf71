/**
 * A tensor claim evaluated under one reading of its shapes: both sides with the engine at random points, a derivative
 * by backpropagation and by finite differences (a Jacobian in the layouts its shapes allow), and what each point gave.
 * The tensor judge (judge.ts) weighs the readings; this file computes them.
 */
import type { Expr } from '../../latex/ast';
import { displayName } from '../../latex/notation';
import { ShapeError, type Tensor, centralDifference, constant, directionalCheck, shapeText, sumAll, transposeValues } from '../../engine';
import type { Claim } from '../../model/types';
import { describe } from '../describe';
import type { JudgeContext } from '../judge';
import { hashString, makeRng } from '../sampling';
import type { EngineCheck } from '../types';
import { Evaluation, Unverifiable } from './evaluate';
import type { VectorNote, WorldPoint } from './note';
import { failsForEveryGeneric } from './generics';
import { jacobian, jacobianByDifferences, layoutsFor } from './jacobian';
import { FD_TOLERANCE, closeEntries } from '../policy';
import { type Doubt, doubt } from '../reasons';
import type { ShapeInference } from './shapes';

const MAX_POINTS = 3;
/** Points drawn again when the values at one are not finite (a log of a negative input). */
const REDRAWS = 6;
const OVERFLOW = 'the values overflow (are not finite) at a sample point, so no verdict is safe';
const PER_ENTRY_LIMIT = 48;

type Outcome =
  | { kind: 'ok'; left: Tensor; right: Tensor; fd?: Tensor; engine: EngineCheck }
  | { kind: 'shape'; message: string }
  | { kind: 'fd'; message: string };

/** What one reading of the claim's shapes gave at its sample points. */
export interface Reading {
  readonly shapes: ShapeInference;
  readonly outcomes: readonly Outcome[];
  /** Unknown values met (no finite differences there). */
  readonly doubts: readonly string[];
  /** Choices the reading made that the note does not (a product's kind, a sum's range, index notation). */
  readonly guesses: readonly string[];
  /** Set when the reading could not be evaluated at all. */
  readonly unverifiable?: Doubt;
  /** The sides differ alike for every instance of the generic functions: no doubt about them. */
  readonly genericsSettled?: boolean;
}

/** Evaluates the claim under one reading of its shapes. */
export function read(claim: Claim, note: VectorNote, shapes: ShapeInference, ctx: JudgeContext): Reading {
  const rng = makeRng(ctx.options.seed ^ hashString(ctx.source(claim.at)));
  const doubts: string[] = [];
  const guesses = new Set<string>();
  const outcomes: Outcome[] = [];
  let genericsSettled: boolean | undefined;
  try {
    for (let k = 0, redrawn = 0; k < Math.min(ctx.options.samples, MAX_POINTS); k++) {
      const point = note.point(rng, shapes);
      // finite differences vouch for backpropagation at the first point, and at any point where the sides differ
      let outcome = evaluateAt(claim, note, point, k === 0);
      // outside the domain of a function (the log of a negative input): draw another point, a few times
      if (outcome.kind === 'fd' && outcome.message === OVERFLOW && redrawn++ < REDRAWS) {
        k--;
        continue;
      }
      if (outcome.kind === 'ok' && !outcome.fd && !close(outcome.left, outcome.right, ctx.options.tolerance))
        outcome = evaluateAt(claim, note, point, true);
      outcomes.push(outcome);
      // (only for a derivative: a step of algebra over a generic function, `\sum_s \eta(s)\phi(s)`, rests on how its sums are read)
      if (
        outcome.kind === 'ok' &&
        claim.left.expr?.kind === 'derivative' &&
        !close(outcome.left, outcome.right, ctx.options.tolerance) &&
        genericsSettled === undefined
      ) {
        genericsSettled = failsForEveryGeneric(point, ctx.options.tolerance, (p) => instanceAt(claim, note, p));
      }
      for (const d of point.doubts) if (!doubts.includes(d)) doubts.push(d);
      for (const g of point.guesses) guesses.add(g);
      if (outcome.kind !== 'ok') break;
    }
  } catch (e) {
    if (e instanceof Unverifiable) return { shapes, outcomes, doubts, guesses: [...guesses], unverifiable: doubt(e.message, e.code) };
    throw e;
  }
  return { shapes, outcomes, doubts, guesses: [...guesses], genericsSettled };
}

/** The sides under one instance of the generic functions, the left derivative vouched for by finite differences. */
function instanceAt(claim: Claim, note: VectorNote, p: WorldPoint): { left: Tensor; right: Tensor; vouched: boolean } | undefined {
  const o = evaluateAt(claim, note, p, false);
  if (o.kind !== 'ok') return undefined;
  const l = claim.left.expr!;
  if (l.kind === 'shorthand') return undefined;
  const fd = l.kind === 'derivative' ? finiteDifference(note, p, l.of, l.wrt.name, o.left) : o.left;
  return { left: o.left, right: o.right, vouched: fd !== undefined && close(o.left, fd, FD_TOLERANCE) };
}

export const okOutcomes = (r: Reading): Extract<Outcome, { kind: 'ok' }>[] =>
  r.outcomes.filter((o): o is Extract<Outcome, { kind: 'ok' }> => o.kind === 'ok');
export const failureOf = (r: Reading): Outcome | undefined => r.outcomes.find((o) => o.kind !== 'ok');

/** Where a reading's two sides differ (beyond what the engine's own rounding explains), if they do. */
export function mismatchOf(r: Reading, tol: number): Extract<Outcome, { kind: 'ok' }> | undefined {
  return failureOf(r) ? undefined : okOutcomes(r).find((o) => !close(o.left, o.right, tol) && beyondEngineError(o));
}

export const holds = (r: Reading, tol: number): boolean =>
  !r.unverifiable && !failureOf(r) && !mismatchOf(r, tol) && okOutcomes(r).length > 0;

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
      const raw =
        !withFd || point.doubts.size > 0
          ? undefined
          : finiteDifference(
              note,
              point,
              cost,
              leftExpr.of.name,
              left.map((v) => v / factor(left)),
            );
      fd = raw?.map((v) => v * factor(left));
      if (fd && !close(left, fd, FD_TOLERANCE)) {
        return {
          kind: 'fd',
          message: `backpropagation and finite differences disagree about ${describe(leftExpr)} here, so no verdict is safe`,
        };
      }
    } else if (leftExpr.kind !== 'derivative') left = ev.eval(leftExpr).value;
    else {
      const perEntry = jacobianReading(() => ev.derivative(leftExpr.of, leftExpr.wrt.name));
      // a vector by a vector, beside a matrix (or not entry by entry): the Jacobian, in the layout the right side has
      const mismatched =
        perEntry !== undefined && right.rows > 1 && right.cols > 1 && (perEntry.rows !== right.rows || perEntry.cols !== right.cols);
      if (perEntry === undefined || (mismatched && !ev.eval(leftExpr.of).value.isScalar())) {
        return jacobianOutcome(claim, note, point, right, withFd);
      }
      left = perEntry;
      // an unknown derivative (of something undefined) has nothing to difference
      fd = !withFd || point.doubts.size > 0 ? undefined : finiteDifference(note, point, leftExpr.of, leftExpr.wrt.name, left);
      if (fd && !close(left, fd, FD_TOLERANCE)) {
        return {
          kind: 'fd',
          message: `backpropagation and finite differences disagree about ${describe(leftExpr)} here, so no verdict is safe`,
        };
      }
    }
  } catch (e) {
    if (e instanceof ShapeError) return { kind: 'shape', message: `${describe(leftExpr)} cannot be formed: ${e.message}` };
    throw e;
  }
  if (left.rows !== right.rows || left.cols !== right.cols) return { kind: 'shape', message: shapeMismatch(claim, left, right) };
  if (![left, right, ...(fd ? [fd] : [])].every(allFinite)) {
    return { kind: 'fd', message: OVERFLOW };
  }
  return { kind: 'ok', left, right, fd, engine: engineCheck(right, left, fd) };
}

/** The per-entry derivative, or undefined where it is a Jacobian (entries depending on other entries). */
function jacobianReading(derivative: () => Tensor): Tensor | undefined {
  try {
    return derivative();
  } catch (e) {
    if (e instanceof Unverifiable && /Jacobian/.test(e.message)) return undefined;
    throw e;
  }
}

/** A Jacobian claim at a point: the Jacobian in the layout of the right side (either, when it is square), vouched for by differences. */
function jacobianOutcome(claim: Claim, note: VectorNote, point: WorldPoint, right: Tensor, withFd: boolean): Outcome {
  const d = claim.left.expr as Extract<Expr, { kind: 'derivative' }>;
  const j = jacobian(note, point, d.of, d.wrt.name);
  const layouts = layoutsFor(j, right);
  // (`\frac{\partial z}{\partial W} = a`: an informal Jacobian, of another shape than the note's other side; no verdict)
  if (layouts.length === 0 || j.rows === 1 || j.cols === 1)
    throw new Unverifiable(
      `${describe(d)} is a Jacobian (${shapeText(j.shape)}), and ${describe(claim.right.expr!)} (${shapeText(right.shape)}) has neither its shape nor its transpose's`,
      'unverifiable/jacobian',
    );
  if (!allFinite(j) || !allFinite(right)) return { kind: 'fd', message: OVERFLOW };
  const chosen = layouts.find((l) => close(l.value, right, FD_TOLERANCE)) ?? layouts[0];
  const raw = withFd && point.doubts.size === 0 ? jacobianByDifferences(note, point, d.of, d.wrt.name) : undefined;
  const fd = raw && (chosen.name === 'numerator layout' ? raw : transposeValues(raw));
  if (fd && !close(chosen.value, fd, FD_TOLERANCE))
    return {
      kind: 'fd',
      message: `backpropagation and finite differences disagree about the Jacobian ${describe(d)} here, so no verdict is safe`,
    };
  if (layouts.length > 1) point.guesses.add('a square Jacobian was compared in the layout that fits (numerator or denominator)');
  return { kind: 'ok', left: chosen.value, right, fd, engine: engineCheck(right, chosen.value, fd) };
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

/** Two tensors agree: same shape, and every entry by the policy's comparison. */
function close(a: Tensor, b: Tensor, tol: number): boolean {
  return a.rows === b.rows && a.cols === b.cols && closeEntries(a.data, b.data, tol);
}

function value(t: Tensor): number {
  return t.isScalar() ? t.data[0] : t.frobeniusNorm();
}

/** The three numbers: claimed, backprop and FD (norms for tensors), and the largest difference among them. */
export function engineCheck(claimed: Tensor, backprop: Tensor, fd: Tensor | undefined): EngineCheck {
  let worst = 0;
  let at = 0;
  for (let i = 0; i < claimed.size; i++) {
    const diffs = [
      Math.abs(claimed.data[i] - backprop.data[i]),
      fd ? Math.abs(claimed.data[i] - fd.data[i]) : 0,
      fd ? Math.abs(backprop.data[i] - fd.data[i]) : 0,
    ];
    const d = Math.max(...diffs);
    if (d > worst) [worst, at] = [d, i];
  }
  const tensor = !claimed.isScalar();
  return {
    claimed: value(claimed),
    backprop: value(backprop),
    finiteDifference: fd ? value(fd) : undefined,
    maxAbsError: worst,
    ...(tensor
      ? { shape: [claimed.rows, claimed.cols] as const, worstEntry: [Math.floor(at / claimed.cols), at % claimed.cols] as const }
      : {}),
  };
}

function shapeMismatch(claim: Claim, left: Tensor, right: Tensor): string {
  const l = claim.left.expr!;
  const like = l.kind === 'derivative' ? ` like ${displayName(l.wrt.name)}` : '';
  const transposed = left.rows === right.cols && left.cols === right.rows;
  const hint = transposed ? ': it is the shape of the transpose (a derivative has the shape of what it is taken with respect to)' : '';
  return `${describe(claim.right.expr!)} is ${shapeText(right.shape)} but ${describe(l)} is ${shapeText(left.shape)}${like}${hint}`;
}

export function mismatchMessage(claim: Claim, o: Extract<Outcome, { kind: 'ok' }>, shapesText: string): string {
  const e = o.engine;
  const where = e.worstEntry ? ` at entry (${e.worstEntry[0] + 1}, ${e.worstEntry[1] + 1})` : '';
  const transposedEqual = o.left.rows === o.left.cols && close(transposeValues(o.left), o.right, 1e-9);
  const lead = transposedEqual
    ? `${describe(claim.right.expr!)} is the transpose of ${describe(claim.left.expr!)}`
    : `${describe(claim.left.expr!)} is not ${describe(claim.right.expr!)}`;
  return `${lead}: they differ by ${fmt(e.maxAbsError ?? 0)}${where} at a sample point (${shapesText})`;
}

const fmt = (x: number): string => String(+x.toPrecision(3));
