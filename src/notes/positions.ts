/** Offset ↔ line/column conversion for a text with any mix of `\n`, `\r\n` and `\r` line endings. */
import type { SourcePosition } from './types';

/** Maps offsets in a text to 1-based line/column positions (UTF-16 code units) and back. */
export class LineIndex {
  /** Offset of the first character of each line; `lineStarts[0]` is 0. */
  private readonly lineStarts: number[];
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      } else if (c === 10 /* \n */) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  /** The number of lines (a text ending in a line break has an empty last line). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The 1-based line and column of `offset`, which is clamped to `[0, text.length]`. */
  positionAt(offset: number): SourcePosition {
    const at = clamp(Math.floor(offset), 0, this.text.length);
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - this.lineStarts[low] + 1 };
  }

  /** The offset of a 1-based position; the line is clamped to the text, the column to `[1, line length + 1]`. */
  offsetAt(pos: SourcePosition): number {
    const line = clamp(Math.floor(pos.line), 1, this.lineStarts.length) - 1;
    const start = this.lineStarts[line];
    return clamp(start + Math.floor(pos.column) - 1, start, this.lineEnd(line));
  }

  /** The offset where 0-based `line` starts (clamped to the text). */
  lineStart(line: number): number {
    return this.lineStarts[clamp(line, 0, this.lineStarts.length - 1)];
  }

  /** The offset just past the content of 0-based `line`, before its line break (clamped to the text). */
  lineEnd(line: number): number {
    const at = clamp(line, 0, this.lineStarts.length - 1);
    if (at === this.lineStarts.length - 1) return this.text.length;
    const next = this.lineStarts[at + 1];
    return this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }
}

function clamp(value: number, low: number, high: number): number {
  if (Number.isNaN(value)) return low;
  return Math.min(Math.max(value, low), high);
}
