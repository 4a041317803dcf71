/**
 * Steps of a worked example written with matrices of numbers (`\begin{bmatrix} 0.15 & 0.2 \end{bmatrix}
 * \begin{bmatrix} 0.05 \\ 0.1 \end{bmatrix} = 0.0275`): both sides computed from the numbers as printed, and compared
 * to the rounding those numbers carry (a rounded result's half unit in its last digit, carried through the step; a value
 * of one or two decimals is taken as given exactly). Verified
 * within it; a larger difference is reported, not refuted (a printed matrix's rounding is not yet tracked entry by entry).
 */
import { type Expr, mapExpr, walk } from '../../latex/ast';
import { ShapeError, type Tensor, shapeText } from '../../engine';
import type { Claim, Side } from '../../model/types';
import { describe } from '../describe';
import type { JudgeContext, ResultBuilder } from '../judge';
import { makeRng } from '../sampling';
import type { ClaimResult } from '../types';
import { Evaluation, Unverifiable } from './evaluate';
import type { VectorNote } from './note';

/** From this many decimals on, a number is taken for a rounded result rather than a given value. */
const ROUNDED_DECIMALS = 3;

/** Whether an expression writes out a matrix of numbers. */
export const hasMatrix = (e: Expr): boolean => {
  let found = false;
  walk(e, (n) => (found ||= n.kind === 'call' && n.fn === 'matrix'));
  return found;
};

/**
 * Whether an expression is numbers only, through the definitions of the names it uses (`A^{[1]} = \sigma(Z^{[1]})`
 * with `Z^{[1]}` a product of matrices of numbers): a value of the worked example, whatever its inputs are.
 */
function numericThrough(e: Expr, note: VectorNote, seen = new Map<string, boolean>()): boolean {
  let ok = true;
  walk(e, (n) => {
    if (!ok) return;
    if (n.kind === 'derivative' || n.kind === 'shorthand') ok = false;
    else if (n.kind === 'symbol') {
      if (!seen.has(n.name)) {
        seen.set(n.name, false);
        const body = note.model.definitions.get(n.name)?.value.expr;
        seen.set(n.name, body !== undefined && numericThrough(body, note, seen));
      }
      ok = seen.get(n.name)!;
    }
  });
  return ok;
}

/** Whether the expression or the definitions it rests on write out a matrix of numbers. */
function reachesMatrix(e: Expr, note: VectorNote): boolean {
  return (
    hasMatrix(e) ||
    [...note.reachedBy(e)].some((name) => {
      const body = note.model.definitions.get(name)?.value.expr;
      return body !== undefined && hasMatrix(body);
    })
  );
}

/** The verdict of a step of numbers with a matrix written out; undefined for any other claim. */
export function judgeNumericTensors(claim: Claim, note: VectorNote, ctx: JudgeContext, result: ResultBuilder): ClaimResult | undefined {
  const [l, r] = [claim.left.expr, claim.right.expr];
  if (!l || !r || !numericThrough(l, note) || !numericThrough(r, note) || (!reachesMatrix(l, note) && !reachesMatrix(r, note)))
    return undefined;
  const value = (e: Expr): Tensor => new Evaluation(note, note.point(makeRng(1))).eval(e).value;
  let left: Tensor;
  let right: Tensor;
  try {
    [left, right] = [value(l), value(r)];
  } catch (e) {
    if (e instanceof ShapeError)
      return result({
        verdict: 'unverifiable',
        code: 'unverifiable/shape',
        message: `the step cannot be formed from its numbers: ${e.message}`,
      });
    if (e instanceof Unverifiable) return undefined;
    throw e;
  }
  if (left.rows !== right.rows || left.cols !== right.cols) {
    return result({
      verdict: 'unverifiable',
      code: 'unverifiable/shape',
      message: `${describe(l)} is ${shapeText(left.shape)} but ${describe(r)} is ${shapeText(right.shape)}`,
    });
  }
  // how far each entry may move when every printed number moves by half a unit of its last digit
  const spread = (side: Side, base: Tensor): Float64Array => {
    const out = new Float64Array(base.size);
    walk(side.expr!, (n) => {
      if (n.kind !== 'number') return;
      const text = ctx.source({ block: side.block, span: n.span });
      // (a number of one or two decimals, 0.05 or 0.4, is a value the example gives; one of more, 0.3775, a rounded result)
      const decimals = /\.(\d+)/.exec(text)?.[1].length ?? 0;
      if (decimals < ROUNDED_DECIMALS) return;
      const half = 0.5 * 10 ** -decimals;
      const moved = value(mapExpr(side.expr!, (x) => (x === n ? { ...x, value: n.value + half } : x)));
      for (let i = 0; i < out.length; i++) out[i] += Math.abs(moved.data[i] - base.data[i]);
    });
    return out;
  };
  const [sl, sr] = [spread(claim.left, left), spread(claim.right, right)];
  const worst = left.data.reduce((m, x, i) => Math.max(m, Math.abs(x - right.data[i]) - (sl[i] + sr[i])), -Infinity);
  const scale = Math.max(1, ...left.data.map(Math.abs));
  if (worst <= 1e-12 * scale) {
    return result({
      verdict: 'verified',
      code: 'verified/example',
      message: `holds at the numbers as written (${shapeText(left.shape)}), to the rounding they are printed with`,
    });
  }
  const at = left.data.findIndex((x, i) => Math.abs(x - right.data[i]) - (sl[i] + sr[i]) === worst);
  return result({
    verdict: 'unverifiable',
    code: 'unverifiable/rounding',
    message: `entry ${Math.floor(at / left.cols) + 1},${(at % left.cols) + 1} is ${+left.data[at].toPrecision(6)} on the left and ${+right.data[at].toPrecision(6)} on the right, more than the rounding of its numbers explains (a matrix written out is not refuted yet)`,
  });
}
