/**
 * A note's derivative claims as Python: each claim's right side as a function, and a check that compares it with
 * central differences of the forward pass. A claim that cannot be written is kept with the reason it was not.
 */
import { type DerivativeNode, type Expr, type ShorthandNode, walk } from '../latex/ast';
import { displayName } from '../latex/notation';
import type { Claim } from '../model/types';
import type { ClaimReport } from '../verify/checkNote';
import { describe } from '../verify/describe';
import { Evaluation, Unverifiable } from '../verify/vector/evaluate';
import type { ForwardCode } from './forward';
import { identifierOf } from './names';
import { type PrintContext, Unprintable, pythonOf } from './python';

/** A claim written as Python: its function and the check of it. */
export interface ClaimCode {
  readonly report: ClaimReport;
  readonly functionName: string;
  readonly checkName: string;
  /** `def …` of the claim's right side, and `def check_…` comparing it with finite differences. */
  readonly definition: string;
  readonly check: string;
  /** The derivative the claim is about, for the check's output line (`∂C/∂w₂`). */
  readonly derivative: string;
}

export interface SkippedClaim {
  readonly report: ClaimReport;
  readonly reason: string;
}

type Target = DerivativeNode | ShorthandNode;

/** Each claim of the report as code, or the reason it is not. */
export function claimsAsCode(reports: readonly ClaimReport[], code: ForwardCode): { exported: ClaimCode[]; skipped: SkippedClaim[] } {
  const exported: ClaimCode[] = [];
  const skipped: SkippedClaim[] = [];
  for (const report of reports) {
    const why = reasonNotToExport(report, reports);
    const target = why ? undefined : targetOf(report.claim, code);
    if (why || !target) {
      skipped.push({ report, reason: why ?? 'not a derivative: the export checks derivatives of the forward pass' });
      continue;
    }
    try {
      exported.push(claimCode(report, target, code));
    } catch (e) {
      if (!(e instanceof Unprintable || e instanceof Unverifiable)) throw e;
      skipped.push({ report, reason: `uses ${e.message}` });
    }
  }
  return { exported, skipped };
}

/** Why a claim is not exported, whatever its notation; undefined when it may be. */
function reasonNotToExport(report: ClaimReport, reports: readonly ClaimReport[]): string | undefined {
  const claim = report.claim;
  if (claim.kind === 'update') return 'an update rule (a step of gradient descent, not a derivative)';
  if (report.verdict === 'unverifiable') return `derivcheck could not settle it: ${report.message}`;
  if (report.assumption || report.reading)
    return `judged under a reading the forward pass does not write (${report.assumption ?? 'index notation, entry by entry'})`;
  if (claim.approximate) return 'written with ≈, as an approximation';
  if (claim.entryInstance || claim.indexCondition) return 'a claim about entries, read entry by entry';
  if (claim.scope !== 0) return 'written after the note defines one of its names again (the export writes the first definitions)';
  if (writesBothKinds(sidesOf(claim)))
    return 'it writes both ∂ and d, so ∂ may be a partial derivative (the others held fixed), which the finite differences here do not take';
  const before = reports.filter((r) => r.claim.chain === claim.chain && r.claim.id < claim.id);
  const unsettled = before.find((r) => r.verdict !== 'verified');
  if (unsettled)
    return `a step after one that is ${unsettled.verdict} (${unsettled.location.start.line}:${unsettled.location.start.column}), so it need not equal the derivative its chain starts with`;
  return undefined;
}

function sidesOf(claim: Claim): Expr[] {
  return [...claim.context, claim.right].flatMap((s) => (s.expr ? [s.expr] : []));
}

/** Derivatives written with ∂ beside ones written with d: the checker may read ∂ as a partial derivative. */
function writesBothKinds(sides: readonly Expr[]): boolean {
  const kinds = new Set<boolean>();
  for (const e of sides) walk(e, (n) => void (n.kind === 'derivative' && kinds.add(n.partial === true)));
  return kinds.size > 1;
}

/** The derivative a claim is about: the first part of its chain that is one (or a name the note gives one). */
function targetOf(claim: Claim, code: ForwardCode): Target | undefined {
  for (const side of claim.context) {
    const e = side.expr;
    if (e?.kind === 'derivative' || e?.kind === 'shorthand') return e;
    const named = e?.kind === 'symbol' ? code.derivativeNames.get(e.name) : undefined;
    if (named) return named;
  }
  return undefined;
}

/** The claim's function and check. */
function claimCode(report: ClaimReport, target: Target, code: ForwardCode): ClaimCode {
  const claim = report.claim;
  const right = claim.right.expr;
  if (!right) throw new Unprintable(`a right side that could not be read`);
  const shapes = code.vectors.forClaim(claim.left.expr, right);
  const params = new Map<string, string>();
  const local = code.ids.child();
  const derivativeParams = new Map<string, string>();
  const checkContext = (): PrintContext => valuesContext(code, shapes, 'at');
  const parameterFor = (name: string): string => {
    const source = code.source(name);
    if (source.kind === 'derivative') return derivativeParameter(source.node, code.ids.of(name));
    const id = code.ids.of(name);
    params.set(id, `values["${id}"]`);
    return id;
  };
  const derivativeParameter = (node: Target, wish?: string): string => {
    const value = derivativePython(node, code, checkContext());
    const known = derivativeParams.get(value);
    if (known) return known;
    const id = wish ?? local.fresh(derivativeWish(node));
    derivativeParams.set(value, id);
    params.set(id, value);
    return id;
  };
  const body = pythonOf(
    right,
    code.context(shapes, parameterFor, (node) => derivativeParameter(node)),
  );
  const actual = derivativePython(target, code, checkContext());
  const where = `${report.location.start.line}`;
  const functionName = code.ids.fresh(`${derivativeWish(target)}_line${where}`);
  const checkName = code.ids.fresh(`check_${functionName}`);
  const args = [...params.keys()];
  const definition = [
    `def ${functionName}(${args.join(', ')}):`,
    `    """${describeTarget(target, code)} as the note claims it."""`,
    `    return ${body}`,
  ].join('\n');
  const check = [
    `def ${checkName}(point):`,
    `    """The claimed ${describeTarget(target, code)} and central differences of the forward pass, at the point."""`,
    ...([...params.values()].some((v) => v.includes('values[')) || actual.includes('values[') ? [`    values = forward(**point)`] : []),
    `    claimed = ${functionName}(${args.map((a) => `${a}=${params.get(a)}`).join(', ')})`,
    `    actual = ${actual}`,
    `    return claimed, actual`,
  ].join('\n');
  return { report, functionName, checkName, definition, check, derivative: describeTarget(target, code) };
}

/** A printing context for the check: a name's value is read from the dict of forward values called `dict`. */
function valuesContext(code: ForwardCode, shapes: Parameters<ForwardCode['context']>[0], dict: string): PrintContext {
  return code.context(
    shapes,
    (name) => {
      const source = code.source(name);
      if (source.kind === 'derivative') throw new Unprintable(`a derivative of ${displayName(name)}, itself a derivative`);
      return `${dict}["${code.ids.of(name)}"]`;
    },
    () => {
      throw new Unprintable('a derivative of a derivative');
    },
  );
}

/** The Python for a derivative's true value: central differences of the forward pass (course shorthand as it reads). */
function derivativePython(node: Target, code: ForwardCode, ctx: PrintContext): string {
  const [of, wrt, factor] = node.kind === 'derivative' ? [node.of, node.wrt.name, undefined] : shorthand(node, code);
  const wrtSource = code.source(wrt);
  if (wrtSource.kind === 'derivative' || !code.computes(wrt))
    throw new Unprintable(`a derivative by ${displayName(wrt)}, which the forward pass does not compute`);
  const fd = `derivative(lambda at: ${pythonOf(of, ctx)}, "${code.ids.of(wrt)}", point)`;
  return factor ? `values["${code.ids.of(factor)}"] * ${fd}` : fd;
}

/** Course shorthand dX: the cost it differentiates, X, and the size it is scaled by (m for dZ, dA), as the checker reads it. */
function shorthand(node: ShorthandNode, code: ForwardCode): [Expr, string, string | undefined] {
  const evaluation = new Evaluation(
    code.vectors,
    code.vectors.point(() => 0.5),
  );
  const meaning = evaluation.shorthandMeaning(node.of.name);
  // (the factor is m's value when dX is m·∂J/∂X, whatever gradient it is given, and 1 otherwise)
  const scaled = meaning.factor(undefined as never) !== 1;
  if (scaled) code.source('m');
  return [meaning.cost, node.of.name, scaled ? 'm' : undefined];
}

/** `dC_dw_2` for ∂C/∂w₂, `dW_2` for course shorthand dW^{[2]}. */
function derivativeWish(node: Target): string {
  if (node.kind === 'shorthand') return `d${identifierOf(node.of.name)}`;
  const of = node.of.kind === 'symbol' ? identifierOf(node.of.name) : 'f';
  return `d${of}_d${identifierOf(node.wrt.name)}`;
}

/** ∂C/∂w₂, dW⁽²⁾ (= ∂J/∂W⁽²⁾), for comments and output. */
function describeTarget(node: Target, code: ForwardCode): string {
  if (node.kind === 'shorthand') {
    const [cost, , factor] = shorthand(node, code);
    const costName = cost.kind === 'symbol' ? displayName(cost.name) : 'J';
    return `d${displayName(node.of.name)} (${factor ? 'm·' : ''}∂${costName}/∂${displayName(node.of.name)})`;
  }
  const of = node.of.kind === 'symbol' ? displayName(node.of.name) : `(${describe(node.of, 40)})`;
  return `∂${of}/∂${displayName(node.wrt.name)}`;
}
