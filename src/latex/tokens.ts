/** LaTeX tokens with their offsets in the block's source. */
import { GREEK } from './notation';

export type TokenType = 'command' | 'letter' | 'number' | 'char';

export interface Token {
  readonly type: TokenType;
  /** The token's text: `\frac`, `\,`, `x`, `12.5`, `(`. */
  readonly text: string;
  /** Offset of the first character in the block's LaTeX. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
  /** Whitespace (or a comment) came right before this token. */
  readonly spaceBefore: boolean;
  /** That whitespace held a line break. */
  readonly lineBreakBefore?: boolean;
}

const isAsciiLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

/** A letter other than ASCII (Greek pasted as Unicode, say): one symbol each. */
const isOtherLetter = (c: string): boolean => /\p{L}/u.test(c);
/** Hangul, Han and kana write words, not single-letter symbols: a run of them is one name (`가중합`, `误差`). */
const isWordScript = (c: string): boolean => /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(c);

/** Characters typed as Unicode that mean a command (`∂`, `·`, `×`, `−`, `≤`, `∑`), and Greek letters (`σ` is `\sigma`). */
const UNICODE_COMMANDS: ReadonlyMap<string, string> = new Map([
  ['∂', '\\partial'],
  ['·', '\\cdot'],
  ['⋅', '\\cdot'],
  ['×', '\\times'],
  ['≠', '\\neq'],
  ['≤', '\\leq'],
  ['≥', '\\geq'],
  ['→', '\\to'],
  ['⇒', '\\Rightarrow'],
  ['∑', '\\sum'],
  ['∈', '\\in'],
  ['∇', '\\nabla'],
  ['√', '\\sqrt'],
  ['⊙', '\\odot'],
  ['∘', '\\circ'],
  ['∞', '\\infty'],
  ['ℓ', '\\ell'],
  ...Object.entries(GREEK).map(([command, letter]) => [letter, command] as [string, string]),
  ['ε', '\\epsilon'],
  ['φ', '\\phi'],
]);
/** Commands other spellings of which are in use: `\part` (for `\partial`). */
const COMMAND_ALIASES: ReadonlyMap<string, string> = new Map([['\\part', '\\partial']]);
/** Characters typed as Unicode that are ASCII operators. */
const UNICODE_CHARS: ReadonlyMap<string, string> = new Map([
  ['−', '-'],
  ['–', '-'],
  ['∗', '*'],
]);

/** Splits LaTeX into tokens; `%` comments and whitespace are dropped (and noted on the next token). */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let space = false;
  let lineBreak = false;
  while (i < src.length) {
    const c = src[i];
    if (isSpace(c)) {
      space = true;
      lineBreak ||= c === '\n' || c === '\r';
      i++;
      continue;
    }
    if (c === '%') {
      while (i < src.length && src[i] !== '\n') i++;
      space = true;
      continue;
    }
    const start = i;
    let type: TokenType;
    if (c === '=' && src[i + 1] === '>') {
      // `=>`, typed for ⇒
      tokens.push({ type: 'command', text: '\\Rightarrow', start: i, end: i + 2, spaceBefore: space, lineBreakBefore: lineBreak });
      i += 2;
      space = false;
      lineBreak = false;
      continue;
    }
    if (c === '\\') {
      type = 'command';
      i++;
      if (i < src.length && isAsciiLetter(src[i])) {
        while (i < src.length && isAsciiLetter(src[i])) i++;
      } else if (i < src.length) {
        i += src.codePointAt(i)! > 0xffff ? 2 : 1;
      }
    } else if (isDigit(c) || (c === '.' && isDigit(src[i + 1] ?? ''))) {
      type = 'number';
      while (i < src.length && isDigit(src[i])) i++;
      if (src[i] === '.' && isDigit(src[i + 1] ?? '')) {
        i++;
        while (i < src.length && isDigit(src[i])) i++;
      }
    } else if (isWordScript(String.fromCodePoint(src.codePointAt(i)!))) {
      type = 'letter';
      while (i < src.length) {
        const ch = String.fromCodePoint(src.codePointAt(i)!);
        if (!isWordScript(ch)) break;
        i += ch.length;
      }
    } else if (isAsciiLetter(c) || isOtherLetter(c)) {
      type = 'letter';
      i += src.codePointAt(i)! > 0xffff ? 2 : 1;
    } else {
      type = 'char';
      i += src.codePointAt(i)! > 0xffff ? 2 : 1;
    }
    let text = src.slice(start, i);
    text = COMMAND_ALIASES.get(text) ?? text;
    // `a\_o_1`: Markdown escapes the underscore (Jekyll, kramdown); in a formula it is the subscript
    if (text === '\\_') [type, text] = ['char', '_'];
    const command = UNICODE_COMMANDS.get(text);
    if (command) [type, text] = ['command', command];
    else if (UNICODE_CHARS.has(text)) [type, text] = ['char', UNICODE_CHARS.get(text)!];
    tokens.push({ type, text, start, end: i, spaceBefore: space, lineBreakBefore: lineBreak });
    space = false;
    lineBreak = false;
  }
  return splitFractionDigits(tokens);
}

const TAKES_TWO_ARGUMENTS = new Set(['\\frac', '\\dfrac', '\\tfrac', '\\cfrac']);

/** `\frac12` is ½: a number right after `\frac` gives its arguments one digit at a time. */
function splitFractionDigits(tokens: Token[]): Token[] {
  const out: Token[] = [];
  let digitArguments = 0;
  for (const t of tokens) {
    if (digitArguments > 0 && t.type === 'number' && /^\d+$/.test(t.text) && t.text.length > 1) {
      out.push({ ...t, text: t.text[0], end: t.start + 1 });
      const rest: Token = { type: 'number', text: t.text.slice(1), start: t.start + 1, end: t.end, spaceBefore: false };
      if (digitArguments === 2)
        out.push(
          { ...rest, text: rest.text[0], end: rest.start + 1 },
          ...(rest.text.length > 1 ? [{ ...rest, text: rest.text.slice(1), start: rest.start + 1 }] : []),
        );
      else out.push(rest);
      digitArguments = 0;
      continue;
    }
    digitArguments = TAKES_TWO_ARGUMENTS.has(t.text) ? 2 : digitArguments > 0 && t.text !== '{' ? digitArguments - 1 : 0;
    out.push(t);
  }
  return out;
}
