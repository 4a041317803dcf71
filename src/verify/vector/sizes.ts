/** The sizes free dimensions get: small and distinct where symbols meet (in a definition or a claim), never 1. */
import type { DimShape, Dims } from './dims';

/** The sizes handed out to free dimensions, in order: small, distinct, never 1. The batch gets BATCH_SIZE. */
const SIZES = [3, 4, 5, 7, 2, 8, 9, 10, 11, 12, 13];
export const BATCH_SIZE = 6;

/**
 * Gives every free dimension from `inherited.count` on a size: sizes already given (declared, or the batch) are not
 * handed out again, so distinct dimensions stay distinct; each group of meeting symbols starts small again.
 */
export function handOutSizes(
  dims: Dims,
  inherited: { readonly count: number; readonly used: ReadonlySet<number> } | undefined,
  groupOf: (root: number) => number,
): Set<number> {
  const used = new Set<number>(inherited?.used ?? [BATCH_SIZE, 1]);
  for (let d = inherited?.count ?? 0; d < dims.count; d++) {
    const s = dims.sizeOf(d);
    if (s !== undefined) used.add(s);
  }
  const sizes = [...SIZES, ...Array.from({ length: 200 }, (_, i) => 20 + i)].filter((s) => !used.has(s));
  const handedOut = new Map<number, number>();
  for (const root of dims.freeRoots(inherited?.count ?? 0)) {
    const g = groupOf(root);
    const i = handedOut.get(g) ?? 0;
    handedOut.set(g, i + 1);
    dims.fix(root, sizes[Math.min(i, sizes.length - 1)]);
    used.add(sizes[Math.min(i, sizes.length - 1)]);
  }
  return used;
}

/** Which group of meeting symbols a dimension belongs to (the dimensions in none form one group: all distinct). */
export function meetingGroups(
  together: readonly (readonly string[])[],
  symbols: { get(name: string): DimShape | undefined },
  dims: Dims,
): (root: number) => number {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  for (const names of together) {
    let first: number | undefined;
    for (const name of names) {
      const s = symbols.get(name);
      if (!s) continue;
      for (const d of [dims.find(s.r), dims.find(s.c)]) {
        if (dims.sizeOf(d) !== undefined) continue; // a fixed size (1, the batch) ties nothing together
        if (!parent.has(d)) parent.set(d, d);
        if (first === undefined) first = find(d);
        else parent.set(find(d), first);
      }
    }
  }
  return (root) => (parent.has(root) ? find(root) : -1);
}
