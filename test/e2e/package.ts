/** The packaged extension under test: the .vsix, and the same files unpacked for `extensionDevelopmentPath`. */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ROOT } from './codeServer';

export function vsixPath(): string {
  const vsix = path.join(ROOT, 'derivcheck.vsix');
  if (!existsSync(vsix)) throw new Error('derivcheck.vsix is missing: run `npm run package` first (npm run test:e2e does)');
  return vsix;
}

/** Unpacks the .vsix (a zip) so that the extension host loads exactly what ships. */
export function unpackedExtension(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'derivcheck-vsix-'));
  execFileSync('python3', ['-m', 'zipfile', '-e', vsixPath(), dir]);
  return path.join(dir, 'extension');
}
