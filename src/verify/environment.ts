/**
 * A note's definitions as mathjs trees, with the dependency graph between them. Symbols get safe mathjs names
 * (`s_0`, `s_1`, …); values that cannot be known (an undefined function's derivative, a definition with `\sum`)
 * become "unknowns": they are sampled like inputs, but a claim that needs one can never be refuted.
 */
import { type Expr, symbolsOf, walk } from '../latex/ast';
import { displayName } from '../latex/notation';
import type { DerivativeGraph } from '../calculus/differentiate';
import { Opaque } from '../calculus/differentiate';
import { type MathNode, isPrintable, sym } from '../calculus/math';
import type { NoteModel } from '../model/types';
import { type Converted, convertExpr, Unsupported } from './convert';
import { checkClock } from './deadline';

interface DefinitionState {
  readonly converted?: Converted;
  /** Why the definition's value cannot be computed. */
  readonly opaque?: string;
}

export class NoteEnvironment implements DerivativeGraph {
  private readonly ids = new Map<string, string>();
  private readonly names = new Map<string, string>();
  private readonly states = new Map<string, DefinitionState | 'converting'>();
  private readonly reach = new Map<string, Set<string>>();
  /** Unknown values by mathjs name, with the reason each is unknown. */
  readonly unknownReasons = new Map<string, string>();
  private readonly unknownKeys = new Map<string, string>();

  constructor(readonly model: NoteModel) {}

  /** The mathjs name of a note symbol. */
  idOf(name: string): string {
    let id = this.ids.get(name);
    if (!id) {
      id = `s_${this.ids.size}`;
      this.ids.set(name, id);
      this.names.set(id, name);
    }
    return id;
  }

  /** The note symbol behind a mathjs name (undefined for unknowns and placeholders). */
  nameOf(id: string): string | undefined {
    return this.names.get(id);
  }

  /** An unknown value, one per key: the same unknown derivative on both sides of a claim shares its value. */
  unknown(key: string, reason: string): MathNode {
    let id = this.unknownKeys.get(key);
    if (!id) {
      id = `u_${this.unknownKeys.size}`;
      this.unknownKeys.set(key, id);
      this.unknownReasons.set(id, reason);
    }
    return sym(id);
  }

  isDefined(name: string): boolean {
    return this.model.definitions.has(name);
  }

  /** The definition of a note symbol, converted once. */
  definition(name: string): DefinitionState {
    const state = this.states.get(name);
    if (state === 'converting') return { opaque: `the definition of ${displayName(name)} refers to itself` };
    if (state) return state;
    this.states.set(name, 'converting');
    const computed = this.convertDefinition(name);
    this.states.set(name, computed);
    return computed;
  }

  private convertDefinition(name: string): DefinitionState {
    const d = this.model.definitions.get(name);
    if (!d) return {};
    const unusable = this.model.unusable.get(name);
    if (unusable) return { opaque: unusable };
    if (!d.value.expr) return { opaque: `the definition of ${displayName(name)} could not be read (${d.value.error})` };
    try {
      return { converted: convertExpr(d.value.expr, this) };
    } catch (e) {
      if (e instanceof Unsupported) return { opaque: `the definition of ${displayName(name)} uses ${e.message}` };
      throw e;
    }
  }

  /** The note symbols a defined symbol's definition mentions (nothing for an input). */
  directDependencies(name: string): ReadonlySet<string> {
    const expr = this.model.definitions.get(name)?.value.expr;
    return expr ? this.symbolsOf(expr) : new Set();
  }

  /** The symbols an expression uses, with the free symbols of the note's functions it calls (θ₁ of h_θ(x) = θ₀ + θ₁x). */
  symbolsOf(expr: Expr): Set<string> {
    const out = symbolsOf(expr);
    const seen = new Set<string>();
    const visit = (e: Expr): void =>
      walk(e, (n) => {
        if (n.kind !== 'call' || !n.generic || seen.has(n.fn)) return;
        seen.add(n.fn);
        const f = this.model.functions.get(n.fn);
        if (!f) return;
        for (const s of symbolsOf(f.body)) if (!f.params.includes(s)) out.add(s);
        visit(f.body);
      });
    visit(expr);
    return out;
  }

  /** Every note symbol a symbol's value depends on, through the definitions. */
  dependencies(name: string): ReadonlySet<string> {
    const cached = this.reach.get(name);
    if (cached) return cached;
    const out = new Set<string>();
    this.reach.set(name, out); // cycles were rejected; this guards the walk anyway
    const stack = [...this.directDependencies(name)];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (out.has(s) || s === name) continue;
      out.add(s);
      for (const d of this.directDependencies(s)) stack.push(d);
    }
    return out;
  }

  /** The undefined symbols (inputs) a set of symbols depends on, themselves included. */
  inputsOf(names: Iterable<string>): Set<string> {
    const out = new Set<string>();
    for (const n of names) {
      for (const s of [n, ...this.dependencies(n)]) if (!this.isDefined(s)) out.add(s);
    }
    return out;
  }

  /** Writes a tree with the note's own symbols: σ(z)(1 − σ(z)) becomes ŷ(1 − ŷ) when ŷ = σ(z). */
  fold(node: MathNode): MathNode {
    const byText = this.foldable();
    if (byText.size === 0 || !isPrintable(node)) return node;
    return node.transform((n) => {
      const id = byText.get(n.toString());
      return id ? sym(id) : n;
    });
  }

  private foldTable?: Map<string, string>;

  /** Each plain definition's expression (as mathjs text) → the symbol it defines; built once per note. */
  private foldable(): Map<string, string> {
    if (this.foldTable) return this.foldTable;
    const byText = new Map<string, string>();
    for (const [name, d] of this.model.definitions) {
      // only plain equations: a label (δ under a brace) or a derivative's name would hide the expression
      if (d.source !== 'equation' || !d.value.expr || [...walkKinds(d.value.expr)].includes('derivative')) continue;
      const c = this.definition(name).converted;
      const n = c?.node as (MathNode & { isSymbolNode?: boolean; isConstantNode?: boolean }) | undefined;
      if (n && !n.isSymbolNode && !n.isConstantNode && c!.unknowns.size === 0) byText.set(n.toString(), this.idOf(name));
    }
    return (this.foldTable = byText);
  }

  // DerivativeGraph, on mathjs names

  tick(): void {
    checkClock();
  }

  dependsOn(id: string, v: string): boolean {
    const name = this.names.get(id);
    const target = this.names.get(v);
    if (!name || !target || !this.isDefined(name)) return false;
    return this.dependencies(name).has(target);
  }

  definitionOf(id: string): MathNode | undefined {
    const name = this.names.get(id);
    if (!name || !this.isDefined(name)) return undefined;
    const state = this.definition(name);
    if (state.opaque) throw new Opaque(state.opaque);
    const c = state.converted!;
    if (c.unknowns.size > 0) {
      throw new Opaque(`${displayName(name)} is defined through ${[...c.unknowns.values()][0]}`);
    }
    return c.node;
  }
}

function walkKinds(e: Expr): Set<string> {
  const kinds = new Set<string>();
  walk(e, (n) => kinds.add(n.kind));
  return kinds;
}
