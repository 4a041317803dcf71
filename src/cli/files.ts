/** Finding the notes to check: files as given, directories walked. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { looksLikeNote } from '../index';

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules', '.obsidian', '.trash']);
const NOTE_EXTENSIONS = /\.(md|markdown|ipynb)$/i;
/** Files larger than this are not sniffed during a directory walk (they are still read when named). */
const MAX_SNIFF_BYTES = 10 * 1024 * 1024;

export interface FoundFile {
  readonly path: string;
  /** The file's text, or why it could not be read. */
  readonly text?: string;
  readonly error?: string;
}

/** Every note under the given paths, in a stable order. Named files are always read. */
export async function findNotes(paths: readonly string[]): Promise<FoundFile[]> {
  const out: FoundFile[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch (e) {
      out.push({ path: p, error: `cannot read ${p}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      continue;
    }
    if (stat.isDirectory()) await walk(p, out);
    else out.push(await readText(p));
  }
  return out;
}

async function walk(dir: string, out: FoundFile[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    out.push({ path: dir, error: `cannot read ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) await walk(full, out);
    } else if (entry.isFile()) {
      if (NOTE_EXTENSIONS.test(entry.name)) out.push(await readText(full));
      else await sniff(full, out);
    }
  }
}

/** A file of another kind is checked when its content looks like a note. */
async function sniff(file: string, out: FoundFile[]): Promise<void> {
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_SNIFF_BYTES) return;
    const text = await fs.readFile(file, 'utf8');
    if (looksLikeNote(text)) out.push({ path: file, text });
  } catch {
    // unreadable files met on a walk are not notes the user asked for
  }
}

async function readText(file: string): Promise<FoundFile> {
  try {
    return { path: file, text: await fs.readFile(file, 'utf8') };
  } catch (e) {
    return { path: file, error: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
}
