/** Which claims need tensors: those whose sides, or the definitions they rest on, use vector notation. */
import { type Expr, symbolsOf, walk } from '../../latex/ast';
import type { Claim, NoteModel } from '../../model/types';
import type { NoteEnvironment } from '../environment';
import { TENSOR_FUNCTION_BY_NAME } from '../../tensorFunctions';

/** Transposes, sums, elementwise products, norms, course shorthand and tensor functions (softmax, diag, Tr) only make sense on tensors. */
export function usesVectorNotation(e: Expr): boolean {
  let found = false;
  walk(e, (n) => {
    found ||= n.kind === 'transpose' || n.kind === 'sum' || n.kind === 'shorthand' || n.kind === 'norm';
    found ||= (n.kind === 'binary' && n.op === 'hadamard') || (n.kind === 'call' && TENSOR_FUNCTION_BY_NAME.has(n.fn));
  });
  return found;
}

/** Decides, claim by claim, whether the vector path is needed; what it learns about symbols is kept for the next. */
export function vectorDetector(model: NoteModel, env: NoteEnvironment): (claim: Claim) => boolean {
  const declared = new Set(model.declarations.filter((d) => d.rows !== 1 || d.cols !== 1).map((d) => d.symbol));
  // a symbol the note transposes anywhere (`W^T` in one claim) is a matrix in its other claims too (`W \delta`)
  for (const e of noteExprs(model)) walk(e, (n) => n.kind === 'transpose' && n.arg.kind === 'symbol' && declared.add(n.arg.name));
  const memo = new Map<string, boolean>();
  // does this symbol's value (through its definitions) involve vector notation or a declared non-scalar?
  const vectorish = (s: string): boolean => {
    let v = memo.get(s);
    if (v === undefined) {
      const def = model.definitions.get(s)?.value.expr;
      v = declared.has(s) || (def !== undefined && usesVectorNotation(def));
      memo.set(s, v);
    }
    return v;
  };
  return (claim) => {
    if (claim.kind === 'update') return true;
    const sides = [claim.left.expr, claim.right.expr].filter((e): e is Expr => e !== undefined);
    if (sides.some(usesVectorNotation)) return true;
    return sides.some((side) => [...symbolsOf(side)].some((s) => vectorish(s) || [...env.dependencies(s)].some(vectorish)));
  };
}

function noteExprs(model: NoteModel): Expr[] {
  const out: Expr[] = [];
  for (const d of model.definitions.values()) if (d.value.expr) out.push(d.value.expr);
  for (const c of model.claims) for (const e of [c.left.expr, c.right.expr]) if (e) out.push(e);
  return out;
}
