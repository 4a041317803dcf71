/**
 * Where a note's places are in the file an editor holds, for any host: 0-based line/character ranges (as LSP and
 * VS Code count them, UTF-16 code units), the claim at a place, and a note read from one file — Markdown, a drawing,
 * or a notebook held as its JSON text, whose markdown cells' places are mapped into the JSON and back.
 */
import { LineIndex } from '../notes/positions';
import { readNote } from '../notes/readNote';
import type { NoteDocument } from '../notes/types';
import type { ClaimReport, Location, NoteReport } from '../verify/checkNote';
import type { NotePlace } from '../verify/navigate';
import { type JsonStringLiteral, cellSourceLiterals } from './notebookJson';

export interface EditorPosition {
  readonly line: number;
  readonly character: number;
}

export interface EditorRange {
  readonly start: EditorPosition;
  readonly end: EditorPosition;
}

/** A stretch of a part's text: offsets in a notebook cell, or in the file. */
export interface PartSpan {
  readonly part: number;
  readonly startOffset: number;
  readonly endOffset: number;
}

/** A core location as a 0-based range in its part (the core's lines and columns are 1-based). */
export function editorRange(l: Location): EditorRange {
  return { start: { line: l.start.line - 1, character: l.start.column - 1 }, end: { line: l.end.line - 1, character: l.end.column - 1 } };
}

/** The text of a part at a place of the note (what a quick fix edits). */
export function partText(report: Pick<NoteReport, 'document'>, at: PartSpan): string {
  return report.document.parts[at.part]?.text.slice(at.startOffset, at.endOffset) ?? '';
}

/** The claim at a place: the narrowest one whose span holds it (its ends included). */
export function claimAt(report: Pick<NoteReport, 'claims'>, place: NotePlace): ClaimReport | undefined {
  let found: ClaimReport | undefined;
  for (const c of report.claims) {
    const l = c.location;
    if (l.part !== place.part || place.offset < l.startOffset || place.offset > l.endOffset) continue;
    if (!found || l.endOffset - l.startOffset < found.location.endOffset - found.location.startOffset) found = c;
  }
  return found;
}

/** A replacement of a stretch of the file's text. */
export interface FileEdit {
  readonly range: EditorRange;
  readonly newText: string;
}

/**
 * A note as one file holds it. For Markdown and drawings the note's one part is the file's text; for a notebook
 * each markdown cell is a part, found in the JSON by the string literals of its `source`.
 */
export class NoteFile {
  readonly document: NoteDocument;
  private readonly lines: LineIndex;
  /** Per part of a notebook: the literals its text is joined from (undefined: the part is the file's text itself). */
  private readonly literals: (readonly JsonStringLiteral[] | undefined)[];

  constructor(
    path: string,
    readonly text: string,
  ) {
    this.document = readNote(path, text);
    this.lines = new LineIndex(text);
    const cells = this.document.kind === 'ipynb' ? cellSourceLiterals(text) : [];
    this.literals = this.document.parts.map((p) => {
      if (p.cell === undefined) return undefined;
      const found = cells[p.cell];
      // (a cell whose literals do not spell its text has no places in the file: nothing is shown at a wrong one)
      return found && found.map((l) => l.value).join('') === p.text ? found : [];
    });
  }

  /** The file's 0-based position of an offset in its text. */
  position(offset: number): EditorPosition {
    const p = this.lines.positionAt(offset);
    return { line: p.line - 1, character: p.column - 1 };
  }

  /** The range a stretch of the note covers in the file, or undefined if it has no place there. */
  rangeOf(span: PartSpan): EditorRange | undefined {
    const start = this.fileOffset(span.part, span.startOffset, 'start');
    const end = this.fileOffset(span.part, span.endOffset, span.endOffset > span.startOffset ? 'end' : 'start');
    return start === undefined || end === undefined ? undefined : { start: this.position(start), end: this.position(end) };
  }

  /** The place of the note at a position of the file, or undefined outside the note's parts. */
  placeAt(position: EditorPosition): NotePlace | undefined {
    const offset = this.lines.offsetAt({ line: position.line + 1, column: position.character + 1 });
    for (let part = 0; part < this.literals.length; part++) {
      const literals = this.literals[part];
      if (!literals) return { part, offset };
      let base = 0;
      for (const l of literals) {
        const last = l.offsets.length - 1;
        if (offset > l.quote && offset <= l.offsets[last]) {
          let i = 0;
          while (i < last && l.offsets[i + 1] <= offset) i++;
          return { part, offset: base + i };
        }
        base += l.value.length;
      }
    }
    return undefined;
  }

  /**
   * A replacement of a stretch of a part as an edit of the file (in a notebook, written as JSON inside one of the
   * cell's string literals), or undefined when it has no place there or would span two literals.
   */
  edit(span: PartSpan, text: string): FileEdit | undefined {
    const literals = this.literals[span.part];
    if (!literals) {
      const range = this.rangeOf(span);
      return range && { range, newText: text };
    }
    const start = this.literalAt(literals, span.startOffset, 'start');
    const end = span.endOffset > span.startOffset ? this.literalAt(literals, span.endOffset, 'end') : start;
    if (!start || !end || start.literal !== end.literal) return undefined;
    return { range: { start: this.position(start.offset), end: this.position(end.offset) }, newText: JSON.stringify(text).slice(1, -1) };
  }

  /**
   * The file offset of an offset in a part. At the seam of two of a cell's literals, a start is placed at the
   * next one's first character and an end at the previous one's closing quote.
   */
  private fileOffset(part: number, offset: number, side: 'start' | 'end'): number | undefined {
    const literals = this.literals[part];
    if (!literals) return part < this.literals.length ? offset : undefined;
    return this.literalAt(literals, offset, side)?.offset;
  }

  private literalAt(
    literals: readonly JsonStringLiteral[],
    offset: number,
    side: 'start' | 'end',
  ): { literal: JsonStringLiteral; offset: number } | undefined {
    let base = 0;
    for (const [i, literal] of literals.entries()) {
      const length = literal.value.length;
      const isLast = i === literals.length - 1;
      const inside =
        side === 'start'
          ? offset < base + length || (isLast && offset === base + length)
          : offset <= base + length && (offset > base || length === 0);
      if (inside) return { literal, offset: literal.offsets[offset - base] };
      base += length;
    }
    return undefined;
  }
}
