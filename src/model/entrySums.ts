/**
 * Sums over the entries of vectors in a definition, `\mathcal{L} = -\sum_{k=1}^{K} y_k \log \hat{y}_k`, read over the
 * vectors themselves for the tensor path: `-\sum y \odot \log \hat{y}` (every entry), when every name the index picks
 * an entry of is a vector the note also writes whole (`\hat{y} = \text{softmax}(z)`, `\hat{y} - y`). The vector
 * claims of such a note (`\frac{\partial \mathcal{L}}{\partial b^{[2]}} = \hat{y} - y`) then reach the network.
 */
import { type Expr, mapExpr, walk } from '../latex/ast';
import type { NoteModel } from './types';

// `y_k`, `\hat{y}_k`, `\hat{y_k}`, `\mathbf{y}_k`: the stem and its one index letter
const ENTRY = /^(\\(?:hat|tilde|bar|mathbf|boldsymbol)\{)?([A-Za-z])(?:_\{?([a-z])\}?\}|\}_\{?([a-z])\}?|_\{?([a-z])\}?)$/;

function entryOf(name: string): { stem: string; index: string } | undefined {
  const m = ENTRY.exec(name);
  if (!m) return undefined;
  const [, deco, letter, inside, afterDeco, plain] = m;
  const index = inside ?? afterDeco ?? plain;
  if (!index) return undefined;
  return { stem: deco ? `${deco}${letter}}` : letter, index };
}

/** The model with each definition's entry sums read over whole vectors; the input when there is none. */
export function vectorizeEntrySums(model: NoteModel): NoteModel {
  const whole = new Set<string>(model.variables);
  let changed = false;
  const rewrite = (e: Expr): Expr =>
    mapExpr(e, (n) => {
      if (n.kind !== 'sum' || n.index === undefined || n.except !== undefined) return n;
      const index = n.index;
      let ok = true;
      let entries = 0;
      walk(n.body, (x) => {
        if (x.kind !== 'symbol') return;
        const entry = entryOf(x.name);
        if (entry?.index === index) {
          entries++;
          if (!whole.has(entry.stem)) ok = false;
        } else if (new RegExp(`_\\{[^}]*${index}|_${index}|\\(${index}\\)|\\^\\{[^}]*${index}`).test(x.name)) ok = false; // (`w_{jk}`: k picks a matrix entry)
      });
      if (!ok || entries === 0) return n;
      changed = true;
      const body = mapExpr(n.body, (x) =>
        x.kind === 'symbol' && entryOf(x.name)?.index === index ? { ...x, name: entryOf(x.name)!.stem } : x,
      );
      return { kind: 'sum', body: hadamard(body), span: n.span };
    });
  const definitions = new Map(
    [...model.definitions].map(
      ([name, d]) => [name, d.value.expr ? { ...d, value: { ...d.value, expr: rewrite(d.value.expr) } } : d] as const,
    ),
  );
  return changed ? { ...model, definitions } : model;
}

/** Products of the vectors are entry by entry (`y_k \log \hat{y}_k` is y ⊙ log ŷ). */
function hadamard(e: Expr): Expr {
  return mapExpr(e, (n) => (n.kind === 'binary' && n.op === '*' ? { ...n, op: 'hadamard' } : n));
}
