/** Reading any note: picks the Markdown, Excalidraw or notebook reader by content (and file name). */
import type { NoteDocument, NoteKind } from './types';
import { isExcalidraw, readExcalidraw } from './excalidraw';
import { isRecord } from './guards';
import { readNotebook } from './ipynb';
import { expandMacros } from './macros';
import { readMarkdown } from './markdown';

/** Reads the math of a note; offsets refer to `text` exactly as given (a BOM included). Never throws. */
export function readNote(path: string, text: string): NoteDocument {
  const read = readAnyNote(path, text);
  return { ...read, blocks: expandMacros(read.blocks) };
}

function readAnyNote(path: string, text: string): NoteDocument {
  const kind = noteKind(path, text);
  if (kind === 'ipynb') return { kind, ...readNotebook(text) };
  if (kind === 'excalidraw') return { kind, parts: [{ text }], ...readExcalidraw(text, 0) };
  return { kind, parts: [{ text }], ...readMarkdown(text, 0) };
}

/** The markdown cells of an open notebook, read as one note (each cell is a part; `cell` is its index). */
export function readMarkdownCells(cells: readonly { readonly text: string; readonly cell: number }[]): NoteDocument {
  const parts = cells.map((c) => ({ text: c.text, cell: c.cell }));
  const read = cells.map((c, part) => readMarkdown(c.text, part));
  return {
    kind: 'ipynb',
    parts,
    blocks: expandMacros(read.flatMap((r) => r.blocks)),
    errors: read.flatMap((r) => r.errors),
    inputs: read.flatMap((r) => r.inputs),
  };
}

/** Which reader a note needs: by its content (JSON with `cells`, Excalidraw front matter), else by its name. */
export function noteKind(path: string, text: string): NoteKind {
  if (isNotebookJson(text)) return 'ipynb';
  if (isExcalidraw(text)) return 'excalidraw';
  if (/\.ipynb$/i.test(path)) return 'ipynb';
  if (/\.excalidraw\.md$/i.test(path)) return 'excalidraw';
  return 'markdown';
}

/** Whether an arbitrary file is worth reading: text (no NUL bytes) with math delimiters, or a drawing or notebook. */
export function looksLikeNote(text: string): boolean {
  if (text.includes('\0')) return false;
  return /\$[^$]*\$|\\\(|\\\[|```math/.test(text) || isExcalidraw(text) || isNotebookJson(text);
}

function isNotebookJson(text: string): boolean {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (!body.startsWith('{') || !body.includes('"cells"')) return false;
  try {
    const notebook: unknown = JSON.parse(body);
    return isRecord(notebook) && Array.isArray(notebook.cells);
  } catch {
    return false;
  }
}
