/** Mapping parser output back to exact source offsets. */
import { LineIndex } from './positions';

/** A text as markdown-it sees it (line breaks as `\n`, no BOM), and where each character came from. */
export interface NormalizedText {
  readonly text: string;
  /** `origin[i]` is the offset in the original text of `text[i]`; `origin[text.length]` is the original length. */
  readonly origin: readonly number[];
  readonly lines: LineIndex;
  /** The text before HTML comments were blanked out (set only when some were). */
  readonly unmasked?: string;
}

/** Normalizes line breaks (a `\r\n` becomes the `\n`, a lone `\r` becomes `\n`) and drops a leading BOM. */
export function normalize(text: string): NormalizedText {
  // (the usual note: no BOM, no carriage returns; its offsets are its own)
  if (text.charCodeAt(0) !== 0xfeff && !text.includes('\r')) {
    const identity = new Array<number>(text.length + 1);
    for (let i = 0; i <= text.length; i++) identity[i] = i;
    return { text, origin: identity, lines: new LineIndex(text) };
  }
  const chars: string[] = [];
  const origin: number[] = [];
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') continue;
    chars.push(c === '\r' ? '\n' : c);
    origin.push(i);
  }
  origin.push(text.length);
  const normalized = chars.join('');
  return { text: normalized, origin, lines: new LineIndex(normalized) };
}

/** LaTeX with one source offset per character plus an end entry. */
export interface Located {
  readonly latex: string;
  readonly offsets: number[];
}

/** `text.slice(start, end)` with its offsets; a `\r\n` becomes one `\n` (at the `\n`), a lone `\r` becomes `\n`. */
export function sliceLocated(text: string, start: number, end: number): Located {
  const chars: string[] = [];
  const offsets: number[] = [];
  for (let i = start; i < end; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n' && i + 1 < end) continue;
    chars.push(text[i] === '\r' ? '\n' : text[i]);
    offsets.push(i);
  }
  offsets.push(end);
  return { latex: chars.join(''), offsets };
}

/** Where each character of some parser output sits in the source: a normalized offset, or -1 if it has none. */
export interface Alignment {
  /** One entry per content character: its normalized offset, or -1 for a character markdown-it made up. */
  readonly at: readonly number[];
  /** The normalized offset just past the last aligned character. */
  readonly end: number;
}

/**
 * Where each character of `content` sits in `norm`, given that its k-th line comes from line `firstLine + k`
 * minus a prefix that markdown-it dropped (container markers, indentation) and, on the first and last line,
 * surrounding whitespace. `from` is a normalized offset the content cannot start before (table cells share a line).
 * Characters that are not in the source (spaces standing for a partly used tab) get -1.
 */
export function alignLines(norm: NormalizedText, content: string, firstLine: number, from: number, preferSuffix: boolean): Alignment {
  const at: number[] = [];
  let cursor = Math.max(from, norm.lines.lineStart(firstLine));
  const contentLines = content.split('\n');
  contentLines.forEach((line, k) => {
    const rawLine = firstLine + k;
    const regionStart = k === 0 ? cursor : Math.max(cursor, norm.lines.lineStart(rawLine));
    const regionEnd = Math.max(regionStart, norm.lines.lineEnd(rawLine));
    cursor = alignLine(norm.text, line, regionStart, regionEnd, preferSuffix, at);
    if (k < contentLines.length - 1) {
      const isBreak = norm.text[regionEnd] === '\n';
      at.push(isBreak ? regionEnd : -1);
      cursor = isBreak ? regionEnd + 1 : cursor;
    }
  });
  return { at, end: cursor };
}

/** Appends the offsets of `line`'s characters inside `text[start, end)`; returns the offset after the last one. */
function alignLine(text: string, line: string, start: number, end: number, preferSuffix: boolean, out: number[]): number {
  const found = locate(text.slice(start, end), line, preferSuffix);
  if (found >= 0) {
    for (let j = 0; j < line.length; j++) out.push(start + found + j);
    return start + found + line.length;
  }
  let pos = start;
  for (let j = 0; j < line.length; j++) {
    let at = pos;
    while (at < end && text[at] !== line[j]) at++;
    out.push(at < end ? at : -1);
    if (at < end) pos = at + 1;
  }
  return pos;
}

/** Where `line` starts in `region`: as its suffix (ignoring trailing whitespace) if allowed, else its first occurrence. */
function locate(region: string, line: string, preferSuffix: boolean): number {
  if (line === '') return 0;
  if (preferSuffix) {
    const regionTrimmed = region.trimEnd();
    const lineTrimmed = line.trimEnd();
    const at = regionTrimmed.length - lineTrimmed.length;
    if (lineTrimmed !== '' && regionTrimmed.endsWith(lineTrimmed) && region.startsWith(line, at)) return at;
  }
  return region.indexOf(line);
}
