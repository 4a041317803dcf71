/** The parser's trees → mathjs trees, derivatives expanded through the note's definitions. */
import { type CallNode, type DerivativeNode, type Expr, symbolsOf } from '../latex/ast';
import { displayName } from '../latex/notation';
import { Opaque, differentiate, localDerivative } from '../calculus/differentiate';
import { type MathNode, call, isCall, neg, num, op, substitute, sym, symbolNames } from '../calculus/math';
import { genericName, nthDerivative, parseGenericName } from '../calculus/rules';
import { describe } from './describe';
import { TENSOR_FUNCTION_BY_NAME } from '../tensorFunctions';
import type { NoteEnvironment } from './environment';
import { settledZero } from './independence';
import { isOnes } from './vector/roles';

/** Why a condition between indices (`j = k` of a cases row) is left to the entry-by-entry reading. */
export const INDEX_CONDITION = 'a condition between indices (j = k), which only the entry-by-entry reading settles';

/** A derivative the claim computes, kept so finite differences can check it. */
export interface DerivativeUse {
  readonly of: MathNode;
  readonly wrt: string;
  readonly value: MathNode;
  readonly label: string;
}

export interface Converted {
  readonly node: MathNode;
  /** Unknown values the tree depends on (mathjs name → why unknown), its definitions' included. */
  readonly unknowns: Map<string, string>;
  /** Generic functions (`g`) the value depends on, by how the note writes them. */
  readonly generics: Set<string>;
  readonly derivatives: DerivativeUse[];
  /** Derivatives read as 0 because the note's definitions settle that f does not depend on v: why, for messages. */
  readonly zeros: string[];
}

/** What the scalar (mathjs) path cannot evaluate: the vector path (verify/vector) takes these. */
export const VECTOR_ONLY = {
  hadamard: '\\odot (an elementwise product of vectors), which needs the shapes of the note',
  transpose: 'a transpose ᵀ, which needs the shapes of the note',
  sum: '\\sum (a sum over entries or samples), which needs the shapes of the note',
  shorthand: 'course shorthand such as dW^{[l]}, which needs the cost J of the note',
  norm: 'a norm \\|…\\|, which needs the shapes of the note',
} as const;

/** Choices in reading a claim the note leaves open. */
export interface Reading {
  /**
   * ∂ as the partial derivative (every other symbol held fixed) and d as the total one, for a formula that writes
   * both (`\frac{df}{dx} = \frac{\partial f}{\partial u}\frac{du}{dx} + \frac{\partial f}{\partial x}`); otherwise both are total.
   */
  readonly partialsHoldOthersFixed?: boolean;
  /** Every value a number (a worked example): a norm ‖x‖ is |x|. */
  readonly scalarNorms?: boolean;
}

/** A construct this checker cannot evaluate; the message says which. */
export class Unsupported extends Error {}

/** Converts an expression; throws Unsupported. `params` maps a user function's parameters to its arguments. */
export function convertExpr(expr: Expr, env: NoteEnvironment, params?: ReadonlyMap<string, MathNode>, reading: Reading = {}): Converted {
  const out: Converted = { node: num(0), unknowns: new Map(), generics: new Set(), derivatives: [], zeros: [] };
  const node = new Converter(env, out, params, reading).node(expr);
  // a derivative through a definition that uses a generic function (y = f(x)) brings that function in too
  node.traverse((n) => {
    const g = isCall(n) ? parseGenericName(n.fn.name) : undefined;
    if (g) out.generics.add(displayName(g.fn));
  });
  return { ...out, node };
}

class Converter {
  constructor(
    private readonly env: NoteEnvironment,
    private readonly out: Converted,
    private readonly params?: ReadonlyMap<string, MathNode>,
    private readonly reading: Reading = {},
  ) {}

  node(e: Expr): MathNode {
    switch (e.kind) {
      case 'number':
        return num(e.value);
      case 'symbol':
        return this.symbol(e.name);
      case 'binary':
        if (e.op === 'hadamard') throw new Unsupported(VECTOR_ONLY.hadamard);
        return op(e.op, this.node(e.left), this.node(e.right));
      case 'negate':
        return neg(this.node(e.arg));
      case 'call':
        return this.call(e);
      case 'indicator': {
        if (e.op === '=' || e.op === '≠') throw new Unsupported(INDEX_CONDITION);
        const [a, b] = e.op === '>' || e.op === '>=' ? [e.left, e.right] : [e.right, e.left];
        return call('step', [op('-', this.node(a), this.node(b))]); // 1[a > b] = step(a − b)
      }
      case 'derivative':
        return this.derivative(e);
      case 'labelled':
        return this.node(e.expr);
      case 'norm':
        if (this.reading.scalarNorms) return call('abs', [this.node(e.arg)]);
        throw new Unsupported(VECTOR_ONLY[e.kind]);
      case 'transpose':
      case 'sum':
      case 'shorthand':
        throw new Unsupported(VECTOR_ONLY[e.kind]);
      case 'unsupported':
        throw new Unsupported(e.reason);
    }
  }

  private symbol(name: string): MathNode {
    const param = this.params?.get(name);
    if (param) return param;
    if (isOnes(name) && !this.env.isDefined(name)) return num(1); // (a vector of ones, of numbers: 1)
    const id = this.env.idOf(name);
    if (this.env.isDefined(name)) {
      const state = this.env.definition(name);
      if (state.opaque) this.out.unknowns.set(id, state.opaque);
      if (state.converted) this.absorb(state.converted);
    }
    return sym(id);
  }

  /** A definition's unknowns and generic functions become the user's. */
  private absorb(c: Converted): void {
    for (const [k, v] of c.unknowns) this.out.unknowns.set(k, v);
    for (const g of c.generics) this.out.generics.add(g);
    this.out.zeros.push(...c.zeros);
  }

  private call(e: CallNode): MathNode {
    const args = e.args.map((a) => this.node(a));
    if (!e.generic) {
      const tensor = TENSOR_FUNCTION_BY_NAME.get(e.fn);
      if (tensor) throw new Unsupported(`${tensor.what}, which needs the shapes of the note`);
      if (args.length !== 1) throw new Unsupported(`${e.fn} with ${args.length} arguments`);
      const applied = nthDerivative(e.fn, e.primes, args[0]);
      if (!applied) throw new Unsupported(`${"'".repeat(e.primes)} of ${e.fn} (higher derivatives are not supported)`);
      return applied;
    }
    const user = this.env.model.functions.get(e.fn);
    if (user && e.primes === 0 && user.params.length === args.length) {
      const c = convertExpr(user.body, this.env, new Map(user.params.map((p, i) => [p, args[i]])));
      this.absorb(c);
      this.out.derivatives.push(...c.derivatives);
      return c.node;
    }
    if (user && user.params.length === 1 && args.length === 1) {
      // f'(x) for the note's own f: differentiate its body in its parameter, then apply it to the argument
      const c = convertExpr(user.body, this.env, new Map([[user.params[0], sym('__arg')]]));
      this.absorb(c);
      let d = c.node;
      for (let k = 0; k < e.primes; k++) d = localDerivative(d, '__arg');
      return substitute(d, new Map([['__arg', args[0]]]));
    }
    if (user) throw new Unsupported(`a derivative of the note's own function ${displayName(e.fn)} of several variables`);
    if (readsAsProduct(e, this.env.model)) return op('*', this.symbol(e.fn), args[0]);
    if (args.length !== 1) throw new Unsupported(`the function ${displayName(e.fn)} of ${args.length} arguments`);
    this.out.generics.add(displayName(e.fn));
    return call(genericName(e.fn, e.primes), args);
  }

  private derivative(e: DerivativeNode): MathNode {
    const of = this.node(e.of);
    const v = this.env.idOf(e.wrt.name);
    const label = (): string => describe(e);
    // the key of an unknown derivative: the same text on both sides of a claim shares one unknown value
    const key = (): string => `d(${describe(e.of, Infinity)})/${v}`;
    const names = [...symbolNames(of)];
    if (names.some((s) => this.out.unknowns.has(s) && !s.startsWith('s_'))) {
      return this.unknown(key(), `${label()} depends on a value that is not known`);
    }
    if (!names.some((s) => s === v || this.env.dependsOn(s, v))) {
      const settled = settledZero(this.env, e.of, e.wrt.name);
      if (settled) {
        this.out.zeros.push(`${label()} = 0: ${settled}`);
        return num(0);
      }
      const undefinedHere = names.map((s) => this.env.nameOf(s)).filter((n): n is string => n !== undefined && !this.env.isDefined(n));
      const why = undefinedHere.length > 0 ? ` (${undefinedHere.map(displayName).join(', ')} not defined in terms of it)` : '';
      return this.unknown(key(), `${label()}: ${describe(e.of)} does not depend on ${displayName(e.wrt.name)} in this note${why}`);
    }
    try {
      if (e.partial && this.reading.partialsHoldOthersFixed) return this.partial(e.of, of, v);
      // `\frac{\partial g(t, q)}{\partial t}` of the note's g(t, q): its arguments are independent, the others held fixed
      if (e.partial && this.isExplicitArgument(e.of, e.wrt.name)) return localDerivative(of, v);
      const value = differentiate(of, v, this.env);
      this.out.derivatives.push({ of, wrt: v, value, label: label() });
      return value;
    } catch (err) {
      if (err instanceof Opaque) return this.unknown(key(), `${label()} cannot be computed: ${err.message}`);
      throw err;
    }
  }

  /** Is `of` a call of the note's own function of several arguments, written with `wrt` among them? */
  private isExplicitArgument(of: Expr, wrt: string): boolean {
    if (of.kind !== 'call' || !of.generic || of.args.length < 2) return false;
    const f = this.env.model.functions.get(of.fn);
    return f !== undefined && of.args.every((a) => a.kind === 'symbol') && of.args.some((a) => a.kind === 'symbol' && a.name === wrt);
  }

  /** ∂f/∂v holding every other symbol fixed: the local derivative of f's definition (or of the expression) in v. */
  private partial(of: Expr, node: MathNode, v: string): MathNode {
    const definition = of.kind === 'symbol' && this.env.isDefined(of.name) ? this.env.definitionOf(this.env.idOf(of.name)) : undefined;
    return localDerivative(definition ?? node, v);
  }

  private unknown(key: string, reason: string): MathNode {
    const node = this.env.unknown(key, reason);
    this.out.unknowns.set((node as unknown as { name: string }).name, reason);
    return node;
  }
}

/**
 * `h(1 - h)` and `h_1(1 - h_1)` are products when h is a variable of the note and the bracket uses it (or the note
 * defines h); `f(x)`, `h_\\theta(x)` stay calls of a function.
 */
export function readsAsProduct(
  e: CallNode,
  model: { readonly variables: ReadonlySet<string>; readonly definitions: ReadonlyMap<string, unknown> },
): boolean {
  if (!e.generic || e.primes > 0 || e.args.length !== 1 || !model.variables.has(e.fn)) return false;
  return model.definitions.has(e.fn) || symbolsOf(e.args[0]).has(e.fn);
}
