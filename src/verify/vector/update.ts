/**
 * Update rules: `W := W - \alpha\, dW`, `w \leftarrow w - \eta \frac{\partial L}{\partial w}`. The step the rule
 * takes is compared with the gradient of the cost: a descent step (⟨∇J, step⟩ < 0, and a small step lowers J) is
 * verified; an ascent step is refuted for a loss the note minimises. The learning rate is positive, whatever else the
 * note calls α; a step along a velocity (momentum, Adam) is not judged at a point.
 */
import { type Expr, childrenOf, symbolsOf } from '../../latex/ast';
import { displayName } from '../../latex/notation';
import { ShapeError, type Tensor, constant, shapeText } from '../../engine';
import type { Claim } from '../../model/types';
import type { JudgeContext, ResultBuilder } from '../judge';
import { hashString, makeRng } from '../sampling';
import type { ClaimResult, UpdateDetail } from '../types';
import { excerpt } from './detail';
import { Evaluation, Unverifiable } from './evaluate';
import type { VectorNote } from './note';
import type { ReasonOf } from '../reasons';

/** The cost an update follows: the one its gradient names (∂L/∂w), else the note's cost J (for dW). */
function costOf(right: Expr, param: string, note: VectorNote): string | undefined {
  let named: string | undefined;
  const visit = (e: Expr): void => {
    if (e.kind === 'derivative' && e.wrt.name === param && e.of.kind === 'symbol') named ??= e.of.name;
    if (e.kind === 'binary') [e.left, e.right].forEach(visit);
    if (e.kind === 'negate' || e.kind === 'labelled') visit(e.kind === 'negate' ? e.arg : e.expr);
  };
  visit(right);
  return named ?? note.costFor(param);
}

/** The shapes of the cost and all it reaches, as the note sizes them. */
function shapesReached(note: VectorNote, cost: Expr): { name: string; shape: string }[] {
  return [...new Set([...symbolsOf(cost), ...note.reachedBy(cost)])]
    .filter((n) => !note.shapes.sizeSymbols.has(n))
    .map((name) => {
      const [r, c] = note.shapeOf(name);
      return { name, shape: note.sizes.show(`${r}×${c}`) };
    });
}

const dot = (a: Tensor, b: Tensor): number => a.data.reduce((s, x, i) => s + x * b.data[i], 0);

/** Symbols a plain gradient step may use besides its parameter and the gradient: learning rates, sizes, decay. */
const STEP_SCALARS = new Set(['\\alpha', '\\eta', '\\gamma', '\\epsilon', '\\lambda', '\\beta', 'm', 'n', 'N', 'M']);
/** Costs a note minimises by name; ℓ (a log-likelihood) and other names may be maximised. */
const MINIMISED = new Set(['J', 'C', 'L', 'E', '\\mathcal{L}', '\\mathcal{J}', 'Loss', 'loss', 'Error']);

/**
 * What in the step is neither the parameter, a learning rate or size, nor a derivative of the cost: a velocity or
 * a running average (`v`, `m_t` of momentum and Adam), whose direction one point cannot relate to the gradient.
 */
function foreignInStep(right: Expr, param: string, note: VectorNote, cost: string | undefined): string | undefined {
  let found: string | undefined;
  // the gradient written out uses the cost's own inputs (`x^{(i)}`, `y^{(i)}`): those are no velocity
  const data = cost ? note.env.inputsOf([cost]) : new Set<string>();
  const visit = (e: Expr): void => {
    if (found) return;
    if (e.kind === 'derivative' || e.kind === 'shorthand') return;
    if (e.kind === 'symbol') {
      if (e.name !== param && !STEP_SCALARS.has(e.name) && !note.model.definitions.has(e.name) && !data.has(e.name)) found = e.name;
      return;
    }
    for (const c of childrenOf(e)) visit(c);
  };
  visit(right);
  return found;
}

const POINTS = 6;

/**
 * The gradient a step is by its form, `θ − α ∂K/∂θ` (or `θ − α\, dθ` in course shorthand) with α a product of
 * positive rates and sizes: the step of gradient descent on K whatever K is, so it holds even where the note never
 * says how K depends on θ.
 */
function descentByForm(right: Expr, param: string): string | undefined {
  if (right.kind !== 'binary' || right.op !== '-' || right.left.kind !== 'symbol' || right.left.name !== param) return undefined;
  let gradient: string | undefined;
  const positive = (e: Expr): boolean => {
    if (e.kind === 'number') return e.value > 0;
    if (e.kind === 'symbol') return STEP_SCALARS.has(e.name.replace(/_.*$/, ''));
    if (e.kind === 'binary' && (e.op === '*' || e.op === '/')) return positive(e.left) && positive(e.right);
    return false;
  };
  const visit = (e: Expr): boolean => {
    if (e.kind === 'derivative' && e.wrt.name === param && e.of.kind === 'symbol' && gradient === undefined) {
      gradient = `∂${displayName(e.of.name)}/∂${displayName(param)}`;
      return true;
    }
    if (e.kind === 'shorthand' && e.of.name === param && gradient === undefined) {
      gradient = `d${displayName(param)}`;
      return true;
    }
    if (e.kind === 'binary' && e.op === '*') return (visit(e.left) && positive(e.right)) || (positive(e.left) && visit(e.right));
    if (e.kind === 'binary' && e.op === '/') return visit(e.left) && positive(e.right);
    return false;
  };
  return visit(right.right) ? gradient : undefined;
}

export function judgeUpdate(claim: Claim, note: VectorNote, ctx: JudgeContext, result: ResultBuilder): ClaimResult {
  const judged = judgeNumerically(claim, note, ctx, result);
  if (judged.verdict !== 'unverifiable' || claim.left.expr?.kind !== 'symbol') return judged;
  const gradient = descentByForm(claim.right.expr!, claim.left.expr.name);
  if (!gradient) return judged;
  const param = displayName(claim.left.expr.name);
  return result({
    verdict: 'verified',
    code: 'verified/descent-step',
    message: `a gradient-descent step by its form: ${param} minus a positive multiple of ${gradient}, which lowers the cost for a small enough rate whatever the cost is (not checked at values: ${judged.message})`,
  });
}

function judgeNumerically(claim: Claim, note: VectorNote, ctx: JudgeContext, result: ResultBuilder): ClaimResult {
  const unverifiable = (code: ReasonOf<'unverifiable'>, message: string): ClaimResult => result({ verdict: 'unverifiable', code, message });
  const left = claim.left.expr!;
  if (left.kind !== 'symbol') return unverifiable('unverifiable/unsupported', 'an update rule must assign to a variable');
  const param = left.name;
  const named = costOf(claim.right.expr!, param, note);
  const other = foreignInStep(claim.right.expr!, param, note, named);
  if (other)
    return unverifiable(
      'unverifiable/update-direction',
      `the step follows ${displayName(other)}, which neither the cost nor its gradient is written with (a velocity or running average, as in momentum or Adam?): one point cannot tell its direction`,
    );
  const cost = named;
  if (!cost || !note.model.definitions.has(cost))
    return unverifiable(
      'unverifiable/missing-cost',
      `an update rule of ${displayName(param)} needs the cost it descends, which this note does not define`,
    );
  const rng = makeRng(ctx.options.seed ^ hashString(ctx.source(claim.at)));
  const signs = new Set<number>();
  let shown: string | undefined;
  let detail: UpdateDetail | undefined;
  let nonNegative = true;
  try {
    // several points: at one, the gradient may vanish (a ReLU off, say); the sign must agree at every point it does not
    for (let k = 0; k < POINTS; k++) {
      const point = note.point(rng);
      const ev = new Evaluation(note, point);
      const before = ev.symbol(param).value;
      const after = ev.eval(claim.right.expr!).value;
      if (after.rows !== before.rows || after.cols !== before.cols) {
        return unverifiable(
          'unverifiable/shape',
          `the update gives ${shapeText(after.shape)} but ${displayName(param)} is ${shapeText(before.shape)} under the shapes read here`,
        );
      }
      const step = after.clone();
      for (let i = 0; i < step.size; i++) step.data[i] -= before.data[i];
      const costExpr: Expr = { kind: 'symbol', name: cost, span: { start: 0, end: 0 } };
      const gradient = ev.derivative(costExpr, param);
      const inner = dot(gradient, step);
      const scale = gradient.frobeniusNorm() * step.frobeniusNorm();
      if (point.doubts.size > 0) return unverifiable('unverifiable/ambiguous-reading', [...point.doubts][0]);
      const j = (t: Tensor): number => new Evaluation(note, point, new Map([[param, constant(t)]])).symbol(cost).value.data[0];
      const j0 = j(before);
      if (!(j0 >= 0)) nonNegative = false;
      if (!(scale > 0) || Math.abs(inner) <= 1e-9 * scale) continue;
      signs.add(Math.sign(inner));
      if (shown === undefined) {
        const small = before.clone();
        for (let i = 0; i < small.size; i++) small.data[i] += 1e-4 * step.data[i];
        const j1 = j(small);
        const fmt = (x: number): string => String(+x.toPrecision(6));
        shown = `${j1 < j0 ? 'lowers' : 'raises'} ${displayName(cost)} by ${Math.abs(j1 - j0).toExponential(2)} (from ${fmt(j0)})`;
        detail = {
          param,
          cost,
          step: excerpt(step),
          gradient: excerpt(gradient),
          alignment: inner / scale,
          lossBefore: j0,
          lossAfter: j1,
          shapes: shapesReached(note, costExpr),
        };
      }
    }
  } catch (e) {
    if (e instanceof Unverifiable) return unverifiable(e.code, e.message);
    if (e instanceof ShapeError)
      return unverifiable('unverifiable/shape', `the update cannot be formed under the shapes read here: ${e.message}`);
    throw e;
  }
  const d = `∂${displayName(cost)}/∂${displayName(param)}`;
  if (signs.size === 0)
    return unverifiable(
      'unverifiable/update-direction',
      `the step is (nearly) orthogonal to ${d} at every point tried, so it neither descends nor ascends`,
    );
  if (signs.size > 1)
    return unverifiable('unverifiable/update-direction', `the step points against ${d} at some points and along it at others`);
  if (signs.has(-1))
    return result({
      verdict: 'verified',
      code: 'verified/descent-step',
      message: `a descent step: it points against ${d}, and a small step along it ${shown}`,
      update: detail,
    });
  // an ascent step is wrong only for a cost the note minimises: a loss by name that never goes below zero
  if (!MINIMISED.has(cost.replace(/_.*$/, '')) || !nonNegative) {
    return unverifiable(
      'unverifiable/ambiguous-reading',
      `an ascent step: it points along ${d}, which is right if the note maximises ${displayName(cost)} (a likelihood, say), wrong if it minimises it`,
    );
  }
  // (the fix: `θ + α g` written `θ − α g`)
  const r = claim.right.expr!;
  const expected =
    r.kind === 'binary' && r.op === '+' && !r.inner
      ? `${ctx.source({ block: claim.right.block, span: r.left.span }).trim()} - ${ctx.source({ block: claim.right.block, span: r.right.span }).trim()}`
      : undefined;
  return result({
    verdict: 'refuted',
    code: 'refuted/ascent-step',
    message: `an ascent step: it points along ${d}, so a small step ${shown}; the sign should be minus`,
    update: detail,
    ...(expected && { expected, repair: { kind: 'sign' } }),
  });
}
