/**
 * Evaluates the note's expressions on tensors with the network engine: definitions computed from the sampled
 * inputs, products read as the shapes say, derivatives by backpropagation through the definitions (the variable
 * held free, what feeds it cut), course shorthand as derivatives of the note's cost.
 */
import { type Expr, symbolsOf } from '../../latex/ast';
import { displayName } from '../../latex/notation';
import {
  Tensor,
  type Var,
  add,
  constant,
  div,
  exp,
  gradient,
  leaf,
  log,
  matmul,
  mul,
  neg,
  pow,
  sqrt,
  step,
  sub,
  sumAll,
  sumOverColumns,
  sumOverRows,
  transpose,
} from '../../engine';
import { checkClock } from '../deadline';
import { describe } from '../describe';
import { indexOf } from '../../model/types';
import { applyGeneric, applyKnown } from './functions';
import { INDEX_CONDITION, readsAsProduct } from '../convert';
import type { VectorNote, WorldPoint } from './note';
import type { ReasonOf } from '../reasons';

const NOTHING: Expr = { kind: 'number', value: 0, span: { start: 0, end: 0 } };

/** The claim cannot be decided here; the message says why, the code which kind of reason it is. */
export class Unverifiable extends Error {
  constructor(
    message: string,
    readonly code: ReasonOf<'unverifiable'> = 'unverifiable/unsupported',
  ) {
    super(message);
  }
}

export class Evaluation {
  private readonly memo = new Map<string, Var>();

  constructor(
    private readonly note: VectorNote,
    private readonly point: WorldPoint,
    /** Symbols held free as leaves (the variable of a derivative being taken). */
    private readonly leaves: ReadonlyMap<string, Var> = new Map(),
    /** A user function's parameters, bound to its arguments. */
    private readonly params: ReadonlyMap<string, Var> = new Map(),
  ) {}

  symbol(name: string): Var {
    // (a parameter shadows a leaf of the same name: f(x) = x^2 applied to u, differentiated by the outer x)
    const bound = this.params.get(name) ?? this.leaves.get(name);
    if (bound) return bound;
    const known = this.memo.get(name);
    if (known) return known;
    const v = this.compute(name);
    this.memo.set(name, v);
    return v;
  }

  private compute(name: string): Var {
    const def = this.note.model.definitions.get(name);
    if (!def) return constant(this.note.input(name, this.point));
    const unusable = this.note.unusable(name);
    if (unusable) {
      this.point.doubts.add(unusable);
      return constant(this.note.unknown(`value ${name}`, this.note.shapeOf(name, this.point.shapes), this.point));
    }
    // a definition no free leaf reaches has the same value in every evaluation at this point: computed once
    const shared = this.params.size === 0 && ![...this.leaves.keys()].some((l) => this.note.env.dependencies(name).has(l));
    const cached = shared ? this.point.values.get(name) : undefined;
    if (cached) return constant(cached);
    const v = this.eval(def.value.expr!);
    if (shared) this.point.values.set(name, v.value);
    return v;
  }

  eval(e: Expr): Var {
    switch (e.kind) {
      case 'number':
        return constant(Tensor.scalar(e.value));
      case 'symbol':
        return this.symbol(e.name);
      case 'negate':
        return neg(this.eval(e.arg));
      case 'labelled':
        return this.eval(e.expr);
      case 'binary':
        return this.shared(e, () => this.binary(e));
      case 'call':
        return this.call(e);
      case 'indicator': {
        if (e.op === '=' || e.op === '≠') throw new Unverifiable(`uses ${INDEX_CONDITION}`);
        const [a, b] = e.op === '>' || e.op === '>=' ? [e.left, e.right] : [e.right, e.left];
        return step(sub(this.eval(a), this.eval(b))); // 1[a > b]
      }
      case 'derivative':
        return constant(this.derivative(e.of, e.wrt.name));
      case 'transpose':
        return transpose(this.eval(e.arg));
      case 'sum': {
        if (e.except !== undefined) throw new Unverifiable(`a sum over ${e.index} ≠ ${e.except}, which is read only entry by entry`);
        const body = this.eval(e.body);
        const mode = body.value.isScalar() ? 'all' : (this.point.shapes.sumModes.get(e) ?? 'all');
        if (this.point.shapes.guessedSums.has(e))
          this.point.guesses.add(`${describe(e)} was read as a sum over every entry: the note does not say which`);
        // Σ_k 1, or Σ_k f(X) with no k inside: K copies of the body, K unknown; summing its entries is a guess
        if (e.index !== undefined && !mentionsIndex(e.body, e.index))
          this.point.guesses.add(`${describe(e)} has no ${e.index} in its body: how many terms it adds is unknown`);
        return mode === 'columns' ? sumOverColumns(body) : mode === 'rows' ? sumOverRows(body) : sumAll(body);
      }
      case 'shorthand':
        return constant(this.shorthand(e.of.name));
      case 'norm':
        return sqrt(sumAll(pow(this.eval(e.arg), 2)));
      case 'unsupported':
        throw new Unverifiable(`uses ${e.reason}`);
    }
  }

  /** A subexpression no free leaf reaches (W·X when differentiating by b) is computed once per point. */
  private shared(e: Expr, compute: () => Var): Var {
    if (this.params.size > 0) return compute();
    if (this.leaves.size > 0) {
      const reached = this.note.reachedBy(e);
      for (const l of this.leaves.keys()) if (reached.has(l)) return compute();
    }
    const cached = this.point.exprValues.get(e);
    if (cached) return constant(cached);
    const v = compute();
    this.point.exprValues.set(e, v.value);
    return v;
  }

  private binary(e: Extract<Expr, { kind: 'binary' }>): Var {
    const a = this.eval(e.left);
    if (e.op === '^') {
      const p =
        e.right.kind === 'number'
          ? e.right.value
          : e.right.kind === 'negate' && e.right.arg.kind === 'number'
            ? -e.right.arg.value
            : undefined;
      // (XᵀX)^{-1} of a matrix is its inverse, not the reciprocal of each entry
      if (p === -1 && a.value.rows > 1 && a.value.rows === a.value.cols)
        throw new Unverifiable(`${describe(e)}: a matrix inverse, which is not checked`);
      return p !== undefined ? pow(a, p) : exp(mul(this.eval(e.right), log(a)));
    }
    const b = this.eval(e.right);
    switch (e.op) {
      case '+':
        return add(a, b);
      case '-':
        return sub(a, b);
      case '/':
        return div(a, b);
      case 'hadamard':
        return mul(a, b);
      case '*':
        return this.product(e, a, b);
    }
  }

  /** A scaling, a matrix product or an elementwise product, as the shapes were read. */
  private product(e: Expr, a: Var, b: Var): Var {
    if (a.value.isScalar() || b.value.isScalar()) return mul(a, b);
    const kind = this.point.shapes.products.get(e);
    const guessed = this.point.shapes.guessedReading(e);
    if (guessed === 'elementwise') {
      this.point.guesses.add(
        `${describe(e)} was read as an entry-by-entry product, but a matrix product fits the shapes too (write \\odot, or declare the shapes with \\in \\mathbb{R}^{m \\times n})`,
      );
    } else if (guessed) {
      this.point.guesses.add(
        `${describe(e)} was read as a matrix product, but an entry-by-entry product fits the shapes too (write \\odot, or declare the shapes with \\in \\mathbb{R}^{m \\times n})`,
      );
    }
    const [inner, same] = [a.value.cols === b.value.rows, a.value.rows === b.value.rows && a.value.cols === b.value.cols];
    // (matrices of numbers the note writes out have the shapes they have: the one product they can form)
    if (kind === 'matmul' && !inner && same) return mul(a, b);
    if (kind !== 'matmul' && !same && inner) return matmul(a, b);
    if (kind === 'matmul' || (kind === undefined && inner)) return matmul(a, b);
    return mul(a, b);
  }

  private call(e: Extract<Expr, { kind: 'call' }>): Var {
    const args = e.args.map((x) => this.eval(x));
    if (e.fn === 'matrix' && e.rows) {
      // a matrix of numbers written out: its entries, row by row
      if (args.some((a) => !a.value.isScalar())) throw new Unverifiable('a matrix written out whose cells are not numbers');
      return constant(
        new Tensor(
          e.rows,
          args.length / e.rows,
          Float64Array.from(args, (a) => a.value.data[0]),
        ),
      );
    }
    if (args.length !== 1) throw new Unverifiable(`${e.fn} of ${args.length} arguments is not supported`);
    const user = e.generic ? this.note.model.functions.get(e.fn) : undefined;
    if (user && e.primes === 0 && user.params.length === 1) {
      return new Evaluation(this.note, this.point, this.leaves, new Map([[user.params[0], args[0]]])).eval(user.body);
    }
    if (user) throw new Unverifiable(`a derivative of the note's own function ${displayName(e.fn)}`);
    if (readsAsProduct(e, this.note.model)) return this.product(e, this.symbol(e.fn), args[0]);
    if (e.generic) {
      this.point.doubts.add(
        `${displayName(e.fn)} is a generic function here; the claim may hold only for a particular ${displayName(e.fn)}`,
      );
      return applyGeneric(this.note.generic(e.fn, this.point), e.primes, args[0]);
    }
    const v = applyKnown(e.fn, e.primes, args[0]);
    if (!v) throw new Unverifiable(`${"'".repeat(e.primes)} of ${e.fn} is not supported`);
    return v;
  }

  /** ∂(of)/∂(wrt) by backpropagation, wrt held free; for a vector `of`, the per-entry (elementwise) derivative. */
  derivative(of: Expr, wrt: string): Tensor {
    checkClock();
    const label = `∂(${of.kind === 'symbol' ? displayName(of.name) : '…'})/∂${displayName(wrt)}`;
    const reach = this.note.reaches(of, wrt);
    if (reach !== true) {
      this.point.doubts.add(`${label}: ${reach}`);
      return this.note.unknown(`d ${describe(of)} ${wrt}`, this.note.shapeOf(wrt, this.point.shapes), this.point);
    }
    for (const outer of this.leaves.keys()) {
      if (this.note.dependsOn(of, outer)) throw new Unverifiable(`${label} is differentiated again (second derivatives are not checked)`);
    }
    const x = leaf(this.symbol(wrt).value);
    const inner = new Evaluation(this.note, this.point, new Map([...this.leaves, [wrt, x]]), this.params);
    const f = inner.eval(of);
    if (f.value.isScalar()) return gradient(f, x);
    if (f.value.rows !== x.value.rows || f.value.cols !== x.value.cols) {
      throw new Unverifiable(
        `${label} is a Jacobian (${f.value.rows}×${f.value.cols} by ${x.value.rows}×${x.value.cols}); only scalar and entry-by-entry derivatives are checked`,
        'unverifiable/jacobian',
      );
    }
    return perEntry(f, x, this.point.rng, label);
  }

  /** Course shorthand: dW = ∂J/∂W and db = ∂J/∂b; dZ, dA = m·∂J/∂Z (per-sample derivatives as columns). */
  shorthand(target: string): Tensor {
    const { cost, factor } = this.shorthandMeaning(target);
    const g = this.derivative(cost, target);
    const k = factor(g);
    return k === 1 ? g : g.map((v) => v * k);
  }

  /** What dX stands for: the cost to differentiate, and the factor (m for dZ and dA, else 1). */
  shorthandMeaning(target: string): { cost: Expr; factor: (g: Tensor) => number } {
    const cost = this.note.costFor(target);
    if (!cost)
      throw new Unverifiable(
        `d${displayName(target)} is shorthand for a derivative of the cost J, which this note does not define`,
        'unverifiable/missing-cost',
      );
    // (unless the note says dZ is ∂J/∂Z itself)
    const perSample = /^[ZzAa]/.test(target.replace(/^\\[a-z]+\{/, '')) && !this.note.definesShorthand(target);
    // per-sample derivatives: m·∂J/∂Z when J averages over the m samples (its definition divides by m), else ∂J/∂Z
    const averaged =
      this.note.env.dependencies(cost).has('m') || symbolsOf(this.note.model.definitions.get(cost)?.value.expr ?? NOTHING).has('m');
    const m = perSample && averaged ? this.symbol('m').value.data[0] : 1;
    return { cost: { kind: 'symbol', name: cost, span: { start: 0, end: 0 } }, factor: () => m };
  }
}

/** The derivative of a vector entry by entry, after checking the Jacobian is diagonal (each entry depends on its own). */
function perEntry(f: Var, x: Var, rng: () => number, label: string): Tensor {
  const d = gradient(sumAll(f), x);
  const u = Tensor.random(x.value.rows, x.value.cols, rng, 0.5, 1.5);
  const ju = gradient(sumAll(mul(f, constant(u))), x);
  for (let i = 0; i < d.size; i++) {
    const want = d.data[i] * u.data[i];
    if (Math.abs(ju.data[i] - want) > 1e-9 * Math.max(1, Math.abs(want))) {
      throw new Unverifiable(
        `${label}: the entries of the numerator depend on more than their own entry, so this is a Jacobian, not checked`,
        'unverifiable/jacobian',
      );
    }
  }
  return d;
}

/** Whether a sum's body mentions its index: `k` itself, or as a subscript (`x_k`, `w_{jk}`). */
function mentionsIndex(body: Expr, index: string): boolean {
  const sub = new RegExp(`[_^].*\\b${index.replace(/[^\w]/g, '')}\\b`);
  return [...symbolsOf(body)].some(
    (s) => s === index || (indexOf(s)?.index.includes(index) ?? false) || sub.test(s.replace(/[{}()]/g, ' ')),
  );
}
