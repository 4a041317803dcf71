/**
 * The Obsidian plugin bundled for tests in Node: obsidian/main.ts with `obsidian` mapped to the stand-in
 * (test/obsidian/standIn.ts), and the stand-in exported beside it so that a test drives the same instances.
 */
import { buildSync } from 'esbuild';
import * as path from 'path';

const root = path.join(__dirname, '../../..');

/** Builds the bundle (once per process) and returns its path. */
let built: string | undefined;
export function bundlePlugin(): string {
  if (built) return built;
  const outfile = path.join(root, 'out/obsidian-test/plugin.js');
  buildSync({
    entryPoints: [path.join(root, 'test/obsidian/entry.ts')],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    alias: { obsidian: path.join(root, 'test/obsidian/standIn.ts') },
    logLevel: 'error',
  });
  return (built = outfile);
}
