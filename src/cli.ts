#!/usr/bin/env node
/** `derivcheck`: checks the math in notes from the command line (see USAGE). */
import { type CliOptions, type Format, USAGE, parseArgs } from './cli/args';
import { runExport } from './cli/export';
import { findNotes } from './cli/files';
import { type FileResult, summarize, toJson, toText } from './cli/report';
import { checkNote, internalErrors } from './index';
import { toGithub, toJunit, toSarif } from './cli/formats';

const FORMATTERS: Record<Format, (results: readonly FileResult[]) => string> = {
  text: toText,
  json: toJson,
  sarif: toSarif,
  junit: toJunit,
  github: toGithub,
};

declare const DERIVCHECK_VERSION: string | undefined;
const version = typeof DERIVCHECK_VERSION === 'string' ? DERIVCHECK_VERSION : 'dev';

/** Runs the CLI; returns the exit status. Output goes through `write`. */
export async function main(argv: readonly string[], write: (s: string) => void, writeError: (s: string) => void): Promise<number> {
  if (argv[0] === 'export') return runExport(argv.slice(1), write, writeError);
  if (argv.includes('--lsp') || argv.includes('--stdio')) {
    // the language server speaks LSP on stdin and stdout until the client says exit, which ends the process
    // (loaded only here, so that a check from the command line does not load it)
    const { startServer } = await import('../server/server');
    startServer(process.stdin, process.stdout);
    return new Promise<number>(() => undefined);
  }
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (e) {
    writeError(`derivcheck: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    write(`${USAGE}\n`);
    return 0;
  }
  if (options.version) {
    write(`derivcheck ${version}\n`);
    return 0;
  }
  const found = await findNotes(options.paths);
  const check = { seed: options.seed, samples: options.samples, tolerance: options.tolerance, timeLimitMs: options.timeLimitMs };
  const results: FileResult[] = found.map((f) =>
    f.text === undefined ? { path: f.path, error: f.error } : { path: f.path, report: checkNote(f.path, f.text, check) },
  );
  // (internal errors go to stderr with their stacks: the claim itself is reported unverifiable)
  for (const r of results) for (const line of r.report ? internalErrors(r.report, r.path) : []) writeError(`derivcheck: ${line}\n`);
  write(`${FORMATTERS[options.format](results)}\n`);
  if (results.some((r) => r.error)) return 2;
  return summarize(results).refuted > 0 ? 1 : 0;
}

if (require.main === module) {
  main(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  ).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`derivcheck: internal error: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
