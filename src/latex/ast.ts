/** The expression tree the LaTeX parser builds. Every node knows its span in the block's LaTeX. */

export interface Span {
  /** Offset of the first character in the block's LaTeX. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

export interface NumberNode {
  readonly kind: 'number';
  readonly value: number;
  readonly span: Span;
  /** For an expression written in brackets or under a brace: the span of what is inside. */
  readonly inner?: Span;
}

/** A variable: `w_2`, `\delta_{out}`, `a^{(h)}`, `\hat{y}`. */
export interface SymbolNode {
  readonly kind: 'symbol';
  /** Canonical LaTeX, equal for every spelling of the same symbol (`w_{2}` and `w_2` give `w_2`). */
  readonly name: string;
  readonly span: Span;
  /** For an expression written in brackets or under a brace: the span of what is inside. */
  readonly inner?: Span;
}

/** `*` is a product (scaling or matrix product, by the operands' shapes); `hadamard` is `\odot`, elementwise. */
export type BinaryOp = '+' | '-' | '*' | '/' | '^' | 'hadamard';

export interface BinaryNode {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
  /** For an expression written in brackets or under a brace: the span of what is inside. */
  readonly inner?: Span;
  /** Written inside brackets: a factor of its own, not to be split when reading a product's factors. */
  readonly grouped?: boolean;
  /** Written `*` (or `\ast`): numpy's elementwise product, a matrix product, or a convolution, as the note means it. */
  readonly asterisk?: boolean;
}

export interface NegateNode {
  readonly kind: 'negate';
  readonly arg: Expr;
  readonly span: Span;
  /** For an expression written in brackets or under a brace: the span of what is inside. */
  readonly inner?: Span;
}

/** A function applied to arguments: `\sigma(z)`, `g'(z_1)`, `\tanh^2(u)` is a power of a call. */
export interface CallNode {
  readonly kind: 'call';
  /** Canonical function name from the notation table (`sigmoid`, `relu`, …) or a generic function's letter. */
  readonly fn: string;
  /** True for an unknown function written as a letter (`g`, `f`, `G`): a generic differentiable function. */
  readonly generic: boolean;
  /** How many primes: `g'(z)` is 1. */
  readonly primes: number;
  readonly args: readonly Expr[];
  readonly span: Span;
  /** For an expression written in brackets or under a brace: the span of what is inside. */
  readonly inner?: Span;
  /** Written `e^{…}`: a power of the symbol e if the note uses e as a variable (an error term, say). */
  readonly fromE?: boolean;
  /** `matrix`: a matrix of numbers written out (`\begin{bmatrix} 0.1 & 0.2 \end{bmatrix}`), its entries row by row. */
  readonly rows?: number;
}

/** `(z_1 > 0)`, `[z>0]`, `\mathbb{1}[z>0]`: 1 where the comparison holds, 0 elsewhere. */
export interface IndicatorNode {
  readonly kind: 'indicator';
  /** `=` and `≠` compare index letters (`j = k` of a cases row), read only entry by entry. */
  readonly op: '>' | '<' | '>=' | '<=' | '=' | '≠';
  readonly left: Expr;
  readonly right: Expr;
  /** Set apart by a space after a value (`0 \ (s < 0)`): a case's condition, not a factor. */
  readonly condition?: boolean;
  readonly span: Span;
  /** For an expression written in brackets or under a brace: the span of what is inside. */
  readonly inner?: Span;
}

/** `\frac{\partial f}{\partial v}`, `\frac{d}{dv}[…]`, `\partial f/\partial v`. */
export interface DerivativeNode {
  readonly kind: 'derivative';
  readonly of: Expr;
  readonly wrt: SymbolNode;
  /** Written with ∂ (a partial derivative, where the note distinguishes it from d) rather than d. */
  readonly partial?: boolean;
  readonly span: Span;
  /** For an expression written in brackets or under a brace: the span of what is inside. */
  readonly inner?: Span;
}

/** `\underbrace{X}_{\delta}`: means X, and defines δ as X. */
export interface LabelledNode {
  readonly kind: 'labelled';
  readonly expr: Expr;
  readonly label: SymbolNode;
  readonly span: Span;
  /** For an expression written in brackets or under a brace: the span of what is inside. */
  readonly inner?: Span;
}

/** `A^T`, `A^{\top}`, `A^{[1]T}`. */
export interface TransposeNode {
  readonly kind: 'transpose';
  readonly arg: Expr;
  readonly span: Span;
  readonly inner?: Span;
}

/** `\sum_{i=1}^{n} x_i`, `\sum_i x_i`, or a bare `\sum X` (over samples). */
export interface SumNode {
  readonly kind: 'sum';
  readonly body: Expr;
  /** The index variable (`i` of `\sum_{i=1}^n`), if written. */
  readonly index?: string;
  /** The upper limit, if written (`n` of `\sum^n_1`). */
  readonly upper?: Expr;
  /** The first value, if written as a number (`0` of `\sum_{k=0}`). */
  readonly lower?: number;
  /** `\sum_{k \neq j}`: the index letter whose value is left out. */
  readonly except?: string;
  /** Written `np.sum(X, axis=…)`: across each row (`columns`: a column remains), down each column (`rows`), or all. */
  readonly axis?: 'columns' | 'rows' | 'all';
  /** `-\sum_i a_i + b_i` read as −Σ(a_i + b_i): the minus may be meant for the first term only (−Σa + Σb). */
  readonly extendedPastSign?: boolean;
  /**
   * How many terms after the sum were read into it because they use its index (`\sum_k a_k + b_k` as Σ(a_k + b_k)):
   * its body's last `absorbed` additions. `narrowSums` undoes that reading.
   */
  readonly absorbed?: number;
  readonly span: Span;
  readonly inner?: Span;
}

/** Course shorthand `dW^{[2]}`: ∂J/∂W^{[2]} (or m·∂J/∂Z for dZ, dA). */
export interface ShorthandNode {
  readonly kind: 'shorthand';
  readonly of: SymbolNode;
  readonly span: Span;
  readonly inner?: Span;
}

/** `\|v\|` (Euclidean or Frobenius norm). */
export interface NormNode {
  readonly kind: 'norm';
  readonly arg: Expr;
  readonly span: Span;
  readonly inner?: Span;
}

/**
 * Something parsed but not verifiable as a scalar here (`\sum`, a transpose, a matrix, course shorthand such as
 * `dW^{[2]}`). Keeps its children so the note's dependency graph stays right.
 */
export interface UnsupportedNode {
  readonly kind: 'unsupported';
  /** Why, in a phrase: "\sum (sums over samples are not checked yet)". */
  readonly reason: string;
  readonly children: readonly Expr[];
  readonly span: Span;
  /** For an expression written in brackets or under a brace: the span of what is inside. */
  readonly inner?: Span;
  /** A subscript written on an expression (`(\mathbf x)_i`): its text, for the reading of `s(\mathbf x)_i`. */
  readonly subscript?: string;
  /** A matrix of names written out (`\begin{pmatrix} w_1 & w_2 \end{pmatrix}`): its cells, row by row (not children). */
  readonly cells?: { readonly rows: number; readonly names: readonly SymbolNode[] };
}

export type Expr =
  | NumberNode
  | SymbolNode
  | BinaryNode
  | NegateNode
  | CallNode
  | IndicatorNode
  | DerivativeNode
  | LabelledNode
  | TransposeNode
  | SumNode
  | ShorthandNode
  | NormNode
  | UnsupportedNode;

/** Every direct child of a node. */
export function childrenOf(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'number':
    case 'symbol':
      return [];
    case 'binary':
      return [e.left, e.right];
    case 'negate':
      return [e.arg];
    case 'call':
      return e.args;
    case 'indicator':
      return [e.left, e.right];
    case 'derivative':
      return [e.of, e.wrt];
    case 'labelled':
      return [e.expr];
    case 'transpose':
    case 'norm':
      return [e.arg];
    case 'sum':
      return e.upper ? [e.body, e.upper] : [e.body];
    case 'shorthand':
      return [e.of];
    case 'unsupported':
      return e.children;
  }
}

/** Rebuilds a tree bottom-up, letting `f` replace each node after its children. */
export function mapExpr(e: Expr, f: (node: Expr) => Expr): Expr {
  return f(mapChildren(e, (c) => mapExpr(c, f)));
}

/** The node with each child replaced by `f` of it. */
export function mapChildren(e: Expr, f: (child: Expr) => Expr): Expr {
  switch (e.kind) {
    case 'number':
    case 'symbol':
    case 'shorthand':
      return e;
    case 'binary':
    case 'indicator':
      return { ...e, left: f(e.left), right: f(e.right) };
    case 'negate':
    case 'transpose':
    case 'norm':
      return { ...e, arg: f(e.arg) };
    case 'call':
      return { ...e, args: e.args.map(f) };
    case 'derivative':
      return { ...e, of: f(e.of) };
    case 'labelled':
      return { ...e, expr: f(e.expr) };
    case 'sum':
      return { ...e, body: f(e.body), upper: e.upper && f(e.upper) };
    case 'unsupported':
      return { ...e, children: e.children.map(f) };
  }
}

/** Visits every node, parents first. */
export function walk(e: Expr, visit: (node: Expr) => void): void {
  visit(e);
  for (const c of childrenOf(e)) walk(c, visit);
}

/** Names of the symbols the expression mentions (derivative variables included). */
export function symbolsOf(e: Expr): Set<string> {
  const names = new Set<string>();
  walk(e, (n) => {
    if (n.kind === 'symbol') names.add(n.name);
  });
  return names;
}

/** The factors of a product, as written: `a(bc)d` gives a, (bc), d. A non-product is its own single factor. */
export function factorsOf(e: Expr): Expr[] {
  if (e.kind === 'labelled') return factorsOf(e.expr);
  if (e.kind === 'binary' && e.op === '*' && !e.grouped) return [...factorsOf(e.left), ...factorsOf(e.right)];
  return [e];
}

/**
 * The tree with every sum that absorbed the terms after it (`\sum_j e^{x_j} \cdot 0 - e^{x_i} e^{x_j}`) read the other
 * way: the sum over its first term only, the rest added after it. Undefined when no sum absorbed a term.
 */
export function narrowSums(e: Expr): Expr | undefined {
  let changed = false;
  // the sum at the end of a product chain (`a \sum_j …`, `-\sum_j …`): that chain, then the absorbed terms
  const split = (x: Expr): { head: Expr; tail: { op: '+' | '-'; right: Expr }[] } | undefined => {
    if (x.kind === 'sum' && x.absorbed) {
      const tail: { op: '+' | '-'; right: Expr }[] = [];
      let body = x.body;
      for (let n = 0; n < x.absorbed && body.kind === 'binary' && (body.op === '+' || body.op === '-'); n++) {
        tail.unshift({ op: body.op, right: body.right });
        body = body.left;
      }
      return {
        head: {
          ...x,
          body,
          absorbed: undefined,
          extendedPastSign: undefined,
          span: body.span.end > x.span.start ? { start: x.span.start, end: body.span.end } : x.span,
        },
        tail,
      };
    }
    if (x.kind === 'negate') {
      const inner = split(x.arg);
      return inner && { head: { ...x, arg: inner.head }, tail: inner.tail };
    }
    if (x.kind === 'binary' && x.op === '*' && !x.grouped) {
      const inner = split(x.right);
      return inner && { head: { ...x, right: inner.head }, tail: inner.tail };
    }
    return undefined;
  };
  // (top-down: a chain is split where it starts, `a \sum_j …` as (a Σ…) − …, not a (Σ… − …))
  const narrow = (x: Expr): Expr => {
    const parts = split(x);
    if (!parts) return mapChildren(x, narrow);
    changed = true;
    return parts.tail.reduce<Expr>(
      (acc, t) => ({ kind: 'binary', op: t.op, left: acc, right: narrow(t.right), span: { start: acc.span.start, end: t.right.span.end } }),
      narrow(parts.head),
    );
  };
  const out = narrow(e);
  return changed ? out : undefined;
}
