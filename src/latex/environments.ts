/**
 * `\begin{…} … \end{…}` as an expression: cases (verify/cases), a matrix of numbers (a constant), a matrix sketched
 * with dots (a layout, no value), or any other matrix, kept as unsupported.
 */
import type { Expr, Span } from './ast';
import { parseCases } from './cases';
import type { Parser } from './parser';
import { LatexError, span, tryParse } from './parseTools';
import { rawText } from './scripts';
import type { Token } from './tokens';

/** Matrices and arrays are not scalars; alignment environments were already split into rows. */
export function parseEnvironment(p: Parser, t: Token): Expr {
  p.next();
  const r = p.argumentRange();
  const name = rawText(p, r.from, r.to);
  let depth = 1;
  let last: Span = r.span;
  const bodyFrom = p.pos;
  let bodyTo = p.pos;
  while (depth > 0) {
    const n = p.peek();
    if (!n) throw new LatexError(`\\begin{${name}} is never ended`, span(t, r.span));
    bodyTo = p.pos;
    p.next();
    if (n.text === '\\begin') depth++;
    if (n.text === '\\end') depth--;
    last = n;
    if (depth === 0) last = p.argumentRange().span;
  }
  const cases = /^[dr]?cases\*?$/.test(name) ? parseCases(p, bodyFrom, bodyTo, span(t, last)) : undefined;
  if (cases) return cases;
  // `\begin{bmatrix} \vdots & \cdots \\ x^{(1)} & \cdots & x^{(m)} \end{bmatrix}`: a sketch of the layout, not entries
  const body = p.toks.slice(bodyFrom, bodyTo);
  const sketch = body.some((x, i) => SKETCH_DOTS.has(x.text) || (x.text === '.' && body[i + 1]?.text === '.' && body[i + 2]?.text === '.'));
  if (sketch) return { kind: 'unsupported', reason: MATRIX_SKETCH, children: [], span: span(t, last) };
  const numbers = NUMERIC_MATRICES.has(name) ? numericMatrix(p, bodyFrom, bodyTo, span(t, last)) : undefined;
  if (numbers) return numbers;
  const names = NUMERIC_MATRICES.has(name) ? matrixCells(p, bodyFrom, bodyTo, span(t, last), (e) => e.kind === 'symbol') : undefined;
  const cells =
    names?.kind === 'call'
      ? { rows: names.rows ?? 1, names: names.args.filter((a): a is Expr & { kind: 'symbol' } => a.kind === 'symbol') }
      : undefined;
  return {
    kind: 'unsupported',
    reason: `a ${name} environment (matrices written out entry by entry are not checked)`,
    children: [],
    span: span(t, last),
    ...(cells && { cells }),
  };
}

const NUMERIC_MATRICES = new Set(['bmatrix', 'pmatrix', 'matrix', 'Bmatrix', 'array', 'smallmatrix']);

/** A matrix whose every cell is a number (or arithmetic of numbers): the constant it writes; else undefined. */
function numericMatrix(p: Parser, from: number, to: number, s: Span): Expr | undefined {
  return matrixCells(p, from, to, s, onlyNumbers);
}

/** The cells of a matrix, as a `matrix` call, when every one reads and passes `accept`; else undefined. */
function matrixCells(p: Parser, from: number, to: number, s: Span, accept: (e: Expr) => boolean): (Expr & { kind: 'call' }) | undefined {
  const rows: Expr[][] = [];
  let start = from;
  // (an array's column spec, `{cc}`, is no cell)
  if (p.toks[from]?.text === '{' && /^[lcr|]+$/.test(rawText(p, from + 1, p.matchingBrace(from)))) start = p.matchingBrace(from) + 1;
  const row: Expr[] = [];
  let cell = start;
  const push = (a: number, b: number): boolean => {
    if (a >= b) return row.length > 0 ? false : true;
    const e = tryParse(p, a, b);
    if (!e || !accept(e)) return false;
    row.push(e);
    return true;
  };
  for (let i = start; i <= to; i++) {
    const text = i < to ? p.toks[i].text : '\\\\';
    if (text === '{') {
      i = p.matchingBrace(i);
      continue;
    }
    if (text !== '&' && text !== '\\\\') continue;
    if (!push(cell, i)) return undefined;
    cell = i + 1;
    if (text === '\\\\' && row.length > 0) {
      rows.push([...row]);
      row.length = 0;
    }
  }
  const cols = rows[0]?.length ?? 0;
  if (rows.length === 0 || cols === 0 || rows.some((r) => r.length !== cols)) return undefined;
  return { kind: 'call', fn: 'matrix', generic: false, primes: 0, args: rows.flat(), rows: rows.length, span: s };
}

function onlyNumbers(e: Expr): boolean {
  if (e.kind === 'number') return true;
  if (e.kind === 'negate') return onlyNumbers(e.arg);
  if (e.kind === 'binary') return onlyNumbers(e.left) && onlyNumbers(e.right);
  return false;
}

const SKETCH_DOTS = new Set(['\\vdots', '\\cdots', '\\ddots', '\\ldots', '\\dots']);
/** Why a matrix drawn with dots is not read: it shows how the matrix is laid out (samples as columns), not its value. */
export const MATRIX_SKETCH = 'a matrix sketched with dots (its layout, not its entries)';
