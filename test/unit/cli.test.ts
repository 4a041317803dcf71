import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync, copyFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { main } from '../../src/cli';
import { fixture } from './verify/helpers';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(
    argv,
    (s) => (out += s),
    (s) => (err += s),
  );
  return { code, out, err };
}

const SEED_004 = fixture('004_9679d27c93839c2b.txt');
const CORRECT = '$$C = (a - y)^2, \\quad \\frac{\\partial C}{\\partial a} = 2(a - y)$$\n';

describe('derivcheck CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'derivcheck-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 1 and prints compiler-style lines when a claim is refuted', async () => {
    const { code, out } = await run(SEED_004);
    assert.equal(code, 1);
    assert.match(out, new RegExp(`^${SEED_004.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:19:3: refuted: \\\\frac\\{dC\\}\\{dw_2\\}`, 'm'));
    assert.match(out, /1 file: \d+ verified, 1 refuted, \d+ unverifiable/);
  });

  it('exits 0 when nothing is refuted', async () => {
    const file = path.join(dir, 'ok.md');
    writeFileSync(file, CORRECT);
    const { code, out } = await run(file);
    assert.equal(code, 0);
    assert.match(out, /ok\.md:1:24: verified: \\frac\{\\partial C\}\{\\partial a\} = 2\(a - y\)/);
  });

  it('prints the JSON contract', async () => {
    const { code, out } = await run('--format', 'json', '--seed', '3', SEED_004);
    assert.equal(code, 1);
    const json = JSON.parse(out);
    assert.deepEqual(Object.keys(json), ['files', 'summary']);
    const claims = json.files[0].claims;
    const refuted = claims.find((c: { verdict: string }) => c.verdict === 'refuted');
    assert.deepEqual(
      Object.keys(refuted).sort(),
      [
        'code',
        'column',
        'counterexample',
        'endColumn',
        'endLine',
        'engine',
        'expected',
        'kind',
        'latex',
        'line',
        'message',
        'verdict',
      ].sort(),
    );
    assert.deepEqual(Object.keys(refuted.engine).sort(), ['backprop', 'claimed', 'finiteDifference', 'maxAbsError']);
    assert.ok(Math.abs(refuted.engine.backprop - refuted.counterexample.actual) < 1e-9, 'the engine agrees with the true value');
    assert.ok(Math.abs(refuted.engine.claimed - refuted.counterexample.claimed) < 1e-9);
    assert.equal(refuted.line, 19);
    assert.equal(refuted.kind, 'derivative');
    assert.deepEqual(Object.keys(refuted.counterexample).sort(), ['actual', 'claimed', 'point']);
    assert.equal(typeof refuted.counterexample.point.x, 'number');
    assert.deepEqual(json.files[0].errors, []);
    assert.equal(json.summary.refuted, 1);
    assert.equal(json.summary.verified + json.summary.refuted + json.summary.unverifiable, claims.length);
  });

  it('reports notebook claims with their cell', async () => {
    const { out } = await run('--format=json', fixture('notebook.ipynb'));
    const claims = JSON.parse(out).files[0].claims;
    assert.ok(claims.length > 0);
    for (const c of claims) assert.equal(typeof c.cell, 'number');
  });

  it('walks directories for notes, skipping .git, node_modules and .obsidian, and sniffing other files', async () => {
    for (const sub of ['notes', '.git', 'node_modules', '.obsidian']) mkdirSync(path.join(dir, sub));
    for (const sub of ['notes', '.git', 'node_modules', '.obsidian']) writeFileSync(path.join(dir, sub, 'a.md'), CORRECT);
    copyFileSync(SEED_004, path.join(dir, 'notes', 'seed.txt'));
    writeFileSync(path.join(dir, 'notes', 'plain.txt'), 'no math here, it costs $5');
    writeFileSync(path.join(dir, 'notes', 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x24, 0x24]));
    const { out } = await run('--format', 'json', dir);
    const paths = JSON.parse(out).files.map((f: { path: string }) => path.relative(dir, f.path));
    assert.deepEqual(paths, [path.join('notes', 'a.md'), path.join('notes', 'seed.txt')]);
  });

  it('exits 2 for an unreadable file but still checks the others', async () => {
    const file = path.join(dir, 'ok.md');
    writeFileSync(file, CORRECT);
    const { code, out } = await run('--format', 'json', path.join(dir, 'missing.md'), file);
    assert.equal(code, 2);
    const json = JSON.parse(out);
    assert.match(json.files[0].errors[0].message, /cannot read .*missing\.md: ENOENT/);
    assert.equal(json.files[1].claims[0].verdict, 'verified');
  });

  it('exits 2 with usage for bad arguments', async () => {
    for (const argv of [[], ['--format', 'xml', 'a.md'], ['--samples', '0', 'a.md'], ['--bogus', 'a.md'], ['--seed']]) {
      const { code, err } = await run(...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(err, /Usage: derivcheck/);
    }
  });

  it('takes a time box per claim: a claim over it is unverifiable, never refuted', async () => {
    const file = path.join(dir, 'deep.md');
    // 150 layers: the forward pass alone takes more than a millisecond
    const layers = Array.from(
      { length: 150 },
      (_, i) => `$$z_{${i + 1}} = w_{${i + 1}} ${i === 0 ? 'x' : `a_{${i}}`}, \\quad a_{${i + 1}} = \\sigma(z_{${i + 1}})$$`,
    );
    writeFileSync(file, `${layers.join('\n')}\n$$\\frac{\\partial a_{150}}{\\partial w_{150}} = a_{150}$$\n`);
    const boxed = JSON.parse((await run('--format', 'json', '--time-limit', '1', file)).out);
    assert.equal(boxed.files[0].claims[0].verdict, 'unverifiable');
    assert.match(boxed.files[0].claims[0].message, /took too long/);
    const free = await run('--format', 'json', file);
    assert.equal(JSON.parse(free.out).files[0].claims[0].verdict, 'refuted');
    assert.equal((await run('--time-limit', '0', file)).code, 2);
  });

  it('prints help and version', async () => {
    assert.match((await run('--help')).out, /Usage: derivcheck/);
    assert.match((await run('--version')).out, /^derivcheck /);
  });

  it('runs as the bundled executable', function () {
    this.timeout(60000);
    const root = path.join(__dirname, '../../..');
    const cli = path.join(root, 'dist/cli.js');
    // (on a clean clone, test:unit runs before any build: bundle it as `npm run build` does)
    if (!existsSync(cli)) spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'ignore' });
    const r = spawnSync(process.execPath, [cli, '--format', 'json', SEED_004], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(JSON.parse(r.stdout).summary.refuted, 1);
  });
});
