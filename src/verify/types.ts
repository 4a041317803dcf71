/** Verdicts and what they carry. */
import type { BlockSpan, Claim } from '../model/types';

export type Verdict = 'verified' | 'refuted' | 'unverifiable';

/** A point where the claim fails: the inputs (by the note's names), the claimed value and the true one. */
export interface Counterexample {
  readonly point: Readonly<Record<string, number>>;
  readonly claimed: number;
  readonly actual: number;
}

/** The factor of a refuted product that is wrong, and what it should be. */
export interface WrongFactor {
  /** The wrong factor as written. */
  readonly at: BlockSpan;
  readonly claimedLatex: string;
  /** The derivative it should be, e.g. `\frac{\partial A_2}{\partial z_2}`. */
  readonly derivativeLatex: string;
  /** That derivative's value, in the note's symbols. */
  readonly expectedLatex: string;
  readonly message: string;
}

/**
 * The network engine's second opinion on a claim: the claimed value, the engine's backpropagation and central
 * finite differences at one sample point (for tensors: Frobenius norms, and the worst entry), and the largest
 * disagreement between any two of them.
 */
export interface EngineCheck {
  readonly claimed?: number;
  readonly backprop?: number;
  readonly finiteDifference?: number;
  readonly maxAbsError?: number;
  /** For tensors: the shape, and the entry (0-based row, column) where claim and backprop differ most. */
  readonly shape?: readonly [number, number];
  readonly worstEntry?: readonly [number, number];
}

export interface ClaimResult {
  readonly claim: Claim;
  readonly verdict: Verdict;
  /** One sentence. */
  readonly message: string;
  /** The right value of the left side, in LaTeX with the note's own symbols (refuted claims). */
  readonly expected?: string;
  readonly counterexample?: Counterexample;
  readonly wrongFactor?: WrongFactor;
  /** Remarks on a chain's structure: a broken link, a missing path. */
  readonly structure?: readonly string[];
  /** The note symbols whose definitions the verdict used. */
  readonly uses: readonly string[];
  /**
   * What the verdict assumes that the note does not say (`J is the binary cross-entropy`, `t is a one-hot label`): a
   * verdict with an assumption says so wherever it is shown.
   */
  readonly assumption?: string;
  /**
   * The reading that settled the claim, when not the ordinary one: a cost the note leaves unwritten (which of
   * `costReadings(model)`), or index notation entry by entry. The explanation follows it.
   */
  readonly reading?: { readonly kind: 'cost'; readonly index: number } | { readonly kind: 'entries' };
  /** The engine's numbers, when the claim is a derivative (or an equation of tensors). */
  readonly engine?: EngineCheck;
}

export interface CheckOptions {
  /** Sample points per claim (default 5). */
  readonly samples?: number;
  /** Relative tolerance when comparing the two sides (default 1e-6). */
  readonly tolerance?: number;
  /** Seed of the sample points (default 1). */
  readonly seed?: number;
  /** Time box per claim in milliseconds (default 250): longer, and it is unverifiable, "took too long". */
  readonly timeLimitMs?: number;
}

export const DEFAULT_OPTIONS: Required<CheckOptions> = { samples: 5, tolerance: 1e-6, seed: 1, timeLimitMs: 250 };
