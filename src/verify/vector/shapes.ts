/**
 * Shape inference over the note's definitions: every symbol gets rows × columns as dimension variables, the
 * equations unify them (a product is a scaling, a matrix product or an elementwise product by what the shapes
 * allow), declarations (`W \in \mathbb{R}^{3\times 4}`) fix sizes, and what stays free gets a size of its own, a
 * different one for each dimension, so that a swapped or transposed factor cannot pass by luck.
 */
import type { Expr, SumNode } from '../../latex/ast';
import { CONVENTION, type DimShape, Dims } from './dims';
import { Layered } from './layered';
import { isBiasName, isMatrixLike, isScalarName } from './roles';
import { BATCH_SIZE, handOutSizes, meetingGroups } from './sizes';

export type ProductKind = 'scale' | 'matmul' | 'elementwise';
/** A sum adds every entry, or each row's entries (a column: `db = \sum dZ`, samples as columns), or each column's (a row: samples as rows). */
export type SumMode = 'all' | 'columns' | 'rows';

interface PendingProduct {
  readonly node: Expr;
  readonly left: Expr;
  readonly right: Expr;
  readonly a: DimShape;
  readonly b: DimShape;
  readonly out: DimShape;
}

export { BATCH_SIZE } from './sizes';

export class ShapeInference {
  readonly dims: Dims;
  readonly symbols: Layered<string, DimShape>;
  /** How each product was read. */
  readonly products: Layered<Expr, ProductKind>;
  /** Products read entry by entry only by convention (nothing in the note decided it), with their factors' shapes. */
  private readonly guesses: Layered<Expr, PendingProduct>;
  /** Products whose kind was chosen by convention, not forced by the shapes, with their factors' shapes. */
  private readonly guessedProducts: Layered<Expr, PendingProduct>;
  /** Sums without an index, to be read once the shapes are known. */
  readonly sums: Layered<SumNode, { readonly body: DimShape; readonly out: DimShape }>;
  /** The row dimensions of sums whose reading is not decided yet. */
  private readonly sumRows: Layered<number, true>;
  /** Sums read over every entry only by default: nothing in the note said what they give. */
  readonly guessedSums: Layered<SumNode, true>;
  /** How each sum was read: over all entries, or over the columns (the samples). */
  readonly sumModes: Layered<SumNode, SumMode>;
  /** Scalars whose value is a dimension's size (`n` of `\sum^n_1`, the batch size `m`). */
  readonly sizeSymbols: Layered<string, DimShape['r']>;
  private pending: PendingProduct[] = [];
  private readonly one: number;

  /** Every symbol a scalar: the scalar path's notes, read by the engine for its second opinion. */
  private readonly allScalar: boolean;

  /** Whether the conventions of notes apply (a bias is a column); off for the reading from the equations alone. */
  private readonly conventions: boolean;

  constructor(from?: ShapeInference, allScalar = false, conventions = true) {
    this.allScalar = from?.allScalar ?? allScalar;
    this.conventions = from?.conventions ?? conventions;
    this.dims = from ? from.dims.clone() : new Dims();
    this.symbols = new Layered(from?.symbols);
    this.products = new Layered(from?.products);
    this.guesses = new Layered(from?.guesses);
    this.guessedProducts = new Layered(from?.guessedProducts);
    this.sums = new Layered(from?.sums);
    this.sumModes = new Layered(from?.sumModes);
    this.guessedSums = new Layered(from?.guessedSums);
    this.sumRows = new Layered(from?.sumRows);
    this.sizeSymbols = new Layered(from?.sizeSymbols);
    this.one = from ? from.one : this.dims.fresh(1, 'a scalar');
    this.inherited = from?.finished;
  }

  /** A copy to infer one claim's shapes in, leaving the note's as they are. */
  fork(): ShapeInference {
    return new ShapeInference(this);
  }

  get scalar(): DimShape {
    return { r: this.one, c: this.one };
  }

  isScalar(s: DimShape): boolean {
    return this.dims.isOne(s.r) && this.dims.isOne(s.c);
  }

  shapeOfSymbol(name: string): DimShape {
    let s = this.symbols.get(name);
    if (!s) {
      // a bias is a column by convention: a guess (a size without origin), unlike a declared 1
      s =
        this.allScalar || isScalarName(name)
          ? this.scalar
          : {
              r: this.dims.fresh(),
              c: this.conventions && isBiasName(name) ? this.dims.fresh(1, `${CONVENTION}a bias is a column`) : this.dims.fresh(),
            };
      this.symbols.set(name, s);
    }
    return s;
  }

  /** Sizes named by a letter in declarations (`X \in \mathbb{R}^{m \times 4}`): one dimension per letter. */
  private readonly namedSizes = new Map<string, number>();

  /**
   * Fixes a symbol's shape from a declaration; false if that contradicts what is known. A size may be a number or
   * a letter (`m`, `n`, `d`): the same letter is the same dimension everywhere, and its value is that size.
   */
  declare(name: string, rows: number | string, cols: number | string, origin: string): boolean {
    if (!this.symbols.has(name)) this.symbols.set(name, { r: this.dims.fresh(), c: this.dims.fresh() });
    const s = this.symbols.get(name)!;
    return this.declareSize(s.r, rows, origin) && this.declareSize(s.c, cols, origin);
  }

  private declareSize(d: number, size: number | string, origin: string): boolean {
    if (typeof size === 'number') return this.dims.fix(d, size, origin);
    let named = this.namedSizes.get(size);
    if (named === undefined) {
      named = this.dims.fresh(undefined, origin);
      this.namedSizes.set(size, named);
      this.sizeSymbols.set(size, named);
    }
    return this.dims.unify(named, d);
  }

  /** Whether the note decides both of a symbol's sizes (a declaration, or a scalar), not a convention or a free choice. */
  isDeclared(name: string): boolean {
    const s = this.symbols.get(name);
    const given = (d: number): boolean => {
      const o = this.dims.originOf(d);
      return o !== undefined && !o.startsWith(CONVENTION);
    };
    return s !== undefined && given(s.r) && given(s.c);
  }

  /** What a convention of notes decided about a symbol's shape (a lowercase name is a column), if anything. */
  convention(name: string): string | undefined {
    const s = this.symbols.get(name);
    if (!s) return undefined;
    const found = [this.dims.originOf(s.r), this.dims.originOf(s.c)].find((o) => o?.startsWith(CONVENTION));
    return found?.slice(CONVENTION.length);
  }

  /** Unifies two shapes; false on a conflict. */
  unifyShapes(a: DimShape, b: DimShape): boolean {
    return this.dims.unify(a.r, b.r) && this.dims.unify(a.c, b.c);
  }

  /** The shape of an expression, adding what it implies. */
  infer(e: Expr): DimShape {
    switch (e.kind) {
      case 'number':
        return this.scalar;
      case 'symbol':
        return this.shapeOfSymbol(e.name);
      case 'negate':
        return this.infer(e.arg);
      case 'labelled':
        return this.infer(e.expr);
      case 'binary':
        return this.binary(e);
      case 'call': {
        const args = e.args.map((a) => this.infer(a));
        // (a trace is of a square matrix)
        if (e.fn === 'trace' && args[0]) this.dims.unify(args[0].r, args[0].c);
        if (e.fn === 'trace') return this.scalar;
        if (e.fn === 'diag' && args[0]) return this.diagonal(args[0]);
        if (e.fn === 'matrix' && e.rows)
          return { r: this.dims.fresh(e.rows, 'a matrix written out'), c: this.dims.fresh(e.args.length / e.rows, 'a matrix written out') };
        return args[0] ?? this.scalar;
      }
      case 'indicator':
        return this.broadcast(this.infer(e.left), this.infer(e.right));
      case 'derivative':
        this.infer(e.of);
        return this.shapeOfSymbol(e.wrt.name);
      case 'transpose': {
        const a = this.infer(e.arg);
        return { r: a.c, c: a.r };
      }
      case 'sum':
        return this.sum(e);
      case 'shorthand':
        return this.shapeOfSymbol(e.of.name);
      case 'norm':
        this.infer(e.arg);
        return this.scalar;
      case 'unsupported':
        for (const c of e.children) this.infer(c);
        return { r: this.dims.fresh(), c: this.dims.fresh() };
    }
  }

  private binary(e: Extract<Expr, { kind: 'binary' }>): DimShape {
    const a = this.infer(e.left);
    const b = this.infer(e.right);
    switch (e.op) {
      case '+':
      case '-':
      case '/':
        return this.broadcast(a, b);
      case '^':
        return a;
      case 'hadamard':
        this.products.set(e, 'elementwise');
        return this.broadcast(a, b);
      case '*': {
        const out = { r: this.dims.fresh(), c: this.dims.fresh() };
        this.pending.push({ node: e, left: e.left, right: e.right, a, b, out });
        this.resolve(false);
        return out;
      }
    }
  }

  /** Shapes that combine entry by entry, a 1 on either side broadcasting. */
  broadcast(a: DimShape, b: DimShape): DimShape {
    if (this.isScalar(a)) return b;
    if (this.isScalar(b)) return a;
    const d = this.dims;
    // the rows of an undecided sum (a number, or a column) do not meet what it is combined with: `e^z / \sum e^z`
    const pending = (x: number): boolean => [...this.sumRows].some(([r]) => d.same(r, x));
    const pick = (x: number, y: number): number => {
      if (pending(x) || pending(y)) return pending(x) ? y : x;
      if (!d.isOne(x) && !d.isOne(y)) d.unify(x, y);
      return d.isOne(x) ? y : x;
    };
    return { r: pick(a.r, b.r), c: pick(a.c, b.c) };
  }

  private sum(e: SumNode): DimShape {
    const body = this.infer(e.body);
    // np.sum(X, axis=…) says which way it adds
    if (e.axis) this.sumModes.set(e, e.axis);
    if (e.axis === 'columns' || e.axis === 'rows') return e.axis === 'columns' ? { r: body.r, c: this.one } : { r: this.one, c: body.c };
    // `\sum_{i=1}^{m}` of a matrix's columns makes m their number; over scalars (one sample each) m stays a count
    const counted = this.dims.isOne(body.c) ? body.r : body.c;
    if (e.upper?.kind === 'symbol' && !this.dims.isOne(counted)) this.sizeSymbols.set(e.upper.name, counted);
    // `\sum_i` over one sample's terms is a number; over a matrix the note declares (samples as rows, say) it may add
    // its rows or its columns: decided at the end, as for a bare \sum
    const declaredMatrix = [body.r, body.c].every(
      (d) => !this.dims.isOne(d) && this.dims.originOf(d) !== undefined && !this.dims.originOf(d)!.startsWith(CONVENTION),
    );
    if (e.index !== undefined && !declaredMatrix) return this.scalar;
    const out = { r: this.dims.fresh(), c: this.dims.fresh() };
    this.sums.set(e, { body, out });
    this.sumRows.set(out.r, true);
    this.sumRows.set(out.c, true);
    return out;
  }

  private readonly diagonals: { readonly a: DimShape; readonly n: number }[] = [];

  /** diag(v): a square matrix as wide as v is long, once v is known to be a column or a row. */
  private diagonal(a: DimShape): DimShape {
    const n = this.dims.fresh();
    this.diagonals.push({ a, n });
    return { r: n, c: n };
  }

  /** Ties each diag's size to its vector's length; with `force`, a vector nothing decided is a column. */
  private settleDiagonals(force: boolean): void {
    for (const { a, n } of this.diagonals) {
      if (this.dims.isOne(a.c)) this.dims.unify(n, a.r);
      else if (this.dims.isOne(a.r)) this.dims.unify(n, a.c);
      else if (force && this.dims.unify(a.c, this.one)) this.dims.unify(n, a.r);
    }
  }

  /** Decides the products the shapes now allow; with `force`, the first undecided one by the note's conventions. */
  private resolve(force: boolean): boolean {
    let progress = false;
    for (const p of [...this.pending]) {
      const kind = this.decide(p, false);
      if (kind) {
        this.apply(p, kind);
        progress = true;
      }
    }
    if (force && this.pending.length > 0) {
      const p = this.pending[0];
      const kind = this.decide(p, true)!;
      if (kind === 'elementwise') this.guesses.set(p.node, p);
      // a weight matrix on the left (W x) is the notes' own convention; anything else is a guess
      if (kind === 'elementwise' || !isMatrixLike(p.left, (name) => this.symbols.get(name), this.dims)) this.guessedProducts.set(p.node, p);
      this.apply(p, kind);
      return true;
    }
    return progress;
  }

  /** Could two shapes combine entry by entry (equal, or a 1 broadcasting), as far as their sizes are known? */
  private fitsEntryByEntry(a: DimShape, b: DimShape): boolean {
    const fits = (x: number, y: number): boolean => {
      const [sx, sy] = [this.dims.sizeOf(x), this.dims.sizeOf(y)];
      return this.dims.same(x, y) || sx === 1 || sy === 1 || sx === undefined || sy === undefined || sx === sy;
    };
    return fits(a.r, b.r) && fits(a.c, b.c);
  }

  private decide(p: PendingProduct, force: boolean): ProductKind | undefined {
    const d = this.dims;
    if (this.isScalar(p.a) || this.isScalar(p.b)) return 'scale';
    if (d.same(p.a.c, p.b.r)) return 'matmul';
    const ac = d.sizeOf(p.a.c);
    const br = d.sizeOf(p.b.r);
    const matrixLeft = (): boolean => isMatrixLike(p.left, (name) => this.symbols.get(name), d);
    // sizes that cannot meet: entry by entry (numpy's `*`, A(1 − A)) when the shapes allow it, else the matrix
    // product of a matrix, which then fails as it should
    if (ac !== undefined && br !== undefined && ac !== br)
      return this.fitsEntryByEntry(p.a, p.b) || !matrixLeft() ? 'elementwise' : 'matmul';
    if (!force) return undefined;
    // a weight matrix on either side (W x, or row-major X W) makes a matrix product; otherwise entry by entry
    return matrixLeft() || isMatrixLike(p.right, (name) => this.symbols.get(name), d) ? 'matmul' : 'elementwise';
  }

  /**
   * Whether a product was read entry by entry by convention although, with the shapes as finally read, a matrix
   * product would fit too ((P Q)ᵀ = Qᵀ Pᵀ makes P and Q square): then the two readings differ and neither is the note's.
   */
  isAmbiguous(node: Expr): boolean {
    const p = this.guesses.get(node);
    if (!p) return false;
    const [inner, outer] = [this.dims.sizeOf(p.a.c), this.dims.sizeOf(p.b.r)];
    return this.dims.same(p.a.c, p.b.r) || (inner !== undefined && inner === outer);
  }

  /**
   * The reading chosen for a product by convention when, with the sizes as finally given, the other reading could be
   * formed too (then it is a guess); undefined when the shapes decide.
   */
  guessedReading(node: Expr): ProductKind | undefined {
    const p = this.guessedProducts.get(node);
    if (!p) return undefined;
    const kind = this.products.get(node);
    if (kind === 'elementwise') return this.isAmbiguous(node) ? kind : undefined;
    const [a, b] = [this.sizes(p.a), this.sizes(p.b)];
    const fits = (x: number, y: number): boolean => x === y || x === 1 || y === 1;
    return fits(a[0], b[0]) && fits(a[1], b[1]) ? kind : undefined;
  }

  private apply(p: PendingProduct, kind: ProductKind): void {
    this.pending = this.pending.filter((x) => x !== p);
    this.products.set(p.node, kind);
    if (kind === 'scale') this.unifyShapes(p.out, this.isScalar(p.a) ? p.b : p.a);
    else if (kind === 'matmul') {
      this.dims.unify(p.a.c, p.b.r);
      this.dims.unify(p.out.r, p.a.r);
      this.dims.unify(p.out.c, p.b.c);
    } else this.unifyShapes(p.out, this.broadcast(p.a, p.b));
  }

  /**
   * Decides every product, reads every sum, and gives every free dimension a size. `together` lists groups of
   * symbols that meet (in a definition or a claim): sizes are distinct within what meets, and start small again for
   * an unrelated network, so that a note of many networks keeps small, well-conditioned tensors.
   */
  finish(lowercaseVectors: ReadonlySet<string>, batch?: number, together: readonly (readonly string[])[] = [], rows = false): void {
    while (this.pending.length > 0) if (!this.resolve(false)) this.resolve(true);
    this.settleDiagonals(false);
    // a lowercase symbol nothing says more about is a column vector (a row, in a note of row vectors)
    for (const name of lowercaseVectors) {
      const s = this.symbols.get(name);
      const d = rows ? s?.r : s?.c;
      if (d !== undefined && this.dims.sizeOf(d) === undefined && this.dims.originOf(d) === undefined)
        this.dims.fix(d, 1, `${CONVENTION}a lowercase name is a ${rows ? 'row' : 'column'} vector`);
    }
    while (this.pending.length > 0) if (!this.resolve(false)) this.resolve(true);
    this.settleDiagonals(true);
    for (const [node, { body, out }] of this.sums) {
      if (this.sumModes.has(node)) continue;
      const d = this.dims;
      const matrix = !d.isOne(body.r) && !d.isOne(body.c);
      // a matrix summed where a column of its height is wanted (db = Σ dZ) adds across each row; where a row of its
      // width is wanted (samples as rows), down each column; otherwise everything
      const mode: SumMode = matrix && d.same(out.r, body.r) ? 'columns' : matrix && d.same(out.c, body.c) ? 'rows' : 'all';
      // nothing said what the sum gives: over every entry, by default (a column or a row has one sensible sum)
      if (mode === 'all' && matrix && !d.isOne(out.r) && !d.isOne(out.c)) this.guessedSums.set(node, true);
      if (mode !== 'columns') d.unify(out.r, this.one);
      if (mode !== 'rows') d.unify(out.c, this.one);
      this.sumModes.set(node, mode);
    }
    if (batch !== undefined && this.dims.sizeOf(batch) === undefined)
      this.dims.fix(batch, BATCH_SIZE, `${CONVENTION}the m samples are the columns`);
    const used = handOutSizes(this.dims, this.inherited, meetingGroups(together, this.symbols, this.dims));
    this.finished = { count: this.dims.count, used };
  }

  /** After finish: how many dimensions there were and the sizes given, for forks to start from. */
  private finished?: { readonly count: number; readonly used: ReadonlySet<number> };
  private readonly inherited?: { readonly count: number; readonly used: ReadonlySet<number> };

  /** A shape's sizes (after finish). */
  sizes(s: DimShape): readonly [number, number] {
    return [this.dims.sizeOf(s.r) ?? 1, this.dims.sizeOf(s.c) ?? 1];
  }
}
