/**
 * The cost a note leaves unwritten. `\frac{\partial L}{\partial z} = \frac{\partial L}{\partial a} \odot \sigma'(z)`
 * beside `z = W x + b`, `a = \sigma(z)` and "L depends on a" holds whatever L is. Such a claim is checked with L
 * read as an arbitrary smooth function of the note's last computed quantities: `L = Σ ϱ ⊙ tanh(ϖ ⊙ a)` with ϱ, ϖ
 * random inputs the size of a (no coincidence of a particular loss can make a wrong identity hold for it).
 * A claim checked this way can be verified, never refuted: the real L may depend on more than the note shows.
 * Where that does not verify a claim (`dZ = A - Y` holds for one loss only), the standard loss that fits the
 * output layer is tried, and the assumption is said.
 */
import { type Expr, type Span, childrenOf, walk } from '../latex/ast';
import { displayName } from '../latex/notation';
import type { Definition, NoteModel } from '../model/types';
import { ASSUMED_LOSSES, targetOf } from './assumedLoss';

/** Names a cost goes by. */
const COST = /^(L|J|C|E|\\ell|\\mathcal\{[LJCE]\}|\\mathfrak\{[LJCE]\}|E_\{?(total|T|tot)\}?|\\text\{(loss|Loss|cost|Cost)\})$/;

/** One way to read the costs a note leaves unwritten: each cost's definition, and what the reading assumes. */
export interface CostReading {
  /** Each unwritten cost, and the quantities it is read as a function of. */
  readonly costs: ReadonlyMap<string, readonly string[]>;
  /** The model with each cost defined, for the scalar path (a sum of terms) and the vector path (Σ over entries). */
  readonly scalarModel: NoteModel;
  readonly vectorModel: NoteModel;
  /** What a claim checked this way says about it: in a message, and in a few words (for a CodeLens). */
  readonly assumption: (cost: string) => { readonly long: string; readonly short: string };
}

/**
 * The readings of the costs this note differentiates but never defines: first as any smooth cost; then, for a cost
 * of one output and a target the note names, as each standard loss that fits the output layer. None if no cost is
 * unwritten.
 */
export function costReadings(model: NoteModel): CostReading[] {
  const costs = new Map<string, string[]>();
  for (const [cost, wrt] of differentiatedCosts(model)) {
    const args = argumentsOf(model, wrt);
    if (args.length > 0) costs.set(cost, args);
  }
  // course shorthand (dW, dZ) in a note that writes no cost at all: the cost J of the course
  const shorthand = shorthandTargets(model);
  const anyCost = [...model.definitions.keys()].some((n) => (COST.test(n) || /^[JCLE](_|$)/.test(n)) && !averagesUnwritten(model, n));
  if (shorthand.size > 0 && !anyCost && !costs.has('J')) {
    const args = argumentsOf(model, shorthand);
    if (args.length > 0) costs.set('J', args);
  }
  if (costs.size === 0) return [];
  // a course's J averages over the m samples (so that dZ = m ∂J/∂Z is the per-sample derivative)
  const averaged = (cost: string): boolean => cost === 'J' && shorthand.size > 0 && model.variables.has('m');
  const reading = (
    define: (cost: string, args: readonly string[], vector: boolean) => Expr | undefined,
    assumption: CostReading['assumption'],
  ): CostReading | undefined => {
    const make = (vector: boolean): NoteModel | undefined => {
      const definitions = new Map(model.definitions);
      for (const [cost, args] of costs) {
        const body = define(cost, args, vector);
        if (!body) return undefined;
        definitions.set(cost, definitionOf(cost, averaged(cost) ? divide(body, 'm') : body, args, model));
      }
      return { ...model, definitions };
    };
    const [scalarModel, vectorModel] = [make(false), make(true)];
    return scalarModel && vectorModel ? { costs, scalarModel, vectorModel, assumption } : undefined;
  };
  const generic = reading(
    (cost, args, vector) => anySmoothCost(cost, args, vector),
    (cost) => ({
      long: `${displayName(cost)} is ${model.definitions.has(cost) ? 'written only through a per-example loss the note never writes' : 'not written in the note'}: it was read as an arbitrary smooth function of ${costs.get(cost)!.map(displayName).join(', ')}`,
      short: `for any ${displayName(cost)}`,
    }),
  );
  const target = targetOf(model.variables, (n) => model.definitions.has(n));
  const standard = ASSUMED_LOSSES.map((loss) =>
    reading(
      (_cost, args, vector) => {
        const output = args.length === 1 ? model.definitions.get(args[0])?.value.expr : undefined;
        return output && target && loss.fits(output) ? loss.build(sym(args[0]), sym(target), vector) : undefined;
      },
      (cost) => ({
        long: `assuming ${displayName(cost)} is ${loss.name} (the note does not define ${displayName(cost)})`,
        short: `assuming ${displayName(cost)} = ${loss.short}`,
      }),
    ),
  );
  return [generic, ...standard].filter((r): r is CostReading => r !== undefined);
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
        if (
          !COST.test(cost) ||
          (model.definitions.has(cost) && !averagesUnwritten(model, cost)) ||
          model.functions.has(cost) ||
          used.has(cost)
        )
          return;
        if (!out.has(cost)) out.set(cost, new Set());
        out.get(cost)!.add(n.wrt.name);
      });
    }
  }
  return out;
}

/** Sizes and indices a cost's average is written with. */
const SIZES = new Set(['m', 'n', 'N', 'M', 'k', 'i', 'j']);

/**
 * Is the cost written only as an average or sum of per-example costs the note never writes (`C = \frac{1}{N}\sum_k
 * C_k`, `J = \frac{1}{m} \sum_i L^{(i)}`, `J = \frac{1}{m}\sum \mathfrak{L}(a^{[2]}, y)` with the loss never
 * written)? Then it is as unwritten as they are.
 */
function averagesUnwritten(model: NoteModel, cost: string): boolean {
  const e = model.definitions.get(cost)?.value.expr;
  if (!e) return false;
  let perExample = 0;
  let other = false;
  const unwritten = (name: string): boolean =>
    !model.definitions.has(name) && !model.functions.has(name) && COST.test(name.replace(/[_^].*$/, ''));
  const visit = (n: Expr): void => {
    if (n.kind === 'symbol' && !SIZES.has(n.name)) {
      if (unwritten(n.name)) perExample++;
      else other = true;
    } else if (n.kind === 'call' && n.generic && unwritten(n.fn)) {
      perExample++; // (its arguments are what the loss is of)
    } else if (
      n.kind === 'binary' &&
      n.op === '*' &&
      n.left.kind === 'symbol' &&
      n.right.kind === 'unsupported' &&
      n.right.inner &&
      unwritten(n.left.name)
    ) {
      perExample++; // `\mathfrak{L}(a^{[2]}, y)`: a loss named on its arguments, read as a product with a list
    } else if (n.kind === 'call' || n.kind === 'derivative') {
      other = true;
    } else {
      childrenOf(n).forEach(visit);
    }
  };
  visit(e);
  return perExample > 0 && !other;
}

/** The note's last computed quantities that depend on (or are) the variables the cost is differentiated by. */
function argumentsOf(model: NoteModel, wrt: ReadonlySet<string>): string[] {
  // (what a cost is computed from is still the network's last quantity; a cost is no quantity a cost is of)
  const used = usedByDefinitions(model, true);
  // (nor is a quantity computed from derivatives, `d_2 = W^T dZ`: the backward pass, not the forward one)
  const backward = (s: string): boolean => {
    let found = false;
    const e = model.definitions.get(s)?.value.expr;
    if (e) walk(e, (n) => (found ||= n.kind === 'derivative' || n.kind === 'shorthand'));
    return found;
  };
  const sinks = [...model.definitions.keys()].filter((s) => !used.has(s) && !COST.test(s) && !backward(s));
  return sinks.filter((s) => wrt.has(s) || [...dependenciesOf(model, s)].some((d) => wrt.has(d)));
}

/** The symbols the definitions compute with (a name for a derivative, `J_W = \frac{\partial C}{\partial W}`, uses no value). */
function usedByDefinitions(model: NoteModel, exceptCosts = false): Set<string> {
  const used = new Set<string>();
  const visit = (e: Expr): void => {
    if (e.kind === 'symbol') used.add(e.name);
    if (e.kind !== 'derivative') childrenOf(e).forEach(visit);
  };
  for (const [name, d] of model.definitions) if (d.value.expr && !(exceptCosts && COST.test(name))) visit(d.value.expr);
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

const SPAN: Span = { start: 0, end: 0 };
const sym = (name: string): Expr => ({ kind: 'symbol', name, span: SPAN });
const divide = (e: Expr, by: string): Expr => ({ kind: 'binary', op: '/', left: e, right: sym(by), span: SPAN });

/** `Σ_args Σ ϱ ⊙ tanh(ϖ ⊙ arg)` (without the Σ over entries on the scalar path). */
function anySmoothCost(cost: string, args: readonly string[], vector: boolean): Expr {
  const hadamard = (a: Expr, b: Expr): Expr => ({ kind: 'binary', op: vector ? 'hadamard' : '*', left: a, right: b, span: SPAN });
  const terms = args.map((arg, i): Expr => {
    const [weight, scale] = [`\\varrho_{${i + 1}}^{(${cost})}`, `\\varpi_{${i + 1}}^{(${cost})}`].map(sym);
    const term = hadamard(weight, { kind: 'call', fn: 'tanh', generic: false, primes: 0, args: [hadamard(scale, sym(arg))], span: SPAN });
    // (over every entry: this sum is the reading's own, no guess about the note)
    return vector ? { kind: 'sum', body: term, axis: 'all', span: SPAN } : term;
  });
  return terms.reduce((a, b) => ({ kind: 'binary', op: '+', left: a, right: b, span: SPAN }));
}

function definitionOf(cost: string, expr: Expr, args: readonly string[], model: NoteModel): Definition {
  const at = model.definitions.get(args[0])?.at ?? { block: 0, span: SPAN };
  return { symbol: cost, value: { ...at, expr }, at, source: 'equation' };
}
