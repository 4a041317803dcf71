/** What a note's index notation is made of: its index letters and sizes, a claim's free indices, a name's likely kind. */
import { type Expr, childrenOf, narrowSums, walk } from '../../latex/ast';
import type { Claim, NoteModel } from '../../model/types';
import { type Kind, NoEntryReading, type Scalarizer } from './scalarize';

const SCALAR_LETTERS = /^(\\(alpha|beta|gamma|eta|lambda|epsilon|varepsilon|mu|rho|tau)|[mnN])$/;

/** A derivative claim or chain, or a step of a derivation that starts from a derivative. */
export function aboutDerivative(claim: Claim): boolean {
  let found = false;
  for (const side of [claim.left.expr, claim.context[0]?.expr]) if (side) walk(side, (n) => (found ||= n.kind === 'derivative'));
  return found;
}

/** What a name's letter suggests: capitals are matrices, learning rates and sizes numbers, the rest unknown. */
export function letterKind(name: string): Kind {
  const base = name.replace(/^\\(?:hat|tilde|bar|mathbf|boldsymbol|vec)\{(.*)\}$/, '$1').replace(/[_^].*$/, '');
  if (SCALAR_LETTERS.test(base)) return 'scalar';
  return /^[A-Z]$/.test(base) ? 'matrix' : 'any';
}

export function joinSides(a: Kind, b: Kind): Kind {
  if (a === 'scalar' || a === 'any') return b;
  if (b === 'scalar' || b === 'any' || a === b) return a;
  throw new NoEntryReading('the two sides are of different shapes');
}

export function pairs(): number[][] {
  return [1, 2, 3].flatMap((a) => [1, 2, 3].map((b) => [a, b]));
}

/** The index letters of a claim that no sum in it binds (`j` of `\frac{\partial L}{\partial z_j} = \hat{y}_j - y_j`). */
export function freeLetters(claim: Claim, s: Scalarizer): Set<string> {
  return new Set([claim.left.expr, claim.right.expr].flatMap((side) => (side ? [...freeIn(side, s)] : [])));
}

/** The free index letters of one expression. */
export function freeIn(e: Expr, s: Scalarizer): Set<string> {
  const free = new Set<string>();
  const visit = (x: Expr, bound: ReadonlySet<string>): void => {
    if (x.kind === 'symbol') s.indexed(x.name)?.indices.forEach((l) => !bound.has(l) && free.add(l));
    if (x.kind === 'sum' && x.except !== undefined && !bound.has(x.except)) free.add(x.except);
    if (x.kind === 'derivative') visit(x.wrt, bound);
    // (`\sum e^{x_j}` without its index sums over the one letter its body leaves free, as the scalarizer reads it)
    const index = x.kind === 'sum' ? (x.index ?? loneLetter(x.body, bound, s)) : undefined;
    const inner = index !== undefined ? new Set([...bound, index]) : bound;
    for (const c of childrenOf(x)) visit(c, inner);
  };
  visit(e, new Set());
  return free;
}

function loneLetter(body: Expr, bound: ReadonlySet<string>, s: Scalarizer): string | undefined {
  const free = [...freeIn(body, s)].filter((l) => !bound.has(l));
  return free.length === 1 ? free[0] : undefined;
}

/** The letters that index entries in this note, and the symbols that are sizes (upper limits of its sums). */
export function indexLetters(model: NoteModel): { letters: Set<string>; sizes: Set<string> } {
  // i, j, k unless the note gives one a value (`$j = k$` in prose compares two indices: it gives none)
  const letters = new Set(
    ['i', 'j', 'k'].filter((l) => {
      const value = model.definitions.get(l)?.value.expr;
      return !value || (value.kind === 'symbol' && /^[a-z]$/.test(value.name));
    }),
  );
  const sizes = new Set<string>();
  for (const e of exprsOf(model)) {
    walk(e, (n) => {
      if (n.kind !== 'sum' || n.index === undefined) return;
      letters.add(n.index);
      if (n.upper?.kind === 'symbol') sizes.add(n.upper.name);
    });
  }
  return { letters, sizes };
}

function exprsOf(model: NoteModel): Expr[] {
  const out: Expr[] = [];
  for (const d of model.definitions.values()) if (d.value.expr) out.push(d.value.expr);
  for (const c of model.claims) for (const side of [c.left.expr, c.right.expr]) if (side) out.push(side);
  return out;
}

export function namesOf(model: NoteModel): Set<string> {
  const names = new Set<string>(model.definitions.keys());
  for (const e of exprsOf(model)) walk(e, (n) => n.kind === 'symbol' && names.add(n.name));
  return names;
}

/** The names the note's definitions use (their heads and bodies): what the network is made of. */
export function definitionNamesOf(model: NoteModel): Set<string> {
  const names = new Set<string>(model.definitions.keys());
  for (const d of model.definitions.values()) if (d.value.expr) walk(d.value.expr, (n) => n.kind === 'symbol' && names.add(n.name));
  return names;
}

/**
 * The claim with its sums over a letter it also leaves free read over their first term only (`narrowSums`), with
 * those letters; undefined when no sum absorbed terms over such a letter.
 */
export function narrowedClaim(claim: Claim, free: ReadonlySet<string>): (Claim & { letters: string[] }) | undefined {
  const letters = new Set<string>();
  for (const side of [claim.left.expr, claim.right.expr])
    if (side) walk(side, (n) => n.kind === 'sum' && n.absorbed && n.index !== undefined && free.has(n.index) && letters.add(n.index));
  if (letters.size === 0) return undefined;
  const [left, right] = [claim.left.expr && narrowSums(claim.left.expr), claim.right.expr && narrowSums(claim.right.expr)];
  return {
    ...claim,
    left: { ...claim.left, expr: left ?? claim.left.expr },
    right: { ...claim.right, expr: right ?? claim.right.expr },
    letters: [...letters],
  };
}
