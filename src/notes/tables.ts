/**
 * Tables that set conventions side by side: `| | row-wise | column-wise |` with `Z = A W + b` in one column and
 * `Z = W A + b` in the next, each column's gradients resting on its own forward pass. When the cells of one row
 * define the same name, the columns are alternatives: each is read on its own, column after column, each in a section
 * of its own (so a definition in the next column starts a new scope instead of replacing one mid-derivation).
 */

/** Math found in a table cell. */
export interface CellMath<T> {
  readonly found: T;
  readonly latex: string;
  readonly row: number;
  readonly column: number;
}

/** The name an equation defines, as written before its first `=` (`Z^{[l]}` of `Z^{[l]} = W^{[l]} A^{[l-1]}`). */
function definedName(latex: string): string | undefined {
  const m = /^\s*([^=<>]+?)\s*=(?!=)/.exec(latex);
  if (!m || /\\(frac|partial|sum)|\\cdot|[+]/.test(m[1])) return undefined;
  return m[1].replace(/\s+/g, '');
}

/** Whether two cells of one row, in different columns, define the same name. */
export function columnsAreAlternatives<T>(cells: readonly CellMath<T>[]): boolean {
  const seen = new Map<string, number>();
  for (const cell of cells) {
    for (const part of cell.latex.split(/\\quad|\\qquad|,\s/)) {
      const name = definedName(part);
      if (!name) continue;
      const key = `${cell.row}\u0000${name}`;
      const column = seen.get(key);
      if (column !== undefined && column !== cell.column) return true;
      seen.set(key, cell.column);
    }
  }
  return false;
}

/** The cells column by column (rows in order within each), each with its column's rank among the table's columns. */
export function byColumn<T>(cells: readonly CellMath<T>[]): { readonly cell: CellMath<T>; readonly rank: number }[] {
  const columns = [...new Set(cells.map((c) => c.column))].sort((a, b) => a - b);
  return columns.flatMap((column, rank) => cells.filter((c) => c.column === column).map((cell) => ({ cell, rank })));
}
