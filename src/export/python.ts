/**
 * The parser's expression trees as Python/NumPy expressions: `2(a_2 - y)\sigma(z_2)` → `2 * (a_2 - y) * sigmoid(z_2)`.
 * Functions are written as the function registry spells them in NumPy; what has no Python form (a generic g, a sum
 * over an index) throws Unprintable with the reason, in words for a comment.
 */
import type { DerivativeNode, Expr, ShorthandNode, SumNode } from '../latex/ast';
import { displayName } from '../latex/notation';
import type { MathNode } from '../calculus/math';
import { RULES } from '../calculus/rules';
import { FUNCTION_BY_NAME } from '../functions';
import { TENSOR_FUNCTION_BY_NAME } from '../tensorFunctions';
import type { FunctionDefinition } from '../model/types';
import { readsAsProduct } from '../verify/convert';

/** A piece of notation the export cannot write in Python; the message says which, as a phrase. */
export class Unprintable extends Error {}

/** How a product of two factors is computed: `@`, `*`, or decided by the factors' shapes when the file runs. */
export type ProductReading = 'matmul' | 'elementwise' | 'by-shape';

/** What the printer needs to know of the note, and where it reports the helpers an expression uses. */
export interface PrintContext {
  /** The Python for a note symbol's value. */
  symbol(name: string): string;
  /** The Python for the value of a derivative (or course shorthand `dW`) written inside the expression. */
  derivative(node: DerivativeNode | ShorthandNode): string;
  product(node: Expr): ProductReading;
  /** Which way a sum adds (every entry, across each row, down each column); undefined when it cannot be written. */
  sum(node: SumNode): 'all' | 'columns' | 'rows' | undefined;
  /** The note's own functions (`f(x) = x^2`), and the models' names that are variables (for `h(1 - h)`). */
  readonly functions: ReadonlyMap<string, FunctionDefinition>;
  readonly variables: ReadonlySet<string>;
  readonly definitions: ReadonlyMap<string, unknown>;
  /** Called with each registry function the expression uses (its name, which is also its Python helper's). */
  useFunction(name: string): void;
}

/** Python precedence levels, loosest first. */
const enum Level {
  Sum = 1,
  Product = 2,
  Unary = 3,
  Power = 4,
  Atom = 5,
}

interface Printed {
  readonly text: string;
  readonly level: Level;
}

const atom = (text: string): Printed => ({ text, level: Level.Atom });
const wrap = (p: Printed, least: Level): string => (p.level < least ? `(${p.text})` : p.text);

/** A Python expression for the tree; throws Unprintable. */
export function pythonOf(e: Expr, ctx: PrintContext): string {
  return print(e, ctx).text;
}

function print(e: Expr, ctx: PrintContext): Printed {
  switch (e.kind) {
    case 'number':
      return e.value < 0 ? { text: String(e.value), level: Level.Unary } : atom(String(e.value));
    case 'symbol':
      return atom(ctx.symbol(e.name));
    case 'binary':
      return binary(e.op, print(e.left, ctx), print(e.right, ctx), ctx, e);
    case 'negate':
      return { text: `-${wrap(print(e.arg, ctx), Level.Unary)}`, level: Level.Unary };
    case 'labelled':
      return print(e.expr, ctx);
    case 'call':
      return call(e, ctx);
    case 'indicator': {
      if (e.op === '=' || e.op === '≠') throw new Unprintable('a condition between indices (j = k)');
      const [a, b] = e.op === '>' || e.op === '>=' ? [e.left, e.right] : [e.right, e.left];
      ctx.useFunction('step');
      // 1[a > b] = step(a − b)
      const difference = b.kind === 'number' && b.value === 0 ? print(a, ctx) : binary('-', print(a, ctx), print(b, ctx), ctx);
      return atom(`step(${difference.text})`);
    }
    case 'derivative':
    case 'shorthand':
      return atom(ctx.derivative(e));
    case 'transpose':
      return atom(`np.transpose(${print(e.arg, ctx).text})`);
    case 'norm':
      return atom(`np.sqrt(np.sum(${wrap(print(e.arg, ctx), Level.Atom)} ** 2))`);
    case 'sum':
      return sum(e, ctx);
    case 'unsupported':
      throw new Unprintable(e.reason);
  }
}

/** `a op b`; a product (`*`) of the note's `node` is read as the context says, `hadamard` is always entry by entry. */
function binary(op: string, a: Printed, b: Printed, ctx: PrintContext, node?: Expr): Printed {
  switch (op) {
    case '+':
    case '-':
      return { text: `${wrap(a, Level.Sum)} ${op} ${wrap(b, Level.Product)}`, level: Level.Sum };
    case '/':
    case 'hadamard':
      return { text: `${wrap(a, Level.Product)} ${op === '/' ? '/' : '*'} ${wrap(b, Level.Unary)}`, level: Level.Product };
    case '^':
      return { text: `${wrap(a, Level.Atom)} ** ${wrap(b, Level.Atom)}`, level: Level.Power };
    default: {
      const reading = node ? ctx.product(node) : 'elementwise';
      if (reading === 'by-shape') return atom(`product(${a.text}, ${b.text})`);
      return { text: `${wrap(a, Level.Product)} ${reading === 'matmul' ? '@' : '*'} ${wrap(b, Level.Unary)}`, level: Level.Product };
    }
  }
}

function sum(e: SumNode, ctx: PrintContext): Printed {
  const mode = ctx.sum(e);
  if (!mode || e.except !== undefined)
    throw new Unprintable(`a sum over entries (${e.index ? `\\sum_${e.index}` : '\\sum'}), read here without the shapes it needs`);
  const body = print(e.body, ctx).text;
  return atom(mode === 'all' ? `np.sum(${body})` : `np.sum(${body}, axis=${mode === 'columns' ? 1 : 0}, keepdims=True)`);
}

function call(e: Extract<Expr, { kind: 'call' }>, ctx: PrintContext): Printed {
  const args = e.args.map((a) => print(a, ctx));
  if (e.fn === 'matrix' && e.rows) return atom(`np.array([${args.map((a) => a.text).join(', ')}]).reshape(${e.rows}, -1)`);
  if (!e.generic) {
    if (args.length !== 1) throw new Unprintable(`${e.fn} of ${args.length} arguments`);
    const tensor = TENSOR_FUNCTION_BY_NAME.get(e.fn);
    if (tensor) {
      if (!tensor.numpy) throw new Unprintable(`${tensor.what}, which the export cannot write in NumPy yet`);
      ctx.useFunction(e.fn);
      return atom(`${e.fn}(${args[0].text})`);
    }
    if (!FUNCTION_BY_NAME.has(e.fn)) throw new Unprintable(`the function ${e.fn}`);
    if (e.primes === 0) {
      ctx.useFunction(e.fn);
      return atom(`${e.fn}(${args[0].text})`);
    }
    if (e.primes > 1) throw new Unprintable(`a second derivative of ${FUNCTION_BY_NAME.get(e.fn)!.text}`);
    // f′(u): the registry's derivative of f, written out in NumPy
    return { text: fromMath(RULES[e.fn].derivative, wrap(args[0], Level.Atom), ctx).text, level: Level.Sum };
  }
  const own = ctx.functions.get(e.fn);
  if (own && e.primes === 0 && own.params.length === args.length) {
    // the note's own function, its body written with its parameters replaced by the arguments
    const bound = new Map(own.params.map((p, i) => [p, wrap(args[i], Level.Atom)]));
    const inner: PrintContext = Object.assign(Object.create(ctx) as PrintContext, {
      symbol: (name: string) => bound.get(name) ?? ctx.symbol(name),
    });
    return print(own.body, inner);
  }
  if (readsAsProduct(e, ctx)) return binary('*', atom(ctx.symbol(e.fn)), args[0], ctx, e);
  throw new Unprintable(`${displayName(e.fn)}${"'".repeat(e.primes)}, a generic function (any function): the note does not say which`);
}

/** A mathjs tree of the registry (a derivative, in `u`) as Python, `u` replaced by the argument. */
function fromMath(n: MathNode, arg: string, ctx: PrintContext): Printed {
  const node = n as MathNode & {
    value?: unknown;
    name?: string;
    op?: string;
    fn?: { name: string } | string;
    args?: MathNode[];
    content?: MathNode;
  };
  switch (n.type) {
    case 'ConstantNode':
      return atom(String(node.value));
    case 'SymbolNode':
      if (node.name !== 'u') throw new Unprintable(`the symbol ${node.name} in a function's derivative`);
      return atom(arg);
    case 'ParenthesisNode':
      return fromMath(node.content!, arg, ctx);
    case 'FunctionNode': {
      const name = typeof node.fn === 'string' ? node.fn : node.fn!.name;
      if (!FUNCTION_BY_NAME.has(name)) throw new Unprintable(`the derivative of a function that uses ${name}`);
      ctx.useFunction(name);
      return atom(`${name}(${node.args!.map((a) => fromMath(a, arg, ctx).text).join(', ')})`);
    }
    case 'OperatorNode': {
      const [a, b] = node.args!;
      if (!b) return { text: `-${wrap(fromMath(a, arg, ctx), Level.Unary)}`, level: Level.Unary };
      const op = node.op === '^' ? '^' : node.op!;
      return binary(op === '*' ? 'hadamard' : op, fromMath(a, arg, ctx), fromMath(b, arg, ctx), ctx);
    }
    default:
      throw new Unprintable(`a ${n.type} in a function's derivative`);
  }
}
