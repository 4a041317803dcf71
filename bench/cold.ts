/**
 * A fresh process: load the core and check one note once, printing how long each took and the memory used.
 * Run by the benchmark as `node .bench/cold.js <note>`.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import type * as Core from './core';

const file = process.argv[2];
const t0 = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const core = require(path.join(__dirname, 'core.js')) as typeof Core;
const t1 = performance.now();
const report = core.checkNote(file, readFileSync(file, 'utf8'));
const t2 = performance.now();
const mem = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    loadMs: t1 - t0,
    checkMs: t2 - t1,
    claims: report.claims.length,
    rssMB: mem.rss / 2 ** 20,
    heapMB: mem.heapUsed / 2 ** 20,
  }),
);
