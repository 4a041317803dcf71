/** The note readers: the math of Markdown, Excalidraw and Jupyter notes, with exact source positions. */
export type { DrawingPlace, MathBlock, NoteDocument, NoteError, NoteKind, NotePart, SourcePosition } from './types';
export { LineIndex } from './positions';
export { readMarkdownMath } from './markdown';
export { isExcalidraw, readExcalidraw } from './excalidraw';
export type { NotebookContent } from './ipynb';
export { readNotebook } from './ipynb';
export { looksLikeNote, noteKind, readMarkdownCells, readNote } from './readNote';
