/** Reads Jupyter notebooks (`.ipynb`): each markdown cell is a part, read as Markdown. */
import type { MathBlock, NoteError, NotePart } from './types';
import { isRecord } from './guards';
import { readMarkdown } from './markdown';

/** What a notebook yields: its markdown cells as parts, their math, and problems reading the file. */
export interface NotebookContent {
  readonly parts: NotePart[];
  readonly blocks: MathBlock[];
  readonly errors: NoteError[];
  readonly inputs: string[];
}

/**
 * Reads a notebook's markdown cells (code and raw cells are skipped). If the file is not a notebook, the whole
 * text becomes part 0 so that the error can point into it.
 */
export function readNotebook(text: string): NotebookContent {
  let notebook: unknown;
  try {
    notebook = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return notANotebook(text, `the notebook is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const cells = isRecord(notebook) ? notebook.cells : undefined;
  if (!Array.isArray(cells)) return notANotebook(text, 'the notebook has no list of cells');
  const content: NotebookContent = { parts: [], blocks: [], errors: [], inputs: [] };
  cells.forEach((cell, index) => {
    if (!isRecord(cell) || cell.cell_type !== 'markdown') return;
    const part = content.parts.length;
    const source = joinSource(cell.source);
    content.parts.push({ text: source ?? '', cell: index });
    if (source === undefined) {
      content.errors.push({ part, offset: 0, message: `cell ${index + 1} has no readable source` });
      return;
    }
    const read = readMarkdown(source, part);
    content.blocks.push(...read.blocks);
    content.errors.push(...read.errors);
    content.inputs.push(...read.inputs);
  });
  return content;
}

/** A cell's `source`: a string, or an array of strings (lines keeping their `\n`) to join. */
function joinSource(source: unknown): string | undefined {
  if (typeof source === 'string') return source;
  if (Array.isArray(source) && source.every((line) => typeof line === 'string')) return source.join('');
  return undefined;
}

function notANotebook(text: string, message: string): NotebookContent {
  const position = /at position (\d+)/.exec(message);
  const offset = position ? Math.min(Number(position[1]) + (text.startsWith('\uFEFF') ? 1 : 0), text.length) : 0;
  return { parts: [{ text }], blocks: [], errors: [{ part: 0, offset, message }], inputs: [] };
}
