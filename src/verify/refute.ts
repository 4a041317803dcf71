/** What a refuted claim reports: the counterexample, the expected expression, and the likeliest slip. */
import { type Expr, symbolsOf } from '../latex/ast';
import { displayName } from '../latex/notation';
import { TOO_LARGE_TEXT, tidyLatex, toText } from '../calculus/latex';
import { type MathNode, isPrintable } from '../calculus/math';
import type { Claim } from '../model/types';
import { type Converted, convertExpr } from './convert';
import { describe } from './describe';
import type { NoteEnvironment } from './environment';
import { findWrongFactor, type FactorContext } from './factors';
import type { JudgeContext, Point, ResultBuilder } from './judge';
import { parseBlock } from '../latex/statements';
import { findRepair, missingLinks, repairedLatex, simplified } from './repair';
import { refutedCode } from './reasons';
import type { ClaimResult, Repair } from './types';

const fmt = (x: number): string => String(+x.toPrecision(4));
const MAX_EXPECTED_IN_MESSAGE = 70;

/** The refuted verdict for a claim whose sides differ at `bad`. */
export function refute(
  claim: Claim,
  ctx: JudgeContext,
  left: Converted,
  bad: Point,
  points: readonly Point[],
  remarks: readonly string[],
  result: ResultBuilder,
): ClaimResult {
  const env = ctx.env;
  const leftExpr = claim.left.expr!;
  const rightExpr = claim.right.expr!;
  const expectedNode = env.fold(expectedValue(leftExpr, left, env));
  const wrongFactor = leftExpr.kind === 'derivative' ? findWrongFactor(factorContext(ctx, points), leftExpr, claim.right) : undefined;
  const point: Record<string, number> = {};
  for (const name of pointOrder(claim, env)) {
    const v = bad.scope[env.idOf(name)];
    if (typeof v === 'number') point[name] = v;
  }
  const shown = Object.entries(point)
    .slice(0, 5)
    .map(([k, v]) => `${displayName(k)} = ${fmt(v)}`)
    .join(', ');
  const expectedText = toText(expectedNode, (id) => textOf(env, id));
  const first = claim.redefines ? ' (its first definition)' : '';
  // "σ(o₁) = σ(o₁), not …" says nothing: the expected value is shown only when it differs from the left side
  const plain = (s: string): string => s.replace(/\s+/g, '');
  const informative = plain(expectedText) !== plain(describe(leftExpr));
  const truth =
    informative && expectedText.length <= MAX_EXPECTED_IN_MESSAGE && expectedText !== TOO_LARGE_TEXT
      ? `${describe(leftExpr)} = ${expectedText}${first}, not ${describe(rightExpr)}`
      : `${describe(leftExpr)} is not ${describe(rightExpr)}`;
  // (the names the left side reaches: one of them, or its reciprocal, may be the factor the right side lost)
  const reached =
    leftExpr.kind === 'derivative' && leftExpr.of.kind === 'symbol'
      ? [...env.inputsOf([leftExpr.of.name]), ...env.dependencies(leftExpr.of.name)]
      : [];
  const repair = wrongFactor || remarks.length > 0 ? undefined : findRepair(points, env, reached, ctx.options.tolerance);
  const named =
    repair?.kind === 'factor'
      ? repair.where === 'end' || /^[\d½]+$/.test(repair.text)
        ? ` (missing factor ${repair.text})`
        : ` (off by ${repair.text}: the right side lacks it)`
      : undefined;
  // (a repaired right side is the expected value in the note's own style: ŷ − y, not the raw derivative)
  const sourceOf = (span: { start: number; end: number }): string => ctx.source({ block: claim.right.block, span });
  let rewritten = repair && repairedLatex(rightExpr, claim.right.span, sourceOf, repair);
  const parsed = rewritten === undefined ? undefined : parseBlock(rewritten)[0]?.parts[0]?.expr;
  // (kept only if, read back, it equals the left side at every point judged: the text must say what the numbers do)
  let repairedExpr = parsed && holdsAt(parsed, env, points, ctx.options.tolerance) ? parsed : undefined;
  // a chain that skips a link: the link written in, if that makes it hold
  let link: string | undefined;
  if (!repairedExpr && !wrongFactor && remarks.length > 0 && leftExpr.kind === 'derivative') {
    for (const c of missingLinks(
      rightExpr,
      claim.right.span,
      sourceOf,
      (of, by) => env.isDefined(of) && env.directDependencies(of).has(by),
    )) {
      const e = parseBlock(c.latex)[0]?.parts[0]?.expr;
      if (e && holdsAt(e, env, points, ctx.options.tolerance)) [rewritten, repairedExpr, link] = [c.latex, e, c.text];
      if (link) break;
    }
  }
  const repaired = repairedExpr && rewritten;
  const shownTruth = repairedExpr ? `${describe(leftExpr)} = ${describe(repairedExpr)}${first}, not ${describe(rightExpr)}` : truth;
  // (a ratio the same at every point: the sign flipped, or a constant factor lost)
  const ratio = wrongFactor || remarks.length > 0 || named ? undefined : constantRatio(points, ctx.options.tolerance);
  const lead = wrongFactor?.message ?? remarks[0] ?? `${shownTruth}${named ?? constantFactor(ratio)}`;
  const finalRepair: Repair | undefined = link && repaired ? { kind: 'rewrite', text: link } : repair && repaired ? repair : undefined;
  const structure = remarks.length > 0 ? remarks : undefined;
  return result({
    verdict: 'refuted',
    code: refutedCode({
      wrongFactor,
      repair: finalRepair ?? (flipsSign(ratio) ? { kind: 'sign' } : undefined),
      structure,
      constantFactor: ratio !== undefined,
    }),
    message: `${lead}: at ${shown || 'the sample point'} the left side is ${fmt(bad.left)} but the right side is ${fmt(bad.right)}`,
    // no expected expression (and so no quick fix) when it is too large to print
    expected: repaired ?? (isPrintable(expectedNode) ? tidyLatex(simplified(expectedNode, points), (id) => env.nameOf(id)) : undefined),
    counterexample: { point, claimed: bad.right, actual: bad.left },
    wrongFactor,
    ...(finalRepair && { repair: finalRepair }),
    structure,
  });
}

/** Does an expression equal the left side at every point? */
function holdsAt(e: Expr, env: NoteEnvironment, points: readonly Point[], tolerance: number): boolean {
  try {
    const compiled = convertExpr(e, env).node.compile();
    return points.every((p) => {
      const v = compiled.evaluate({ ...p.scope }) as number;
      return Math.abs(v - p.left) <= Math.max(tolerance * 10, 1e-9) * Math.max(1, Math.abs(p.left));
    });
  } catch {
    return false;
  }
}

const textOf = (env: NoteEnvironment, id: string): string | undefined => {
  const n = env.nameOf(id);
  return n === undefined ? undefined : displayName(n);
};

/** The left side's value as a tree: a derivative expanded, a defined symbol replaced by its definition. */
function expectedValue(leftExpr: Claim['left']['expr'] & object, left: Converted, env: NoteEnvironment): MathNode {
  if (leftExpr.kind === 'symbol' && env.isDefined(leftExpr.name)) return env.definition(leftExpr.name).converted?.node ?? left.node;
  return left.node;
}

/** " (off by a factor of 2)" or " (the sign is flipped)" when the two sides are proportional at every point. */
/** The true value over the claimed one, when it is the same at every point. */
function constantRatio(points: readonly Point[], tolerance: number): number | undefined {
  const ratios = points.map((p) => p.left / p.right);
  if (ratios.some((r) => !Number.isFinite(r) || r === 0)) return undefined;
  const r = ratios[0];
  // relative agreement: tiny ratios (a vanishing true value) all look alike in absolute terms
  return ratios.every((x) => Math.abs(x - r) <= tolerance * 10 * Math.abs(r)) ? r : undefined;
}

const flipsSign = (ratio: number | undefined): boolean => ratio !== undefined && Math.abs(ratio + 1) < 1e-9;

function constantFactor(r: number | undefined): string {
  if (r === undefined) return '';
  if (flipsSign(r)) return ' (the sign is flipped)';
  const whole = Math.round(r);
  const shown = whole !== 0 && Math.abs(r - whole) < 1e-6 ? String(whole) : fmt(r);
  return ` (off by a constant factor: the true value is ${shown} times the claimed one)`;
}

function factorContext(ctx: JudgeContext, points: readonly Point[]): FactorContext {
  const env = ctx.env;
  return {
    env,
    pass: ctx.pass,
    points: points.map((p) => p.scope),
    tolerance: ctx.options.tolerance,
    latexOf: (id) => env.nameOf(id),
    textOf: (id) => textOf(env, id),
    source: ctx.source,
  };
}

/** The claim's inputs in the order a reader wants them: its variable, then what the right side names, then the rest. */
function pointOrder(claim: Claim, env: NoteEnvironment): string[] {
  const left = claim.left.expr!;
  const right = claim.right.expr!;
  const first = left.kind === 'derivative' ? [left.wrt.name] : [];
  const all = env.inputsOf([...symbolsOf(left), ...symbolsOf(right)]);
  const written = [...symbolsOf(right)].filter((s) => !env.isDefined(s)).sort();
  return [...new Set([...first, ...written, ...[...all].sort()])].filter((n) => all.has(n));
}
