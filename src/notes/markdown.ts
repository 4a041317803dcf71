/** Reads the math of a Markdown note, with the exact source offset of every LaTeX character. */
import type MarkdownIt from 'markdown-it';
import type { MathBlock, NoteError } from './types';
import type { NormalizedText } from './align';
import { alignLines, normalize } from './align';
import type { MathMeta, ParseEnv } from './mdParser';
import { ignoredRanges, inputNames, unclosedMessage } from './directives';
import { mathParser } from './mdParser';
import { plainEquation } from './plainMath';
import { type CellMath, byColumn, columnsAreAlternatives } from './tables';

type Token = MarkdownIt.Token;

/** Math found in the normalized text, before its offsets are mapped back to the original. */
interface Found {
  readonly latex: string;
  /** Normalized offsets, one per LaTeX character (no end entry); -1 for characters that are not in the source. */
  readonly at: readonly number[];
  readonly display: boolean;
  readonly delimiter: string;
  readonly section: number;
  /** Where it sorts among the note's math, if not by its first offset (a table read column by column). */
  readonly order?: number;
}

/** Where the token walk is: the current source line, the end of the last aligned inline content, the section. */
interface Walk {
  readonly norm: NormalizedText;
  readonly found: Found[];
  cursor: number;
  line: number;
  section: number;
}

/** The math of a Markdown text, and what the note should be told about how it was read. */
export interface MarkdownMath {
  readonly blocks: MathBlock[];
  readonly errors: NoteError[];
  /** Names the note declares inputs (`<!-- derivcheck-input: S -->`). */
  readonly inputs: string[];
}

/**
 * The math of a Markdown text in document order: `$…$`, `$$…$$`, `\(…\)`, `\[…\]` and ```` ```math ```` fences,
 * but not code spans or code blocks. Offsets refer to `text` as given; `part` is copied onto each block. Blocks the
 * note asks to ignore (`derivcheck: off`, `<!-- derivcheck-ignore -->`) are marked `ignored`.
 */
export function readMarkdown(text: string, part: number): MarkdownMath {
  const env: ParseEnv = {};
  const { blocks, norm } = readBlocks(text, part, env);
  const errors = (env.unclosed ?? []).map((at) => ({ part, offset: norm.origin[at] ?? 0, message: unclosedMessage() }));
  const ignored = ignoredRanges(text);
  const inputs = inputNames(text);
  if (ignored.length === 0) return { blocks, errors, inputs };
  const isIgnored = (offset: number): boolean => ignored.some(([from, to]) => offset >= from && offset < to);
  return {
    blocks: blocks.map((b) => (isIgnored(b.offsets[0]) ? { ...b, ignored: true } : b)),
    errors: errors.filter((e) => !isIgnored(e.offset)),
    inputs,
  };
}

/** Just the blocks (for text embedded in another format, an Excalidraw drawing's). */
export function readMarkdownMath(text: string, part: number): MathBlock[] {
  return readBlocks(text, part, {}).blocks;
}

function readBlocks(text: string, part: number, env: ParseEnv): { blocks: MathBlock[]; norm: NormalizedText } {
  const { norm, found: scripted } = withoutScriptMath(withoutHtmlComments(normalize(text)));
  let tokens: Token[];
  try {
    tokens = mathParser().parse(norm.text, env);
  } catch {
    return { blocks: [], norm };
  }
  const walk: Walk = { norm, found: [], cursor: 0, line: 0, section: 0 };
  const headings: number[] = [];
  let table: { line: number; row: number; column: number; cells: CellMath<number>[] } | undefined;
  tokens.forEach((token, i) => {
    walk.line = token.map?.[0] ?? walk.line; // table cells have no map of their own: use their row's
    if (token.type === 'heading_open') {
      walk.section++;
      headings.push(walk.line);
    }
    if (token.type === 'table_open') table = { line: walk.line, row: -1, column: -1, cells: [] };
    if (token.type === 'tr_open' && table) [table.row, table.column] = [table.row + 1, -1];
    if ((token.type === 'td_open' || token.type === 'th_open') && table) table.column++;
    if (token.type === 'table_close' && table) {
      // (each column of alternatives a section of its own; what follows the table one more)
      const sections = readTable(walk, table.cells);
      for (let k = 0; k < sections; k++) headings.push(table.line);
      table = undefined;
    }
    if (token.type === 'math_block') {
      walk.found.push(...blockMath(norm, token).map((f) => ({ ...f, section: walk.section })));
    } else if (token.type === 'fence' && isMathFence(token)) {
      walk.found.push({ ...fenceMath(norm, token, walk.line + 1), section: walk.section });
    } else if (token.type === 'inline') {
      const previous = tokens[i - 1]?.type;
      const before = walk.found.length;
      inlineMath(walk, token, previous === 'td_open' || previous === 'th_open');
      if (table)
        for (let k = before; k < walk.found.length; k++)
          table.cells.push({ found: k, latex: walk.found[k].latex, row: table.row, column: table.column });
    }
  });
  // a note without any math delimiter may write its equations as plain text
  if (walk.found.length === 0 && scripted.length === 0) plainMath(tokens, norm, walk);
  // math that markdown-it never saw (script tags, kramdown's escapes) joins in document order, in its section
  const sectionAt = (offset: number): number => headings.filter((line) => norm.lines.lineStart(line) <= offset).length;
  const all = [...walk.found, ...scripted.map((f) => ({ ...f, section: sectionAt(f.at[0] ?? 0) }))];
  const key = (f: Found): number => f.order ?? f.at.find((x) => x >= 0) ?? 0;
  all.sort((a, b) => key(a) - key(b));
  return { blocks: all.flatMap((found) => toBlock(found, norm, part)), norm };
}

/**
 * A table whose columns are alternatives (`columnsAreAlternatives`): its math reordered column by column, each column
 * in a section of its own. Returns how many sections the table took (0 for an ordinary table).
 */
function readTable(walk: Walk, cells: readonly CellMath<number>[]): number {
  if (!columnsAreAlternatives(cells)) return 0;
  const ordered = byColumn(cells);
  const start = Math.min(...cells.map((c) => walk.found[c.found].at.find((x) => x >= 0) ?? 0));
  const columns = new Set(cells.map((c) => c.column)).size;
  // (sorted just after the table's first character, in the new order)
  ordered.forEach(({ cell, rank }, k) => {
    walk.found[cell.found] = { ...walk.found[cell.found], section: walk.section + 1 + rank, order: start + (k + 1) / (ordered.length + 1) };
  });
  walk.section += columns + 1;
  return columns + 1;
}

/** The plain-text equations of the paragraphs and list items (not code) of a note without math delimiters. */
function plainMath(tokens: readonly Token[], norm: NormalizedText, walk: Walk): void {
  let section = 0;
  let cursor = 0;
  for (const token of tokens) {
    if (token.type === 'heading_open') section++;
    if (token.type !== 'inline' || !token.map) continue;
    const { at, end } = alignLines(norm, token.content, token.map[0], cursor, true);
    cursor = end;
    let offset = 0;
    for (const line of token.content.split('\n')) {
      const eq = plainEquation(line);
      if (eq)
        walk.found.push({
          latex: line.slice(eq.start, eq.end),
          at: at.slice(offset + eq.start, offset + eq.end),
          display: true,
          delimiter: 'text',
          section,
        });
      offset += line.length + 1;
    }
  }
}

/** The block, with offsets into the original text and without made-up characters; none if it is blank. */
function toBlock(found: Found, norm: NormalizedText, part: number): MathBlock[] {
  const chars: string[] = [];
  const offsets: number[] = [];
  found.at.forEach((at, i) => {
    if (at < 0) return;
    // math that runs into a comment holds the comment's own characters (masked only to find the delimiters)
    chars.push(norm.unmasked !== undefined && norm.unmasked[at] !== norm.text[at] ? norm.unmasked[at] : found.latex[i]);
    offsets.push(norm.origin[at]);
  });
  const latex = chars.join('');
  if (latex.trim() === '') return [];
  offsets.push(offsets[offsets.length - 1] + 1);
  return [{ latex, offsets, part, display: found.display, delimiter: found.delimiter, section: found.section }];
}

/** A `$$` block from the block rule, whose offsets it recorded (its LaTeX is taken from the source, NULs included). */
function blockMath(norm: NormalizedText, token: Token): Omit<Found, 'section'>[] {
  const meta = token.meta as MathMeta | null;
  if (!meta?.offsets) return [];
  const latex = meta.offsets.map((at) => norm.text[at]).join('');
  return [{ latex, at: meta.offsets, display: true, delimiter: '$$' }];
}

function isMathFence(token: Token): boolean {
  return token.info.trim().split(/\s+/)[0].toLowerCase() === 'math';
}

/** A ```` ```math ```` fence: its body. */
function fenceMath(norm: NormalizedText, token: Token, bodyLine: number): Omit<Found, 'section'> {
  const { at } = alignLines(norm, token.content, bodyLine, norm.lines.lineStart(bodyLine), true);
  return { latex: token.content, at, display: true, delimiter: '```math' };
}

/** Adds the math inside an inline token (a paragraph, heading or table cell) and moves the cursor past it. */
/** A value given in a code span, `` `x = 1.0` ``, `` `w1 = 0.5` ``: a single-letter name (with an index) and a number. */
const GIVEN_VALUE = /^\s*[A-Za-z](?:\d+|_\w+)?\s*=\s*-?\d+(?:\.\d+)?\s*$/;

/** Whether the math at `start`…`end` of a paragraph's text has no words beside it (only its delimiters and punctuation). */
function ownParagraph(text: string, start: number, end: number): boolean {
  const rest = text.slice(0, start) + text.slice(end);
  return /^[\s$.,;:!?]*$/.test(rest);
}

function inlineMath(walk: Walk, token: Token, isCell: boolean): void {
  const maths = (token.children ?? []).filter(
    (child) =>
      child.type === 'math_inline' || child.type === 'math_block' || (child.type === 'code_inline' && GIVEN_VALUE.test(child.content)),
  );
  if (maths.length === 0 && !isCell) return;
  const { at, end } = alignLines(walk.norm, token.content, walk.line, walk.cursor, !isCell);
  let searchFrom = 0;
  for (const child of maths) {
    const start = contentStart(token.content, child, searchFrom);
    if (start < 0) continue;
    searchFrom = start + child.content.length;
    // (`$$x_j$$` inside a sentence, as kramdown writes inline math, is inline: display only as a paragraph of its own;
    // `\[` is display wherever it stands)
    const display = child.type === 'math_block' && (child.markup !== '$$' || ownParagraph(token.content, start, searchFrom));
    // (a code span's value is math the way a worked example's `$x = 1.0$` is)
    walk.found.push({
      latex: child.content,
      at: at.slice(start, searchFrom),
      display,
      delimiter: child.type === 'code_inline' ? '`' : child.markup,
      section: walk.section,
    });
  }
  walk.cursor = end;
}

/** Where a math token's content starts in its inline token's content (from the recorded delimiter, else by search). */
function contentStart(content: string, child: Token, searchFrom: number): number {
  const meta = child.meta as MathMeta | null;
  if (meta?.at !== undefined) {
    const start = meta.at + child.markup.length;
    if (content.startsWith(child.content, start)) return start;
  }
  if (child.type === 'code_inline') {
    // inside its backticks, not the same text elsewhere on the line
    const m = new RegExp(`${child.markup}\\s*`, 'g');
    m.lastIndex = searchFrom;
    for (let hit = m.exec(content); hit; hit = m.exec(content))
      if (content.startsWith(child.content, hit.index + hit[0].length)) return hit.index + hit[0].length;
    return -1;
  }
  return content.indexOf(child.content, searchFrom);
}

const FENCE = /^ {0,3}(?:>\s*)*(`{3,}|~{3,})/;

/**
 * HTML comments (`<!-- … -->`) hide what they hold: a renderer shows none of it, so none of it is math, and a `$$`
 * inside one must not pair with a `$$` outside. Each character of a closed comment outside code becomes a space
 * (line breaks stay), so every offset still maps to the source.
 */
function withoutHtmlComments(norm: NormalizedText): NormalizedText {
  const text = norm.text;
  if (!text.includes('<!--')) return norm;
  const chars = text.split('');
  let fence: string | undefined;
  for (let i = 0; i < text.length; i++) {
    if (i === 0 || text[i - 1] === '\n') {
      const m = FENCE.exec(text.slice(i, text.indexOf('\n', i) >>> 0));
      if (m && (fence === undefined || m[1][0] === fence[0])) fence = fence === undefined ? m[1] : undefined;
    }
    if (fence !== undefined) continue;
    if (text[i] === '`') {
      // an inline code span on this line: skip it whole
      const close = text.indexOf('`', i + 1);
      const end = text.indexOf('\n', i);
      if (close > i && (end < 0 || close < end)) i = close;
      continue;
    }
    if (!text.startsWith('<!--', i)) continue;
    const close = text.indexOf('-->', i + 4);
    if (close < 0) break;
    for (let k = i; k < close + 3; k++) if (chars[k] !== '\n') chars[k] = ' ';
    i = close + 2;
  }
  return { ...norm, text: chars.join(''), unmasked: text };
}

/** `<script type="math/tex">…</script>` (with `; mode=display` for display math), and kramdown's `\\( \\)`, `\\[ \\]`. */
const SCRIPTED = [
  { pattern: /<script\s+type=["']math\/tex(; ?mode=display)?["']\s*>([\s\S]*?)<\/script>/g, delimiter: '<script>' },
  { pattern: /\\\\\(([\s\S]*?)\\\\\)/g, delimiter: '\\\\(' },
  { pattern: /\\\\\[([\s\S]*?)\\\\\]/g, delimiter: '\\\\[' },
];

/**
 * Math written where markdown-it reads no math: MathJax's script tags, and kramdown's escaped `\\(…\\)` and
 * `\\[…\\]` (which Markdown turns into `\(…\)` for MathJax). Each is taken out of the text (blanked, line breaks kept)
 * and found here, with its characters' offsets.
 */
function withoutScriptMath(norm: NormalizedText): { norm: NormalizedText; found: Omit<Found, 'section'>[] } {
  if (!norm.text.includes('math/tex') && !norm.text.includes('\\\\(') && !norm.text.includes('\\\\[')) return { norm, found: [] };
  const chars = norm.text.split('');
  const found: Omit<Found, 'section'>[] = [];
  const shielded = shieldedRanges(norm.text);
  for (const { pattern, delimiter } of SCRIPTED) {
    for (const m of norm.text.matchAll(pattern)) {
      const start = m.index ?? 0;
      if (chars[start] === ' ' && norm.text[start] !== ' ') continue; // inside something taken already
      if (shielded.some(([from, to]) => start >= from && start < to)) continue; // code, or `\[2pt]` inside $$…$$
      const content = m[m.length - 1];
      const contentStart = start + m[0].indexOf(content, delimiter === '<script>' ? m[0].indexOf('>') + 1 : 2);
      const display = delimiter === '<script>' ? m[1] !== undefined : delimiter === '\\\\[';
      found.push({ latex: content, at: Array.from({ length: content.length }, (_, k) => contentStart + k), display, delimiter });
      for (let k = start; k < start + m[0].length; k++) if (chars[k] !== '\n') chars[k] = ' ';
    }
  }
  return { norm: { ...norm, text: chars.join(''), unmasked: norm.unmasked ?? norm.text }, found };
}

/** Code fences, code spans and `$$…$$` blocks: there `\\[` is code or a LaTeX line break, not kramdown math. */
function shieldedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const pattern of [/^ {0,3}(```|~~~)[\s\S]*?^ {0,3}\1/gm, /`[^`\n]+`/g, /\$\$[\s\S]*?\$\$/g]) {
    for (const m of text.matchAll(pattern)) ranges.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
  return ranges;
}
