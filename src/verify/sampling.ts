/**
 * Sample points: random values for the note's inputs and unknowns, random instances of generic functions, and a
 * forward pass that computes every intermediate from its definition (float64, seeded so runs repeat).
 */
import type { EvalFunction } from 'mathjs';
import { symbolsOf } from '../latex/ast';
import type { MathNode } from '../calculus/math';
import type { NoteEnvironment } from './environment';

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

const MAX_GENERIC_ORDER = 4;

/** Evaluates the note's definitions in dependency order. */
export class ForwardPass {
  private readonly order: { id: string; fn: EvalFunction }[] = [];
  /** Every mathjs name that is sampled rather than computed (inputs, unknowns, opaque definitions). */
  private readonly sampled = new Set<string>();
  private readonly genericLetters = new Set<string>();

  constructor(private readonly env: NoteEnvironment) {
    const visited = new Set<string>();
    const visit = (name: string): void => {
      if (visited.has(name)) return;
      visited.add(name);
      for (const dep of env.directDependencies(name)) if (env.isDefined(dep)) visit(dep);
      const state = env.definition(name);
      if (state.converted) {
        this.order.push({ id: env.idOf(name), fn: state.converted.node.compile() });
        state.converted.node.traverse((n) => {
          const m = /^gen_([A-Za-z]+)_\d+$/.exec((n as { name?: string }).name ?? '');
          if (m) this.genericLetters.add(m[1]);
        });
      }
    };
    for (const name of env.model.definitions.keys()) visit(name);
  }

  /** Registers trees to be evaluated on this pass's points (their symbols and generic functions get values). */
  use(nodes: readonly MathNode[]): void {
    for (const node of nodes) {
      node.traverse((n) => {
        const name = (n as { name?: string }).name;
        if (!name) return;
        const m = /^gen_([A-Za-z]+)_\d+$/.exec(name);
        if (m) this.genericLetters.add(m[1]);
        else if (/^[su]_\d+$/.test(name)) this.sampled.add(name);
      });
    }
  }

  /** A fresh random point: inputs in [-2, 2] (or (0.05, 1) when `positive`), then every intermediate. */
  sample(rng: () => number, positive: boolean): Scope {
    const scope: Scope = {};
    const draw = (): number => (positive ? 0.05 + 0.95 * rng() : 4 * rng() - 2);
    for (const id of this.sampled) scope[id] = draw();
    for (const name of this.env.model.definitions.keys()) {
      const id = this.env.idOf(name);
      if (!this.env.definition(name).converted) scope[id] = draw();
    }
    for (const name of this.inputNames()) scope[this.env.idOf(name)] = draw();
    for (const id of this.env.unknownReasons.keys()) scope[id] ??= draw();
    for (const letter of this.genericLetters) {
      const g = genericInstance(rng);
      for (let n = 0; n <= MAX_GENERIC_ORDER; n++) scope[`gen_${letter}_${n}`] = g(n);
    }
    this.run(scope);
    return scope;
  }

  /** Recomputes intermediates, holding `fixed` (a perturbed variable) at its given value. */
  run(scope: Scope, fixed?: string): void {
    for (const { id, fn } of this.order) if (id !== fixed) scope[id] = fn.evaluate(scope) as number;
  }

  private inputNames(): Set<string> {
    const out = new Set<string>();
    for (const d of this.env.model.definitions.values()) {
      if (d.value.expr) for (const s of symbolsOf(d.value.expr)) if (!this.env.isDefined(s)) out.add(s);
    }
    return out;
  }
}
