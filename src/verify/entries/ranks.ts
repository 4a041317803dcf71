/**
 * How many indices each stem takes (`W_{j,i}`: 2, `h_j`: 1), from the note's names: as its definitions write it, else as
 * its claims do. Written with one index here and two there (`b_k`, `b_{j,i}`), a stem's indices say nothing (rank 0).
 */
import type { Expr } from '../../latex/ast';
import { symbolsOf } from '../../latex/ast';
import type { NoteModel } from '../../model/types';
import { NoEntryReading } from './scalarize';
import { plainStem, readIndexed } from './names';
import { definitionNamesOf, namesOf } from './noteIndices';

export interface StemRanks {
  readonly ranks: Map<string, number>;
  /** Stems whose rank only the claims give. */
  readonly fromClaims: Set<string>;
}

export function stemRanks(model: NoteModel, letters: ReadonlySet<string>): StemRanks {
  const out = new Map<string, number>();
  const fromClaims = new Set<string>();
  for (const [pass, names] of [definitionNamesOf(model), namesOf(model)].entries()) {
    const ranks = new Map<string, number>();
    for (const name of names) {
      const indexed = readIndexed(name, letters);
      if (!indexed || out.has(indexed.stem)) continue;
      const seen = ranks.get(indexed.stem);
      ranks.set(indexed.stem, seen === undefined || seen === indexed.indices.length ? indexed.indices.length : 0);
    }
    for (const [stem, rank] of ranks) {
      out.set(stem, rank);
      if (pass === 1) fromClaims.add(stem);
    }
  }
  return { ranks: out, fromClaims };
}

/**
 * A claim's indices cannot reshape the network its definitions compute: where a definition's shapes do not combine
 * (`z = W x + b` with a claim's `b_{j,i}` making b a matrix), the rank a claim gave one of its stems is dropped,
 * lowercase stems read as matrices first. `kindOf` reads a body's kind with the ranks as they are.
 */
export function repairRanks(model: NoteModel, r: StemRanks, kindOf: (e: Expr) => unknown, reset: () => void): void {
  for (const d of model.definitions.values()) {
    const body = d.value.expr;
    if (!body) continue;
    const suspects = [...symbolsOf(body)].map(plainStem).filter((s) => r.fromClaims.has(s) && (r.ranks.get(s) ?? 0) > 0);
    if (suspects.length === 0 || fits(body, kindOf, reset)) continue;
    suspects.sort((a, b) => Number(!isLowerMatrix(b, r)) - Number(!isLowerMatrix(a, r)));
    for (const stem of suspects) {
      const rank = r.ranks.get(stem)!;
      r.ranks.set(stem, 0);
      if (fits(body, kindOf, reset)) break;
      r.ranks.set(stem, rank);
    }
  }
  reset();
}

const isLowerMatrix = (stem: string, r: StemRanks): boolean => r.ranks.get(stem) === 2 && /^[a-z]/.test(stem.replace(/^\\[a-z]+\{/, ''));

function fits(body: Expr, kindOf: (e: Expr) => unknown, reset: () => void): boolean {
  reset();
  try {
    kindOf(body);
    return true;
  } catch (e) {
    if (e instanceof NoEntryReading) return false;
    throw e;
  }
}
