/**
 * `\begin{cases} 1 & z > 0 \\ 0 & \text{otherwise} \end{cases}` is a sum of each row's value times its condition's
 * indicator (`1·[z > 0] + 0·(1 − [z > 0])`); an index condition (`j = k`, `i \neq j`) is an indicator the entry-by-
 * entry reading settles. Undefined when a row cannot be read so.
 */
import type { Expr, Span } from './ast';
import { TEXT_COMMANDS } from './notation';
import type { Parser } from './parser';
import { tryParse } from './parseTools';

const OTHERWISE = /^(otherwise|else|sonst|sinon|en otro caso|o\.w\.)$/i;
const LEAD = /^(if|for|when|wenn|si|falls)$/i;
const INDEX_CONDITION = /^([a-z])\s*(=|\\neq|\\ne|≠|!=)\s*([a-z])$/;

/** Parses the body (tokens `from`…`to`) of a cases environment spanning `s`. */
export function parseCases(p: Parser, from: number, to: number, s: Span): Expr | undefined {
  const rows: { value: Expr; condition?: Expr }[] = [];
  for (const [a, b] of topLevelSplit(p, from, to, '\\\\')) {
    if (a >= b) continue;
    const [cell, rest] = topLevelSplit(p, a, b, '&');
    if (!rest) return undefined;
    const value = tryParse(p, cell[0], trimEnd(p, cell[0], cell[1]));
    if (!value) return undefined;
    const condition = parseCondition(p, rest[0], trimEnd(p, rest[0], b));
    if (condition === undefined) return undefined;
    rows.push({ value, condition: condition === 'otherwise' ? undefined : condition });
  }
  if (rows.length < 2 || rows.filter((r) => !r.condition).length > 1) return undefined;
  const num = (value: number): Expr => ({ kind: 'number', value, span: s });
  const bin = (op: '+' | '-' | '*', left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right, span: s, grouped: true });
  const stated = rows.flatMap((r) => (r.condition ? [r.condition] : []));
  const terms = rows.map((r) =>
    bin(
      '*',
      r.value,
      r.condition ??
        bin(
          '-',
          num(1),
          stated.reduce((x, y) => bin('+', x, y)),
        ),
    ),
  );
  return terms.reduce((x, y) => bin('+', x, y));
}

// punctuation and spacing that may end a row's cell (`\hat{y}_k(1 - \hat{y}_k), & \text{if } j = k \space.`)
const TRAILING = new Set([',', '.', ';', '\\space', '\\,', '\\;', '\\quad', '\\qquad', '~']);

/** The end of a cell without its trailing punctuation. */
function trimEnd(p: Parser, from: number, to: number): number {
  while (to > from && TRAILING.has(p.toks[to - 1].text)) to--;
  return to;
}

/** A row's condition: `z > 0`, `j = k`, `i \neq j`, after an optional `\text{if}`; or `otherwise`. */
function parseCondition(p: Parser, from: number, to: number): Expr | 'otherwise' | undefined {
  let i = from;
  while (i < to && (p.toks[i].text === ',' || p.toks[i].text === '\\quad' || p.toks[i].text === '\\;' || p.toks[i].text === '\\,')) i++;
  if (i < to && TEXT_COMMANDS.has(p.toks[i].text) && p.toks[i + 1]?.text === '{') {
    const close = p.matchingBrace(i + 1);
    const word = p.ctx.src.slice(p.toks[i + 1].end, p.toks[close].start).trim();
    if (OTHERWISE.test(word) && close + 1 >= to) return 'otherwise';
    if (!LEAD.test(word)) return undefined;
    i = close + 1;
  }
  if (i >= to) return undefined;
  const text = p.ctx.src.slice(p.toks[i].start, p.toks[to - 1].end).trim();
  if (OTHERWISE.test(text)) return 'otherwise';
  const index = INDEX_CONDITION.exec(text);
  const at = { start: p.toks[i].start, end: p.toks[to - 1].end };
  if (index) {
    const sym = (name: string): Expr => ({ kind: 'symbol', name, span: at });
    return { kind: 'indicator', op: index[2] === '=' ? '=' : '≠', left: sym(index[1]), right: sym(index[3]), span: at };
  }
  try {
    const e = p.sub(i, to).parseExprOrIndicator();
    return e.kind === 'indicator' ? e : undefined;
  } catch {
    return undefined;
  }
}

/** Token ranges between top-level separators (outside braces and environments). */
function topLevelSplit(p: Parser, from: number, to: number, separator: string): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const t = p.toks[i].text;
    if (t === '{' || t === '\\begin' || t === '\\left') depth++;
    else if (t === '}' || t === '\\end' || t === '\\right') depth--;
    else if (depth === 0 && t === separator) {
      out.push([start, i]);
      start = i + 1;
      if (separator === '&') break;
    }
  }
  out.push([start, to]);
  return out;
}
