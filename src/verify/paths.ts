/** Paths through the note's dependency graph: how a variable reaches an output. */
import type { NoteEnvironment } from './environment';

/** Every path from `f` down to `v` (each listed f first), following definitions; v's own definition is cut. */
export function pathsBetween(env: NoteEnvironment, f: string, v: string, limit = 32): string[][] {
  const out: string[][] = [];
  const walk = (node: string, path: string[]): void => {
    if (out.length >= limit) return;
    if (node === v) {
      out.push([...path, node]);
      return;
    }
    if (path.includes(node)) return;
    for (const dep of env.directDependencies(node)) walk(dep, [...path, node]);
  };
  walk(f, []);
  return out;
}

/** Does every path from f to v pass through `via`? */
export function onEveryPath(paths: readonly string[][], via: string): boolean {
  return paths.length > 0 && paths.every((p) => p.includes(via));
}
