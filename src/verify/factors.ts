/**
 * Which factor of a refuted product is wrong: the true derivative along a single path is the product of the local
 * derivatives of its links; each written factor is matched to a link by value, and one left over on each side
 * names the culprit ("σ(x)(1−σ(x)) should be ∂A₂/∂z₂ = σ(z₂)(1−σ(z₂))").
 */
import { type DerivativeNode, type Expr, factorsOf } from '../latex/ast';
import { displayName } from '../latex/notation';
import { Opaque, localDerivative } from '../calculus/differentiate';
import { tidyLatex, toText } from '../calculus/latex';
import { type MathNode, isPrintable } from '../calculus/math';
import type { Side } from '../model/types';
import { Unsupported, convertExpr } from './convert';
import type { NoteEnvironment } from './environment';
import { describe } from './describe';
import { pathsBetween } from './paths';
import type { ForwardPass, Scope } from './sampling';
import type { WrongFactor } from './types';
import { closeValues } from './policy';

/** The links of the single path from v up to f, each with its local derivative; undefined unless exactly one path. */
export function singlePath(env: NoteEnvironment, left: DerivativeNode): { upper: string; lower: string; node: MathNode }[] | undefined {
  if (left.of.kind !== 'symbol') return undefined;
  const paths = pathsBetween(env, left.of.name, left.wrt.name, 2);
  if (paths.length !== 1 || paths[0].length < 2) return undefined;
  const path = paths[0];
  const links: { upper: string; lower: string; node: MathNode }[] = [];
  try {
    for (let i = 0; i + 1 < path.length; i++) {
      const definition = env.definitionOf(env.idOf(path[i]));
      if (!definition) return undefined;
      links.push({ upper: path[i], lower: path[i + 1], node: env.fold(localDerivative(definition, env.idOf(path[i + 1]))) });
    }
  } catch (e) {
    if (e instanceof Opaque) return undefined;
    throw e;
  }
  return links.reverse();
}

/** Values of a tree at the points, or undefined if any is not finite. */
function valuesAt(node: MathNode, points: readonly Scope[]): number[] | undefined {
  const fn = node.compile();
  const out = points.map((p) => fn.evaluate(p) as number);
  return out.every(Number.isFinite) ? out : undefined;
}

export interface FactorContext {
  readonly env: NoteEnvironment;
  readonly pass: ForwardPass;
  readonly points: readonly Scope[];
  readonly tolerance: number;
  readonly latexOf: (id: string) => string | undefined;
  readonly textOf: (id: string) => string | undefined;
  readonly source: (side: Side) => string;
}

/** Names the wrong factor of a refuted `∂f/∂v = product`, when exactly one factor (or run of factors) is off. */
export function findWrongFactor(ctx: FactorContext, left: DerivativeNode, right: Side): WrongFactor | undefined {
  if (!right.expr) return undefined;
  const links = singlePath(ctx.env, left);
  const factors = factorsOf(right.expr);
  if (!links || links.length < 2 || factors.length < links.length || factors.length > 12) return undefined;
  let factorValues: (number[] | undefined)[];
  try {
    const nodes = factors.map((f) => convertExpr(f, ctx.env).node);
    factorValues = nodes.map((n) => valuesAt(n, ctx.points));
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  if (factorValues.some((v) => v === undefined)) return undefined;
  const linkValues = links.map((l) => valuesAt(l.node, ctx.points));
  if (linkValues.some((v) => v === undefined)) return undefined;
  for (const groups of segmentations(factors.length, links.length)) {
    const odd = oneUnmatched(groups, factorValues as number[][], linkValues as number[][], ctx.tolerance);
    if (!odd) continue;
    const [from, to] = groups[odd.group];
    // one bracketed factor: replace what is inside, keeping `\left( \underbrace{…}_{label} \right)` around it
    const span =
      to - from === 1 ? (factors[from].inner ?? factors[from].span) : { start: factors[from].span.start, end: factors[to - 1].span.end };
    const at = { block: right.block, span };
    const link = links[odd.link];
    if (!isPrintable(link.node)) return undefined; // a fix nobody could read is no fix
    const claimedLatex = ctx.source({ ...right, span: at.span });
    const run = factors
      .slice(from, to)
      .reduce((a, b): Expr => ({ kind: 'binary', op: '*', left: a, right: b, span: { start: a.span.start, end: b.span.end } }));
    const shown = describe(run);
    return {
      at,
      claimedLatex,
      derivativeLatex: `\\frac{\\partial ${link.upper}}{\\partial ${link.lower}}`,
      expectedLatex: tidyLatex(link.node, ctx.latexOf),
      message: `${shown} should be ∂${displayName(link.upper)}/∂${displayName(link.lower)} = ${toText(link.node, ctx.textOf)}`,
    };
  }
  return undefined;
}

/** Every way to cut n factors into k contiguous runs, as [from, to) pairs. */
function* segmentations(n: number, k: number, start = 0): Generator<[number, number][]> {
  if (k === 1) {
    yield [[start, n]];
    return;
  }
  for (let end = start + 1; end <= n - (k - 1); end++) {
    for (const rest of segmentations(n, k - 1, end)) yield [[start, end], ...rest];
  }
}

/** If every run but one matches a distinct link by value, the odd run and the odd link. */
function oneUnmatched(
  groups: [number, number][],
  factorValues: number[][],
  linkValues: number[][],
  tol: number,
): { group: number; link: number } | undefined {
  const groupValues = groups.map(([from, to]) => factorValues[0].map((_, k) => factorValues.slice(from, to).reduce((p, v) => p * v[k], 1)));
  const freeLinks = new Set(linkValues.map((_, i) => i));
  const unmatched: number[] = [];
  groupValues.forEach((gv, gi) => {
    const li = [...freeLinks].find((l) => gv.every((x, k) => closeValues(x, linkValues[l][k], tol)));
    if (li === undefined) unmatched.push(gi);
    else freeLinks.delete(li);
  });
  return unmatched.length === 1 && freeLinks.size === 1 ? { group: unmatched[0], link: [...freeLinks][0] } : undefined;
}
