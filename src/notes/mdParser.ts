/** The markdown-it parser the note readers use: KaTeX math plus `\(…\)`, `\[…\]` and exact `$$` blocks. */
import MarkdownIt from 'markdown-it';
import markdownItKatex from '@vscode/markdown-it-katex';

type StateBlock = MarkdownIt.StateBlock;
type StateInline = MarkdownIt.StateInline;
type InlineStateClass = MarkdownIt['inline']['State'];

/** What a parse reports besides its tokens (pass a fresh one as markdown-it's `env`). */
export interface ParseEnv {
  /** Offsets of `$$` that open a block never closed before the next block's `$$` (see `swallowsNextBlock`). */
  unclosed?: number[];
}

/** `token.meta` of math tokens: where the opening delimiter is (inline), or each character's offset (blocks). */
export interface MathMeta {
  /** Inline math: offset of the opening delimiter in the inline token's `content`. */
  readonly at?: number;
  /** `$$` blocks: offset in the parsed source of each `content` character. */
  readonly offsets?: readonly number[];
}

let parser: MarkdownIt | undefined;

/** The shared parser (built on first use). */
export function mathParser(): MarkdownIt {
  if (!parser) parser = createParser();
  return parser;
}

function createParser(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.use(markdownItKatex);
  md.block.ruler.at('math_block', dollarBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.block.ruler.before('math_block', 'math_environment', environmentBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.inline.ruler.before('escape', 'math_bracket', bracketMath);
  md.inline.State = trackingState(md.inline.State);
  return md;
}

/** An inline state that records, on each math token, where its rule was when it pushed it: the opening delimiter. */
function trackingState(Base: InlineStateClass): InlineStateClass {
  return class extends Base {
    override push(type: string, tag: string, nesting: MarkdownIt.Token.Nesting): MarkdownIt.Token {
      const token = super.push(type, tag, nesting);
      if (type.startsWith('math')) token.meta = { at: this.pos } satisfies MathMeta;
      return token;
    }
  };
}

/** Inline rule for `\(…\)` (inline) and `\[…\]` (display); markdown-it would otherwise read `\(` and `\[` as escapes. */
function bracketMath(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const open = src[state.pos + 1];
  if (src.charCodeAt(state.pos) !== 0x5c || (open !== '(' && open !== '[')) return false;
  const start = state.pos + 2;
  const end = findBackslashClose(src, start, state.posMax, open === '(' ? ')' : ']');
  if (end < 0 || src.slice(start, end).trim() === '') return false;
  if (!silent) {
    const token = state.push(open === '(' ? 'math_inline' : 'math_block', 'math', 0);
    token.markup = '\\' + open;
    token.content = src.slice(start, end);
    token.block = open === '[';
  }
  state.pos = end + 2;
  return true;
}

/** The offset of the backslash of the first unescaped `\` + `closer` at or after `from`, or -1. */
function findBackslashClose(src: string, from: number, max: number, closer: string): number {
  for (let i = from; i + 1 < max; i++) {
    if (src[i] !== '\\') continue;
    if (src[i + 1] === closer) return i;
    i++;
  }
  return -1;
}

/** Where a `$$` block ends: the line with the closing `$$` and the offset of that `$$`. */
interface Closing {
  readonly line: number;
  readonly pos: number;
}

/**
 * Block rule for `$$…$$` starting a line, replacing the KaTeX plugin's one so that the LaTeX is exactly the source
 * between the delimiters (its rule drops text before a closing `$$` that is followed by more text) and each
 * character's offset is known. A first line with a closing `$$` followed by text is left to the inline rules.
 */
function dollarBlock(state: StateBlock, start: number, end: number, silent: boolean): boolean {
  const open = state.bMarks[start] + state.tShift[start];
  if (state.sCount[start] - state.blkIndent >= 4 || !state.src.startsWith('$$', open)) return false;
  const closing = findClosing(state, start, end, open + 2);
  if (!closing) return false;
  if (swallowsNextBlock(state, start, closing)) {
    // (read as text, so that the blocks after it pair as they are meant to; the note is told once)
    const env = state.env as ParseEnv;
    if (!silent && !(env.unclosed ??= []).includes(open)) env.unclosed.push(open);
    return false;
  }
  if (silent) return true;
  const offsets: number[] = [];
  for (let line = start; line <= closing.line; line++) {
    const from = line === start ? open + 2 : state.bMarks[line] + Math.min(state.tShift[line], state.blkIndent);
    const to = line === closing.line ? closing.pos : state.eMarks[line];
    for (let i = from; i < to; i++) offsets.push(i);
    if (line < closing.line) offsets.push(state.eMarks[line]);
  }
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.markup = '$$';
  token.content = offsets.map((i) => state.src[i]).join('');
  token.map = [start, closing.line + 1];
  token.meta = { offsets } satisfies MathMeta;
  state.line = closing.line + 1;
  return true;
}

/** A line of prose or Markdown structure: a heading, or three words with no LaTeX in them. */
const PROSE = /^(?:#{1,6}\s|(?:[A-Za-z][a-z'’]+[,.;:]?\s+){2,}[A-Za-z][a-z'’]+)/;
const LATEX_SIGNS = /[\\^_=&{}]/;

/**
 * Whether a `$$` that seems to close at `closing` is really the opening of the next block, this one being unclosed
 * (while typing, or a slip): its closing `$$` is followed on its line by math and another `$$`, or the block runs
 * across a blank line into prose. A closed block with blank lines in it (between aligned rows) has neither.
 */
function swallowsNextBlock(state: StateBlock, start: number, closing: Closing): boolean {
  if (closing.line === start) return false;
  const after = state.src.slice(closing.pos + 2, state.eMarks[closing.line]);
  if (/\S/.test(after) && after.includes('$$')) return true;
  let blank = false;
  for (let line = start + 1; line < closing.line; line++) {
    const text = state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
    if (text.trim() === '') blank = true;
    else if (blank && PROSE.test(text) && !LATEX_SIGNS.test(text)) return true;
  }
  return false;
}

function findClosing(state: StateBlock, start: number, end: number, contentStart: number): Closing | undefined {
  const firstRest = state.src.slice(contentStart, state.eMarks[start]);
  const first = firstRest.indexOf('$$');
  if (first >= 0) {
    const single = first === firstRest.trimEnd().length - 2;
    return single ? { line: start, pos: contentStart + first } : undefined;
  }
  for (let line = start + 1; line < end; line++) {
    const pos = state.bMarks[line] + state.tShift[line];
    const max = state.eMarks[line];
    if (pos < max && state.sCount[line] < state.blkIndent) return undefined;
    const at = state.src.slice(pos, max).indexOf('$$');
    if (at >= 0) return { line, pos: pos + at };
  }
  return undefined;
}

/** Environments MathJax and Obsidian render as display math even outside `$$` (`\begin{align} … \end{align}`). */
const DISPLAY_ENVIRONMENTS = /^\\begin\{(align\*?|equation\*?|gather\*?|multline\*?|eqnarray\*?|aligned|split)\}/;

/**
 * Block rule for a `\begin{align}` (and the like) starting a line, outside `$$`: a math block up to the line with
 * its `\end{align}`, the environment included (the statement splitter reads its rows).
 */
function environmentBlock(state: StateBlock, start: number, end: number, silent: boolean): boolean {
  const open = state.bMarks[start] + state.tShift[start];
  if (state.sCount[start] - state.blkIndent >= 4) return false;
  const m = DISPLAY_ENVIRONMENTS.exec(state.src.slice(open, state.eMarks[start]));
  if (!m) return false;
  const closer = `\\end{${m[1]}}`;
  let last = -1;
  let closeAt = -1;
  for (let line = start; line < end; line++) {
    const from = line === start ? open + m[0].length : state.bMarks[line] + state.tShift[line];
    const at = state.src.slice(from, state.eMarks[line]).indexOf(closer);
    if (at >= 0) {
      last = line;
      closeAt = from + at + closer.length;
      break;
    }
    if (line > start && state.bMarks[line] + state.tShift[line] >= state.eMarks[line]) return false; // a blank line: not closed
  }
  if (last < 0) return false;
  if (silent) return true;
  const offsets: number[] = [];
  for (let line = start; line <= last; line++) {
    const from = line === start ? open : state.bMarks[line] + Math.min(state.tShift[line], state.blkIndent);
    const to = line === last ? closeAt : state.eMarks[line];
    for (let i = from; i < to; i++) offsets.push(i);
    if (line < last) offsets.push(state.eMarks[line]);
  }
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.markup = '\\begin';
  token.content = offsets.map((i) => state.src[i]).join('');
  token.map = [start, last + 1];
  token.meta = { offsets } satisfies MathMeta;
  state.line = last + 1;
  return true;
}
