/**
 * Values given as a tuple: `[w_1, w_2, b_1] = [0.15, 0.20, 0.35]`, `(x_1, x_2) = (1, 0)`. Each name gets its number,
 * as if the note wrote `w_1 = 0.15`, `w_2 = 0.20`, `b_1 = 0.35`.
 */
import type { Expr, Span } from './ast';
import type { ParsedStatement } from './statements';
import type { Token } from './tokens';

const OPEN = new Set(['[', '(', '\\[', '\\left[', '\\left(']);
const CLOSE = new Set([']', ')', '\\]', '\\right]', '\\right)']);

/** The items of a bracketed list `[a, b, c]` starting at `from`: their token ranges, and the index after the bracket. */
function items(toks: readonly Token[], from: number): { items: Token[][]; end: number } | undefined {
  if (!OPEN.has(toks[from]?.text ?? '') && !(toks[from]?.text === '\\left' && OPEN.has(`\\left${toks[from + 1]?.text}`))) return undefined;
  let i = toks[from].text === '\\left' ? from + 2 : from + 1;
  const out: Token[][] = [[]];
  for (; i < toks.length; i++) {
    const t = toks[i].text;
    if (CLOSE.has(t) || (t === '\\right' && CLOSE.has(`\\right${toks[i + 1]?.text}`)))
      return { items: out, end: t === '\\right' ? i + 2 : i + 1 };
    if (OPEN.has(t) || t === '{' || t === '}' || t === '=') return undefined;
    if (t === ',') out.push([]);
    else out[out.length - 1].push(toks[i]);
  }
  return undefined;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * The statement's tokens as one `name = number` statement per item, when it is a tuple of names set equal to a tuple
 * of as many numbers; undefined otherwise.
 */
export function tupleAssignments(toks: readonly Token[]): Token[][] | undefined {
  const left = items(toks, 0);
  if (!left || left.items.length < 2 || toks[left.end]?.text !== '=') return undefined;
  const right = items(toks, left.end + 1);
  if (!right || right.end !== toks.length || right.items.length !== left.items.length) return undefined;
  const equals = toks[left.end];
  const pairs = left.items.map((name, k) => ({ name, value: right.items[k] }));
  if (pairs.some(({ name, value }) => name.length === 0 || !NUMBER.test(value.map((t) => t.text).join('')) || name[0].type === 'number'))
    return undefined;
  return pairs.map(({ name, value }) => [...name, equals, ...value]);
}

/**
 * A matrix of names set equal to a matrix of numbers in a chain (`W = \begin{pmatrix} w_1 & w_2 \end{pmatrix} =
 * \begin{pmatrix} 0.3 & 0.2 \end{pmatrix}`): one `name = number` statement per cell, beside the chain itself.
 */
export function cellValues(s: ParsedStatement): ParsedStatement[] {
  const out: ParsedStatement[] = [];
  for (let k = 0; k + 1 < s.parts.length; k++) {
    const [a, b] = [s.parts[k].expr, s.parts[k + 1].expr];
    const cells = a?.kind === 'unsupported' ? a.cells : undefined;
    if (!cells || b?.kind !== 'call' || b.fn !== 'matrix' || b.rows !== cells.rows || b.args.length !== cells.names.length) continue;
    cells.names.forEach((name, i) => {
      const value: Expr = b.args[i];
      const span: Span = { start: name.span.start, end: value.span.end };
      out.push({
        parts: [
          { expr: name, span: name.span },
          { expr: value, span: value.span },
        ],
        equals: [s.equals[k]],
        suspicions: [],
        span,
      });
    });
  }
  return out;
}
