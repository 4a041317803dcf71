/** Reads Obsidian Excalidraw notes (`*.excalidraw.md`): LaTeX formulas, math in text elements, and their places. */
import { decompressFromBase64 } from 'lz-string';
import type { DrawingPlace, MathBlock, NoteError } from './types';
import { sliceLocated } from './align';
import { isFiniteNumber, isRecord } from './guards';
import { readMarkdownMath } from './markdown';
import { LineIndex } from './positions';

/** One source line: its content's offsets (without the line break) and text. */
interface Line {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A formula or text-element math block and the drawing element it belongs to. */
interface Keyed {
  readonly block: MathBlock;
  /** `file:<id>` for an embedded formula, `text:<id>` for a text element. */
  readonly key: string;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const SECTION = /^(?:#{1,2} (?:Excalidraw Data|Text Elements|Element Links|Embedded Files|Drawing)|%%)\s*$/;
const EMBEDDED_FILE = /^([0-9a-fA-F]{40}):[ \t]*/;
const ELEMENT_ID = /(?:^|\s)\^([A-Za-z0-9_-]+)\s*$/;
const DRAWING_FENCE = /^```(compressed-json|json)\s*$/;

/** Whether `text` is an Obsidian Excalidraw note (front matter `excalidraw-plugin:`, or its data headings). */
export function isExcalidraw(text: string): boolean {
  const frontMatter = FRONT_MATTER.exec(text);
  if (frontMatter && /^excalidraw-plugin\s*:/m.test(frontMatter[1])) return true;
  return /^# Excalidraw Data\s*$/m.test(text) && /^#{1,2} Drawing\s*$/m.test(text);
}

/**
 * The math of an Excalidraw note: embedded LaTeX formulas and `$…$` math in text elements, with their places on
 * the canvas, ordered top to bottom, then left to right (blocks without a place follow, in file order).
 */
export function readExcalidraw(text: string, part: number): { blocks: MathBlock[]; errors: NoteError[] } {
  const lines = splitLines(text);
  const errors: NoteError[] = [];
  const keyed = [
    ...readTextElements(text, sectionLines(lines, 'Text Elements'), part),
    ...readEmbeddedFiles(text, sectionLines(lines, 'Embedded Files'), part, errors),
  ].sort((a, b) => a.block.offsets[0] - b.block.offsets[0]);
  const places = readDrawing(sectionLines(lines, 'Drawing'), part, errors);
  const blocks = keyed.map(({ block, key }) => {
    const drawing = places.get(key);
    return drawing ? { ...block, drawing } : block;
  });
  return { blocks: sortByPlace(blocks), errors };
}

function splitLines(text: string): Line[] {
  const index = new LineIndex(text);
  const lines: Line[] = [];
  for (let i = 0; i < index.lineCount; i++) {
    const start = index.lineStart(i);
    const end = index.lineEnd(i);
    lines.push({ start, end, text: text.slice(start, end) });
  }
  return lines;
}

/** The lines after the `## <name>` heading, up to the next Excalidraw section heading or `%%` line. */
function sectionLines(lines: readonly Line[], name: string): Line[] {
  const heading = lines.findIndex((line) => SECTION.test(line.text) && line.text.replace(/^#+ /, '').trim() === name);
  if (heading < 0) return [];
  const end = lines.findIndex((line, i) => i > heading && SECTION.test(line.text));
  return lines.slice(heading + 1, end < 0 ? lines.length : end);
}

/** Text elements (`text ^elementId`, possibly over several lines): their math, read as Markdown. */
function readTextElements(text: string, lines: readonly Line[], part: number): Keyed[] {
  const keyed: Keyed[] = [];
  let start = -1;
  for (const line of lines) {
    if (start < 0 && line.text.trim() === '') continue;
    if (start < 0) start = line.start;
    const id = ELEMENT_ID.exec(line.text);
    if (!id) continue;
    const elementStart = start;
    start = -1;
    const blocks = readMarkdownMath(text.slice(elementStart, line.start + id.index), part);
    for (const block of blocks) {
      const offsets = block.offsets.map((offset) => offset + elementStart);
      keyed.push({ block: { ...block, offsets }, key: `text:${id[1]}` });
    }
  }
  return keyed;
}

/** Embedded files: `<40-hex id>: $$…$$` formulas, possibly over several lines; images (`[[…]]`) are skipped. */
function readEmbeddedFiles(text: string, lines: readonly Line[], part: number, errors: NoteError[]): Keyed[] {
  const entries = lines.flatMap((line) => {
    const match = EMBEDDED_FILE.exec(line.text);
    return match ? [{ id: match[1].toLowerCase(), lineStart: line.start, valueStart: line.start + match[0].length }] : [];
  });
  const sectionEnd = lines.length > 0 ? lines[lines.length - 1].end : 0;
  const keyed: Keyed[] = [];
  entries.forEach(({ id, valueStart }, i) => {
    if (!text.startsWith('$$', valueStart)) return;
    const entryEnd = i + 1 < entries.length ? entries[i + 1].lineStart : sectionEnd;
    const close = text.indexOf('$$', valueStart + 2);
    if (close < 0 || close + 2 > entryEnd) {
      errors.push({ part, offset: valueStart, message: `the formula of embedded file ${id} has no closing $$` });
      return;
    }
    const { latex, offsets } = sliceLocated(text, valueStart + 2, close);
    keyed.push({ block: { latex, offsets, part, display: true, delimiter: 'excalidraw' }, key: `file:${id}` });
  });
  return keyed;
}

/** The drawing's element places, by `file:<fileId>` (images) and `text:<id>` (text elements). */
function readDrawing(lines: readonly Line[], part: number, errors: NoteError[]): Map<string, DrawingPlace> {
  const open = lines.findIndex((line) => DRAWING_FENCE.test(line.text));
  if (open < 0) return new Map();
  const close = lines.findIndex((line, i) => i > open && /^```\s*$/.test(line.text));
  const bodyLines = lines.slice(open + 1, close < 0 ? lines.length : close);
  const bodyStart = bodyLines.length > 0 ? bodyLines[0].start : lines[open].end;
  const body = bodyLines.map((line) => line.text).join('\n');
  const compressed = DRAWING_FENCE.exec(lines[open].text)?.[1] === 'compressed-json';
  try {
    return placesOf(JSON.parse(compressed ? decompress(body) : body));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const what = compressed ? 'decompressed' : 'read';
    errors.push({ part, offset: bodyStart, message: `the drawing data could not be ${what}: ${reason}` });
    return new Map();
  }
}

/** lz-string `compressToBase64` output, with its line breaks, back to JSON text. */
function decompress(body: string): string {
  const json = decompressFromBase64(body.replace(/\s+/g, '')) as string | null;
  if (!json) throw new Error('the data is not valid lz-string base64');
  return json;
}

function placesOf(scene: unknown): Map<string, DrawingPlace> {
  const elements: unknown = isRecord(scene) ? scene.elements : undefined;
  if (!Array.isArray(elements)) throw new Error('the drawing has no elements list');
  const places = new Map<string, DrawingPlace>();
  for (const element of elements) {
    if (!isRecord(element) || element.isDeleted === true || typeof element.id !== 'string') continue;
    const { x, y, width, height } = element;
    if (!isFiniteNumber(x) || !isFiniteNumber(y) || !isFiniteNumber(width) || !isFiniteNumber(height)) continue;
    const key =
      element.type === 'image' && typeof element.fileId === 'string'
        ? `file:${element.fileId.toLowerCase()}`
        : element.type === 'text'
          ? `text:${element.id}`
          : undefined;
    if (key && !places.has(key)) places.set(key, { elementId: element.id, x, y, width, height });
  }
  return places;
}

/** Blocks with a place, top to bottom then left to right, followed by the others (sorting is stable). */
function sortByPlace(blocks: MathBlock[]): MathBlock[] {
  return blocks.sort((a, b) => {
    if (!a.drawing || !b.drawing) return (a.drawing ? 0 : 1) - (b.drawing ? 0 : 1);
    return a.drawing.y - b.drawing.y || a.drawing.x - b.drawing.x;
  });
}
