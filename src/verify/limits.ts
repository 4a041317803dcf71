/**
 * What derivcheck takes on, and what it says when a note is beyond it. Every limit comes with a message naming
 * what was skipped; nothing is dropped silently.
 */

export const LIMITS = {
  /** Claims judged per note; later ones are skipped (5,000 claims take about a second). */
  claimsPerNote: 5000,
  /** Characters of a note checked while typing (about 1 MB: reading it takes ~0.1 s); larger notes: CLI only. */
  liveNoteChars: 1_000_000,
} as const;

const megabytes = (chars: number): string => `${(chars / 1e6).toFixed(1)} MB`;

export function claimsSkippedMessage(total: number): string {
  return `only the first ${LIMITS.claimsPerNote.toLocaleString('en-US')} of this note's ${total.toLocaleString('en-US')} claims were checked; the rest were skipped (split the note to check them)`;
}

export function tooLargeForLiveMessage(chars: number): string {
  return `derivcheck: this note is ${megabytes(chars)}, so it is not checked in the editor (the limit is ${megabytes(LIMITS.liveNoteChars)}, to keep typing fast); check it from a terminal with \`derivcheck <file>\``;
}
