/**
 * The sample points an export is checked at: drawn by the checker's own sampler (VectorNote: each input with its
 * inferred shape and role, labels as probabilities, what a log is taken of positive, sizes as sizes), and chosen,
 * as the checker chooses its own, so that every ReLU or indicator of the forward pass is seen on both sides of its kink.
 */
import type { Expr } from '../latex/ast';
import { walk } from '../latex/ast';
import type { Tensor } from '../engine';
import { FUNCTION_BY_NAME } from '../functions';
import { makeRng } from '../verify/sampling';
import { Evaluation } from '../verify/vector/evaluate';
import type { VectorNote, WorldPoint } from '../verify/vector/note';

/** Candidates drawn per point wanted: enough to find both sides of a few kinks. */
const CANDIDATES_PER_POINT = 8;

/** A kink of the forward pass: where a ReLU's argument, or an indicator's two sides, cross. */
type Kink = { readonly left: Expr; readonly right?: Expr };

/** `count` points (a few more when the kinks need them), each input's value as a Python literal by identifier. */
export function samplePoints(
  note: VectorNote,
  inputs: readonly { name: string; id: string }[],
  definitions: readonly Expr[],
  seed: number,
  count: number,
): Record<string, string>[] {
  const rng = makeRng(seed);
  const kinks = definitions.flatMap(kinksOf);
  const candidates = Array.from({ length: count * CANDIDATES_PER_POINT }, () => {
    const point = note.point(rng);
    for (const input of inputs) note.input(input.name, point);
    return { point, sides: kinks.map((k) => sidesOf(k, note, point)) };
  });
  const chosen = new Set<number>();
  kinks.forEach((_, k) => {
    for (const side of [1, -1]) {
      if ([...chosen].some((i) => candidates[i].sides[k].has(side))) continue;
      const found = candidates.findIndex((c) => c.sides[k].has(side));
      if (found >= 0) chosen.add(found);
    }
  });
  for (let i = 0; chosen.size < count && i < candidates.length; i++) chosen.add(i);
  return [...chosen]
    .sort((a, b) => a - b)
    .map((i) => Object.fromEntries(inputs.map(({ name, id }) => [id, pythonValue(note.input(name, candidates[i].point))])));
}

function kinksOf(e: Expr): Kink[] {
  const out: Kink[] = [];
  walk(e, (n) => {
    if (n.kind === 'call' && !n.generic && n.primes === 0 && n.args.length === 1 && FUNCTION_BY_NAME.get(n.fn)?.kinked)
      out.push({ left: n.args[0] });
    if (n.kind === 'indicator' && n.op !== '=' && n.op !== '≠') out.push({ left: n.left, right: n.right });
  });
  return out;
}

/** The signs (1, -1) a kink's argument takes at a point, entry by entry; none when it cannot be evaluated there. */
function sidesOf(kink: Kink, note: VectorNote, point: WorldPoint): Set<number> {
  try {
    const evaluation = new Evaluation(note, point);
    const a = evaluation.eval(kink.left).value;
    const b = kink.right ? evaluation.eval(kink.right).value : undefined;
    const entry = (t: Tensor, i: number): number => (t.size === 1 ? t.data[0] : t.data[i]);
    const size = Math.max(a.size, b?.size ?? 1);
    return new Set(Array.from({ length: size }, (_, i) => Math.sign(entry(a, i) - (b ? entry(b, i) : 0))).filter((s) => s !== 0));
  } catch {
    return new Set();
  }
}

/** A tensor as a Python literal: a number when 1×1, else a NumPy array of its rows. */
function pythonValue(t: Tensor): string {
  const number = (x: number): string => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(8))));
  if (t.rows === 1 && t.cols === 1) return number(t.data[0]);
  const rows = Array.from(
    { length: t.rows },
    (_, i) => `[${Array.from(t.data.subarray(i * t.cols, (i + 1) * t.cols), number).join(', ')}]`,
  );
  return `np.array([${rows.join(', ')}])`;
}
