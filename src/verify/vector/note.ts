/**
 * A note read as tensors: the shapes of its symbols, how its inputs are sampled (labels as probabilities, sizes
 * as sizes), its cost J for course shorthand, and which definitions cannot be evaluated.
 */
import { type Expr, childrenOf, symbolsOf, walk } from '../../latex/ast';
import { displayName } from '../../latex/notation';
import type { Declaration, NoteModel } from '../../model/types';
import { Tensor } from '../../engine';
import type { NoteEnvironment } from '../environment';
import { COUNTS, boundedGenericInstance, genericInstance } from '../sampling';
import type { GenericInstance } from './functions';
import { baseLetter, isLabelName, isLowercase, isOnes, isScalarName } from './roles';
import { numericSymbols } from '../example';
import { BATCH_SIZE, ShapeInference } from './shapes';
import { type StandIns, standIns } from './standIns';

/** One sample point: the inputs drawn so far, instances of generic functions, and doubts met on the way. */
export interface WorldPoint {
  /** The shapes this point is drawn with (the note's, or a claim's reading of them). */
  readonly shapes: ShapeInference;
  readonly inputs: Map<string, Tensor>;
  readonly generics: Map<string, GenericInstance>;
  /** Draw generic functions whose values stay in (0.1, 0.9) (`boundedGenericInstance`). */
  readonly bounded?: boolean;
  readonly rng: () => number;
  /** Values nobody can know met on the way (an unknown derivative, a generic function): finite differences cannot vouch. */
  readonly doubts: Set<string>;
  /** Readings chosen where the note leaves a choice (a product's kind, a sum's range): no refutation rests on them. */
  readonly guesses: Set<string>;
  /** Values of definitions at this point, shared by every evaluation whose free leaves they do not depend on. */
  readonly values: Map<string, Tensor>;
  /** The same for subexpressions. */
  readonly exprValues: Map<Expr, Tensor>;
}

/** Names a cost goes by, in order of preference (J is the course's); `baseLetter` reads `\mathcal{L}` as L. */
const COST_ORDER = ['J', 'C', 'L', 'E', '\\ell'];
const COST_BASES = new Set(COST_ORDER);

/** The subscript part of a canonical name (`W_1^{[2]}` → `_1`), which ties a symbol to its network in a note with several. */
function subscriptOf(name: string): string {
  return /(_\{[^}]*\}|_[^{^\s])/.exec(name)?.[1] ?? '';
}
const LEARNING_RATES = new Set(['\\alpha', '\\eta', '\\gamma', '\\epsilon']);

/**
 * The batch: when the note counts samples with `m`, the columns of its data matrices (capital letters that are not
 * weights or biases: X, Y, Z, A) are the m samples, all the same m.
 */
function batchDimension(shapes: ShapeInference, model: NoteModel): number | undefined {
  // a declared m (`X \in \mathbb{R}^{m \times n}`) says where the samples are: no convention needed
  if (!model.variables.has('m') || model.definitions.has('m') || shapes.sizeSymbols.has('m')) return undefined;
  // (a note that multiplies its data by the weights from the right, `Z = A W`, has its samples as rows)
  if (samplesAsRows(model)) return undefined;
  let batch: number | undefined;
  for (const [name, s] of shapes.symbols) {
    if (!/^[XYZA]$/.test(baseLetter(name)) || shapes.dims.isOne(s.c) || shapes.dims.originOf(s.c) !== undefined) continue;
    if (batch === undefined) batch = s.c;
    else shapes.dims.unify(batch, s.c);
  }
  return batch;
}

/** Whether a definition multiplies a data matrix by a weight matrix on its right (`Z^{[l]} = A^{[l-1]} W^{[l]} + b^{[l]}`). */
function samplesAsRows(model: NoteModel): boolean {
  const letter = (e: Expr, pattern: RegExp): boolean => e.kind === 'symbol' && pattern.test(baseLetter(e.name));
  let found = false;
  for (const d of model.definitions.values()) {
    if (d.value.expr)
      walk(d.value.expr, (n) => (found ||= n.kind === 'binary' && n.op === '*' && letter(n.left, /^[XAH]$/) && letter(n.right, /^W$/)));
  }
  return found;
}

/** Groups of symbols that meet: each definition's, each claim's. */
function meetings(model: NoteModel): string[][] {
  const out: string[][] = [];
  for (const [name, def] of model.definitions) if (def.value.expr) out.push([name, ...symbolsOf(def.value.expr)]);
  for (const c of model.claims)
    out.push([...(c.left.expr ? symbolsOf(c.left.expr) : []), ...(c.right.expr ? symbolsOf(c.right.expr) : [])]);
  return out;
}

/** `e^{z} / \sum e^{z}` (or `\exp(z_k) / \sum_j \exp(z_j)`): a softmax written out, whose labels are distributions too. */
function isWrittenSoftmax(e: Expr): boolean {
  if (e.kind !== 'binary' || e.op !== '/') return false;
  const exp = (x: Expr): boolean => x.kind === 'call' && x.fn === 'exp';
  let summed = false;
  walk(
    e.right,
    (n) => (summed ||= n.kind === 'sum' && [n.body].some((b) => exp(b) || (b.kind === 'binary' && (exp(b.left) || exp(b.right))))),
  );
  return exp(e.left) && summed;
}

/** A sum, possibly scaled or negated (`-\frac{1}{m} \sum …`): the whole expression is that sum's value. */
function sumsAtTop(e: Expr): boolean {
  if (e.kind === 'sum') return true;
  if (e.kind === 'negate' || e.kind === 'labelled') return sumsAtTop(e.kind === 'negate' ? e.arg : e.expr);
  if (e.kind === 'binary' && (e.op === '*' || e.op === '/' || e.op === '+' || e.op === '-')) return sumsAtTop(e.left) || sumsAtTop(e.right);
  return false;
}

export class VectorNote {
  readonly shapes: ShapeInference;
  /** The note's costs (scalar J, C, L, E …), for dW = ∂J/∂W. */
  private readonly costs: string[];
  /** Labels are probability distributions (per column) when the note uses softmax. */
  private readonly distributions: boolean;
  /** Inputs the note takes a log or a square root of. */
  private readonly positive: ReadonlySet<string>;

  /** Large declared sizes and the small ones they are checked at. */
  readonly sizes: StandIns;
  private readonly declarations: readonly Declaration[];

  constructor(
    readonly model: NoteModel,
    readonly env: NoteEnvironment,
    declared: readonly Declaration[] = [],
    allScalar = false,
  ) {
    this.sizes = standIns(declared);
    const declarations = this.sizes.declarations;
    this.declarations = declarations;
    const shapes = new ShapeInference(undefined, allScalar);
    for (const d of declarations) shapes.declare(d.symbol, d.rows, d.cols, d.text);
    // a worked example's numbers (`w_5 = 0.4`, `out_{h1} = … = 0.5933`) are scalars, whatever their names suggest
    for (const name of numericSymbols(model))
      if (!shapes.symbols.has(name)) shapes.declare(name, 1, 1, `${displayName(name)} is a number in the note`);
    let softmax = false;
    for (const [name, def] of model.definitions) {
      if (!def.value.expr) continue;
      walk(def.value.expr, (n) => (softmax ||= (n.kind === 'call' && n.fn === 'softmax') || isWrittenSoftmax(n)));
      // a cost (J, L, C, E) that sums something is a number: the sum adds every entry
      if (COST_BASES.has(baseLetter(name)) && sumsAtTop(def.value.expr)) shapes.unifyShapes(shapes.shapeOfSymbol(name), shapes.scalar);
      shapes.unifyShapes(shapes.shapeOfSymbol(name), shapes.infer(def.value.expr));
    }
    const lowercase = new Set([...model.variables].filter((n) => isLowercase(n) && !isScalarName(n)));
    const batch = batchDimension(shapes, model);
    if (batch !== undefined) shapes.sizeSymbols.set('m', batch);
    shapes.finish(lowercase, batch, meetings(model));
    this.shapes = shapes;
    this.distributions = softmax;
    this.positive = logArguments(model);
    this.costs = [...model.definitions.keys()].filter(
      (n) => COST_BASES.has(baseLetter(n)) && this.shapeOf(n).every((s) => s === 1) && !this.unusable(n),
    );
    this.costs.sort((a, b) => COST_ORDER.indexOf(baseLetter(a)) - COST_ORDER.indexOf(baseLetter(b)));
  }

  /**
   * Whether the note says what its shorthand dX means, `dA^{[l]} = \frac{\partial J}{\partial A^{[l]}}`: then dX is
   * that derivative itself (no factor m), whatever the course convention.
   */
  definesShorthand(target: string): boolean {
    return this.shorthandCosts().has(target);
  }

  /** The costs the note's own shorthand definitions name: `\partial z = \frac{\partial L}{\partial z}` → L for z. */
  private shorthandCosts(): Map<string, string | undefined> {
    this.defined ??= new Map(
      this.model.claims.flatMap((c) => {
        // `dZ = \frac{\partial J}{\partial Z}`, or the other way round, `\frac{\partial L}{\partial w_1} = \partial w_1`
        const [a, b] = [c.context[0]?.expr ?? c.left.expr, c.right.expr];
        const [head, value] = a?.kind === 'shorthand' ? [a, b] : [b, a];
        if (head?.kind !== 'shorthand' || value?.kind !== 'derivative' || value.wrt.name !== head.of.name) return [];
        // (`L(a, y)` at the head of its equation is the symbol L)
        const of = value.of.kind === 'symbol' ? value.of.name : value.of.kind === 'call' ? value.of.fn : undefined;
        return [[head.of.name, of] as const];
      }),
    );
    return this.defined;
  }

  private defined?: Map<string, string | undefined>;

  /** The cost dX differentiates: the one the note's definition of dX names, the note's only cost, or the one with X's subscript (J_1 for W_1^{[2]}). */
  costFor(target: string): string | undefined {
    const named = this.shorthandCosts().get(target);
    if (named && this.costs.includes(named)) return named;
    if (this.costs.length <= 1) return this.costs[0];
    if (!this.costBySubscript) {
      this.costBySubscript = new Map();
      for (const c of this.costs) if (!this.costBySubscript.has(subscriptOf(c))) this.costBySubscript.set(subscriptOf(c), c);
    }
    return this.costBySubscript.get(subscriptOf(target));
  }

  private costBySubscript?: Map<string, string>;

  /** A claim's own reading of shapes: unknown symbols and sums take the shapes the claim gives them. */
  forClaim(left: Expr | undefined, right: Expr | undefined): ShapeInference {
    const fork = this.shapes.fork();
    const a = left ? fork.infer(left) : undefined;
    const b = right ? fork.infer(right) : undefined;
    if (a && b) fork.unifyShapes(a, b);
    fork.finish(new Set([...symbolsOf(left ?? { kind: 'number', value: 0, span: { start: 0, end: 0 } })].filter(isLowercase)));
    return fork;
  }

  /**
   * The other reading of a claim's shapes: from the note's declarations and equations alone, the claim's own two
   * sides taking part before any size is chosen, and no convention (no lowercase column, no bias column, no batch
   * of m columns). A claim that fails under the note's conventions may hold under this one.
   */
  withoutConventions(left: Expr, right: Expr, rows = false): ShapeInference {
    const shapes = new ShapeInference(undefined, false, false);
    for (const d of this.declarations) shapes.declare(d.symbol, d.rows, d.cols, d.text);
    for (const name of numericSymbols(this.model))
      if (!shapes.symbols.has(name)) shapes.declare(name, 1, 1, `${displayName(name)} is a number in the note`);
    for (const [name, def] of this.model.definitions) {
      if (!def.value.expr) continue;
      if (COST_BASES.has(baseLetter(name)) && sumsAtTop(def.value.expr)) shapes.unifyShapes(shapes.shapeOfSymbol(name), shapes.scalar);
      shapes.unifyShapes(shapes.shapeOfSymbol(name), shapes.infer(def.value.expr));
    }
    shapes.unifyShapes(shapes.infer(left), shapes.infer(right));
    // (`rows`: the note's lowercase vectors are rows, `\mathbf y \log \mathbf s^\top` a row times a column)
    const lowercase = rows ? new Set([...this.model.variables].filter((n) => isLowercase(n) && !isScalarName(n))) : new Set<string>();
    shapes.finish(lowercase, undefined, meetings(this.model), rows);
    return shapes;
  }

  shapeOf(name: string, shapes: ShapeInference = this.shapes): [number, number] {
    const [r, c] = shapes.sizes(shapes.shapeOfSymbol(name));
    return [r, c];
  }

  /** Why a definition cannot be evaluated, if it cannot. */
  unusable(name: string): string | undefined {
    const def = this.model.definitions.get(name);
    if (!def) return undefined;
    const cycle = this.model.unusable.get(name);
    if (cycle) return cycle;
    if (!def.value.expr) return `the definition of ${displayName(name)} could not be read (${def.value.error})`;
    let why: string | undefined;
    walk(def.value.expr, (n) => {
      if (n.kind === 'unsupported') why ??= `the definition of ${displayName(name)} uses ${n.reason}`;
    });
    return why;
  }

  /** A fresh sample point. */
  point(rng: () => number, shapes: ShapeInference = this.shapes): WorldPoint {
    return {
      shapes,
      inputs: new Map(),
      generics: new Map(),
      rng,
      doubts: new Set(),
      guesses: new Set(),
      values: new Map(),
      exprValues: new Map(),
    };
  }

  /** An input's value at the point, drawn on first use with the input's shape and role. */
  input(name: string, p: WorldPoint): Tensor {
    const shapes = p.shapes;
    const known = p.inputs.get(name);
    if (known) return known;
    const size = shapes.sizeSymbols.get(name);
    const [r, c] = this.shapeOf(name, shapes);
    let t: Tensor;
    const sized = size === undefined ? undefined : (shapes.dims.sizeOf(size) ?? 1);
    // a count bound to a dimension of one (a sum over scalars) is still a count of at least 2
    if (sized !== undefined && !(sized === 1 && COUNTS.has(name))) t = Tensor.scalar(sized);
    else if (COUNTS.has(name)) t = Tensor.scalar(BATCH_SIZE);
    else if (isOnes(name)) t = Tensor.full(r, c, 1);
    // (what the note takes a log or a root of is drawn inside that function's domain)
    else if (this.positive.has(name)) t = Tensor.random(r, c, p.rng, 0.1, 1.5);
    else if (LEARNING_RATES.has(name)) t = Tensor.full(r, c, 0.01 + 0.09 * p.rng());
    else if (isLabelName(name)) t = this.label(r, c, p.rng);
    else {
      // entries shrink as 1/√width, so that a wide product (W·X with 784 columns) stays O(1) and σ, tanh, log do not saturate
      const spread = 2 / Math.sqrt(Math.max(1, c / 4));
      t = Tensor.random(r, c, p.rng, -spread, spread);
    }
    p.inputs.set(name, t);
    return t;
  }

  /** Labels: probabilities in (0, 1); with softmax in the note, each column a distribution. */
  private label(r: number, c: number, rng: () => number): Tensor {
    const t = Tensor.random(r, c, rng, 0.05, 0.95);
    if (!this.distributions || r === 1) return t;
    for (let j = 0; j < c; j++) {
      let s = 0;
      for (let i = 0; i < r; i++) s += t.data[i * c + j];
      for (let i = 0; i < r; i++) t.data[i * c + j] /= s;
    }
    return t;
  }

  /** A value nobody can know (a derivative of something undefined): random, the same within a point. */
  unknown(key: string, shape: readonly [number, number], p: WorldPoint): Tensor {
    const k = `unknown ${key}`;
    const known = p.inputs.get(k);
    if (known) return known;
    const t = Tensor.random(shape[0], shape[1], p.rng, -2, 2);
    p.inputs.set(k, t);
    return t;
  }

  generic(letter: string, p: WorldPoint): GenericInstance {
    let g = p.generics.get(letter);
    if (!g) {
      g = (p.bounded ? boundedGenericInstance : genericInstance)(p.rng);
      p.generics.set(letter, g);
    }
    return g;
  }

  /**
   * The names among `names` whose shape nothing the note writes fixes: not defined, declared or used by a definition
   * (`T` seen only inside an unread `\ell(H_L[k], T[k])`). Their sizes are the checker's free choice, and a shape
   * that fails with them is the reading's.
   */
  unanchored(names: Iterable<string>): string[] {
    if (!this.anchors) {
      const anchors = new Set<string>([...this.model.definitions.keys(), ...this.declarations.map((d) => d.symbol)]);
      const visit = (e: Expr): void => {
        if (e.kind === 'symbol') anchors.add(e.name);
        // (what an unread piece holds relates to nothing)
        if (e.kind !== 'unsupported') for (const c of childrenOf(e)) visit(c);
      };
      for (const d of this.model.definitions.values()) if (d.value.expr) visit(d.value.expr);
      this.anchors = anchors;
    }
    return [...names].filter((name) => !this.anchors!.has(name) && this.shapes.symbols.has(name));
  }

  private anchors?: Set<string>;

  private readonly reached = new WeakMap<Expr, ReadonlySet<string>>();

  /** The symbols `e` uses and everything they depend on. */
  reachedBy(e: Expr): ReadonlySet<string> {
    let out = this.reached.get(e);
    if (!out) {
      const set = new Set<string>();
      const names = this.env.symbolsOf(e);
      // dX is a derivative of the cost: it depends on whatever the cost does
      walk(e, (n) => {
        const cost = n.kind === 'shorthand' ? this.costFor(n.of.name) : undefined;
        if (cost) names.add(cost);
      });
      for (const s of names) {
        set.add(s);
        for (const d of this.env.dependencies(s)) set.add(d);
      }
      this.reached.set(e, (out = set));
    }
    return out;
  }

  /** Does the value of `e` depend on the symbol? */
  dependsOn(e: Expr, name: string): boolean {
    return [...this.env.symbolsOf(e)].some((s) => s === name || this.env.dependencies(s).has(name));
  }

  /** True if wrt reaches `of` through evaluable definitions; else why the derivative is unknown. */
  reaches(of: Expr, wrt: string): true | string {
    if (!this.dependsOn(of, wrt)) return `it does not depend on ${displayName(wrt)} in this note`;
    // only the definitions on a path from wrt up to `of` matter
    for (const s of this.env.symbolsOf(of)) {
      for (const d of [s, ...this.env.dependencies(s)]) {
        const why = d !== wrt && this.env.dependencies(d).has(wrt) ? this.unusable(d) : undefined;
        if (why) return why;
      }
    }
    return true;
  }
}

/** The symbols the note takes a log or a square root of (`\log \mathbf s^\top`, `\sqrt{v}`), itself or transposed. */
function logArguments(model: NoteModel): Set<string> {
  const out = new Set<string>();
  const visit = (e: Expr): void =>
    walk(e, (n) => {
      if (n.kind !== 'call' || !['log', 'ln', 'sqrt'].includes(n.fn) || n.args.length !== 1) return;
      const a = n.args[0].kind === 'transpose' ? n.args[0].arg : n.args[0];
      if (a.kind === 'symbol') out.add(a.name);
    });
  for (const d of model.definitions.values()) if (d.value.expr) visit(d.value.expr);
  for (const c of model.claims) for (const e of [c.left.expr, c.right.expr]) if (e) visit(e);
  return out;
}
