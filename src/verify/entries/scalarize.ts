/**
 * Index notation read entry by entry: an expression of vectors and matrices (`W^{[2]} h + b^{[2]}`,
 * `\text{softmax}(z)`, `\sum_{k=1}^{K} y_k \log \hat{y}_k`) becomes, for given index values, a scalar expression
 * of entries (`\sum_t W_{1,t}^{[2]} h_t + b_1^{[2]}`), every sum written out over a small range. The scalar judge
 * then checks each entry of a claim. Whatever cannot be read this way throws `NoEntryReading`.
 */
import { type BinaryOp, type CallNode, type Expr, type Span, type SymbolNode, childrenOf } from '../../latex/ast';
import { type IndexedName, plainStem, readIndexed, stemEntry } from './names';

export class NoEntryReading extends Error {}

/** What an expression is: a number, a column, a row (a transposed column), a matrix, or not known (`any`: it takes the shape the context gives it). */
export type Kind = 'scalar' | 'col' | 'row' | 'matrix' | 'any';

/** What the scalarizer needs to know about the note. */
export interface EntryNote {
  /** Letters that index entries (`i`, `j`, `k`, and every letter a sum runs over). */
  readonly letters: ReadonlySet<string>;
  /** How many entries every index runs over. */
  readonly size: number;
  /** Symbols that are sizes (the upper limits of sums: `K`, `m`, `n_y`): they take the value `size`. */
  readonly sizes: ReadonlySet<string>;
  /** The kind of a name written without index (from its indexed uses, its definition, its letter). */
  kindOfName(name: string): Kind;
  /** Whether that kind rests only on the name's letter (a capital taken for a matrix). */
  kindIsGuess(name: string): boolean;
  /** `h_j(1 - h_j)`: a product, not a call, when h_j is a variable of the note. */
  readsAsProduct(e: CallNode): boolean;
  /** `\delta_{jk}` is the Kronecker delta (1 where j = k, else 0): the note defines no δ of two indices. */
  isKronecker(stem: string): boolean;
}

type Env = ReadonlyMap<string, number>;

export class Scalarizer {
  constructor(private readonly note: EntryNote) {}

  /** The guesses made since the last `takeGuesses()`: readings of products and names the note does not settle. */
  private guesses = new Set<string>();
  /**
   * Guesses that only matter where the claim itself names the symbol: `b` of `W h + b` read as a vector rather than
   * a number added to every entry (with b's entries sampled apart, the number is just the case of equal entries).
   */
  private softGuesses = new Set<string>();

  /** Capitals seen as the matrix of a matrix-vector product: their letter's guess is borne out. */
  private readonly matrixFactors = new Set<string>();

  /** Records a guess the caller made. */
  guess(text: string): void {
    this.guesses.add(text);
  }

  /** The guesses made since the last call; with `soft`, those that matter only in a claim's own sides too. */
  takeGuesses(soft: boolean): string[] {
    const taken = [...this.guesses, ...(soft ? this.softGuesses : [])];
    this.guesses = new Set();
    this.softGuesses = new Set();
    return taken;
  }

  /** Every entry name made, with the stem and index values it stands for. */
  readonly origins = new Map<string, { readonly stem: string; readonly values: readonly number[] }>();

  /** The names read as entries, cached. */
  private readonly indexedCache = new Map<string, IndexedName | undefined>();

  indexed(name: string): IndexedName | undefined {
    if (!this.indexedCache.has(name)) this.indexedCache.set(name, readIndexed(name, this.note.letters));
    return this.indexedCache.get(name);
  }

  /** The kind of an expression (the shape of its value, without sizes). */
  kindOf(e: Expr): Kind {
    switch (e.kind) {
      case 'number':
        return 'scalar';
      case 'symbol':
        return this.indexed(e.name) || this.note.sizes.has(e.name) ? 'scalar' : this.note.kindOfName(e.name);
      case 'binary': {
        const [a, b] = [this.kindOf(e.left), this.kindOf(e.right)];
        if (e.op === '*') return productKind(a, b, undefined)?.out ?? 'any';
        if (e.op === '^') return a;
        return joinKinds(a, b);
      }
      case 'negate':
      case 'labelled':
        return this.kindOf(e.kind === 'negate' ? e.arg : e.expr);
      case 'call':
        if (this.note.readsAsProduct(e))
          return this.kindOf({
            kind: 'binary',
            op: '*',
            left: { kind: 'symbol', name: e.fn, span: e.span },
            right: e.args[0],
            span: e.span,
          });
        if (e.fn === 'matrix') throw new NoEntryReading('a matrix written out');
        return e.fn === 'softmax' ? 'col' : e.args.length === 1 ? this.kindOf(e.args[0]) : 'scalar';
      case 'indicator':
        return joinKinds(this.kindOf(e.left), this.kindOf(e.right));
      case 'derivative':
        return this.kindOf(e.of) === 'scalar' || this.kindOf(e.of) === 'any' ? this.kindOf(e.wrt) : 'matrix';
      case 'transpose': {
        const k = this.kindOf(e.arg);
        return k === 'col' ? 'row' : k === 'row' ? 'col' : k;
      }
      case 'sum':
        return this.kindOf(e.body);
      case 'norm':
        return 'scalar';
      case 'shorthand':
      case 'unsupported':
        throw new NoEntryReading(e.kind === 'unsupported' ? e.reason : 'course shorthand');
    }
  }

  /** The entry at `idx` (none for a number, one index for a vector, two for a matrix) of `e`, with index letters set by `env`. */
  entry(e: Expr, idx: readonly number[], env: Env): Expr {
    switch (e.kind) {
      case 'number':
        return e;
      case 'symbol':
        return this.symbolEntry(e, idx, env);
      case 'binary':
        return this.binaryEntry(e.op, e.left, e.right, e.span, idx, env);
      case 'negate':
        return { kind: 'negate', arg: this.entry(e.arg, idx, env), span: e.span };
      case 'labelled':
        return this.entry(e.expr, idx, env);
      case 'call':
        return this.callEntry(e, idx, env);
      case 'indicator': {
        // `j = k` with the indices set: 1 or 0
        if (e.op === '=' || e.op === '≠') {
          const [a, b] = [e.left, e.right].map((x) => (x.kind === 'symbol' ? env.get(x.name) : undefined));
          if (a === undefined || b === undefined) throw new NoEntryReading('a condition on indices that are not set');
          return { kind: 'number', value: (a === b) === (e.op === '=') ? 1 : 0, span: e.span };
        }
        return { ...e, left: this.entry(e.left, idx, env), right: this.entry(e.right, idx, env) };
      }
      case 'derivative': {
        if (this.kindOf(e.of) !== 'scalar' && this.kindOf(e.of) !== 'any')
          throw new NoEntryReading('a derivative of a vector (a Jacobian)');
        const wrt = this.symbolEntry(e.wrt, idx, env);
        if (wrt.kind !== 'symbol') throw new NoEntryReading('a derivative by a size');
        return { ...e, of: this.entry(e.of, [], env), wrt };
      }
      case 'transpose': {
        const k = this.kindOf(e.arg);
        return this.entry(e.arg, k === 'matrix' && idx.length === 2 ? [idx[1], idx[0]] : idx, env);
      }
      case 'sum':
        return this.sumEntry(e, idx, env);
      case 'norm': {
        if (idx.length > 0) throw new NoEntryReading('an entry of a norm');
        return this.sumOver(e.span, (t) => square(this.entry(e.arg, [t], env)));
      }
      case 'shorthand':
      case 'unsupported':
        throw new NoEntryReading(e.kind === 'unsupported' ? e.reason : 'course shorthand');
    }
  }

  private symbolEntry(e: SymbolNode, idx: readonly number[], env: Env): Expr {
    if (this.note.sizes.has(e.name)) return { kind: 'number', value: this.note.size, span: e.span };
    // `\sum_s \eta(s)`: the index used as a value (a state, a time) is not an entry's index
    if (env.has(e.name)) throw new NoEntryReading(`the index ${e.name} is used as a value`);
    const indexed = this.indexed(e.name);
    if (indexed) {
      if (idx.length > 0) throw new NoEntryReading(`${e.name} is an entry, not a vector`);
      const values = indexed.indices.map((letter) => env.get(letter));
      if (values.some((v) => v === undefined)) throw new NoEntryReading(`the index of ${e.name} is free here`);
      if (values.length === 2 && this.note.isKronecker(indexed.stem))
        return { kind: 'number', value: values[0] === values[1] ? 1 : 0, span: e.span };
      return { ...e, name: this.made(indexed.at(values as number[]), indexed.stem, values as number[]) };
    }
    const kind = this.note.kindOfName(e.name);
    if (this.note.kindIsGuess(e.name) && !this.matrixFactors.has(e.name))
      this.guesses.add(`${e.name} was taken for a ${kind === 'matrix' ? 'matrix' : 'number'} by its letter`);
    if (kind === 'scalar' || idx.length === 0) {
      if (kind !== 'scalar' && kind !== 'any') throw new NoEntryReading(`${e.name} is a vector where a number is needed`);
      return e;
    }
    if ((kind === 'matrix') !== (idx.length === 2)) throw new NoEntryReading(`${e.name} has the wrong number of indices here`);
    return { ...e, name: this.made(stemEntry(e.name, idx), plainStem(e.name), idx) };
  }

  private made(name: string, stem: string, values: readonly number[]): string {
    this.origins.set(name, { stem, values });
    return name;
  }

  private binaryEntry(op: BinaryOp, l: Expr, r: Expr, s: Span, idx: readonly number[], env: Env): Expr {
    const bin = (o: BinaryOp, a: Expr, b: Expr): Expr => ({ kind: 'binary', op: o, left: a, right: b, span: s });
    if (op === '^') return bin('^', this.entry(l, idx, env), this.entry(r, [], env));
    const [kl, kr] = [this.kindOf(l), this.kindOf(r)];
    if (op !== '*') {
      if (idx.length > 0 && (kl === 'any' || kr === 'any') && kl !== kr)
        this.softGuesses.add('a term of unknown shape was taken for one like the other');
      return bin(op === 'hadamard' ? '*' : op, this.entry(l, idx, env), this.entry(r, idx, env));
    }
    const rule = productKind(kl, kr, idx.length);
    if (!rule) throw new NoEntryReading('a product whose shapes do not fit');
    // W x (x must be a column) and u^T x (a dot product) leave no choice; the rest does
    const forced = (kl === 'matrix' && kr === 'any') || (kl === 'row' && kr === 'any') || kl === 'scalar' || kr === 'scalar';
    if (!forced && (rule.how === 'elementwise' || kl === 'any' || kr === 'any'))
      this.guesses.add('a product of two vectors, or with a factor of unknown shape, was read entry by entry');
    const [i, j] = idx;
    switch (rule.how) {
      case 'scale-left':
        return bin('*', this.entry(l, [], env), this.entry(r, idx, env));
      case 'scale-right':
        return bin('*', this.entry(l, idx, env), this.entry(r, [], env));
      case 'elementwise':
        return bin('*', this.entry(l, idx, env), this.entry(r, idx, env));
      case 'matrix-vector': {
        // `V \mathbf{x}` giving a vector: the capital is the matrix of a matrix-vector product (a number is the unlikely reading)
        if (l.kind === 'symbol') this.matrixFactors.add(l.name);
        return this.sumOver(s, (t) => bin('*', this.entry(l, [i, t], env), this.entry(r, [t], env)));
      }
      case 'matrix-matrix':
        return this.sumOver(s, (t) => bin('*', this.entry(l, [i, t], env), this.entry(r, [t, j], env)));
      case 'dot':
        return this.sumOver(s, (t) => bin('*', this.entry(l, [t], env), this.entry(r, [t], env)));
      case 'outer':
        return bin('*', this.entry(l, [i], env), this.entry(r, [j], env));
      case 'row-matrix':
        return this.sumOver(s, (t) => bin('*', this.entry(l, [t], env), this.entry(r, [t, i], env)));
    }
  }

  private callEntry(e: CallNode, idx: readonly number[], env: Env): Expr {
    if (this.note.readsAsProduct(e))
      return this.binaryEntry('*', { kind: 'symbol', name: e.fn, span: e.span }, e.args[0], e.span, idx, env);
    if (e.fn === 'softmax') {
      // softmax(z)_k = e^{z_k} / Σ_t e^{z_t}
      if (idx.length !== 1 || e.args.length !== 1) throw new NoEntryReading('softmax of something not a vector');
      const exp = (x: Expr): Expr => ({ kind: 'call', fn: 'exp', generic: false, primes: 0, args: [x], span: e.span });
      const arg = e.args[0];
      return {
        kind: 'binary',
        op: '/',
        left: exp(this.entry(arg, idx, env)),
        right: this.sumOver(e.span, (t) => exp(this.entry(arg, [t], env))),
        span: e.span,
      };
    }
    // every other function acts entry by entry (σ(z), f'(Z), \log s)
    if (e.args.length !== 1 && idx.length > 0) throw new NoEntryReading(`${e.fn} of several vectors`);
    return { ...e, args: e.args.map((a) => this.entry(a, idx, env)) };
  }

  private sumEntry(e: Expr & { kind: 'sum' }, idx: readonly number[], env: Env): Expr {
    if (e.index === undefined) {
      // `\sum e^{x_j}` in `s_i = \frac{e^{x_i}}{\sum e^{x_j}}`: the one index the body leaves free is what it sums over
      const free = [...freeIndexLetters(e.body, this.note.letters)].filter((l) => !env.has(l));
      if (free.length !== 1) throw new NoEntryReading('a sum without its index (over samples?)');
      this.guess(`a Σ written without its index was read as the sum over ${free[0]}`);
      return this.sumEntry({ ...e, index: free[0] }, idx, env);
    }
    let count = this.note.size;
    if (e.upper) {
      const upper = e.upper;
      if (upper.kind === 'number' && Number.isInteger(upper.value) && upper.value >= 1 && upper.value <= 6) count = upper.value;
      else if (!(upper.kind === 'symbol' && this.note.sizes.has(upper.name)))
        throw new NoEntryReading('a sum whose upper limit is not a size');
    }
    const first = e.lower === 0 ? 0 : 1;
    const last = e.upper?.kind === 'number' ? count : first + this.note.size - 1;
    const skip = e.except === undefined ? undefined : env.get(e.except);
    if (e.except !== undefined && skip === undefined) throw new NoEntryReading(`the sum leaves out ${e.except}, which is free here`);
    const terms: Expr[] = [];
    for (let v = first; v <= last; v++) {
      if (v === skip) continue;
      terms.push(this.entry(e.body, idx, new Map([...env, [e.index, v]])));
    }
    if (terms.length === 0) return { kind: 'number', value: 0, span: e.span };
    return terms.reduce((a, b) => ({ kind: 'binary', op: '+', left: a, right: b, span: e.span }));
  }

  /** Σ_t f(t) over the entries of a hidden index (a matrix product's inner dimension). */
  private sumOver(s: Span, f: (t: number) => Expr): Expr {
    const terms = Array.from({ length: this.note.size }, (_, t) => f(t + 1));
    return terms.reduce((a, b) => ({ kind: 'binary', op: '+', left: a, right: b, span: s }));
  }
}

function square(e: Expr): Expr {
  return { kind: 'binary', op: '^', left: e, right: { kind: 'number', value: 2, span: e.span }, span: e.span };
}

/** The kind of `a ± b`: the one that is not a number, if any. */
function joinKinds(a: Kind, b: Kind): Kind {
  if (a === b) return a;
  if (a === 'scalar' || a === 'any') return b === 'scalar' ? a : b;
  if (b === 'scalar' || b === 'any') return a;
  throw new NoEntryReading(`a ${a} added to a ${b}`);
}

type ProductRule = 'scale-left' | 'scale-right' | 'elementwise' | 'matrix-vector' | 'matrix-matrix' | 'dot' | 'outer' | 'row-matrix';

/**
 * How `a b` is read for given kinds, and its kind; `indices` (when known) is how many indices the entry asked for
 * has, which settles what an unknown (`any`) factor is. Two columns side by side (`h(1-h)`) multiply entry by entry.
 */
function productKind(a: Kind, b: Kind, indices: number | undefined): { how: ProductRule; out: Kind } | undefined {
  const context: Kind = indices === 0 ? 'scalar' : indices === 2 ? 'matrix' : indices === 1 ? 'col' : 'any';
  if (a === 'scalar') return { how: 'scale-left', out: b };
  if (b === 'scalar') return { how: 'scale-right', out: a };
  if (a === 'any' && b === 'any') return { how: 'elementwise', out: context };
  if (a === 'any') return b === 'matrix' ? { how: 'scale-left', out: 'matrix' } : { how: 'elementwise', out: b };
  if (b === 'any') {
    if (a === 'matrix') return indices === 2 ? { how: 'matrix-matrix', out: 'matrix' } : { how: 'matrix-vector', out: 'col' };
    if (a === 'row') return indices === 0 || indices === undefined ? { how: 'dot', out: 'scalar' } : { how: 'elementwise', out: 'row' };
    return { how: 'elementwise', out: a };
  }
  if (a === 'matrix' && b === 'col') return { how: 'matrix-vector', out: 'col' };
  if (a === 'matrix' && b === 'matrix') return { how: 'matrix-matrix', out: 'matrix' };
  if (a === 'row' && b === 'col') return { how: 'dot', out: 'scalar' };
  if (a === 'col' && b === 'row') return { how: 'outer', out: 'matrix' };
  if (a === 'row' && b === 'matrix') return { how: 'row-matrix', out: 'row' };
  if (a === b && a !== 'matrix') return { how: 'elementwise', out: a };
  return undefined;
}

/** The index letters of the entries an expression names (`j` of `e^{x_j}`), bound or not. */
function freeIndexLetters(e: Expr, letters: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  const visit = (n: Expr): void => {
    if (n.kind === 'symbol') for (const l of readIndexed(n.name, letters)?.indices ?? []) if (letters.has(l)) out.add(l);
    if (n.kind === 'sum' && n.index !== undefined) return;
    for (const c of childrenOf(n)) visit(c);
  };
  visit(e);
  return out;
}
