/**
 * derivcheck's language server in a real client nobody here wrote: Debian's Neovim, headless, runs
 * neovim/quickfix.lua against `node dist/cli.js --stdio` on a copy of the seed-004 note (see that script).
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

const root = path.join(__dirname, '../../..');

interface NeovimResult {
  readonly ok: boolean;
  readonly message: string;
  readonly steps: string[];
  readonly diagnostic?: { line: number; col: number; code: string; source: string; message: string };
  readonly fix?: string;
  readonly line19?: string;
  readonly diagnosticsAfter?: number;
}

describe('language server in Neovim (headless)', function () {
  this.timeout(120000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'derivcheck-nvim-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the refuted claim on line 19, applies its quick fix and sees the error go', () => {
    const note = path.join(dir, 'seed-004.md');
    copyFileSync(path.join(root, 'test/fixtures/004_9679d27c93839c2b.txt'), note);
    const resultPath = path.join(dir, 'result.json');
    const script = path.join(root, 'test/lsp/neovim/quickfix.lua');
    const run = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${script}`], {
      env: { ...process.env, DERIVCHECK_ROOT: root, DERIVCHECK_NOTE: note, DERIVCHECK_RESULT: resultPath },
      encoding: 'utf8',
      timeout: 100000,
    });
    const result = JSON.parse(readFileSync(resultPath, 'utf8')) as NeovimResult;
    assert.ok(result.ok, `${result.message} (after ${result.steps.join(', ')}; nvim: ${run.stderr})`);
    assert.equal(run.status, 0);
    assert.deepEqual(result.steps, ['started', 'diagnosed', 'fixed', 'cleared']);
    assert.equal(result.diagnostic?.line, 19);
    assert.equal(result.diagnostic?.col, 3);
    assert.equal(result.diagnostic?.source, 'derivcheck');
    assert.match(result.diagnostic?.code ?? '', /^refuted/);
    assert.match(result.diagnostic?.message ?? '', /should be ∂A₂\/∂z₂/);
    assert.equal(result.fix, 'Replace \\sigma(x)(1-\\sigma(x)) with A_2\\cdot\\left(1-A_2\\right)');
    assert.ok(result.line19?.includes('\\underbrace{A_2\\cdot\\left(1-A_2\\right)}_{\\text{sigmoid prime}}'), result.line19);
    // (what stays: the hint on the unverifiable chain of line 15)
    assert.equal(result.diagnosticsAfter, 1);
  });
});
