/**
 * Definitions: `symbol = expression`, `\underbrace{X}_{δ}` labels, and `g(z) = …`, in note order. A later
 * definition of the same symbol (`a = \tanh(z)` under "## tanh unit", `f` reused for the next example) starts a new
 * scope from there on: each claim is judged with the definitions in force where it is written.
 */
import { type Expr, symbolsOf, walk } from '../latex/ast';
import { displayName } from '../latex/notation';
import { MATRIX_SKETCH } from '../latex/environments';
import type { Chain } from './chains';
import type { Definition, DefinitionScope, FunctionDefinition } from './types';

export interface Definitions {
  /** The first definition of each symbol (the scope of claims before any redefinition). */
  readonly definitions: ReadonlyMap<string, Definition>;
  readonly functions: ReadonlyMap<string, FunctionDefinition>;
  /** Chains whose first part is the symbol they define (their claims start at the second part). */
  readonly defining: Set<number>;
  /** Chains that are update rules (`W = W - α dW`: the variable on both sides). */
  readonly updates: Set<number>;
  /** Symbols whose definitions cannot be used, and why. */
  readonly unusable: ReadonlyMap<string, string>;
  /** The scopes, in note order: scope k is in force after the k-th redefinition's chain. */
  readonly scopes: DefinitionScope[];
  /** The chain of each redefinition, ascending: a claim's scope is the number of these before its chain. */
  readonly boundaries: number[];
}

interface Placed<T> {
  readonly chain: number;
  /** Undefined: the symbol is an input up to `chain` (a definition used it before the note defined it). */
  readonly value: T | undefined;
}

/** Collects definitions in note order; a redefinition is a claim against the definition before it, and a new scope. */
export function collectDefinitions(chains: readonly Chain[], sectionOf: (block: number) => number = () => 0): Definitions {
  const symbols = new Map<string, Placed<Definition>[]>();
  const functions = new Map<string, Placed<FunctionDefinition>[]>();
  const defining = new Set<number>();
  const updates = new Set<number>();
  const boundaries = new Set<number>();
  const usedAsInput = new Map<string, number>();
  const differentiated = new Map<string, number>();
  for (const chain of chains) {
    if (chain.otherRelation) continue;
    if (chain.links.length >= 2)
      defineFromChain(chain, {
        symbols,
        functions,
        defining,
        updates,
        boundaries,
        usedAsInput,
        differentiated,
        section: sectionOf(chain.links[0].side.block),
      });
    for (const link of chain.links) if (link.side.expr) defineLabels(link.side.expr, link.side.block, chain.id, symbols);
    // what a claim differentiates by is a variable there: `w = (X^T X)^{-1} X^T y` in a later section starts a scope
    const section = sectionOf(chain.links[0].side.block);
    for (const link of chain.links) {
      if (!link.side.expr) continue;
      walk(link.side.expr, (n) => {
        if (n.kind === 'derivative' && !symbols.has(n.wrt.name) && !differentiated.has(n.wrt.name)) differentiated.set(n.wrt.name, section);
      });
    }
  }
  const sorted = [...boundaries].sort((a, b) => a - b);
  const scopes = [undefined, ...sorted].map((after) => scopeAfter(after, symbols, functions));
  return {
    definitions: scopes[0].definitions,
    functions: scopes[0].functions,
    defining,
    updates,
    unusable: scopes[0].unusable,
    scopes,
    boundaries: sorted,
  };
}

interface Collecting {
  readonly symbols: Map<string, Placed<Definition>[]>;
  readonly functions: Map<string, Placed<FunctionDefinition>[]>;
  readonly defining: Set<number>;
  readonly updates: Set<number>;
  readonly boundaries: Set<number>;
  /** Symbols a definition used while they had none of their own, with the section of that first use. */
  readonly usedAsInput: Map<string, number>;
  /** Symbols an earlier claim differentiates by while they have no definition, with the section of that claim. */
  readonly differentiated: ReadonlyMap<string, number>;
  /** The section of the chain being read. */
  readonly section: number;
}

function defineFromChain(chain: Chain, c: Collecting): void {
  // `x ≈ 0.5` states a rounded value; it defines nothing
  if (chain.links[1].approximate) return;
  const first = chain.links[0].side;
  const value = chain.links[1].side;
  const head = first.expr;
  // `X = \begin{bmatrix} x^{(1)} & \cdots & x^{(m)} \end{bmatrix}` says how X is laid out; X stays an input
  if (value.expr?.kind === 'unsupported' && value.expr.reason === MATRIX_SKETCH) return;
  if (head?.kind === 'symbol') {
    if (value.expr && symbolsOf(value.expr).has(head.name)) {
      c.updates.add(chain.id);
      return;
    }
    const list = c.symbols.get(head.name) ?? [];
    // `t = x + y`, and in a later section `y = f(x)`: y was an input there, so its definition starts a scope
    const firstUse = c.usedAsInput.get(head.name);
    const firstDerivative = c.differentiated.get(head.name);
    const earlier = (at: number | undefined): boolean => at !== undefined && at < c.section;
    if (list.length === 0 && (earlier(firstUse) || earlier(firstDerivative))) {
      list.push({ chain: -1, value: undefined });
      c.boundaries.add(chain.id);
    }
    const later = chain.links.slice(2).flatMap((l) => (l.side.expr && !l.approximate ? [l.side] : []));
    list.push({
      chain: chain.id,
      value: {
        symbol: head.name,
        value,
        at: { block: first.block, span: head.span },
        source: 'equation',
        ...(later.length > 0 && { later }),
      },
    });
    c.symbols.set(head.name, list);
    if (list.filter((p) => p.value).length === 1) c.defining.add(chain.id);
    else c.boundaries.add(chain.id);
    if (value.expr) noteUses(value.expr, c);
    defineAliases(chain, c);
    return;
  }
  if (head?.kind === 'call' && head.generic && head.primes === 0 && value.expr) {
    const params = head.args.map((a) => (a.kind === 'symbol' ? a.name : undefined));
    if (params.some((p) => p === undefined)) return;
    const list = c.functions.get(head.fn) ?? [];
    // a generic g used in an earlier section (`a = g(z)`) and defined in a later one is generic before it
    const firstUse = c.usedAsInput.get(`${FUNCTION}${head.fn}`);
    if (list.length === 0 && firstUse !== undefined && firstUse < c.section) {
      list.push({ chain: -1, value: undefined });
      c.boundaries.add(chain.id);
    }
    list.push({
      chain: chain.id,
      value: { name: head.fn, params: params as string[], body: value.expr, at: { block: first.block, span: head.span } },
    });
    c.functions.set(head.fn, list);
    if (list.filter((p) => p.value).length === 1) c.defining.add(chain.id);
    else c.boundaries.add(chain.id);
  }
}

/** How a function's name is kept among the symbols used before their definition. */
const FUNCTION = '\u0000fn ';

/** Records the symbols and generic functions a definition's value uses before they are defined. */
function noteUses(value: Expr, c: Collecting): void {
  walk(value, (n) => {
    if (n.kind === 'symbol' && !c.symbols.has(n.name) && !c.usedAsInput.has(n.name)) c.usedAsInput.set(n.name, c.section);
    const key = n.kind === 'call' && n.generic ? `${FUNCTION}${n.fn}` : undefined;
    if (key && n.kind === 'call' && !c.functions.has(n.fn) && !c.usedAsInput.has(key)) c.usedAsInput.set(key, c.section);
  });
}

/** `a^{(i)} = \\hat y^{(i)} = \\sigma(z^{(i)})`: a bare symbol inside a defining chain, defined nowhere else, is another name for it. */
function defineAliases(chain: Chain, c: Collecting): void {
  for (let k = 1; k + 1 < chain.links.length; k++) {
    const alias = chain.links[k].side;
    const next = chain.links[k + 1];
    // `a = g(z) = \frac{1}{1+e^{-z}}`: the generic g is this function here (and a later `g(z) = …` a new scope)
    const call = alias.expr?.kind === 'call' && alias.expr.generic && alias.expr.primes === 0 ? alias.expr : undefined;
    const params = call?.args.map((a) => (a.kind === 'symbol' ? a.name : '')) ?? [];
    const body = next.side.expr;
    // (only when the body uses its parameters: `F(a_j) = \frac{1}{1 + e^{-a_1}}` is a slip, not a definition of F)
    if (call && body && !next.approximate && params.every((p) => p !== '' && symbolsOf(body).has(p))) {
      const defined = { chain: chain.id, value: { name: call.fn, params, body, at: { block: alias.block, span: call.span } } };
      const list = c.functions.get(call.fn);
      // (a chain that defines its head again, `z = f(x, y) = xy` after `z = f(x, y) = x + y`, defines its f again too)
      if (!list) c.functions.set(call.fn, [defined]);
      else if (c.boundaries.has(chain.id)) list.push(defined);
      if (!list || c.boundaries.has(chain.id)) continue;
    }
    if (alias.expr?.kind !== 'symbol' || c.symbols.has(alias.expr.name) || next.approximate || !next.side.expr) continue;
    if (symbolsOf(next.side.expr).has(alias.expr.name)) continue;
    c.symbols.set(alias.expr.name, [
      {
        chain: chain.id,
        value: { symbol: alias.expr.name, value: next.side, at: { block: alias.block, span: alias.expr.span }, source: 'equation' },
      },
    ]);
  }
}

function defineLabels(e: Expr, block: number, chain: number, symbols: Map<string, Placed<Definition>[]>): void {
  walk(e, (n) => {
    if (n.kind !== 'labelled' || symbols.has(n.label.name)) return;
    const value = { block, span: n.expr.span, expr: n.expr };
    symbols.set(n.label.name, [{ chain, value: { symbol: n.label.name, value, at: { block, span: n.label.span }, source: 'label' } }]);
  });
}

/** The definitions in force after chain `after` (undefined: before any redefinition): each symbol's latest, else its first. */
function scopeAfter(
  after: number | undefined,
  symbols: Map<string, Placed<Definition>[]>,
  functions: Map<string, Placed<FunctionDefinition>[]>,
): DefinitionScope {
  const pick = <T>(list: readonly Placed<T>[]): T | undefined => {
    let chosen = list[0];
    for (const p of list) if (after !== undefined && p.chain <= after) chosen = p;
    return chosen.value;
  };
  const inForce = <T>(all: Map<string, Placed<T>[]>): Map<string, T> => {
    const out = new Map<string, T>();
    for (const [name, list] of all) {
      const v = pick(list);
      if (v !== undefined) out.set(name, v);
    }
    return out;
  };
  const definitions = inForce(symbols);
  const fns = inForce(functions);
  return { definitions, functions: fns, unusable: withoutLoops(withRelations(definitions)) };
}

/**
 * Definitions whose first value goes through numbers a worked example computed, `E_{total} = E_{o1} + E_{o2}` with
 * `E_{o1} = \frac{1}{2}(0.751 - 0.01)^2` (what E_{o1} is of is lost in it), but whose chain goes on to say what they
 * are of, `= \frac{1}{2}(out_{o1} - o_1)^2 + …`: read by that last part, so that their derivatives are the note's.
 */
function withRelations(definitions: Map<string, Definition>): Map<string, Definition> {
  // a value computed from numbers alone (not a given number: `w_1 = 0.15` is an input with its value)
  const computed = (name: string): boolean => {
    const body = definitions.get(name)?.value.expr;
    // (a matrix of numbers written out is given too)
    const given =
      body?.kind === 'number' || (body?.kind === 'negate' && body.arg.kind === 'number') || (body?.kind === 'call' && body.fn === 'matrix');
    return body !== undefined && !given && symbolsOf(body).size === 0;
  };
  const usesComputed = (e: Expr): boolean => [...symbolsOf(e)].some(computed);
  for (const [name, d] of definitions) {
    const last = d.later?.[d.later.length - 1];
    // (the last part must say what the value is of: names, none of them numbers computed)
    if (
      !d.value.expr ||
      !last?.expr ||
      !usesComputed(d.value.expr) ||
      symbolsOf(last.expr).size === 0 ||
      usesComputed(last.expr) ||
      symbolsOf(last.expr).has(name)
    )
      continue;
    definitions.set(name, { ...d, value: last });
  }
  return definitions;
}

/**
 * The definitions that still loop after each looping one whose chain goes on (`a_{h1} = \sigma(o_1) =
 * \frac{1}{1+e^{-h_1}}`, where o₁ uses a_{h1}) is read by its chain's last part instead: the loop is a slip of
 * the first part, which its own claim then shows.
 */
function withoutLoops(definitions: Map<string, Definition>): Map<string, string> {
  let unusable = cycles(definitions);
  for (const name of [...unusable.keys()]) {
    const d = definitions.get(name);
    const last = d?.later?.[d.later.length - 1];
    if (!d || !last || !unusable.has(name)) continue;
    definitions.set(name, { ...d, value: last });
    const after = cycles(definitions);
    if (after.has(name)) definitions.set(name, d);
    else unusable = after;
  }
  return unusable;
}

/** Definitions that refer to each other in a circle cannot be evaluated. */
function cycles(definitions: ReadonlyMap<string, Definition>): Map<string, string> {
  const unusable = new Map<string, string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): void => {
    state.set(name, 'open');
    stack.push(name);
    const expr = definitions.get(name)?.value.expr;
    for (const dep of expr ? symbolsOf(expr) : []) {
      if (!definitions.has(dep)) continue;
      if (state.get(dep) === 'open') {
        const cycle = stack.slice(stack.indexOf(dep));
        const reason = `the definitions of ${cycle.map(displayName).join(', ')} refer to each other`;
        for (const c of cycle) unusable.set(c, reason);
      } else if (!state.has(dep)) visit(dep);
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of definitions.keys()) if (!state.has(name)) visit(name);
  return unusable;
}
