/**
 * A time box per claim: a pathological expression (huge, deeply nested) becomes "unverifiable: took too long"
 * instead of stalling the editor. The judge starts the clock; the long loops look at it.
 */

/** Thrown when the current claim's time is up. */
export class TooSlow extends Error {}

let deadline = Infinity;
let limit = Infinity;

/** Starts the clock for one claim. */
export function startClock(ms: number): void {
  limit = ms;
  deadline = performance.now() + ms;
}

/** Stops it (no claim is being judged). */
export function stopClock(): void {
  deadline = Infinity;
}

/** Throws TooSlow when the claim has used up its time. */
export function checkClock(): void {
  if (performance.now() > deadline) throw new TooSlow(`took too long (over ${limit} ms), so it was skipped`);
}
