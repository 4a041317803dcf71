/**
 * A note's forward pass as Python: its definitions in dependency order, each written in NumPy if it can be, the
 * inputs they take, and the shapes the checker infers for them (VectorNote).
 */
import type { DerivativeNode, Expr, ShorthandNode, SumNode } from '../latex/ast';
import { displayName } from '../latex/notation';
import type { NoteModel } from '../model/types';
import { NoteEnvironment } from '../verify/environment';
import { vectorDetector } from '../verify/vector/mode';
import { VectorNote } from '../verify/vector/note';
import type { ShapeInference } from '../verify/vector/shapes';
import { FUNCTIONS } from '../functions';
import { TENSOR_FUNCTIONS } from '../tensorFunctions';
import { Identifiers } from './names';
import { type PrintContext, type ProductReading, Unprintable, pythonOf } from './python';

/** A definition the forward pass computes. */
export interface WrittenDefinition {
  readonly name: string;
  readonly id: string;
  readonly python: string;
  /** The definition's tree, for the kinks the sample points should see from both sides. */
  readonly expr: Expr;
}

/** Names the export's own Python uses; note names never take them. */
const RESERVED = [
  'np',
  'math',
  'sys',
  'forward',
  'derivative',
  'product',
  'held',
  'point',
  'values',
  'at',
  'POINTS',
  'CHECKS',
  'main',
  'check',
  'compare',
];

/** How the check computes a value the claim's function takes. */
export type ValueSource =
  { readonly kind: 'value'; readonly name: string } | { readonly kind: 'derivative'; readonly node: DerivativeNode | ShorthandNode };

export class ForwardCode {
  readonly env: NoteEnvironment;
  readonly vectors: VectorNote;
  /** Some claim needs the shapes of the note: values are arrays, and products are read by shape. */
  readonly vectorised: boolean;
  readonly ids: Identifiers;
  /** The registry functions used anywhere in the file, and whether a product is left to the shapes at run time. */
  readonly functionsUsed = new Set<string>();
  byShape = false;
  readonly written: WrittenDefinition[] = [];
  /** Definitions that are not in the forward pass, and why. */
  readonly unwritten = new Map<string, string>();
  /** Definitions that name a derivative (`\delta_2 = \frac{\partial C}{\partial z_2}`): their values come from the check. */
  readonly derivativeNames = new Map<string, DerivativeNode | ShorthandNode>();
  private readonly inputSet = new Set<string>();
  /** The note's inputs, in the order the forward pass takes them. */
  readonly inputs: string[] = [];

  constructor(readonly model: NoteModel) {
    this.env = new NoteEnvironment(model);
    const needsVectors = vectorDetector(model, this.env);
    this.vectorised = model.claims.some(needsVectors);
    this.vectors = new VectorNote(model, this.env, this.vectorised ? model.declarations : [], !this.vectorised);
    this.ids = new Identifiers([...RESERVED, ...FUNCTIONS.map((f) => f.name), ...TENSOR_FUNCTIONS.map((f) => f.name)]);
    for (const name of this.dependencyOrder()) this.writeDefinition(name);
  }

  /** Defined names, each after everything its definition uses. */
  private dependencyOrder(): string[] {
    const order: string[] = [];
    const seen = new Set<string>();
    const visit = (name: string): void => {
      if (seen.has(name) || !this.model.definitions.has(name)) return;
      seen.add(name);
      for (const dep of this.env.directDependencies(name)) visit(dep);
      order.push(name);
    };
    for (const name of this.model.definitions.keys()) visit(name);
    return order;
  }

  private writeDefinition(name: string): void {
    const expr = this.model.definitions.get(name)!.value.expr;
    const unusable = this.vectors.unusable(name);
    if (unusable || !expr) return void this.unwritten.set(name, unusable ?? `the definition of ${displayName(name)} could not be read`);
    if (expr.kind === 'derivative' || expr.kind === 'shorthand') return void this.derivativeNames.set(name, expr);
    try {
      const python = pythonOf(
        expr,
        this.context(
          this.vectors.shapes,
          (n) => this.valueOf(n),
          () => {
            throw new Unprintable('a derivative inside a definition');
          },
        ),
      );
      this.written.push({ name, id: this.ids.of(name), python, expr });
    } catch (e) {
      if (!(e instanceof Unprintable)) throw e;
      this.unwritten.set(name, `the definition of ${displayName(name)} uses ${e.message}`);
    }
  }

  /** How the forward pass refers to a name's value inside a definition: by its identifier, an input when undefined. */
  private valueOf(name: string): string {
    const source = this.source(name);
    if (source.kind === 'derivative') throw new Unprintable(`${displayName(name)}, which names a derivative`);
    return this.ids.of(name);
  }

  /**
   * Where a name's value comes from: the forward pass (an input or a written definition) or, for a name the note
   * gives a derivative, the check. Throws Unprintable for a definition the forward pass does not have.
   */
  source(name: string): ValueSource {
    const derivative = this.derivativeNames.get(name);
    if (derivative) return { kind: 'derivative', node: derivative };
    const why = this.unwritten.get(name);
    if (why) throw new Unprintable(`${displayName(name)}, not in the forward pass (${why})`);
    if (!this.model.definitions.has(name) && !this.inputSet.has(name)) {
      this.inputSet.add(name);
      this.inputs.push(name);
    }
    return { kind: 'value', name };
  }

  /** Whether a name is one the forward pass takes or computes (so a derivative may be taken by it). */
  computes(name: string): boolean {
    return this.inputSet.has(name) || this.written.some((d) => d.name === name);
  }

  /** A printing context with these shapes, names and derivatives. */
  context(
    shapes: ShapeInference,
    symbol: (name: string) => string,
    derivative: (node: DerivativeNode | ShorthandNode) => string,
  ): PrintContext {
    return {
      symbol,
      derivative,
      product: (node: Expr): ProductReading => {
        if (!this.vectorised) return 'elementwise';
        const kind = shapes.products.get(node);
        if (kind === 'matmul') return 'matmul';
        if (kind) return 'elementwise';
        this.byShape = true;
        return 'by-shape';
      },
      sum: (node: SumNode) => (this.vectorised ? (shapes.sumModes.get(node) ?? 'all') : undefined),
      functions: this.model.functions,
      variables: this.model.variables,
      definitions: this.model.definitions,
      useFunction: (name) => void this.functionsUsed.add(name),
    };
  }
}
