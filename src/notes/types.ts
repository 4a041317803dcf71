/** What the readers produce: the math of a note, with exact source positions. */

/** One text a position refers to: the whole file, or one markdown cell of a notebook. */
export interface NotePart {
  /** The text positions in this part refer to (a file's text, or a notebook cell's joined source). */
  readonly text: string;
  /** 0-based notebook cell index (`.ipynb` only). */
  readonly cell?: number;
}

/** A drawing element's place on an Excalidraw canvas. */
export interface DrawingPlace {
  readonly elementId: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One piece of math: the LaTeX between its delimiters, and where each character came from. */
export interface MathBlock {
  /** The LaTeX source between the delimiters, as the user wrote it (minus container prefixes such as `> `), with the note's own macros expanded. */
  readonly latex: string;
  /**
   * `offsets[i]` is the offset in `parts[part].text` of `latex[i]`; `offsets[latex.length]` is the offset just
   * past the last character. Offsets count UTF-16 code units, as VS Code does.
   */
  readonly offsets: readonly number[];
  /** Index into `NoteDocument.parts`. */
  readonly part: number;
  /** Display math (`$$`, `\[`, fences, Excalidraw formulas) or inline (`$`, `\(`). */
  readonly display: boolean;
  /** The opening delimiter: `$`, `$$`, `\(`, `\[`, "```math", or `excalidraw` for an embedded formula. */
  readonly delimiter: string;
  /** Set when the note's macros were expanded: true for each character that came from a macro's body, not the note's text. */
  readonly fromMacro?: readonly boolean[];
  /** The note asks for this block to be ignored (`<!-- derivcheck-ignore -->`): its claims are not judged. */
  readonly ignored?: boolean;
  /** For Excalidraw formulas: where the drawing shows it. */
  readonly drawing?: DrawingPlace;
  /**
   * Which section of its part the block is in: the number of headings before it (Markdown). Definitions are
   * scoped by sections: a symbol an earlier section used as an input may be defined anew in a later one.
   */
  readonly section?: number;
}

/** A problem reading the note itself (not its math), e.g. a drawing that cannot be decompressed. */
export interface NoteError {
  readonly part: number;
  readonly offset: number;
  readonly message: string;
}

export type NoteKind = 'markdown' | 'excalidraw' | 'ipynb';

export interface NoteDocument {
  readonly kind: NoteKind;
  readonly parts: readonly NotePart[];
  /** Math blocks in reading order (for Excalidraw: the drawing's top-to-bottom, left-to-right order). */
  readonly blocks: readonly MathBlock[];
  readonly errors: readonly NoteError[];
  /** Names the note declares inputs (`<!-- derivcheck-input: S -->`), as written: their definitions are not used. */
  readonly inputs?: readonly string[];
}

/** A 1-based line and column (UTF-16 code units), as editors and compilers print them. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}
