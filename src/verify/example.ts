/**
 * Worked examples, the commonest style of scalar backprop notes: the note gives values (`x = 1`, `w_1 = 0.5`),
 * states results (`a_1 = \text{ReLU}(z_1) = 0.5`, `a_2 = σ(z_2) ≈ 0.562`) and substitutes them
 * (`z_1 = x w_1 = 1.0 · 0.5 = 0.5`). Such a step is judged at the note's own values, never at random points, and
 * every number at its printed precision: a stated result is known only to half a unit of its last digit.
 */
import { describe } from './describe';
import { type Expr, mapExpr, symbolsOf, walk } from '../latex/ast';
import { displayName } from '../latex/notation';
import { type MathNode, isCall, symbolNames } from '../calculus/math';
import type { BlockSpan, Claim, NoteModel } from '../model/types';
import { Unsupported, convertExpr } from './convert';
import type { NoteEnvironment } from './environment';

/** A number the note writes, and how far its true value may be from it (half a unit of its last digit). */
export interface Known {
  readonly value: number;
  readonly halfUnit: number;
}

/** A value at the example, or the symbols whose values the note does not give. */
type Valued = { readonly value: number; readonly leaves: ReadonlyMap<string, Known> } | { readonly missing: readonly string[] };

const LITERAL = '#literal';

/** Half a unit of the last digit written: `0.552` → 0.0005; whole numbers are exact unless `approximate`. */
export function halfUnitOf(text: string, approximate = false): number {
  const m = /(\d*)(?:\.(\d+))?\s*$/.exec(text.trim());
  const decimals = m?.[2]?.length ?? 0;
  if (decimals === 0) return approximate ? 0.5 : 0;
  return 0.5 * 10 ** -decimals;
}

const numberValue = (e: Expr | undefined): number | undefined =>
  e?.kind === 'number' ? e.value : e?.kind === 'negate' && e.arg.kind === 'number' ? -e.arg.value : undefined;

/** Results the note states: each chain from a symbol that ends in a number (`a_1 = ReLU(z_1) = 0.5`), by symbol, in note order. */
export function statedResults(model: NoteModel, source: (at: BlockSpan) => string): Map<string, { chain: number; known: Known }[]> {
  const stated = new Map<string, { chain: number; known: Known }[]>();
  const lastOfChain = new Map<number, Claim>();
  // (an update rule's number is the variable's next value, not the one its example computes with)
  const updates = new Set(model.claims.filter((c) => c.kind === 'update').map((c) => c.chain));
  for (const c of model.claims) lastOfChain.set(c.chain, c);
  for (const c of lastOfChain.values()) {
    const head = c.context[0]?.expr;
    const value = numberValue(c.right.expr);
    if (head?.kind !== 'symbol' || value === undefined || c.kind === 'update' || updates.has(c.chain)) continue;
    const list = stated.get(head.name) ?? [];
    list.push({ chain: c.chain, known: { value, halfUnit: halfUnitOf(source(c.right), c.approximate) } });
    stated.set(head.name, list);
  }
  return stated;
}

/** Symbols the note gives or states as single numbers: scalars, whatever their names suggest. */
export function numericSymbols(model: NoteModel): Set<string> {
  const out = new Set(statedResults(model, () => '').keys());
  for (const [name, d] of model.definitions) if (numberValue(d.value.expr) !== undefined) out.add(name);
  return out;
}

export class WorkedExample {
  /** Results the note states, by symbol, in note order. */
  private readonly stated: Map<string, { chain: number; known: Known }[]>;

  constructor(
    private readonly model: NoteModel,
    private readonly env: NoteEnvironment,
    private readonly source: (at: BlockSpan) => string,
  ) {
    this.stated = statedResults(model, source);
    this.substituted = substitutedValues(model);
  }

  /** Values of inputs the note gives only by writing them in a step (`w_1 i_1 + b_1 = 0.15 \cdot 0.05 + 0.35`). */
  private readonly substituted: Map<string, { chain: number; value: number }[]>;

  /** Whether the note gives an input's value only by writing it into its steps (η of `w - η g = 0.5 - 0.1 g`). */
  givenBySubstitution(name: string): boolean {
    return !this.model.definitions.has(name) && this.substituted.has(name);
  }

  /** The value a step of the note writes for an input, nearest before the chain (else the first after it). */
  private substitutedValue(name: string, chain: number): number | undefined {
    const list = this.substituted.get(name);
    return list && (latestBefore(list, chain) ?? list[0]).value;
  }

  /** Whether a claim that fails at random points is a step of a worked example: it substitutes numbers for symbols. */
  isExampleStep(claim: Claim): boolean {
    const left = claim.left.expr;
    const right = claim.right.expr;
    if (!left || !right) return false;
    const rightSymbols = symbolsOf(right);
    // `∂y/∂x = 1` is a claim about every x; `∂L/∂w_2 = 0.069` and `σ(0.25) = 0.562` are about the example
    // (`θ(0.7 - 0.2) = 1`: decimals on the left show the substitution too)
    if (rightSymbols.size === 0) return hasNumber(right) && (symbolsOf(left).size === 0 || hasDecimal(right) || hasDecimal(left));
    if (!hasDecimal(right)) return false;
    const leftInputs = this.env.inputsOf(inputsWithDerivatives(left));
    const rightInputs = this.env.inputsOf(rightSymbols);
    return [...rightInputs].every((s) => leftInputs.has(s)) && rightInputs.size < leftInputs.size;
  }

  /** The expression a symbol is defined by in this scope, if any. */
  definitionOf(name: string): Expr | undefined {
    return this.model.definitions.get(name)?.value.expr;
  }

  /** Whether both sides of a claim can be computed from the note's values, and agree there. */
  holdsAtExample(claim: Claim): boolean {
    if (!claim.left.expr || !claim.right.expr) return false;
    const l = this.valueAt(claim.left.expr, claim.left, claim, false);
    const r = this.valueAt(claim.right.expr, claim.right, claim, false);
    if ('missing' in l || 'missing' in r || l.leaves.size === 0) return false;
    // (to within the rounding of the given numbers: `a = 0.5374` is σ(0.15) to four places)
    const spread = this.spreadOf(claim.left.expr, claim.left, claim, l) + this.spreadOf(claim.right.expr, claim.right, claim, r);
    return Math.abs(l.value - r.value) <= 1e-6 * Math.max(1, Math.abs(l.value), Math.abs(r.value)) + spread;
  }

  /**
   * How far the rounding of the numbers a side rests on may move its value (to first order); a given number counts as
   * rounded at its last digit too (`a = 0.5374` may be σ(0.15) rounded), the claim's own literals as exact.
   */
  private spreadOf(
    side: Expr,
    at: BlockSpan,
    claim: Claim,
    v: { readonly value: number; readonly leaves: ReadonlyMap<string, Known> },
  ): number {
    let spread = 0;
    for (const [name, known] of v.leaves) {
      const half = known.halfUnit || (name.startsWith(LITERAL) ? 0 : halfUnitOf(String(known.value)));
      if (half === 0) continue;
      const moved = this.valueAt(side, at, claim, false, new Map([[name, known.value + half]]));
      spread += 'missing' in moved ? half : Math.abs(moved.value - v.value);
    }
    return spread;
  }

  /**
   * The value of a side at the example, and the given or stated values it rests on; or which values the note does
   * not give. `moved` shifts some of those values (to measure how much their rounding may change the result).
   */
  valueAt(
    side: Expr,
    at: BlockSpan,
    claim: Claim,
    literalsRounded: boolean,
    moved: ReadonlyMap<string, number> = new Map(),
    stated: ReadonlyMap<string, Known> = new Map(),
    exact: ReadonlySet<number> = new Set(),
  ): Valued {
    const literals = new Map<string, Known>();
    const rewritten = mapExpr(side, (n) => {
      if (n.kind !== 'number') return n;
      const name = `${LITERAL}${literals.size}`;
      const text = this.source({ block: at.block, span: n.span });
      // (`exact`: literals that stand for a given input, written as given, not rounded results)
      literals.set(name, {
        value: n.value,
        halfUnit: literalsRounded && !exact.has(n.span.start) ? halfUnitOf(text, claim.approximate) : 0,
      });
      return { kind: 'symbol', name, span: n.span };
    });
    let node: MathNode;
    try {
      node = convertExpr(rewritten, this.env, undefined, { scalarNorms: true }).node;
    } catch (e) {
      if (e instanceof Unsupported) return { missing: [`(${e.message})`] };
      throw e;
    }
    return this.valueOf(node, literals, claim.chain, moved, stated);
  }

  /**
   * `stated`: values the step itself writes in their place, which stand as written: an input the note gives nowhere
   * else (`η` of `w - η g = 0.5 - 0.1 g`), or a computed value written as the note stated it.
   */
  private valueOf(
    node: MathNode,
    literals: ReadonlyMap<string, Known>,
    chain: number,
    moved: ReadonlyMap<string, number>,
    stated: ReadonlyMap<string, Known>,
  ): Valued {
    const scope: Record<string, number> = {};
    const leaves = new Map<string, Known>();
    const missing: string[] = [];
    const memo = new Map<string, number | undefined>();
    const need = (id: string, depth: number): number | undefined => {
      if (memo.has(id)) return memo.get(id);
      memo.set(id, undefined);
      const name = this.env.nameOf(id);
      let v: number | undefined;
      const literal = name === undefined ? undefined : (literals.get(name) ?? stated.get(name));
      // a value computed from what the note gives exactly beats the rounded result it states (and shows a slip carried on)
      const computed = literal || name === undefined ? undefined : this.computed(name, depth, leaves);
      const known = name === undefined || computed !== undefined ? undefined : (literal ?? this.known(name, chain));
      if (computed !== undefined) v = computed;
      else if (name !== undefined && known) {
        leaves.set(name, known);
        v = moved.get(name) ?? known.value;
      } else if (name !== undefined && this.env.isDefined(name) && depth < 200) {
        const def = this.env.definition(name).converted;
        if (def && def.unknowns.size === 0 && !usesGeneric(def.node)) v = this.evalNode(def.node, (i) => need(i, depth + 1));
      }
      if (v === undefined && name !== undefined && !this.env.isDefined(name) && !missing.includes(name)) missing.push(name);
      memo.set(id, v);
      return v;
    };
    if (usesGeneric(node)) return { missing: ['(a generic function)'] };
    for (const id of symbolNames(node)) {
      const v = need(id, 0);
      if (v === undefined) {
        if (!this.env.nameOf(id) && !missing.length) missing.push('(an unknown value)');
      } else scope[id] = v;
    }
    if (missing.length > 0) return { missing };
    const value = this.evalNode(node, (id) => scope[id]);
    return value === undefined ? { missing: ['(a value outside the domain)'] } : { value, leaves };
  }

  private evalNode(node: MathNode, valueOf: (id: string) => number | undefined): number | undefined {
    const scope: Record<string, number> = {};
    for (const id of symbolNames(node)) {
      const v = valueOf(id);
      if (v === undefined) return undefined;
      scope[id] = v;
    }
    const v = node.compile().evaluate(scope) as unknown;
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  }

  /**
   * A symbol defined by an expression, computed from numbers the note gives exactly (`x = 1.0`), not from rounded
   * results it states; undefined if it cannot be. The given numbers it rests on are added to `leaves`.
   */
  private computed(name: string, depth: number, leaves: Map<string, Known>): number | undefined {
    const expr = this.model.definitions.get(name)?.value.expr;
    if (depth > 100 || !expr || numberValue(expr) !== undefined) return undefined;
    const def = this.env.definition(name).converted;
    if (!def || def.unknowns.size > 0 || usesGeneric(def.node)) return undefined;
    const used = new Map<string, Known>();
    const value = this.evalNode(def.node, (id) => {
      const n = this.env.nameOf(id);
      if (n === undefined) return undefined;
      const def = this.model.definitions.get(n);
      const given = numberValue(def?.value.expr) ?? (def ? undefined : this.substitutedValue(n, Infinity));
      if (given !== undefined) {
        used.set(n, { value: given, halfUnit: 0 });
        return given;
      }
      return this.computed(n, depth + 1, used);
    });
    if (value !== undefined) for (const [k, v] of used) leaves.set(k, v);
    return value;
  }

  /** Whether a claim before this one writes `part` (the same derivative or name) as this number. */
  writtenBefore(claim: Claim, part: Expr, value: number): boolean {
    const key = describe(part, Infinity);
    return this.model.claims.some((c) => {
      if (c.id >= claim.id || numberValue(c.right.expr) === undefined || Math.abs(numberValue(c.right.expr)! - value) > 1e-12) return false;
      const head = c.context[0]?.expr;
      return [c.left.expr, head].some((e) => e !== undefined && describe(e, Infinity) === key);
    });
  }

  /** The results the note states before the claim's chain, for every symbol it states one of (`out_{h1} = … = 0.5933`). */
  statedBefore(claim: Claim): Map<string, Known> {
    const out = new Map<string, Known>();
    for (const [name, list] of this.stated) {
      const before = latestBefore(list, claim.chain);
      if (before) out.set(name, before.known);
    }
    return out;
  }

  /** A value the note gives or states for a symbol: a number definition in force (exact), else the nearest stated result. */
  known(name: string, chain: number): Known | undefined {
    const stated = this.stated.get(name);
    if (stated) {
      let pick = stated[0];
      for (const s of stated) if (s.chain <= chain) pick = s;
      // a chain's own result is not evidence for the steps leading to it
      if (pick.chain !== chain) return pick.known;
    }
    const def = this.model.definitions.get(name);
    const value = numberValue(def?.value.expr) ?? (def ? undefined : this.substitutedValue(name, chain));
    return value === undefined ? undefined : { value, halfUnit: 0 };
  }
}

function usesGeneric(node: MathNode): boolean {
  let found = false;
  node.traverse((n) => {
    if (isCall(n) && n.fn.name.startsWith('gen_')) found = true;
  });
  return found;
}

function hasNumber(e: Expr): boolean {
  let found = false;
  walk(e, (n) => (found ||= n.kind === 'number'));
  return found;
}

function hasDecimal(e: Expr): boolean {
  let found = false;
  walk(e, (n) => (found ||= n.kind === 'number' && !Number.isInteger(n.value)));
  return found;
}

/** The symbols a side mentions (a derivative's variable included: ∂z/∂w depends on w). */
function inputsWithDerivatives(e: Expr): Set<string> {
  return symbolsOf(e);
}

export const missingMessage = (missing: readonly string[]): string =>
  `a step of a worked example, but the note does not give the value of ${missing.map((m) => (m.startsWith('(') ? m : displayName(m))).join(', ')}`;

/** The pairs (a symbol of the left side, the number written in its place on the right) of a plain substitution. */
export function substitutions(left: Expr, right: Expr, out: [Expr, Expr][] = []): [Expr, Expr][] | undefined {
  let r = right.kind === 'negate' && right.arg.kind === 'number' ? { ...right.arg, value: -right.arg.value } : right;
  // `-1.0 × 0.6225` is (−1.0)·0.6225 in the place of w_2·a_1
  if (left.kind === 'binary' && r.kind === 'negate' && r.arg.kind === 'binary' && r.arg.op === '*') {
    r = { ...r.arg, left: { kind: 'negate', arg: r.arg.left, span: r.arg.left.span } };
  }
  if (left.kind === 'symbol' && r.kind === 'number') {
    out.push([left, r]);
    return out;
  }
  // a derivative or another computed part with its value written in its place
  if (r.kind === 'number' && left.kind !== 'number') {
    out.push([left, r]);
    return out;
  }
  if (left.kind !== r.kind) return undefined;
  if (left.kind === 'number') return out;
  if (left.kind === 'binary' && r.kind === 'binary' && left.op === r.op)
    return substitutions(left.left, r.left, out) && substitutions(left.right, r.right, out);
  if (left.kind === 'negate' && r.kind === 'negate') return substitutions(left.arg, r.arg, out);
  if (left.kind === 'call' && r.kind === 'call' && left.fn === r.fn && left.args.length === r.args.length) {
    for (let i = 0; i < left.args.length; i++) if (!substitutions(left.args[i], r.args[i], out)) return undefined;
    return out;
  }
  return undefined;
}

/**
 * The numbers the note's steps write in the place of inputs it gives no value of otherwise (`net_{h1} = w_1 i_1 + b_1
 * = 0.15 \cdot 0.05 + 0.35`: w₁ = 0.15, i₁ = 0.05, b₁ = 0.35), by input, in note order.
 */
function substitutedValues(model: NoteModel): Map<string, { chain: number; value: number }[]> {
  const out = new Map<string, { chain: number; value: number }[]>();
  // (and `\frac{\partial E}{\partial out} = -(t - out)` then, in a later line, `\frac{\partial E}{\partial out} = -(0.01 - 0.7514)`)
  const symbolic = new Map<string, Expr>();
  for (const c of model.claims) {
    if (!c.left.expr || !c.right.expr || c.kind === 'update') continue;
    const key = describe(c.left.expr, Infinity);
    const earlier = symbolsOf(c.right.expr).size === 0 ? symbolic.get(key) : undefined;
    if (symbolsOf(c.right.expr).size > 0) symbolic.set(key, c.right.expr);
    const pairs = [...(substitutions(c.left.expr, c.right.expr) ?? []), ...((earlier && substitutions(earlier, c.right.expr)) ?? [])];
    for (const [symbol, literal] of pairs) {
      if (symbol.kind !== 'symbol' || literal.kind !== 'number' || model.definitions.has(symbol.name)) continue;
      out.set(symbol.name, [...(out.get(symbol.name) ?? []), { chain: c.chain, value: literal.value }]);
    }
  }
  return out;
}

/** The last entry of a list in note order that comes from a chain before `chain`. */
function latestBefore<T extends { readonly chain: number }>(list: readonly T[], chain: number): T | undefined {
  let found: T | undefined;
  for (const item of list) if (item.chain < chain) found = item;
  return found;
}
