/**
 * Large declared sizes stand in for by small ones. A claim about matrices is true or false whatever the sizes, as
 * long as equal sizes stay equal and different ones different (and 1 stays 1): `W \in \mathbb{R}^{128 \times 784}`
 * is checked as 15×14, a thousand times faster, and every message shows the note's own sizes again.
 */
import type { Declaration } from '../../model/types';

/** Declared sizes up to this are kept. */
const KEPT = 13;
/** The stand-ins, in order; after these, sizes past every size handed out to free dimensions. */
const POOL = [14, 15, 16, 17, 18, 19];

export interface StandIns {
  readonly declarations: readonly Declaration[];
  /** The note's size for a size of the check. */
  readonly noteSize: (size: number) => number;
  /** A message with the check's sizes (`15×14`) written as the note's (`128×784`). */
  readonly show: (text: string) => string;
}

export function standIns(declarations: readonly Declaration[]): StandIns {
  const large = [
    ...new Set(declarations.flatMap((d) => [d.rows, d.cols]).filter((s): s is number => typeof s === 'number' && s > KEPT)),
  ].sort((a, b) => a - b);
  const taken = new Set(declarations.flatMap((d) => [d.rows, d.cols]).filter((s): s is number => typeof s === 'number'));
  const pool = [...POOL, ...Array.from({ length: 100 }, (_, i) => 240 + i)].filter((s) => !taken.has(s));
  const to = new Map(large.map((s, i) => [s, pool[i]]));
  const back = new Map([...to].map(([a, b]) => [b, a]));
  if (to.size === 0) return { declarations, noteSize: (s) => s, show: (t) => t };
  const small = (s: number | string): number | string => (typeof s === 'number' ? (to.get(s) ?? s) : s);
  return {
    declarations: declarations.map((d) => ({ ...d, rows: small(d.rows), cols: small(d.cols) })),
    noteSize: (s) => back.get(s) ?? s,
    show: (t) => t.replace(/(\d+)×(\d+)/g, (_, a: string, b: string) => `${back.get(Number(a)) ?? a}×${back.get(Number(b)) ?? b}`),
  };
}
