/**
 * Sample points: random values for the note's inputs and unknowns, random instances of generic functions, and a
 * forward pass that computes every intermediate from its definition (float64, seeded so runs repeat).
 */
import type { EvalFunction } from 'mathjs';
import type { MathNode } from '../calculus/math';
import type { NoteEnvironment } from './environment';
import { parseGenericName } from '../calculus/rules';

export type Scope = Record<string, number | ((x: number) => number)>;

/** mulberry32: a small seeded generator, enough for sample points. */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A string's 32-bit FNV-1a hash, to seed each claim by its text. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A random smooth function and its derivatives: g(u) = a·sin(bu + c) + d·u + e·u². */
export function genericInstance(rng: () => number): (n: number) => (x: number) => number {
  const a = 0.5 + rng();
  const b = 0.5 + rng();
  const c = rng() * Math.PI;
  const d = rng() - 0.5;
  const e = (rng() - 0.5) / 2;
  const poly = [(x: number) => d * x + e * x * x, (x: number) => d + 2 * e * x, () => 2 * e] as const;
  return (n) => (x) => a * b ** n * Math.sin(b * x + c + (n * Math.PI) / 2) + (n < 3 ? poly[n](x) : 0); // d^n/dx^n sin = sin(· + nπ/2)
}

/**
 * An instance whose values stay inside (0.1, 0.9), for claims whose functions need them there (a generic output
 * activation under a log): a constant and two sines, with their derivatives.
 */
export function boundedGenericInstance(rng: () => number): (n: number) => (x: number) => number {
  const mid = 0.45 + rng() / 10;
  const waves = [0, 1].map(() => ({ q: 0.1 + rng() * 0.08, b: 0.5 + rng(), c: rng() * Math.PI }));
  return (n) => (x) =>
    (n === 0 ? mid : 0) + waves.reduce((sum, w) => sum + w.q * w.b ** n * Math.sin(w.b * x + w.c + (n * Math.PI) / 2), 0);
}

const MAX_GENERIC_ORDER = 4;

/** Names that count things (samples, examples, classes): sampled as whole numbers from 2 up. */
export const COUNTS: ReadonlySet<string> = new Set(['m', 'n', 'N', 'M', 'K']);

/** What one claim needs evaluated: its definitions in dependency order, the values to draw, the generic functions. */
export interface Plan {
  readonly defs: readonly { readonly id: string; readonly fn: EvalFunction }[];
  readonly sampled: readonly string[];
  readonly generics: readonly string[];
}

interface Compiled {
  readonly fn: EvalFunction;
  readonly symbols: readonly string[];
  readonly generics: readonly string[];
}

/** The symbols (s_…, u_…) and generic function letters a tree mentions. */
function mentions(node: MathNode): { symbols: string[]; generics: string[] } {
  const symbols = new Set<string>();
  const generics = new Set<string>();
  node.traverse((n) => {
    const name = (n as { name?: string }).name;
    if (!name) return;
    const g = parseGenericName(name);
    if (g) generics.add(g.id);
    else if (/^[su]_\d+$/.test(name)) symbols.add(name);
  });
  return { symbols: [...symbols], generics: [...generics] };
}

/**
 * Evaluates a note's definitions, each compiled once, but for one claim only those it depends on: a claim's cost
 * does not grow with the size of the note.
 */
export class ForwardPass {
  private readonly compiled = new Map<string, Compiled | undefined>();

  constructor(private readonly env: NoteEnvironment) {}

  private compiledOf(name: string): Compiled | undefined {
    if (!this.compiled.has(name)) {
      const node = this.env.definition(name).converted?.node;
      this.compiled.set(name, node && { fn: node.compile(), ...mentions(node) });
    }
    return this.compiled.get(name);
  }

  /** The plan for evaluating these trees: every definition they reach, in dependency order. */
  plan(nodes: readonly MathNode[]): Plan {
    const defs: { id: string; fn: EvalFunction }[] = [];
    const computed = new Set<string>();
    const seen = new Set<string>();
    const symbols = new Set<string>();
    const generics = new Set<string>();
    const visit = (id: string): void => {
      if (seen.has(id)) return;
      seen.add(id);
      symbols.add(id);
      const name = this.env.nameOf(id);
      const c = name !== undefined && this.env.isDefined(name) ? this.compiledOf(name) : undefined;
      if (!c) return;
      for (const dep of c.symbols) visit(dep);
      c.generics.forEach((g) => generics.add(g));
      defs.push({ id, fn: c.fn });
      computed.add(id);
    };
    for (const node of nodes) {
      const m = mentions(node);
      m.generics.forEach((g) => generics.add(g));
      m.symbols.forEach(visit);
    }
    return { defs, sampled: [...symbols].filter((id) => !computed.has(id)), generics: [...generics] };
  }

  /** A fresh random point for a plan: inputs in [-2, 2] (or (0.05, 1) when `positive`), then the intermediates. */
  sample(rng: () => number, positive: boolean, plan: Plan): Scope {
    const scope: Scope = {};
    for (const id of plan.sampled) {
      const name = this.env.nameOf(id);
      // a count (m samples, n of them) is a whole number of at least 2: with m = 1 a dropped 1/m would pass
      if (name !== undefined && COUNTS.has(name)) scope[id] = 2 + Math.floor(rng() * 6);
      else scope[id] = positive ? 0.05 + 0.95 * rng() : 4 * rng() - 2;
    }
    for (const letter of plan.generics) {
      const g = genericInstance(rng);
      for (let n = 0; n <= MAX_GENERIC_ORDER; n++) scope[`gen_${letter}_${n}`] = g(n);
    }
    this.run(scope, plan);
    return scope;
  }

  /** Recomputes a plan's intermediates, holding `fixed` (a perturbed variable) at its given value. */
  run(scope: Scope, plan: Plan, fixed?: string): void {
    for (const { id, fn } of plan.defs) if (id !== fixed) scope[id] = fn.evaluate(scope) as number;
  }
}
