/** Verdicts and what they carry. */
import type { ReasonCode } from './reasons';
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

/** The smallest repair of a refuted claim the numbers support: a flipped sign, or one missing factor. */
export type Repair =
  | { readonly kind: 'sign' }
  /** `latex` is the factor to write (`x`, `\frac{1}{m}`); `where` it goes: before the right side or after it. */
  | { readonly kind: 'factor'; readonly latex: string; readonly text: string; readonly where: 'start' | 'end' }
  /** A product's factors swapped or one transposed (`did you mean X^T?`); `text` says which, for titles. */
  | { readonly kind: 'rewrite'; readonly text: string };

/** A matrix excerpt for display: at most a few rows and columns of a tensor, row by row. */
export type MatrixExcerpt = readonly (readonly number[])[];

/** What a tensor verdict was computed with, for the explanation: its own numbers, not a second computation. */
export interface TensorDetail {
  /** The claim's shape as the note sizes it (`128×784`), and as checked. */
  readonly shape: string;
  /** The right side and the true value at the verdict's point (an excerpt). */
  readonly claimed: MatrixExcerpt;
  readonly actual: MatrixExcerpt;
  /** The entry (0-based row, column) where they differ most. */
  readonly worstEntry?: readonly [number, number];
  /** The shapes of the symbols the claim reaches (the note's sizes). */
  readonly shapes: readonly { readonly name: string; readonly shape: string }[];
  /** Sizes the note names (m, n), with the value checked at: sizes, never sampled. */
  readonly sizes: readonly { readonly name: string; readonly value: number }[];
  /** For course shorthand `dX`: the cost it is a derivative of. */
  readonly cost?: string;
}

/** What an update rule's verdict was computed with, at its first telling point. */
export interface UpdateDetail {
  readonly param: string;
  readonly cost: string;
  /** The step the rule takes (new − old), and the gradient it should point against. */
  readonly step: MatrixExcerpt;
  readonly gradient: MatrixExcerpt;
  /** cos of the angle between the step and the gradient: −1 is steepest descent. */
  readonly alignment: number;
  /** The cost before and after a small step (1e-4 of it) along the update. */
  readonly lossBefore: number;
  readonly lossAfter: number;
  /** The shapes of what the cost reaches (the note's sizes). */
  readonly shapes: readonly { readonly name: string; readonly shape: string }[];
}

export interface ClaimResult {
  readonly claim: Claim;
  readonly verdict: Verdict;
  /** Why, as a stable code (`refuted/wrong-factor`): see REASONS. */
  readonly code: ReasonCode;
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
  /** The smallest repair the numbers support (refuted claims), for the quick fix and the message. */
  readonly repair?: Repair;
  /** A tensor claim's matrices, shapes and sizes, as judged. */
  readonly tensor?: TensorDetail;
  /** An update rule's step, gradient and loss, as judged. */
  readonly update?: UpdateDetail;
  /** The stack of the internal error that left the claim unverifiable (`unverifiable/internal-error`), for the host's log. */
  readonly internalError?: string;
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
