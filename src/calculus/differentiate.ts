/**
 * Total derivatives through the note's definitions, on mathjs. mathjs differentiates the arithmetic; function
 * calls are first replaced by placeholder symbols, and the chain rule adds f'(u)·du/dv for each (rules.ts), so
 * mathjs never meets a function it cannot differentiate. Intermediates stay symbols: the result reads like the note.
 */
import { type MathNode, call, isCall, math, num, op, sum, sym, symbolNames, substitute } from './math';
import { derivativeOf } from './rules';

/** The note's dependency graph, as the differentiator sees it. */
export interface DerivativeGraph {
  /** The definition of an intermediate symbol; undefined for an input. Throws Opaque if it cannot be known. */
  definitionOf(id: string): MathNode | undefined;
  /** Does the symbol's value depend on v through the definitions (id ≠ v)? */
  dependsOn(id: string, v: string): boolean;
  /** Called as the work goes on: may throw to stop it (a time box). */
  tick?(): void;
}

/** A derivative that crosses something unknown (a definition with `\sum`, an undefined function). */
export class Opaque extends Error {}

/** d(node)/dv where v is held free (what feeds v is cut, as in backpropagation). */
export function differentiate(node: MathNode, v: string, graph: DerivativeGraph, memo = new Map<string, MathNode>()): MathNode {
  graph.tick?.();
  const depends = (n: MathNode): boolean => [...symbolNames(n)].some((s) => s === v || graph.dependsOn(s, v));
  if (!depends(node)) return num(0);
  const placeholders = new Map<string, { fn: string; arg: MathNode }>();
  const flat = node.transform((n) => {
    if (!isCall(n) || !depends(n)) return n;
    if (n.args.length !== 1) throw new Opaque(`${n.fn.name} of ${n.args.length} arguments cannot be differentiated`);
    const name = `__p${placeholders.size}`;
    placeholders.set(name, { fn: n.fn.name, arg: n.args[0] });
    return sym(name);
  });
  const back = new Map<string, MathNode>([...placeholders].map(([name, p]) => [name, call(p.fn, [p.arg])]));
  const terms: MathNode[] = [];
  for (const s of symbolNames(flat)) {
    const inner = innerDerivative(s, v, placeholders, graph, memo);
    if (inner === undefined) continue;
    const outer = substitute(math.derivative(flat, s, { simplify: false }), back);
    terms.push(isOne(inner) ? outer : op('*', outer, inner));
  }
  return sum(terms);
}

/** ds/dv for a symbol of the flattened tree: 1 for v, f'(u)·du/dv for a placeholder, the recursion for an intermediate. */
function innerDerivative(
  s: string,
  v: string,
  placeholders: ReadonlyMap<string, { fn: string; arg: MathNode }>,
  graph: DerivativeGraph,
  memo: Map<string, MathNode>,
): MathNode | undefined {
  if (s === v) return num(1);
  const p = placeholders.get(s);
  if (p) {
    const outer = derivativeOf(p.fn, p.arg);
    if (!outer) throw new Opaque(`no derivative rule for ${p.fn}`);
    const inner = differentiate(p.arg, v, graph, memo);
    return isOne(inner) ? outer : op('*', outer, inner); // chain rule: f(u)' = f'(u)·u'
  }
  if (!graph.dependsOn(s, v)) return undefined;
  const cached = memo.get(s);
  if (cached) return cached;
  const definition = graph.definitionOf(s);
  if (!definition) return undefined;
  const d = differentiate(definition, v, graph, memo);
  memo.set(s, d);
  return d;
}

function isOne(n: MathNode): boolean {
  return (n as { isConstantNode?: boolean }).isConstantNode === true && (n as unknown as { value: unknown }).value === 1;
}

/** d(node)/dv holding every other symbol fixed, intermediates included: a local derivative (one edge of the graph). */
export function localDerivative(node: MathNode, v: string): MathNode {
  return differentiate(node, v, { definitionOf: () => undefined, dependsOn: () => false });
}
