/** The one mathjs instance, and small helpers to build and inspect its expression trees. */
import { all, create, type MathNode } from 'mathjs';
import { depthOf } from '../trees';
import { FUNCTIONS, HELPERS } from '../functions';

export type { MathNode };

/** ReLU, sigmoid and the indicator are not mathjs functions: they are added here, and kink visits are recorded. */
const kinks = { nearest: Infinity, sides: [] as number[] };

/** How close the last evaluations came to a point where a function is not differentiable (ReLU at 0). */
export function resetKinkDistance(): void {
  kinks.nearest = Infinity;
  kinks.sides = [];
}
export function kinkDistance(): number {
  return kinks.nearest;
}
/** Which side of its kink each ReLU or indicator evaluated since the reset was on, in evaluation order (1 or -1). */
export function kinkSides(): readonly number[] {
  return kinks.sides;
}
function nearKink(x: number): void {
  const d = Math.abs(x);
  if (d < kinks.nearest) kinks.nearest = d;
  if (kinks.sides.length < 64) kinks.sides.push(x > 0 ? 1 : -1);
}

export const math = create(all, {});
// the registry's functions mathjs lacks (σ, ReLU, the indicator, …), each kinked one recording how near its kink it came
math.import(
  {
    ...Object.fromEntries(
      FUNCTIONS.filter((f) => f.custom).map((f) => [
        f.name,
        f.kinked
          ? (x: number) => {
              nearKink(x);
              return f.f(x);
            }
          : f.f,
      ]),
    ),
    ...HELPERS,
  },
  { override: true },
);

export const num = (v: number): MathNode => new math.ConstantNode(v);
export const sym = (name: string): MathNode => new math.SymbolNode(name);
export const call = (fn: string, args: MathNode[]): MathNode => new math.FunctionNode(new math.SymbolNode(fn), args);

const OPS = { '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide', '^': 'pow' } as const;

/** A binary operator node. */
export function op(o: keyof typeof OPS, a: MathNode, b: MathNode): MathNode {
  return new math.OperatorNode(o, OPS[o], [a, b]);
}

export function neg(a: MathNode): MathNode {
  return new math.OperatorNode('-', 'unaryMinus', [a]);
}

/** Sum of terms, skipping none; 0 for none. */
export function sum(terms: MathNode[]): MathNode {
  if (terms.length === 0) return num(0);
  return terms.reduce((acc, t) => op('+', acc, t));
}

export function isSymbol(n: MathNode): n is MathNode & { name: string } {
  return (n as { isSymbolNode?: boolean }).isSymbolNode === true;
}

export function isCall(n: MathNode): n is MathNode & { fn: MathNode & { name: string }; args: MathNode[] } {
  return (n as { isFunctionNode?: boolean }).isFunctionNode === true;
}

/** Names of the symbols in a tree (function names excluded). */
export function symbolNames(n: MathNode): Set<string> {
  const out = new Set<string>();
  n.traverse((node, _path, parent) => {
    if (isSymbol(node) && !(parent && isCall(parent) && parent.fn === node)) out.add(node.name);
  });
  return out;
}

/** Replaces symbols by trees. */
export function substitute(n: MathNode, replacements: ReadonlyMap<string, MathNode>): MathNode {
  return n.transform((node, _path, parent) => {
    if (isSymbol(node) && !(parent && isCall(parent) && parent.fn === node)) return replacements.get(node.name) ?? node;
    return node;
  });
}

/** Nodes a tree has when printed (shared subtrees count each time), counted only up to `cap`. */
export function treeSize(root: MathNode, cap: number): number {
  let count = 0;
  const stack: MathNode[] = [root];
  while (stack.length > 0 && count <= cap) {
    const n = stack.pop()!;
    count++;
    n.forEach((child) => stack.push(child));
  }
  return count;
}

/** Trees larger than this are neither simplified nor printed: nested functions can make them exponentially large. */
export const PRINTABLE_NODES = 600;

export const isPrintable = (n: MathNode): boolean => treeSize(n, PRINTABLE_NODES) <= PRINTABLE_NODES;

/** How deeply a tree nests, counted only up to `cap`. */
export function treeDepth(root: MathNode, cap: number): number {
  return depthOf(root, childrenOf, cap);
}

const childrenOf = (n: MathNode): MathNode[] => {
  const out: MathNode[] = [];
  n.forEach((child) => out.push(child));
  return out;
};

/** mathjs's simplifyCore takes time exponential in the nesting (×2 a level, 0.5 s at 20 levels): deeper trees stay as they are. */
export const TIDY_DEPTH = 12;
