/** The meaning of a note: its definitions and the claims to check. */
import type { Expr, Span } from '../latex/ast';

/** Where a piece of LaTeX is: a block of the note and a span in that block's LaTeX. */
export interface BlockSpan {
  readonly block: number;
  readonly span: Span;
}

/** One side of a claim, or one definition's right side. */
export interface Side extends BlockSpan {
  /** The parsed tree; absent when the LaTeX could not be read. */
  readonly expr?: Expr;
  /** Why it could not be read. */
  readonly error?: string;
}

export type DefinitionSource = 'equation' | 'label';

/** `symbol = expression`, or `\underbrace{X}_{symbol}`. */
export interface Definition {
  readonly symbol: string;
  readonly value: Side;
  /** Where the defined symbol is written (for "related information" links). */
  readonly at: BlockSpan;
  readonly source: DefinitionSource;
  /** The later parts of the defining chain (`a = \sigma(o) = \frac{1}{1+e^{-h}}`), another value when the first loops. */
  readonly later?: readonly Side[];
}

/** `g(z) = …` for a function letter not otherwise known. */
export interface FunctionDefinition {
  readonly name: string;
  readonly params: readonly string[];
  readonly body: Expr;
  readonly at: BlockSpan;
}

/** `update`: an update rule (`W := W - \alpha\, dW`), judged as a descent step. */
export type ClaimKind = 'derivative' | 'chain' | 'step' | 'identity' | 'update';

/** One `=` to judge: its right side against its left. */
export interface Claim {
  readonly id: number;
  readonly kind: ClaimKind;
  readonly left: Side;
  readonly right: Side;
  /** The claim's own text: from its left side (or, for a step, its `=`) to the end of its right side. */
  readonly at: BlockSpan;
  /** The parts of the `=` chain before the right side (the left side included), for the inputs a step may use. */
  readonly context: readonly Side[];
  /** Signs of OCR damage in the statement: a claim with any cannot be refuted. */
  readonly suspicions: readonly string[];
  /** An instance of a claim read entry by entry: an off-diagonal entry's sides may both be 0, as the math says. */
  readonly entryInstance?: boolean;
  /** Readings the model made of the claim's notation (`\nabla_a` as the gradient by `a^L`), said with its verdict. */
  readonly readings?: readonly string[];
  /**
   * The cost a reading judges the claim under, the note writing none (also among `suspicions`): it keeps any
   * difference of values from refuting, but not a shape the sides cannot share whatever the cost is.
   */
  readonly costReading?: string;
  /** The `=` chain the claim belongs to (claims of one chain share it). */
  readonly chain: number;
  /** Set when the claim's left side is a symbol defined earlier in the note: this is a second definition. */
  readonly redefines?: string;
  /** Index into `NoteModel.scopes`: the definitions in force where the claim is written. */
  readonly scope: number;
  /** The `=` was not written but read into the note (`\therefore X` after a chain): never refuted. */
  readonly implicit?: boolean;
  /** Written `≈`: the right side is rounded or approximate, never exact. */
  readonly approximate?: boolean;
  /** Set when the statement cannot be judged whatever the values (an update rule, say). */
  readonly unverifiable?: string;
  /** A case the prose before its display states: "for the case when $j = k$" (equal) or "$j \neq k$". */
  readonly indexCondition?: { readonly left: string; readonly right: string; readonly equal: boolean };
}

/** `W_1 \in \mathbb{R}^{3\times 4}`: a symbol's shape, as the note declares it. */
export interface Declaration {
  readonly symbol: string;
  /** A size, or the letter that names it (`m` of `\mathbb{R}^{m \times 4}`). */
  readonly rows: number | string;
  readonly cols: number | string;
  /** The declaration as written, for messages. */
  readonly text: string;
}

/** The definitions in force over a stretch of the note: a later definition of a symbol starts a new scope. */
export interface DefinitionScope {
  readonly definitions: ReadonlyMap<string, Definition>;
  readonly functions: ReadonlyMap<string, FunctionDefinition>;
  /** Symbols whose definitions cannot be used, and why (a cycle, say). */
  readonly unusable: ReadonlyMap<string, string>;
}

export interface NoteModel extends DefinitionScope {
  /** The scopes in note order; scope 0 (the first definition of each symbol) is also this model's own maps. */
  readonly scopes: readonly DefinitionScope[];
  /** Every symbol name the note uses as a variable (so `h(1-h)` is a product when h is one). */
  readonly variables: ReadonlySet<string>;
  readonly claims: readonly Claim[];
  readonly declarations: readonly Declaration[];
  /** How the note uses index notation anywhere, prose formulas included (`y_i` and `y_k`, `\sum_i e^{a_i}`). */
  readonly indexNotation: IndexNotation;
  /**
   * In the entry-by-entry reading: the vector a name is an entry of, when the note leaves that vector an input (`x`
   * for `x_2`): different entries of one such vector are independent variables (∂x₂/∂x₁ = 0 is settled).
   */
  readonly inputVectorOf?: (name: string) => string | undefined;
}

/** The model as a claim sees it: the definitions of its scope. */
export function modelInScope(model: NoteModel, scope: number): NoteModel {
  const s = model.scopes[scope];
  return !s || scope === 0 ? model : { ...model, ...s };
}

/** Index notation in a note: entries of one vector written with several index letters, and sums over an index. */
export interface IndexNotation {
  /** Names written with more than one index letter (`y` of `y_i` and `y_k`). */
  readonly bases: ReadonlySet<string>;
  /** Some formula sums over an index (`\sum_i`, `\sum_{k \neq i}`). */
  readonly sums: boolean;
}

/** The index letter of a name like `y_i`, `a_{k}` and the name before it; undefined for `w_1`, `x`. */
export function indexOf(name: string): { base: string; index: string } | undefined {
  // one to three index letters: `y_i`, `w_{jk}`, `g_{ab}`
  const m = /_(?:([a-dijklnp-t])|\{([a-dijklnp-t]{1,3})\})$/.exec(name);
  return m ? { base: name.slice(0, m.index), index: m[1] ?? m[2] } : undefined;
}
