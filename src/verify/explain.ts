/**
 * The data behind the Verify Gradient explanation: the claim, the computation graph of the note around it with
 * every value at one sample point and every edge's local derivative, the chain of factors along the path(s) from
 * the variable to the output, and the claimed, true and finite-difference values. Plain data: the webview draws it.
 */
import { type Expr, symbolsOf } from '../latex/ast';
import { displayName } from '../latex/notation';
import { Opaque, localDerivative } from '../calculus/differentiate';
import { tidyLatex } from '../calculus/latex';
import { type MathNode, sym } from '../calculus/math';
import type { ClaimReport, NoteReport } from './checkNote';
import { Unsupported, convertExpr } from './convert';
import { NoteEnvironment } from './environment';
import { modelInScope } from '../model/types';
import { pathsBetween } from './paths';
import { costReadings } from './genericCost';
import { ForwardPass, type Plan, type Scope, makeRng } from './sampling';
import type { EngineCheck, TensorDetail, UpdateDetail, Verdict } from './types';
import { VectorNote } from './vector/note';
import { scalarEngineCheck } from './vector/scalarCheck';

export interface GraphNode {
  /** The symbol's canonical LaTeX name (also its id). */
  readonly id: string;
  /** The name as readable text (w₂). */
  readonly display: string;
  readonly kind: 'input' | 'intermediate';
  readonly value?: number;
  /** Its definition's LaTeX, for intermediates. */
  readonly definition?: string;
  /** On a path from the claim's variable to its output. */
  readonly onPath: boolean;
  readonly role?: 'variable' | 'output';
  /** For a tensor claim: its shape (`n×m`). */
  readonly shape?: string;
}

export interface GraphEdge {
  /** `from` feeds `to` (to's definition uses from). */
  readonly from: string;
  readonly to: string;
  /** ∂to/∂from holding everything else fixed, in LaTeX. */
  readonly derivative?: string;
  readonly value?: number;
  readonly onPath: boolean;
}

export interface ChainFactor {
  /** `\frac{\partial to}{\partial from}` */
  readonly label: string;
  readonly expression: string;
  readonly value?: number;
  /** For a tensor claim: the shapes of what is differentiated and what by (`1×1 by n×m`). */
  readonly shapes?: string;
}

export interface PlaceRef {
  readonly line: number;
  readonly column: number;
  readonly cell?: number;
}

export interface Explanation {
  readonly claim: {
    readonly latex: string;
    readonly left: string;
    readonly right: string;
    readonly kind: string;
    readonly verdict: Verdict;
    readonly message: string;
    /** What the verdict assumes that the note does not say. */
    readonly assumption?: string;
    readonly expected?: string;
    readonly place: PlaceRef;
  };
  readonly variable?: string;
  readonly output?: string;
  readonly seed: number;
  /** The sample point: the inputs' values. */
  readonly point: readonly { readonly name: string; readonly value: number }[];
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** One product of factors per path from the variable to the output (at most a few paths). */
  readonly paths: readonly (readonly ChainFactor[])[];
  readonly values: { readonly claimed?: number; readonly actual?: number; readonly finiteDifference?: number };
  /** The network engine's numbers: at this point for a scalar claim, at the verdict's point for a tensor claim. */
  readonly engine?: EngineCheck;
  readonly wrongFactor?: { readonly claimed: string; readonly derivative: string; readonly expected: string };
  readonly structure: readonly string[];
  /** Where each definition is written, to reveal it in the editor. */
  readonly definitions: readonly { readonly symbol: string; readonly place: PlaceRef }[];
  /** A tensor claim's matrices, shapes and sizes, as the verdict computed them (then no scalar point is shown). */
  readonly tensor?: TensorDetail;
  /** An update rule's step, gradient and loss, as the verdict computed them. */
  readonly update?: UpdateDetail;
}

const MAX_PATHS = 4;

/** Explains one claim of a report; `seed` picks the sample point (the counterexample when there is one and seed is 0). */
export function explainClaim(report: NoteReport, claim: ClaimReport, seed = 0): Explanation {
  const inScope = modelInScope(report.model, claim.claim.scope);
  // a claim settled under an unwritten cost is shown with that cost defined, as it was judged
  const reading = claim.reading?.kind === 'cost' ? costReadings(inScope)[claim.reading.index] : undefined;
  const model = reading?.scalarModel ?? inScope;
  const env = new NoteEnvironment(model);
  const pass = new ForwardPass(env);
  const left = claim.claim.left.expr;
  const right = claim.claim.right.expr;
  const target = left?.kind === 'derivative' ? left : undefined;
  // (course shorthand `dW` is ∂J/∂W: its chain and graph run from W to the cost the verdict used)
  // (an update rule's graph too: from its parameter to the cost it descends)
  const shorthandCost = left?.kind === 'shorthand' ? claim.tensor?.cost : claim.update?.cost;
  const output = target?.of.kind === 'symbol' ? target.of.name : shorthandCost;
  const variable = target?.wrt.name ?? (left?.kind === 'shorthand' ? left.of.name : claim.update?.param);
  const tensor = claim.tensor && (claim.tensor.shape !== '1×1' || left?.kind === 'shorthand') ? claim.tensor : undefined;
  const sizeText = (id: string): string | undefined => {
    const s = tensor?.sizes.find((x) => x.name === id);
    return s && `= ${s.value}`;
  };
  const shapeOf = (id: string): string | undefined =>
    (tensor?.shapes ?? claim.update?.shapes)?.find((x) => x.name === id)?.shape ?? sizeText(id);
  // (a matrix update's scalar stand-ins mean nothing either)
  const matrices =
    tensor !== undefined || (claim.update !== undefined && (claim.update.step.length > 1 || (claim.update.step[0]?.length ?? 0) > 1));
  const focus = new Set<string>([
    ...(left ? symbolsOf(left) : []),
    ...(right ? symbolsOf(right) : []),
    ...(shorthandCost ? [shorthandCost] : []),
  ]);
  const around = new Set<string>([...focus].flatMap((s) => [s, ...env.dependencies(s)]));
  const leftNode = tryConvert(left, env);
  const rightNode = tryConvert(right, env);
  const plan = pass.plan([leftNode, rightNode, ...[...around].map((s) => sym(env.idOf(s)))].filter((n): n is MathNode => n !== undefined));
  const scope = pointScope(pass, plan, env, claim, seed);
  const paths = output && variable ? pathsBetween(env, output, variable, MAX_PATHS + 1) : [];
  const onPath = new Set(paths.flat());
  const value = (n: MathNode | undefined): number | undefined => {
    if (!n) return undefined;
    return finite(n.compile().evaluate({ ...scope }));
  };
  const latexOf = (id: string): string | undefined => env.nameOf(id);
  const edge = (from: string, to: string): { derivative?: string; value?: number } => {
    const def = definitionNode(env, to);
    if (!def) return {};
    const d = env.fold(localDerivative(def, env.idOf(from)));
    return { derivative: tidyLatex(d, latexOf), value: value(d) };
  };
  const nodes: GraphNode[] = [...around].sort().map((id) => ({
    id,
    display: displayName(id),
    kind: env.isDefined(id) ? 'intermediate' : 'input',
    // (a tensor claim's scalar stand-in values mean nothing: its nodes show shapes)
    value: matrices ? undefined : finite(scope[env.idOf(id)]),
    ...(shapeOf(id) && { shape: shapeOf(id) }),
    definition: reading?.costs.has(id)
      ? reading.assumption(id).short
      : env.isDefined(id)
        ? report.source(model.definitions.get(id)!.value)
        : undefined,
    onPath: onPath.has(id),
    role: id === variable ? 'variable' : id === output ? 'output' : undefined,
  }));
  const edges: GraphEdge[] = [];
  for (const to of around) {
    if (!env.isDefined(to) || to === variable) continue;
    for (const from of env.directDependencies(to)) {
      if (!around.has(from)) continue;
      edges.push({
        from,
        to,
        ...(matrices ? {} : edge(from, to)),
        onPath: paths.some((p) => p.some((s, i) => s === to && p[i + 1] === from)),
      });
    }
  }
  const chainPaths = paths.slice(0, MAX_PATHS).map((p) =>
    p
      .slice(0, -1)
      .map((to, i) => {
        const label = `\\frac{\\partial ${to}}{\\partial ${p[i + 1]}}`;
        // (for tensors, the scalar local derivative is no matrix calculus: the factor is shown by its shapes)
        if (matrices)
          return { label, expression: '', ...(shapeOf(to) && shapeOf(p[i + 1]) && { shapes: `${shapeOf(to)} by ${shapeOf(p[i + 1])}` }) };
        const e = edge(p[i + 1], to);
        return { label, expression: e.derivative ?? '?', value: e.value };
      })
      .reverse(),
  );
  return {
    claim: {
      latex: claim.latex,
      left: claim.claim.left.expr ? report.source(claim.claim.left) : '',
      right: claim.claim.right.expr ? report.source(claim.claim.right) : '',
      kind: claim.claim.kind,
      verdict: claim.verdict,
      message: claim.message,
      assumption: claim.assumption,
      expected: claim.expected,
      place: place(claim.location),
    },
    variable,
    output,
    seed,
    // (a tensor's or an update's scalar stand-ins are no point of its verdict: sizes and the step are shown instead)
    point:
      tensor || claim.update
        ? []
        : [...env.inputsOf(focus)]
            .sort()
            .map((name) => ({ name, value: scope[env.idOf(name)] as number }))
            .filter((p) => typeof p.value === 'number'),
    nodes,
    edges,
    paths: chainPaths,
    values:
      tensor || claim.update
        ? {}
        : {
            claimed: value(rightNode),
            actual: value(leftNode),
            finiteDifference: target && leftNode ? finiteDifference(pass, plan, env, scope, target) : undefined,
          },
    engine: tensor ? claim.engine : engineAt(env, claim, scope, value(leftNode)),
    wrongFactor: claim.wrongFactor && {
      claimed: claim.wrongFactor.claimedLatex,
      derivative: claim.wrongFactor.derivativeLatex,
      expected: claim.wrongFactor.expectedLatex,
    },
    structure: [...(claim.structure ?? []), ...(claim.reading?.kind === 'entries' ? [ENTRIES] : [])],
    definitions: [...inScope.definitions.values()].map((d) => ({ symbol: d.symbol, place: place(report.locate(d.at)) })),
    ...(tensor && { tensor }),
    ...(claim.update && { update: claim.update }),
  };
}

/** What the panel says of a claim checked entry by entry, whose numbers below are of the note read as a whole. */
const ENTRIES =
  'This claim was checked entry by entry (its indices set to 1…3): the numbers here read each indexed name as a variable of its own, not as those entries.';

const finite = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The engine's three numbers at the explanation's point (scalar claims), or the verdict's (tensor claims). */
function engineAt(env: NoteEnvironment, claim: ClaimReport, scope: Scope, actual: number | undefined): EngineCheck | undefined {
  if (actual === undefined) return claim.engine;
  const check = scalarEngineCheck(new VectorNote(env.model, env, [], true), env, claim.claim, scope, actual);
  return typeof check === 'object' ? check : claim.engine;
}

function place(l: { start: { line: number; column: number }; cell?: number }): PlaceRef {
  return l.cell === undefined
    ? { line: l.start.line, column: l.start.column }
    : { line: l.start.line, column: l.start.column, cell: l.cell };
}

function tryConvert(e: Expr | undefined, env: NoteEnvironment): MathNode | undefined {
  if (!e) return undefined;
  try {
    return convertExpr(e, env).node;
  } catch (err) {
    if (err instanceof Unsupported || err instanceof Opaque) return undefined;
    throw err;
  }
}

function definitionNode(env: NoteEnvironment, name: string): MathNode | undefined {
  try {
    return env.isDefined(name) ? env.definitionOf(env.idOf(name)) : undefined;
  } catch (err) {
    if (err instanceof Opaque) return undefined;
    throw err;
  }
}

/** The counterexample's point when the claim was refuted (seed 0), else a point drawn with the seed. */
function pointScope(pass: ForwardPass, plan: Plan, env: NoteEnvironment, claim: ClaimReport, seed: number): Scope {
  const rng = makeRng(seed || 1);
  for (let attempt = 0; attempt < 40; attempt++) {
    const scope = pass.sample(rng, attempt >= 20, plan);
    if (seed === 0 && claim.counterexample) {
      for (const [name, v] of Object.entries(claim.counterexample.point)) scope[env.idOf(name)] = v;
      pass.run(scope, plan);
    }
    if (Object.values(scope).every((v) => typeof v !== 'number' || Number.isFinite(v))) return scope;
  }
  return pass.sample(rng, true, plan);
}

/** Central difference of the claim's derivative at the point. */
function finiteDifference(
  pass: ForwardPass,
  plan: Plan,
  env: NoteEnvironment,
  scope: Scope,
  target: Extract<Expr, { kind: 'derivative' }>,
): number | undefined {
  const of = tryConvert(target.of, env);
  if (!of) return undefined;
  const v = env.idOf(target.wrt.name);
  const x = scope[v];
  if (typeof x !== 'number') return undefined;
  const h = 1e-6 * Math.max(1, Math.abs(x));
  const at = (t: number): number => {
    const s: Scope = { ...scope, [v]: t };
    pass.run(s, plan, v);
    return of.compile().evaluate(s) as number;
  };
  const fd = (at(x + h) - at(x - h)) / (2 * h);
  return Number.isFinite(fd) ? fd : undefined;
}
