/** Finds Debian's Chromium (or CHROMIUM_PATH) for browser tests, with the flags this machine's closed network needs. */
import { existsSync } from 'fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium is needed for the browser tests: apt-get install chromium (CI does), or set CHROMIUM_PATH.');
  return found;
}
