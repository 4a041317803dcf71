/** Equation chains across statements and blocks: `A = B =` in one block continued by `= C` in the next. */
import type { ParsedStatement } from '../latex/statements';
import { symbolsOf } from '../latex/ast';
import type { BlockSpan, Side } from './types';

/** Why `j = k` in prose is no equation. */
export const INDEX_CONDITION = 'a condition between indices (j = k), not an equation';

/** One part of a chain and the `=` before it. */
export interface Link {
  readonly side: Side;
  /** The `=` before this part (absent for the first part). */
  readonly eq?: BlockSpan;
  /** No `=` was written: `\therefore X` after a chain is read as `= X`. */
  readonly implicit?: boolean;
  /** Written `≈`: this part is rounded or approximate. */
  readonly approximate?: boolean;
}

export interface Chain {
  readonly id: number;
  readonly links: Link[];
  readonly suspicions: string[];
  /** A relation other than `=` makes the statement something else than an equation chain. */
  readonly otherRelation?: string;
  /** Written with `:=` or `\leftarrow`. */
  readonly assignment?: boolean;
}

/**
 * Groups every statement of the note into chains, joining continuations. A `= …` in a block of its own continues
 * the last chain of display math (past sentences with inline math in between), and only when it is display math
 * itself: an inline `$=0$` in a sentence, or a table cell `$\approx 0.0059$`, continues nothing.
 */
export function buildChains(blocks: readonly (readonly ParsedStatement[])[], display: (block: number) => boolean = () => true): Chain[] {
  const chains: Chain[] = [];
  let previous: { chain: Chain; block: number } | undefined;
  let previousDisplay: { chain: Chain; block: number } | undefined;
  const indices = subscriptLetters(blocks);
  blocks.forEach((statements, block) => {
    for (const s of statements) {
      const sides: Side[] = s.parts.map((p) => ({ block, span: p.span, expr: p.expr, error: p.error }));
      const continued = previous?.block === block ? previous : display(block) ? previousDisplay : undefined;
      const canContinue = continued !== undefined && !continued.chain.otherRelation && !s.otherRelation;
      if (s.leadingEquals && canContinue && continued) {
        const eqs = [s.leadingEquals, ...s.equals];
        sides.forEach((side, i) =>
          continued.chain.links.push({ side, eq: { block, span: eqs[i] }, approximate: s.approximate?.has(eqs[i].start) }),
        );
        continued.chain.suspicions.push(...doubtsOf(s));
        previous = { chain: continued.chain, block };
        if (display(block)) previousDisplay = previous;
        continue;
      }
      // "… = X \quad \therefore Y": a bare conclusion restates the chain's value.
      if (
        s.connective === 'therefore' &&
        sides.length === 1 &&
        previous &&
        previous.block === block &&
        !previous.chain.otherRelation &&
        !s.otherRelation &&
        previous.chain.links.length >= 2
      ) {
        previous.chain.links.push({ side: sides[0], eq: { block, span: sides[0].span }, implicit: true });
        previous.chain.suspicions.push(...s.suspicions);
        continue;
      }
      const chain: Chain = {
        id: chains.length,
        links: sides.map((side, i) => ({
          side,
          eq: i === 0 ? undefined : { block, span: s.equals[i - 1] ?? side.span },
          approximate: i > 0 && s.approximate?.has(s.equals[i - 1]?.start ?? -1),
        })),
        suspicions: doubtsOf(s),
        otherRelation: s.otherRelation ?? (indexCondition(s, indices) ? INDEX_CONDITION : undefined),
        assignment: s.assignment,
      };
      chains.push(chain);
      // a `\because …` aside is no part of the chain around it: the next `&= …` row continues that chain
      if (s.connective === 'because') continue;
      previous = { chain, block };
      if (display(block)) previousDisplay = previous;
    }
  });
  return chains;
}

/** What keeps a statement's claims from being refuted whatever the values: OCR damage, a condition in words. */
function doubtsOf(s: ParsedStatement): string[] {
  return s.conditioned ? [...s.suspicions, 'it holds under a condition the note adds in words (“if …”, “where …”)'] : [...s.suspicions];
}

/** The letters the note writes as subscripts of names (`j`, `k` of `z_j`, `W_{j,k}`): its index letters. */
function subscriptLetters(blocks: readonly (readonly ParsedStatement[])[]): Set<string> {
  const out = new Set<string>();
  for (const statements of blocks) {
    for (const s of statements) {
      for (const p of s.parts) {
        if (!p.expr) continue;
        for (const name of symbolsOf(p.expr)) {
          for (const m of name.matchAll(/_(?:\{([a-z](?:\s*,?\s*[a-z])*)\}|([a-z]))/g))
            for (const letter of (m[1] ?? m[2]).replace(/[\s,]/g, '')) out.add(letter);
        }
      }
    }
  }
  return out;
}

/** `j = k` (in "the case where $j = k$"): two of the note's index letters, a case, not a definition of j. */
function indexCondition(s: ParsedStatement, indices: ReadonlySet<string>): boolean {
  if (s.parts.length !== 2 || s.leadingEquals) return false;
  return s.parts.every((p) => p.expr?.kind === 'symbol' && /^[a-z]$/.test(p.expr.name) && indices.has(p.expr.name));
}
