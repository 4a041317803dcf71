/** Definitions: the first `symbol = expression` of each symbol, `\underbrace{X}_{δ}` labels, and `g(z) = …`. */
import { type Expr, symbolsOf, walk } from '../latex/ast';
import { displayName } from '../latex/notation';
import type { Chain } from './chains';
import type { Definition, FunctionDefinition } from './types';

export interface Definitions {
  readonly definitions: Map<string, Definition>;
  readonly functions: Map<string, FunctionDefinition>;
  /** Chains whose first part is the symbol they define (their claims start at the second part). */
  readonly defining: Set<number>;
  /** Chains that are update rules (`W = W - α dW`: the variable on both sides). */
  readonly updates: Set<number>;
  /** Symbols whose definitions cannot be used, and why. */
  readonly unusable: Map<string, string>;
}

/** Collects definitions in note order: the first one of a symbol wins; later ones become claims. */
export function collectDefinitions(chains: readonly Chain[]): Definitions {
  const d: Definitions = { definitions: new Map(), functions: new Map(), defining: new Set(), updates: new Set(), unusable: new Map() };
  for (const chain of chains) {
    if (chain.otherRelation) continue;
    if (chain.links.length >= 2) defineFromChain(chain, d);
    for (const link of chain.links) if (link.side.expr) defineLabels(link.side.expr, link.side.block, d);
  }
  markCycles(d);
  return d;
}

function defineFromChain(chain: Chain, d: Definitions): void {
  const first = chain.links[0].side;
  const value = chain.links[1].side;
  const head = first.expr;
  if (head?.kind === 'symbol') {
    if (d.definitions.has(head.name)) return;
    if (value.expr && symbolsOf(value.expr).has(head.name)) {
      d.updates.add(chain.id);
      return;
    }
    d.definitions.set(head.name, { symbol: head.name, value, at: { block: first.block, span: head.span }, source: 'equation' });
    d.defining.add(chain.id);
    return;
  }
  if (head?.kind === 'call' && head.generic && head.primes === 0 && !d.functions.has(head.fn) && value.expr) {
    const params = head.args.map((a) => (a.kind === 'symbol' ? a.name : undefined));
    if (params.some((p) => p === undefined)) return;
    d.functions.set(head.fn, { name: head.fn, params: params as string[], body: value.expr, at: { block: first.block, span: head.span } });
    d.defining.add(chain.id);
  }
}

function defineLabels(e: Expr, block: number, d: Definitions): void {
  walk(e, (n) => {
    if (n.kind !== 'labelled' || d.definitions.has(n.label.name)) return;
    d.definitions.set(n.label.name, {
      symbol: n.label.name,
      value: { block, span: n.expr.span, expr: n.expr },
      at: { block, span: n.label.span },
      source: 'label',
    });
  });
}

/** Definitions that refer to each other in a circle cannot be evaluated. */
function markCycles(d: Definitions): void {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): void => {
    state.set(name, 'open');
    stack.push(name);
    const expr = d.definitions.get(name)?.value.expr;
    for (const dep of expr ? symbolsOf(expr) : []) {
      if (!d.definitions.has(dep)) continue;
      if (state.get(dep) === 'open') {
        const cycle = stack.slice(stack.indexOf(dep));
        const reason = `the definitions of ${cycle.map(displayName).join(', ')} refer to each other`;
        for (const c of cycle) d.unusable.set(c, reason);
      } else if (!state.has(dep)) visit(dep);
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of d.definitions.keys()) if (!state.has(name)) visit(name);
}
