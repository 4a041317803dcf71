/**
 * Update rules: `W := W - \alpha\, dW`, `w \leftarrow w - \eta \frac{\partial L}{\partial w}`. The step the rule
 * takes is compared with the gradient of the cost: a descent step (⟨∇J, step⟩ < 0, and a small step lowers J) is
 * verified; an ascent step is refuted. The learning rate is positive, whatever else the note calls α.
 */
import type { Expr } from '../../latex/ast';
import { displayName } from '../../latex/notation';
import { ShapeError, type Tensor, constant, shapeText } from '../../engine';
import type { Claim } from '../../model/types';
import type { JudgeContext, ResultBuilder } from '../judge';
import { hashString, makeRng } from '../sampling';
import type { ClaimResult } from '../types';
import { Evaluation, Unverifiable } from './evaluate';
import type { VectorNote } from './note';

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

const dot = (a: Tensor, b: Tensor): number => a.data.reduce((s, x, i) => s + x * b.data[i], 0);

export function judgeUpdate(claim: Claim, note: VectorNote, ctx: JudgeContext, result: ResultBuilder): ClaimResult {
  const unverifiable = (message: string): ClaimResult => result({ verdict: 'unverifiable', message });
  const left = claim.left.expr!;
  if (left.kind !== 'symbol') return unverifiable('an update rule must assign to a variable');
  const param = left.name;
  const cost = costOf(claim.right.expr!, param, note);
  if (!cost || !note.model.definitions.has(cost)) return unverifiable(`an update rule of ${displayName(param)} needs the cost it descends, which this note does not define`);
  const rng = makeRng(ctx.options.seed ^ hashString(ctx.source(claim.at)));
  const point = note.point(rng);
  try {
    const ev = new Evaluation(note, point);
    const before = ev.symbol(param).value;
    const after = ev.eval(claim.right.expr!).value;
    if (after.rows !== before.rows || after.cols !== before.cols) {
      return result({ verdict: 'refuted', message: `the update gives ${shapeText(after.shape)} but ${displayName(param)} is ${shapeText(before.shape)}` });
    }
    const step = after.clone();
    for (let i = 0; i < step.size; i++) step.data[i] -= before.data[i];
    const costExpr: Expr = { kind: 'symbol', name: cost, span: { start: 0, end: 0 } };
    const gradient = ev.derivative(costExpr, param);
    const inner = dot(gradient, step);
    const scale = gradient.frobeniusNorm() * step.frobeniusNorm();
    if (point.doubts.size > 0) return unverifiable([...point.doubts][0]);
    if (!(scale > 0) || Math.abs(inner) <= 1e-9 * scale) return unverifiable(`the step is (nearly) orthogonal to ∂${displayName(cost)}/∂${displayName(param)} here, so it neither descends nor ascends`);
    const j = (t: Tensor): number => new Evaluation(note, point, new Map([[param, constant(t)]])).symbol(cost).value.data[0];
    const small = before.clone();
    for (let i = 0; i < small.size; i++) small.data[i] += 1e-4 * step.data[i];
    const j0 = j(before);
    const j1 = j(small);
    const fmt = (x: number): string => String(+x.toPrecision(6));
    const change = `${j1 < j0 ? 'lowers' : 'raises'} ${displayName(cost)} by ${Math.abs(j1 - j0).toExponential(2)} (from ${fmt(j0)})`;
    if (inner < 0) {
      return result({ verdict: 'verified', message: `a descent step: it points against ∂${displayName(cost)}/∂${displayName(param)}, and a small step along it ${change}` });
    }
    return result({ verdict: 'refuted', message: `an ascent step: it points along ∂${displayName(cost)}/∂${displayName(param)}, so a small step ${change}; the sign should be minus` });
  } catch (e) {
    if (e instanceof Unverifiable) return unverifiable(e.message);
    if (e instanceof ShapeError) return result({ verdict: 'refuted', message: `the update cannot be formed: ${e.message}` });
    throw e;
  }
}
