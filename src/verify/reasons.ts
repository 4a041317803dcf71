/**
 * Reason codes: why a claim got its verdict, one stable code per reason (`refuted/wrong-factor`). A verdict carries
 * its code and the sentence built from its data; the codes are the diagnostics' `code`, SARIF's rule ids and the
 * README's table (generated from this registry). A new reason is one entry here.
 */
import type { Repair, Verdict } from './types';

export interface ReasonInfo {
  readonly verdict: Verdict;
  /** A few words, for rule lists. */
  readonly title: string;
  /** What it means and what to do about it. */
  readonly description: string;
}

export const REASONS = {
  'verified/holds': {
    verdict: 'verified',
    title: 'holds at random points',
    description:
      'Both sides agree at every random sample point, and backpropagation and finite differences agree with the symbolic derivative.',
  },
  'verified/entries': {
    verdict: 'verified',
    title: 'holds entry by entry',
    description: 'Index notation, checked entry by entry at every index the note’s sizes allow.',
  },
  'verified/every-reading': {
    verdict: 'verified',
    title: 'holds under each definition',
    description:
      'The note defines a name more than once (or writes a general layer l); the claim holds under each definition or at each layer.',
  },
  'verified/assumed-loss': {
    verdict: 'verified',
    title: 'holds under an assumed cost',
    description: 'The note does not write its cost; the claim holds for the usual one, which the verdict names.',
  },
  'verified/chain-structure': {
    verdict: 'verified',
    title: 'a chain rule by its structure',
    description: 'Every path from the variable to the function passes through the chain’s links, but the values could not be computed.',
  },
  'verified/example': {
    verdict: 'verified',
    title: 'holds at the note’s numbers',
    description: 'A worked-example step: both sides agree at the note’s own values, to the rounding they are printed with.',
  },
  'verified/descent-step': {
    verdict: 'verified',
    title: 'a descent step',
    description: 'An update rule that steps against the gradient of the cost, so a small step lowers it.',
  },
  'refuted/wrong-factor': {
    verdict: 'refuted',
    title: 'a wrong factor',
    description:
      'One factor of the product is not the derivative it stands for (σ(x) where σ(z₂) belongs); the message names it and what it should be.',
  },
  'refuted/missing-factor': {
    verdict: 'refuted',
    title: 'a missing factor',
    description: 'The right side is off by one factor at every point (a lost 2, 1/m, or an input); the quick fix writes it in.',
  },
  'refuted/sign': { verdict: 'refuted', title: 'a wrong sign', description: 'The right side is the negative of the true value.' },
  'refuted/transpose': {
    verdict: 'refuted',
    title: 'a missing transpose or swapped factors',
    description: 'A matrix product that holds with one factor transposed or the factors in the other order.',
  },
  'refuted/chain-link': {
    verdict: 'refuted',
    title: 'a broken chain',
    description: 'The chain rule skips a link or uses one that does not connect; the message says which.',
  },
  'refuted/shape': {
    verdict: 'refuted',
    title: 'shapes that cannot match',
    description: 'Under every reading of the note’s shapes, the two sides have different shapes or a product cannot be formed.',
  },
  'refuted/values': {
    verdict: 'refuted',
    title: 'the sides differ',
    description: 'The two sides differ at a sample point under every plausible reading; the counterexample shows the values.',
  },
  'refuted/ascent-step': {
    verdict: 'refuted',
    title: 'an ascent step',
    description: 'An update rule that steps along the gradient of a cost the note minimises; the sign should be minus.',
  },
  'refuted/example': {
    verdict: 'refuted',
    title: 'a wrong worked-example value',
    description: 'A worked-example step whose numbers differ by more than their printed rounding explains.',
  },
  'unverifiable/parse-error': {
    verdict: 'unverifiable',
    title: 'could not be read',
    description: 'derivcheck could not read the LaTeX of one side; the message quotes it.',
  },
  'unverifiable/unsupported': {
    verdict: 'unverifiable',
    title: 'notation not supported',
    description: 'The claim uses notation derivcheck does not check (a second derivative, a matrix inverse, an operator it does not know).',
  },
  'unverifiable/undefined-symbol': {
    verdict: 'unverifiable',
    title: 'an undefined name',
    description:
      'The right side uses a name that is neither defined in the note nor an input of the left side; define it, or mark it as an input.',
  },
  'unverifiable/ambiguous-reading': {
    verdict: 'unverifiable',
    title: 'a reading the note leaves open',
    description:
      'The sides differ, but under a guess the note leaves open (a shape, an index convention, what a symbol stands for); the message names the guess.',
  },
  'unverifiable/generic-function': {
    verdict: 'unverifiable',
    title: 'a generic function',
    description: 'The claim holds for some instances of a function the note leaves generic (f, g) and not for others.',
  },
  'unverifiable/example-only': {
    verdict: 'unverifiable',
    title: 'holds only at the note’s values',
    description: 'The claim fails at random points but holds at the values the note gives: it may be meant for that example only.',
  },
  'unverifiable/redefinition': {
    verdict: 'unverifiable',
    title: 'a name defined two ways',
    description: 'The note defines the claim’s names in more than one way, and the claim holds under one reading but not another.',
  },
  'unverifiable/numerics': {
    verdict: 'unverifiable',
    title: 'no safe numbers',
    description:
      'The values overflow, vanish, are too small to tell apart, or finite differences disagree with the derivative, so no verdict is safe.',
  },
  'unverifiable/shape': {
    verdict: 'unverifiable',
    title: 'shapes that do not fit',
    description: 'The sides cannot be formed or compared under the shapes read from the note, which may be wrong guesses.',
  },
  'unverifiable/jacobian': {
    verdict: 'unverifiable',
    title: 'a Jacobian',
    description: 'A derivative of a vector by a vector (a Jacobian), which is checked only in the layouts whose shapes match.',
  },
  'unverifiable/rounding': {
    verdict: 'unverifiable',
    title: 'within the rounding',
    description: 'A worked-example step whose difference the rounding of its printed numbers may explain.',
  },
  'unverifiable/missing-value': {
    verdict: 'unverifiable',
    title: 'a value the note does not give',
    description: 'A worked-example step that needs a value the note neither gives nor computes.',
  },
  'unverifiable/missing-cost': {
    verdict: 'unverifiable',
    title: 'no cost defined',
    description: 'An update rule or a `dW` shorthand needs the cost it refers to, which the note does not define.',
  },
  'unverifiable/update-direction': {
    verdict: 'unverifiable',
    title: 'a step whose direction is unclear',
    description:
      'An update rule that follows a velocity or running average (momentum, Adam), or points neither along nor against the gradient.',
  },
  'unverifiable/too-slow': {
    verdict: 'unverifiable',
    title: 'took too long',
    description: 'The claim took longer than the time box per claim (`derivcheck.timeLimitMs`, `--time-limit`).',
  },
  'unverifiable/internal-error': {
    verdict: 'unverifiable',
    title: 'an internal error',
    description: 'derivcheck failed while checking the claim; the error is logged with its stack. Please report it.',
  },
} as const satisfies Record<string, ReasonInfo>;

export type ReasonCode = keyof typeof REASONS;

/** The codes of one verdict. */
export type ReasonOf<V extends Verdict> = { [C in ReasonCode]: (typeof REASONS)[C]['verdict'] extends V ? C : never }[ReasonCode];

/** The verdict a code belongs to, or undefined for a string that is no code (another tool's diagnostic code). */
export function verdictOfCode(code: unknown): Verdict | undefined {
  return typeof code === 'string' && code in REASONS ? REASONS[code as ReasonCode].verdict : undefined;
}

/** Every code, in the registry's order (verified, refuted, unverifiable). */
export const REASON_CODES = Object.keys(REASONS) as ReasonCode[];

/** A doubt about a claim's reading: why a difference may not refute it. */
export interface Doubt {
  readonly code: ReasonOf<'unverifiable'>;
  readonly message: string;
}

/** A doubt about a reading the note leaves open (the usual kind). */
export const doubt = (message: string, code: ReasonOf<'unverifiable'> = 'unverifiable/ambiguous-reading'): Doubt => ({ code, message });

/** The code of a refutation, from what it found: the wrong factor, the repair that makes it hold, a broken chain. */
export function refutedCode(found: {
  readonly wrongFactor?: unknown;
  readonly repair?: Repair;
  readonly structure?: readonly string[];
  readonly shape?: boolean;
  readonly constantFactor?: boolean;
}): ReasonOf<'refuted'> {
  if (found.shape) return 'refuted/shape';
  if (found.wrongFactor) return 'refuted/wrong-factor';
  if (found.structure?.length) return 'refuted/chain-link';
  switch (found.repair?.kind) {
    case 'factor':
      return 'refuted/missing-factor';
    case 'sign':
      return 'refuted/sign';
    case 'rewrite':
      return 'refuted/transpose';
    case undefined:
      return found.constantFactor ? 'refuted/missing-factor' : 'refuted/values';
  }
}
