/**
 * Judges a claim on tensors: both sides evaluated with the engine at random points of the note's inputs (with the
 * shapes the note gives them), a derivative by backpropagation and by finite differences. Refuted for a wrong
 * shape (with both shapes), a transpose, or different values, and only when everything the claim uses is known and
 * backpropagation agrees with finite differences; otherwise unverifiable with the reason.
 */
import { symbolsOf } from '../../latex/ast';
import { displayName } from '../../latex/notation';
import type { Claim } from '../../model/types';
import { describe } from '../describe';
import { type JudgeContext, chainRuleVerified } from '../judge';
import { analyseChain } from '../structure';
import type { ClaimResult } from '../types';
import type { VectorNote } from './note';
import { judgeUpdate } from './update';
import { sameFactorEverywhere } from './generics';
import { isLabelName } from './roles';
import { judgeNumericTensors } from './numericTensors';
import { collapses, shapeSummary, shrinks, vectorDoubts } from './claimReadings';
import { claimDoubts, isDerivative } from '../doubts';
import { type Finding, decide, isZero, sidesHave, vanishesEverywhere, VANISHING_MESSAGE } from '../policy';
import { type ReasonOf, doubt, refutedCode } from '../reasons';
import { judgeExampleStep } from '../exampleJudge';
import type { ShapeInference } from './shapes';
import { tensorDetail } from './detail';
import { orderRepair, repairNote, tensorRepair } from './repairs';

import { type Reading, failureOf, holds, mismatchMessage, mismatchOf, okOutcomes, read } from './readingAt';
/** Judges a claim that needs tensors (or is an update rule). */
export function judgeVectorClaim(claim: Claim, note: VectorNote, ctx: JudgeContext, uses: string[]): ClaimResult {
  // (messages show the note's sizes, not the small ones a large declared size is checked at)
  const result = (r: Omit<ClaimResult, 'claim' | 'uses'>): ClaimResult => ({ claim, uses, ...r, message: note.sizes.show(r.message) });
  const unverifiable = (code: ReasonOf<'unverifiable'>, message: string): ClaimResult => result({ verdict: 'unverifiable', code, message });
  for (const side of [claim.left, claim.right])
    if (!side.expr) return unverifiable('unverifiable/parse-error', `could not read ${ctx.source(side)}: ${side.error}`);
  if (claim.kind === 'update') return judgeUpdate(claim, note, ctx, result);
  const numeric = judgeNumericTensors(claim, note, ctx, result);
  if (numeric) return numeric;
  if (claim.unverifiable) return unverifiable('unverifiable/unsupported', claim.unverifiable);
  const tol = ctx.options.tolerance;
  const doubts = vectorDoubts(claim, note);
  let reading = read(claim, note, note.forClaim(claim.left.expr, claim.right.expr), ctx);
  if (reading.unverifiable) {
    // a chain of Jacobians (∂C/∂W = ∂C/∂a ∂a/∂z ∂z/∂W) is the chain rule when its links connect and every path
    // passes through them, whatever the tensors are
    const left = claim.left.expr!;
    const chain = left.kind === 'derivative' ? analyseChain(note.env, left, claim.right.expr!) : undefined;
    if (chain?.status === 'valid') return chainRuleVerified(claim, chain.order!, result, reading.unverifiable.message);
    return unverifiable(reading.unverifiable.code, reading.unverifiable.message);
  }
  const fd = failureOf(reading);
  if (fd?.kind === 'fd') return unverifiable('unverifiable/numerics', fd.message);
  let alternative = false;
  // shapes the note never fixes (inputs nothing it defines uses) that fail to meet: the claim's own sides settle them
  if (failureOf(reading)?.kind === 'shape' && note.unanchored(namedByClaim(claim)).length > 0) {
    const other = read(claim, note, note.withoutConventions(claim.left.expr!, claim.right.expr!), ctx);
    // (not a reading that holds only because some matrix of it has a single row or column)
    const degenerate =
      holds(other, tol) && (collapses(claim, note, reading.shapes, other.shapes) || shrinks(claim, note, reading.shapes, other.shapes));
    if (!other.unverifiable && !failureOf(other) && !degenerate) [reading, alternative] = [other, holds(other, tol)];
  }
  if (!holds(reading, tol)) {
    // a step that substitutes numbers is judged at the note's own values
    if (ctx.example?.isExampleStep(claim))
      return judgeExampleStep(claim, ctx.example, (allowed) => claimDoubts(claim, note.env, allowed), result, ctx.options.tolerance);
    // the conventions of notes (columns, a bias column, m samples as columns) may be what fails: read the shapes
    // from the note's equations alone, and keep whichever reading holds
    const conventions = conventionalShapes(claim, note, reading.shapes);
    if (conventions.length > 0) {
      const other = read(claim, note, note.withoutConventions(claim.left.expr!, claim.right.expr!), ctx);
      const usable = !other.unverifiable && failureOf(other)?.kind !== 'fd';
      // it holds without the conventions: verified under that reading; it fails under both: the conventions are not
      // what fails, and the usual reading (with its clearer message) is the judge's; no second reading: no verdict
      if (!usable) return unverifiable('unverifiable/shape', `${failureMessage(claim, reading, tol)}, but ${conventions[0]}`);
      if (
        holds(other, tol) &&
        (collapses(claim, note, reading.shapes, other.shapes) || shrinks(claim, note, reading.shapes, other.shapes))
      ) {
        return unverifiable(
          'unverifiable/shape',
          `${failureMessage(claim, reading, tol)}; it holds only if some matrix of it has a single row or column (${shapeSummary(claim, note, other.shapes)})`,
        );
      }
      if (holds(other, tol)) {
        alternative = true;
        reading = other;
      } else if (shapeOfVariableByConvention(claim, reading) && !failureOf(other) && mismatchOf(other, tol)) {
        // ∂L/∂w "3×1 like w" only because w was taken for a column: the difference the other reading finds is the reason
        reading = other;
      }
    }
  }
  // a note may write its vectors as rows (`\mathbf y \log \mathbf s^\top`, `x W`): read so, a claim that fails as
  // columns may hold; only a verification rests on that reading
  let rows = false;
  if (!holds(reading, tol) && !declaresAll(claim, note, reading.shapes)) {
    const asRows = read(claim, note, note.withoutConventions(claim.left.expr!, claim.right.expr!, true), ctx);
    if (
      holds(asRows, tol) &&
      !collapses(claim, note, reading.shapes, asRows.shapes) &&
      !shrinks(claim, note, reading.shapes, asRows.shapes)
    ) {
      rows = true;
      reading = asRows;
    }
  }
  const shapes = reading.shapes;
  const shapesText = shapeSummary(claim, note, shapes);
  // (a difference every instance of a generic function leaves alike is no doubt about that function)
  const generic = (d: string): boolean =>
    d.endsWith('is a generic function here; the claim may hold only for a particular ' + d.split(' is a generic')[0]);
  // (nor is a cost read into the note, when the sides differ by one factor at every point, each with its own cost)
  // (not with course shorthand in the claim: its factor m for dZ, dA is a convention, and a factor m its reading)
  const shorthand = sidesHave(claim, (n) => n.kind === 'shorthand');
  const factor =
    claim.costReading !== undefined && !shorthand && !failureOf(reading) ? sameFactorEverywhere(okOutcomes(reading), tol) : undefined;
  const costSettled = factor !== undefined;
  const met = reading.doubts
    .filter((d) => !(reading.genericsSettled && generic(d)))
    .map((d) => doubt(d, generic(d) ? 'unverifiable/generic-function' : 'unverifiable/ambiguous-reading'));
  const allDoubts = [...doubts, ...met].filter((d) => !(costSettled && d.message === claim.costReading));
  const guesses = reading.guesses.map((g) => doubt(g));
  if (!holds(reading, tol) && ctx.example?.holdsAtExample(claim))
    allDoubts.push(
      doubt(
        'it fails at random points but holds at the values the note gives: it may be meant for this example only',
        'unverifiable/example-only',
      ),
    );
  const bad = failureOf(reading);
  // no refutation rests on a reading the checker chose: a product's kind, a sum's range, index notation
  if (bad?.kind === 'shape') {
    // a step rewrites the expression before it: a shape it cannot form is the reading's, unless the note declares them
    const step =
      claim.kind === 'step' && !declaresAll(claim, note, shapes)
        ? [
            doubt(
              'a step of a derivation formed the expression before it, so this shape is the reading’s doing, not the note’s (declare the shapes to check it)',
              'unverifiable/shape',
            ),
          ]
        : [];
    // (a cost read into the note, a generic function applied entry by entry: doubts about values; a shape fails
    // whatever the cost or the function)
    const free = note.unanchored(namedByClaim(claim));
    const unfixed =
      free.length > 0
        ? [
            doubt(
              `the note fixes no shape for ${free.map(displayName).join(', ')} (nothing it defines or declares uses ${free.length > 1 ? 'them' : 'it'}), so these sizes were the checker's choice`,
              'unverifiable/shape',
            ),
          ]
        : [];
    // (a `*` no product can form may be a convolution, `a^l * \delta^{l+1}` of a convolutional layer)
    const convolution = sidesHave(claim, (n) => n.kind === 'binary' && n.asterisk === true)
      ? [doubt('a `*` that no product of these shapes forms may be a convolution, which is not checked', 'unverifiable/unsupported')]
      : [];
    const decision = decide(
      { kind: 'differ' },
      [...allDoubts.filter((d) => d.message !== claim.costReading && !generic(d.message)), ...guesses, ...step, ...unfixed, ...convolution],
      tol,
    );
    if (decision.verdict !== 'unverifiable') {
      const fix = orderRepair(
        claim,
        (span) => ctx.source({ block: claim.right.block, span }),
        (right) => holds(read({ ...claim, right: { ...claim.right, expr: right } }, note, shapes, ctx), tol),
      );
      return result({
        verdict: 'refuted',
        code: fix ? refutedCode({ repair: fix.repair }) : 'refuted/shape',
        message: `${bad.message} (${shapesText})${repairNote(fix?.repair)}`,
        tensor: tensorDetail(claim, note, shapes),
        ...(fix && { repair: fix.repair, expected: fix.expected }),
      });
    }
    return unverifiable(
      decision.code === 'unverifiable/ambiguous-reading' ? 'unverifiable/shape' : decision.code,
      `${bad.message}, but ${decision.reason}`,
    );
  }
  const oks = okOutcomes(reading);
  const mismatch = mismatchOf(reading, tol);
  const agreed = oks.map((o) => ({ left: o.left.data, right: o.right.data }));
  const finding: Finding = mismatch
    ? { kind: 'differ' }
    : vanishesEverywhere(agreed, isZero(claim.right.expr!), claim)
      ? { kind: 'undecided', reason: VANISHING_MESSAGE, code: 'unverifiable/numerics' }
      : { kind: 'agree', points: agreed };
  const decision = decide(finding, mismatch ? [...allDoubts, ...guesses] : allDoubts, tol);
  switch (decision.verdict) {
    case 'verified': {
      // (`\sum_i y_i = 1` holds of labels because labels are drawn so: that is the reading's assumption, not a finding)
      const reached = [...note.reachedBy(claim.left.expr!), ...note.reachedBy(claim.right.expr!)];
      // (the sizes a sum runs to, `C` of `\sum_{i=1}^{C}`, are no inputs)
      const isLimit = (name: string): boolean =>
        sidesHave(claim, (n) => n.kind === 'sum' && n.upper?.kind === 'symbol' && n.upper.name === name);
      const inputs = reached.filter((n) => !note.model.definitions.has(n) && !isLimit(n) && !note.shapes.sizeSymbols.has(n));
      if (inputs.length > 0 && inputs.every(isLabelName) && !sidesHave(claim, isDerivative))
        return unverifiable(
          'unverifiable/ambiguous-reading',
          'it holds of labels drawn as this reading draws them (entries summing to 1), which is what it assumes of them, not what the note shows',
        );
      const how = rows
        ? "; reading the note's vectors as rows"
        : alternative
          ? "; with the shapes read from the note's equations alone, not the usual conventions"
          : reading.guesses.length > 0
            ? `; reading: ${reading.guesses[0]}`
            : '';
      return result({
        verdict: 'verified',
        code: 'verified/holds',
        message: `holds at ${oks.length} random points with ${shapesText}${how}`,
        engine: oks[0].engine,
        tensor: tensorDetail(claim, note, shapes, oks[0]),
      });
    }
    case 'unverifiable':
      return unverifiable(decision.code, decision.reason);
    case 'refuted': {
      // (the least change the numbers support, checked again under this reading: a sign, a lost 1/m)
      const fix =
        factor === undefined
          ? tensorRepair(
              claim,
              shapes,
              oks,
              tol,
              (span) => ctx.source({ block: claim.right.block, span }),
              (right) => holds(read({ ...claim, right: { ...claim.right, expr: right } }, note, shapes, ctx), tol),
            )
          : undefined;
      const cost =
        factor !== undefined
          ? `; the left side is ${+factor.toPrecision(4)} times the right in every entry at every point, each with a cost of its own`
          : '';
      return result({
        verdict: 'refuted',
        code: refutedCode({ repair: fix?.repair }),
        message: `${mismatchMessage(claim, mismatch!, shapesText)}${repairNote(fix?.repair)}${cost}`,
        engine: mismatch!.engine,
        tensor: tensorDetail(claim, note, shapes, mismatch!),
        ...(fix && { repair: fix.repair, expected: fix.expected }),
      });
    }
  }
}

/** The names the claim writes itself (not those its definitions bring in: a bias broadcast inside `z`). */
function namedByClaim(claim: Claim): Set<string> {
  return new Set([...symbolsOf(claim.left.expr!), ...symbolsOf(claim.right.expr!)]);
}

/** Did the reading fail by shape with a derivative whose variable has its shape by convention (a lowercase column)? */
function shapeOfVariableByConvention(claim: Claim, r: Reading): boolean {
  const left = claim.left.expr;
  return failureOf(r)?.kind === 'shape' && left?.kind === 'derivative' && r.shapes.convention(left.wrt.name) !== undefined;
}

/** Does the note declare the shape of every symbol the claim reaches (or are they numbers)? */
function declaresAll(claim: Claim, note: VectorNote, shapes: ShapeInference): boolean {
  const reached = new Set([...note.reachedBy(claim.left.expr!), ...note.reachedBy(claim.right.expr!)]);
  return [...reached].every((n) => shapes.sizeSymbols.has(n) || shapes.isDeclared(n));
}

/** What went wrong under a reading, in a phrase. */
function failureMessage(claim: Claim, r: Reading, tol: number): string {
  const bad = failureOf(r);
  if (bad && bad.kind !== 'ok') return bad.message;
  return mismatchOf(r, tol) ? `${describe(claim.left.expr!)} and ${describe(claim.right.expr!)} differ` : 'the sides do not agree';
}

/** The symbols the claim reaches whose shapes a convention of notes decided, as a doubt (none when the note decides them). */
function conventionalShapes(claim: Claim, note: VectorNote, shapes: ShapeInference): string[] {
  const reached = new Set([...note.reachedBy(claim.left.expr!), ...note.reachedBy(claim.right.expr!)]);
  const guessed = [...reached]
    .map((n) => [n, shapes.convention(n)] as const)
    .filter((x): x is readonly [string, string] => x[1] !== undefined);
  if (guessed.length === 0) return [];
  const shown = guessed
    .slice(0, 3)
    .map(([n, why]) => `${displayName(n)} is ${note.shapeOf(n, shapes).join('×')} because ${why}`)
    .join('; ');
  return [`that rests on a guess about shapes (${shown}); the note does not declare them (write \\in \\mathbb{R}^{m \\times n})`];
}

/** Both sides at one point: the right side evaluated, the left side too, or (a derivative) by backprop and by FD. */
