/**
 * Judges a step of a worked example at the note's own values: both sides computed from what the note gives and
 * states, each known only to the rounding of the numbers it rests on. Within that rounding: verified; more than
 * five units of the last digit outside it: refuted (when nothing else is in doubt); in between: unverifiable.
 */
import { type Expr, symbolsOf } from '../latex/ast';
import { displayName } from '../latex/notation';
import type { BlockSpan, Claim } from '../model/types';
import { describe } from './describe';
import { type Known, type WorkedExample, missingMessage, substitutions } from './example';
import type { ResultBuilder } from './judge';
import type { ClaimResult } from './types';
import type { Doubt, ReasonOf } from './reasons';

const fmt = (x: number): string => String(+x.toPrecision(6));

/** A side's value at the example and how far the rounding of what it rests on may move it. */
interface Bounded {
  readonly value: number;
  readonly spread: number;
  readonly rests: ReadonlyMap<string, number>;
}

function bounded(
  example: WorkedExample,
  side: Expr,
  at: BlockSpan,
  claim: Claim,
  literalsRounded: boolean,
  stated: ReadonlyMap<string, Known> = new Map(),
  exact: ReadonlySet<number> = new Set(),
): Bounded | readonly string[] {
  const v = example.valueAt(side, at, claim, literalsRounded, new Map(), stated, exact);
  if ('missing' in v) return v.missing;
  let spread = 0;
  const rests = new Map<string, number>();
  for (const [name, known] of v.leaves) {
    if (!name.startsWith('#')) rests.set(name, known.value);
    if (known.halfUnit === 0) continue;
    // first-order: move each rounded number by its half unit, and add up how far the side moves
    const moved = example.valueAt(side, at, claim, literalsRounded, new Map([[name, known.value + known.halfUnit]]), stated, exact);
    spread += 'missing' in moved ? known.halfUnit : Math.abs(moved.value - v.value);
  }
  return { value: v.value, spread, rests };
}

/**
 * The verdict on a worked-example step; doubts keep a difference from refuting it (`doubtsFor` gives them, with the
 * inputs the step writes values for allowed: those stand for what the step says); `tolerance` is relative.
 */
export function judgeExampleStep(
  claim: Claim,
  example: WorkedExample,
  doubtsFor: (allowed: (name: string) => boolean) => Doubt[],
  result: ResultBuilder,
  tolerance: number,
): ClaimResult {
  const left = claim.left.expr!;
  const right = claim.right.expr!;
  const unverifiable = (code: ReasonOf<'unverifiable'>, message: string): ClaimResult => result({ verdict: 'unverifiable', code, message });
  // the left side's numbers are the computation as written; the right side's may be rounded results. An input the
  // note gives nowhere but this step writes a number for (`η` in `w - η g = 0.5 - 0.1 g`) has that value here
  const { stated, exact } = statedByStep(example, claim, left, right);
  const l = bounded(example, left, claim.left, claim, false, stated);
  if (!('value' in l)) return unverifiable('unverifiable/missing-value', missingMessage(l));
  const r = bounded(example, right, claim.right, claim, true, new Map(), exact);
  if (!('value' in r)) return unverifiable('unverifiable/missing-value', missingMessage(r));
  const diff = Math.abs(l.value - r.value);
  const spread = l.spread + r.spread;
  // differences in the last of many digits of a value substituted (1.105905967 written again as 1.1059059067) are no
  // slip; a result wrong in its seventh digit (0.0821671041 for 0.0821670407) is, whatever the tolerance for random points
  const substituting = (substitutions(left, right) ?? []).some(
    ([symbol, literal]) => symbolsOf(symbol).size > 0 && literal.kind === 'number',
  );
  const floor = (substituting ? tolerance : Math.min(tolerance, 1e-8)) * Math.max(1, Math.abs(l.value), Math.abs(r.value));
  const rests = [...new Map([...l.rests, ...r.rests])]
    .map(([k, v]) => `${displayName(k)} = ${fmt(v)}`)
    .slice(0, 5)
    .join(', ');
  const where = rests ? `at the note's values (${rests})` : symbolsOf(left).size > 0 ? "at the note's values" : 'as written';
  if (diff <= spread + floor) {
    const rounding = spread > 0 ? ` (to within the rounding of the numbers, ±${fmt(spread)})` : '';
    return result({ verdict: 'verified', code: 'verified/example', message: `holds ${where}: both sides are ${fmt(l.value)}${rounding}` });
  }
  const digits = Math.max(6, Math.ceil(-Math.log10(Math.max(diff, 1e-15) / Math.max(Math.abs(l.value), 1e-300))) + 2);
  const show = (x: number): string => String(+x.toPrecision(Math.min(digits, 15)));
  const claimed = `${describe(left)} = ${show(l.value)} ${where}, not ${show(r.value)}`;
  // a rounded result may be up to five units of its last digit off (careless rounding, truncation); a computation of
  // several rounded numbers, whose spread already adds up each one's rounding, up to about three times that spread
  const single = right.kind === 'number' || (right.kind === 'negate' && right.arg.kind === 'number');
  if (diff <= (single ? 10 : 3) * spread + floor)
    return unverifiable('unverifiable/rounding', `${claimed}, but within what rounding the numbers shown may explain`);
  const doubts = doubtsFor((name) => stated.has(name));
  if (doubts.length > 0) return unverifiable(doubts[0].code, `${claimed}; ${doubts[0].message}`);
  const other = otherValueSubstituted(example, claim, left, right);
  if (other) return unverifiable('unverifiable/ambiguous-reading', `${claimed}, but ${other}`);
  // (with the results the note states in place of what its definitions compute: a note whose sigmoid lost its minus
  // but whose stated out_{h1} is right computes on with the stated value; the slip is where the two part)
  const asStated = bounded(example, left, claim.left, claim, false, new Map([...example.statedBefore(claim), ...stated]));
  if ('value' in asStated && Math.abs(asStated.value - r.value) <= asStated.spread + r.spread + floor) {
    return unverifiable(
      'unverifiable/ambiguous-reading',
      `${claimed}, but it holds with the results the note states earlier, which its own definitions do not give`,
    );
  }
  const point: Record<string, number> = Object.fromEntries(l.rests);
  const carried = carriedValue(example, claim, left, right, stated);
  return result({
    verdict: 'refuted',
    code: 'refuted/example',
    message: `${claimed}${spread > 0 ? ` (more than the rounding of its numbers, ±${fmt(spread)}, explains)` : ''}${carried ? `: ${carried}` : ''}`,
    expected: fmt(l.value),
    counterexample: { point, claimed: r.value, actual: l.value },
  });
}

/**
 * What a substitution step says of its inputs: the numbers it writes for inputs the note gives nowhere else (the
 * note's own values, exactly), and which of its literals stand for a given input as given (exact, not rounded).
 */
function statedByStep(example: WorkedExample, claim: Claim, left: Expr, right: Expr): { stated: Map<string, Known>; exact: Set<number> } {
  const stated = new Map<string, Known>();
  const exact = new Set<number>();
  for (const [symbol, literal] of substitutions(left, right) ?? []) {
    if (symbol.kind !== 'symbol' || literal.kind !== 'number') continue;
    const definition = example.definitionOf(symbol.name);
    if (definition && symbolsOf(definition).size > 0) {
      // a computed value written as the note stated it (ŷ₁ = 0.7676 above, 0.7676 here): the step uses the note's number
      const said = example.known(symbol.name, claim.chain);
      if (said && Math.abs(said.value - literal.value) <= said.halfUnit + 1e-12)
        stated.set(symbol.name, { value: literal.value, halfUnit: 0 });
      continue;
    }
    const given = example.valueAt(symbol, claim.left, claim, false);
    // (an input the note gives only by writing it into steps is given by this one too)
    if ('missing' in given || example.givenBySubstitution(symbol.name)) stated.set(symbol.name, { value: literal.value, halfUnit: 0 });
    else if (Math.abs(given.value - literal.value) > 1e-12) continue;
    exact.add(literal.span.start);
  }
  return { stated, exact };
}

/**
 * `w_2 - η \frac{dL}{dw_2} = 0.5 - 0.1 \cdot 0.069` where ∂L/∂w₂ is 0.281 at the example: the step's arithmetic is
 * fine, the number it carries in is wrong. Says which, and whether an earlier step of the note wrote it so.
 */
function carriedValue(
  example: WorkedExample,
  claim: Claim,
  left: Expr,
  right: Expr,
  stated: ReadonlyMap<string, Known>,
): string | undefined {
  for (const [part, literal] of substitutions(left, right) ?? []) {
    if (literal.kind !== 'number' || part.kind === 'number' || (part.kind === 'symbol' && stated.has(part.name))) continue;
    const truth = example.valueAt(part, claim.left, claim, false, new Map(), stated);
    if ('missing' in truth) continue;
    const half = 0.5 * 10 ** -decimals(literal.value);
    if (Math.abs(truth.value - literal.value) <= half + 1e-9 * Math.max(1, Math.abs(truth.value))) continue;
    const earlier = example.writtenBefore(claim, part, literal.value) ? ', as an earlier step wrote it: a slip carried forward' : '';
    return `it uses ${fmt(literal.value)} for ${describe(part)}, which is ${fmt(truth.value)} here${earlier}`;
  }
  return undefined;
}

/**
 * `w_2 a_1 + b_2 = -1.0 × 0.6225 + 0.5` where the note gives w_2 as −1.1455 elsewhere: the step substitutes another
 * value of an input (another example, or the weight before an update), which is no slip of its arithmetic.
 */
function otherValueSubstituted(example: WorkedExample, claim: Claim, left: Expr, right: Expr): string | undefined {
  for (const [symbol, literal] of substitutions(left, right) ?? []) {
    if (symbol.kind !== 'symbol' || literal.kind !== 'number') continue;
    // only an input the note gives (a number, or numbers) can have another value; a computed one is simply wrong
    const def = example.definitionOf(symbol.name);
    if (def && symbolsOf(def).size > 0) continue;
    const v = example.valueAt(symbol, claim.left, claim, false);
    if ('missing' in v) continue;
    const half = Math.max(...[...v.leaves.values()].map((k) => k.halfUnit), 0) + 0.5 * 10 ** -decimals(literal.value);
    if (Math.abs(v.value - literal.value) > half + 1e-9) {
      return `it writes ${fmt(literal.value)} for ${displayName(symbol.name)}, which the note gives as ${fmt(v.value)}: another value of it (another example, or before an update?)`;
    }
  }
  return undefined;
}

const decimals = (x: number): number => (String(x).split('.')[1] ?? '').length;
