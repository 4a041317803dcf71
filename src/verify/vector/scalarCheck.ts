/**
 * The engine's second opinion on a scalar claim judged by the symbolic (mathjs) path: at the same sample point, the
 * claimed value, backpropagation through the note's definitions, and finite differences. Any disagreement between
 * backpropagation, finite differences and the symbolic derivative makes the claim unverifiable, never refuted.
 */
import { symbolsOf } from '../../latex/ast';
import { ShapeError, Tensor } from '../../engine';
import type { Claim } from '../../model/types';
import type { NoteEnvironment } from '../environment';
import type { Scope } from '../sampling';
import type { EngineCheck } from '../types';
import { FD_TOLERANCE, closeValues } from '../policy';
import { genericName, parseGenericName } from '../../calculus/rules';
import { Evaluation, Unverifiable } from './evaluate';
import { engineCheck, finiteDifference } from './readingAt';
import type { VectorNote } from './note';

/** How closely backpropagation must match the symbolic derivative (both exact up to rounding: tighter than FD). */
const TOLERANCE = 1e-5;

/** The three numbers for a derivative claim at a point of the symbolic path, or why they disagree. */
export function scalarEngineCheck(
  note: VectorNote,
  env: NoteEnvironment,
  claim: Claim,
  scope: Scope,
  symbolic: number,
): EngineCheck | string | undefined {
  const left = claim.left.expr;
  if (left?.kind !== 'derivative' || !claim.right.expr) return undefined;
  const point = note.point(() => 0.5);
  for (const name of env.inputsOf([...symbolsOf(left), ...symbolsOf(claim.right.expr)])) {
    const v = scope[env.idOf(name)];
    if (typeof v === 'number') point.inputs.set(name, Tensor.scalar(v));
  }
  for (const [key, f] of Object.entries(scope)) {
    const g = parseGenericName(key);
    if (g && g.primes === 0 && typeof f === 'function') {
      point.generics.set(g.fn, (n: number): ((x: number) => number) => scope[genericName(g.fn, n)] as (x: number) => number);
    }
  }
  try {
    const ev = new Evaluation(note, point);
    const claimed = ev.eval(claim.right.expr).value;
    const backprop = ev.derivative(left.of, left.wrt.name);
    const fd = finiteDifference(note, point, left.of, left.wrt.name, backprop);
    if (point.doubts.size > 0 || !claimed.isScalar()) return undefined;
    const b = backprop.data[0];
    if (fd && !closeValues(b, fd.data[0], FD_TOLERANCE))
      return 'backpropagation and finite differences disagree here, so no verdict is safe';
    if (!closeValues(b, symbolic, TOLERANCE)) return 'the symbolic derivative and backpropagation disagree here, so no verdict is safe';
    return engineCheck(claimed, backprop, fd);
  } catch (e) {
    if (e instanceof Unverifiable || e instanceof ShapeError) return undefined;
    throw e;
  }
}
