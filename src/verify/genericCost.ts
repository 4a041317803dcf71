/**
 * The cost a note leaves unwritten. `\frac{\partial L}{\partial z} = \frac{\partial L}{\partial a} \odot \sigma'(z)`
 * beside `z = W x + b`, `a = \sigma(z)` and "L depends on a" holds whatever L is. Such a claim is checked with L
 * read as an arbitrary smooth function of the note's last computed quantities: `L = Σ ϱ ⊙ tanh(ϖ ⊙ a)` with ϱ, ϖ
 * random inputs the size of a (no coincidence of a particular loss can make a wrong identity hold for it).
 * A claim checked this way can be verified, never refuted: the real L may depend on more than the note shows.
 */
import { type Expr, type Span, walk } from '../latex/ast';
import { displayName } from '../latex/notation';
import type { Definition, NoteModel } from '../model/types';

/** Names a cost goes by. */
const COST = /^(L|J|C|E|\\ell|\\mathcal\{[LJCE]\}|E_\{?(total|T|tot)\}?|\\text\{(loss|Loss|cost|Cost)\})$/;

export interface GenericCosts {
  /** Each unwritten cost, and the quantities it is read as a function of. */
  readonly costs: ReadonlyMap<string, readonly string[]>;
  /** The model with each cost defined, for the scalar path (a sum of terms) and the vector path (Σ over entries). */
  readonly scalarModel: NoteModel;
  readonly vectorModel: NoteModel;
}

/** The costs this note differentiates but never defines, with a definition made up for each; undefined if none. */
export function genericCosts(model: NoteModel): GenericCosts | undefined {
  const costs = new Map<string, string[]>();
  for (const [cost, wrt] of differentiatedCosts(model)) {
    const args = argumentsOf(model, wrt);
    if (args.length > 0) costs.set(cost, args);
  }
  // course shorthand (dW, dZ) in a note that writes no cost at all: the cost J of the course
  const shorthand = shorthandTargets(model);
  const anyCost = [...model.definitions.keys()].some((n) => COST.test(n) || /^[JCLE](_|$)/.test(n));
  if (shorthand.size > 0 && !anyCost && !costs.has('J')) {
    const args = argumentsOf(model, shorthand);
    if (args.length > 0) costs.set('J', args);
  }
  if (costs.size === 0) return undefined;
  // a course's J averages over the m samples (so that dZ = m ∂J/∂Z is the per-sample derivative)
  const averaged = (cost: string): boolean => cost === 'J' && shorthand.size > 0 && model.variables.has('m');
  const make = (vector: boolean): NoteModel => {
    const definitions = new Map(model.definitions);
    for (const [cost, args] of costs) definitions.set(cost, definitionOf(cost, args, vector, model, averaged(cost)));
    return { ...model, definitions };
  };
  return { costs, scalarModel: make(false), vectorModel: make(true) };
}

/** What a claim checked with a made-up cost says about it. */
export function costAssumption(cost: string, args: readonly string[]): string {
  return `${displayName(cost)} is not written in the note: it was read as an arbitrary smooth function of ${args.map(displayName).join(', ')}`;
}

/** Undefined cost-like symbols the note's claims differentiate, with the variables they are differentiated by. */
function differentiatedCosts(model: NoteModel): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const used = usedByDefinitions(model);
  for (const claim of model.claims) {
    for (const side of [claim.left.expr, claim.right.expr]) {
      if (!side) continue;
      walk(side, (n) => {
        if (n.kind !== 'derivative' || n.of.kind !== 'symbol') return;
        const cost = n.of.name;
        if (!COST.test(cost) || model.definitions.has(cost) || model.functions.has(cost) || used.has(cost)) return;
        if (!out.has(cost)) out.set(cost, new Set());
        out.get(cost)!.add(n.wrt.name);
      });
    }
  }
  return out;
}

/** The note's last computed quantities that depend on (or are) the variables the cost is differentiated by. */
function argumentsOf(model: NoteModel, wrt: ReadonlySet<string>): string[] {
  const used = usedByDefinitions(model);
  const sinks = [...model.definitions.keys()].filter((s) => !used.has(s));
  return sinks.filter((s) => wrt.has(s) || [...dependenciesOf(model, s)].some((d) => wrt.has(d)));
}

function usedByDefinitions(model: NoteModel): Set<string> {
  const used = new Set<string>();
  for (const d of model.definitions.values()) if (d.value.expr) walk(d.value.expr, (n) => n.kind === 'symbol' && used.add(n.name));
  return used;
}

/** Everything a defined symbol's value is computed from, through the note's definitions. */
function dependenciesOf(model: NoteModel, name: string): Set<string> {
  const seen = new Set<string>();
  const visit = (s: string): void => {
    const e = model.definitions.get(s)?.value.expr;
    if (e) walk(e, (n) => n.kind === 'symbol' && !seen.has(n.name) && (seen.add(n.name), visit(n.name)));
  };
  visit(name);
  return seen;
}

/** The variables course shorthand differentiates the cost by (`W^{[2]}` of `dW^{[2]}`). */
export function shorthandTargets(model: NoteModel): Set<string> {
  const out = new Set<string>();
  const visit = (e: Expr | undefined): void => {
    if (e) walk(e, (n) => n.kind === 'shorthand' && out.add(n.of.name));
  };
  for (const d of model.definitions.values()) visit(d.value.expr);
  for (const c of model.claims) [c.left.expr, c.right.expr].forEach(visit);
  return out;
}

/** `cost = Σ_args Σ ϱ ⊙ tanh(ϖ ⊙ arg)` (without the Σ over entries on the scalar path; over m when averaged). */
function definitionOf(cost: string, args: readonly string[], vector: boolean, model: NoteModel, averaged: boolean): Definition {
  const span: Span = { start: 0, end: 0 };
  const sym = (name: string): Expr => ({ kind: 'symbol', name, span });
  const hadamard = (a: Expr, b: Expr): Expr => ({ kind: 'binary', op: vector ? 'hadamard' : '*', left: a, right: b, span });
  const terms = args.map((arg, i): Expr => {
    const [weight, scale] = [`\\varrho_{${i + 1}}^{(${cost})}`, `\\varpi_{${i + 1}}^{(${cost})}`].map(sym);
    const term = hadamard(weight, { kind: 'call', fn: 'tanh', generic: false, primes: 0, args: [hadamard(scale, sym(arg))], span });
    return vector ? { kind: 'sum', body: term, span } : term;
  });
  const sum = terms.reduce((a, b) => ({ kind: 'binary', op: '+', left: a, right: b, span }));
  const expr: Expr = averaged ? { kind: 'binary', op: '/', left: sum, right: sym('m'), span } : sum;
  const at = model.definitions.get(args[0])?.at ?? { block: 0, span };
  return { symbol: cost, value: { ...at, expr }, at, source: 'equation' };
}
