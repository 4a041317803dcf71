/** Which claims need tensors: those whose sides, or the definitions they rest on, use vector notation. */
import { type Expr, symbolsOf, walk } from '../../latex/ast';
import type { Claim, NoteModel } from '../../model/types';
import type { NoteEnvironment } from '../environment';

/** Transposes, sums, elementwise products, norms, course shorthand and softmax only make sense on tensors. */
export function usesVectorNotation(e: Expr): boolean {
  let found = false;
  walk(e, (n) => {
    found ||= n.kind === 'transpose' || n.kind === 'sum' || n.kind === 'shorthand' || n.kind === 'norm';
    found ||= (n.kind === 'binary' && n.op === 'hadamard') || (n.kind === 'call' && n.fn === 'softmax');
  });
  return found;
}

/** Does the claim need the vector path (or is it an update rule, which the engine judges)? */
export function needsVectors(claim: Claim, model: NoteModel, env: NoteEnvironment): boolean {
  if (claim.kind === 'update') return true;
  const sides = [claim.left.expr, claim.right.expr].filter((e): e is Expr => e !== undefined);
  if (sides.some(usesVectorNotation)) return true;
  const declared = new Set(model.declarations.filter((d) => d.rows * d.cols > 1).map((d) => d.symbol));
  for (const side of sides) {
    for (const s of symbolsOf(side)) {
      for (const d of [s, ...env.dependencies(s)]) {
        if (declared.has(d)) return true;
        const def = model.definitions.get(d)?.value.expr;
        if (def && usesVectorNotation(def)) return true;
      }
    }
  }
  return false;
}
