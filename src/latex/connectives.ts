/** Tokens that shape statements inside one math block: connective words (`\text{ if }`), wide spaces, row spacing, depth. */
import { TEXT_COMMANDS } from './notation';
import type { Token } from './tokens';

export const MATRIX_DEPTH_OPEN = new Set(['{', '(', '[']);
export const MATRIX_DEPTH_CLOSE = new Set(['}', ')', ']']);

/** The index of the `}` that closes the `{` at `open` (the last token if it is never closed). */
export function closingBrace(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i].text === '{') depth++;
    else if (tokens[i].text === '}' && --depth === 0) return i;
  }
  return tokens.length - 1;
}

const LENGTH = /^-?(\d+(\.\d*)?|\.\d+)(pt|mm|cm|em|ex|in|bp|pc|mu|sp|dd)$/;

/** `\\[10pt]`, `\\*`: the row break's spacing is not math (10·p·t); returns the index of its last token. */
export function skipLineSpacing(tokens: readonly Token[], i: number): number {
  let at = i;
  if (tokens[at + 1]?.text === '*' && tokens[at + 1].start === tokens[at].end) at++;
  if (tokens[at + 1]?.text !== '[') return at;
  for (let close = at + 2; close < tokens.length && close <= at + 8; close++) {
    if (tokens[close].text !== ']') continue;
    const inside = tokens
      .slice(at + 2, close)
      .map((x) => x.text)
      .join('');
    return LENGTH.test(inside) ? close : at;
  }
  return at;
}

/** Depth change of a token: braces, brackets, parentheses, `\left…\right`, `\begin…\end`. */
export function depthChange(toks: readonly Token[], i: number): { delta: number; skip: number } {
  const t = toks[i].text;
  if (t === '\\left') return { delta: 1, skip: 1 };
  if (t === '\\right') return { delta: -1, skip: 1 };
  if (t === '\\begin') return { delta: 1, skip: 0 };
  if (t === '\\end') return { delta: -1, skip: 0 };
  if (MATRIX_DEPTH_OPEN.has(t)) return { delta: 1, skip: 0 };
  if (MATRIX_DEPTH_CLOSE.has(t)) return { delta: -1, skip: 0 };
  return { delta: 0, skip: 0 };
}

const THIN_SPACES = new Set(['\\,', '\\;', '\\:', '\\ ', '\\>']);

/** How many tokens of wide space start at `i`: `\enspace`, `\;`, or two or more thin spaces in a row; else 0. */
export function wideSpace(tokens: readonly Token[], i: number): number {
  if (tokens[i].text === '\\enspace') return 1;
  let n = 0;
  while (THIN_SPACES.has(tokens[i + n]?.text ?? '')) n++;
  return n >= 2 || (n === 1 && tokens[i].text === '\\;') ? n : 0;
}

/** Connective words after which a condition follows. */
export const CONDITION_WORDS = new Set(['if', 'when', 'whenever']);
const CONNECTIVE_WORDS = new Set([
  'if',
  'for',
  'where',
  'when',
  'whenever',
  'otherwise',
  'else',
  'and',
  'since',
  'with',
  'so',
  'then',
  'as',
  'because',
]);

/** If `\text{ if }` (or another connective word) starts at token `i`, the index of its closing brace. */
export function connectiveWord(tokens: readonly Token[], i: number): number | undefined {
  if (!TEXT_COMMANDS.has(tokens[i].text) || tokens[i + 1]?.text !== '{') return undefined;
  const close = closingBrace(tokens, i + 1);
  const word = tokens
    .slice(i + 2, close)
    .map((t) => t.text)
    .join('')
    .toLowerCase()
    .replace(/[,.:]$/, '');
  return CONNECTIVE_WORDS.has(word) ? close : undefined;
}
