/** How the tensor judge reads a claim beside its usual shapes: its doubts, and readings that only fit by collapsing. */
import { walk, symbolsOf } from '../../latex/ast';
import { displayName } from '../../latex/notation';
import type { Claim } from '../../model/types';
import { claimDoubts } from '../doubts';
import { type Doubt, doubt } from '../reasons';
import { COUNTS } from '../sampling';
import type { VectorNote } from './note';
import { hasMatrix } from './numericTensors';

/** The policy's doubts about the claim, with what the tensor reading allows on the right (sizes, a shorthand's cost). */
export function vectorDoubts(claim: Claim, note: VectorNote): Doubt[] {
  const context: string[] = [];
  // dW stands for ∂J/∂W: what J depends on may appear on the right
  for (const side of claim.context) {
    if (!side.expr) continue;
    walk(side.expr, (n) => {
      const cost = n.kind === 'shorthand' ? note.costFor(n.of.name) : undefined;
      if (cost) context.push(cost);
    });
  }
  // (a size, or a count the note writes, `\frac{1}{N}\sum_{k=1}^{N}` of a cost a reading has since replaced)
  const doubts = claimDoubts(
    claim,
    note.env,
    (s) => note.shapes.sizeSymbols.has(s) || (COUNTS.has(s) && note.model.variables.has(s)),
    context,
  );
  if (claim.approximate) doubts.push(doubt('it is written with ≈, as an approximation'));
  // values the note writes out as matrices of numbers are rounded: a difference near their last digit proves nothing
  const literal = writtenMatrices(note);
  const written =
    literal.size === 0
      ? undefined
      : [...note.reachedBy(claim.left.expr!), ...note.reachedBy(claim.right.expr!)].find((name) => literal.has(name));
  if (written) doubts.push(doubt(`${displayName(written)} is a matrix of rounded numbers the note writes out`, 'unverifiable/rounding'));
  return doubts;
}

/** The shapes the claim's symbols were given, for messages: "W^{[2]} 4×3, A^{[1]} 3×6". */
/**
 * Whether the reading without conventions holds only by making a dimension 1 that the usual reading gives several
 * entries (`db = \frac{1}{m} np.sum(dZ, axis=0)` holds if the layer has one unit): a degenerate fit, not a reading.
 */
export function collapses(
  claim: Claim,
  note: VectorNote,
  usual: ReturnType<VectorNote['forClaim']>,
  other: ReturnType<VectorNote['forClaim']>,
): boolean {
  const names = new Set([...symbolsOf(claim.left.expr!), ...symbolsOf(claim.right.expr!)]);
  return [...names].some((n) => {
    const [a, b] = [note.shapeOf(n, usual), note.shapeOf(n, other)];
    return a[0] * a[1] > 1 && b[0] * b[1] > 1 && (a[0] > 1 && a[1] > 1) !== (b[0] > 1 && b[1] > 1);
  });
}

/** Whether a reading holds only by making a vector or matrix of the usual reading a single number (δ x = δ xᵀ as numbers). */
export function shrinks(
  claim: Claim,
  note: VectorNote,
  usual: ReturnType<VectorNote['forClaim']>,
  other: ReturnType<VectorNote['forClaim']>,
): boolean {
  const names = new Set([...note.reachedBy(claim.left.expr!), ...note.reachedBy(claim.right.expr!)]);
  return [...names].some((n) => {
    const [a, b] = [note.shapeOf(n, usual), note.shapeOf(n, other)];
    return a[0] * a[1] > 1 && b[0] * b[1] === 1;
  });
}

export function shapeSummary(claim: Claim, note: VectorNote, shapes: ReturnType<VectorNote['forClaim']>): string {
  const names = [...new Set([...symbolsOf(claim.left.expr!), ...symbolsOf(claim.right.expr!)])].filter((n) => !shapes.sizeSymbols.has(n));
  const shown = names.map((n) => `${displayName(n)} ${note.shapeOf(n, shapes).join('×')}`).slice(0, 6);
  return `shapes ${shown.join(', ')}`;
}

const matricesByNote = new WeakMap<VectorNote, Set<string>>();

/** The names the note defines with a matrix of numbers written out (once per note). */
function writtenMatrices(note: VectorNote): Set<string> {
  let out = matricesByNote.get(note);
  if (!out) {
    out = new Set<string>();
    for (const [name, d] of note.model.definitions) if (d.value.expr && hasMatrix(d.value.expr)) out.add(name);
    matricesByNote.set(note, out);
  }
  return out;
}
