/** Walking trees that come from notes, which can be too deep to recurse over. */

/** How deeply a tree nests, counted without recursion and only up to `cap` (it stops once past it). */
export function depthOf<T>(root: T, children: (node: T) => Iterable<T>, cap: number): number {
  let deepest = 0;
  const stack: [T, number][] = [[root, 1]];
  while (stack.length > 0 && deepest <= cap) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const c of children(node)) stack.push([c, depth + 1]);
  }
  return deepest;
}
