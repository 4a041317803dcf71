/** `derivcheck export --numpy NOTE [-o OUT.py]`: a checked note as a standalone NumPy file (see USAGE). */
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { checkNote, exportNumpy } from '../index';
import { CLI_TIME_LIMIT_MS } from './args';

export const EXPORT_USAGE = `Usage: derivcheck export --numpy [--seed N] [-o OUT.py | -o -] <note>

Writes the note's forward pass in NumPy, each derivative it claims as a Python function, and a
finite-difference check of each claim (python3 OUT.py prints PASS or FAIL per claim and exits 1
if any check fails; claims derivcheck refuted are exported too, and their checks fail).
-o - writes to stdout; without -o the file is <note>.py beside the note.`;

interface ExportArgs {
  readonly note: string;
  readonly out?: string;
  readonly seed?: number;
}

function parseExportArgs(argv: readonly string[]): ExportArgs {
  let numpy = false;
  let out: string | undefined;
  let seed: number | undefined;
  const notes: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--numpy') numpy = true;
    else if (a === '-o' || a === '--output') {
      if (argv[i + 1] === undefined) throw new Error(`${a} needs a file name (or - for stdout)`);
      out = argv[++i];
    } else if (a === '--seed') {
      seed = Number(argv[++i]);
      if (!Number.isInteger(seed)) throw new Error(`--seed needs a whole number, not ${argv[i] ?? 'nothing'}`);
    } else if (a.startsWith('-') && a !== '-') throw new Error(`unknown option ${a}`);
    else notes.push(a);
  }
  if (!numpy) throw new Error('say which language to export to: --numpy (the only one so far)');
  if (notes.length !== 1) throw new Error(notes.length === 0 ? 'which note? give one file' : `one note at a time (got ${notes.length})`);
  return { note: notes[0], out, seed };
}

/** Runs `derivcheck export …` (argv without the word `export`); returns the exit status. */
export function runExport(argv: readonly string[], write: (s: string) => void, writeError: (s: string) => void): number {
  if (argv.includes('-h') || argv.includes('--help')) {
    write(`${EXPORT_USAGE}\n`);
    return 0;
  }
  let args: ExportArgs;
  try {
    args = parseExportArgs(argv);
  } catch (e) {
    writeError(`derivcheck export: ${(e as Error).message}\n\n${EXPORT_USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(args.note, 'utf8');
  } catch (e) {
    writeError(`derivcheck export: cannot read ${args.note}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 2;
  }
  const report = checkNote(args.note, text, { seed: args.seed, timeLimitMs: CLI_TIME_LIMIT_MS });
  const result = exportNumpy(report, { path: args.note, seed: args.seed });
  const summary = `${result.exported.length} claim${result.exported.length === 1 ? '' : 's'} exported, ${result.skipped.length} not (the file lists them with the reason)`;
  if (args.out === '-') {
    write(result.source);
    writeError(`derivcheck export: ${summary}\n`);
    return 0;
  }
  const out =
    args.out ?? path.join(path.dirname(args.note), `${path.basename(args.note).replace(/\.(excalidraw\.md|md|ipynb|txt)$/i, '')}.py`);
  if (path.resolve(out) === path.resolve(args.note)) {
    writeError(`derivcheck export: ${out} is the note itself; the export never overwrites a note (give another -o)\n`);
    return 2;
  }
  try {
    writeFileSync(out, result.source);
  } catch (e) {
    writeError(`derivcheck export: cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 2;
  }
  write(`wrote ${out}: ${summary}; run it with python3 ${out}\n`);
  return 0;
}
