/**
 * What the parser and its atom readers share: the parse error, spans, unsupported nodes and a tentative parse. A
 * leaf module, so that the readers (atoms.ts, scripts.ts, …) need only the Parser's type, not parser.ts itself.
 */
import type { Expr, Span } from './ast';
import { UNSUPPORTED_COMMANDS } from './notation';
import type { Parser } from './parser';
import type { Token } from './tokens';

/** A parse failure with the place it happened; caught at the statement level, never thrown to callers. */
export class LatexError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

/** The span from a token to the end of another span. */
export function span(from: Token, to: Span): Span {
  return { start: from.start, end: Math.max(from.end, to.end) };
}

/** The smallest span covering both. */
export function join(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** An unsupported node for a command of the table. */
export function unsupported(command: string, children: Expr[], s: Span): Expr {
  return { kind: 'unsupported', reason: UNSUPPORTED_COMMANDS[command] ?? `${command} is not supported`, children, span: s };
}

/** The expression of tokens `from`…`to`, or undefined if they do not read as one. */
export function tryParse(p: Parser, from: number, to: number): Expr | undefined {
  try {
    return p.sub(from, to).parseWhole();
  } catch {
    return undefined;
  }
}

/** The ASCII letters from the parser's position on, written without spaces between them. */
export function letterRun(p: Parser, from = 0): Token[] {
  const run: Token[] = [];
  for (let k = from; ; k++) {
    const n = p.peek(k);
    if (!n || n.type !== 'letter' || !/^[A-Za-z]$/.test(n.text) || (k > from && n.start !== run[run.length - 1].end)) break;
    run.push(n);
  }
  return run;
}

/** Is the token `k` ahead an argument opener (`(`, `[`, `\left(`, with `braces` also `{`) or a prime? */
export function opensArgument(p: Parser, k: number, braces = false): boolean {
  const t = p.peek(k);
  if (!t) return false;
  if (t.text === '(' || t.text === '[' || t.text === "'" || (braces && t.text === '{')) return true;
  if (t.text === '\\left') return ['(', '['].includes(p.peek(k + 1)?.text ?? '');
  if (t.text === '^') {
    const n = p.peek(k + 1)?.text;
    return n === '\\prime' || (n === '{' && p.peek(k + 2)?.text === '\\prime');
  }
  return false;
}
