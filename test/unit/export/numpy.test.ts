/**
 * Exported notes run in Python: every example and seed note exports a file whose checks PASS for the claims
 * derivcheck verified and FAIL for the ones it refuted (exit status 1 then, else 0); a note of our own with a lost
 * factor 2 fails exactly there. Skipped, with a message, when python3 with numpy is not installed.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { FUNCTIONS } from '../../../src/functions';
import { checkNote, exportNumpy } from '../../../src/index';

const root = path.join(__dirname, '../../../..');
const work = mkdtempSync(path.join(tmpdir(), 'derivcheck-export-'));
const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;

/** Exports a note and runs the file: its exit status and its PASS/FAIL line per check, by `path:line:col`. */
function exportAndRun(
  file: string,
  text: string,
): { status: number | null; lines: Map<string, string>; exported: ReturnType<typeof exportNumpy>['exported'] } {
  const result = exportNumpy(checkNote(file, text, { timeLimitMs: 5000 }), { path: file });
  const out = path.join(work, `${path.basename(file)}.py`);
  writeFileSync(out, result.source);
  const run = spawnSync('python3', [out], { encoding: 'utf8' });
  assert.equal(run.stderr, '', `python3 ${out} wrote to stderr:\n${run.stderr}`);
  const lines = new Map(
    run.stdout.split('\n').flatMap((l) => {
      const m = /^(PASS|FAIL) (.+?:\d+:\d+) /.exec(l);
      return m ? [[m[2], m[1]] as const] : [];
    }),
  );
  return { status: run.status, lines, exported: result.exported };
}

const NOTES = [
  ...readdirSync(path.join(root, 'examples')).map((f) => path.join('examples', f)),
  ...readdirSync(path.join(root, 'test/fixtures'))
    .filter((f) => /^00.*\.txt$/.test(f))
    .map((f) => path.join('test/fixtures', f)),
];

describe('export --numpy, run in python3', function () {
  before(function () {
    if (!hasNumpy) {
      console.log('    (skipped: python3 with numpy is not installed; apt-get install python3-numpy)');
      this.skip();
    }
  });

  for (const note of NOTES) {
    it(`${note}: verified claims PASS, refuted ones FAIL`, () => {
      const { status, lines, exported } = exportAndRun(note, readFileSync(path.join(root, note), 'utf8'));
      assert.equal(lines.size, exported.length, 'one line per exported claim');
      for (const c of exported)
        assert.equal(lines.get(c.where), c.verdict === 'verified' ? 'PASS' : 'FAIL', `${c.where} (${c.verdict}): ${c.latex}`);
      assert.equal(status, exported.some((c) => c.verdict === 'refuted') ? 1 : 0);
    });
  }

  it('the seed note 004: its refuted line 19 (σ(x) for σ(z₂)) fails in code', () => {
    const note = 'test/fixtures/004_9679d27c93839c2b.txt';
    const { status, lines } = exportAndRun(note, readFileSync(path.join(root, note), 'utf8'));
    assert.equal(lines.get(`${note}:19:3`), 'FAIL');
    assert.equal(status, 1);
  });

  it('a note of our own with a lost factor 2: that check fails, the others pass', () => {
    const note = [
      '$$z = w x + b$$',
      '$$L = (z - t)^2$$',
      '$$\\frac{\\partial L}{\\partial b} = 2(z - t)$$',
      '$$\\frac{\\partial L}{\\partial w} = (z - t) x$$',
    ].join('\n\n');
    const { status, lines } = exportAndRun('lost-two.md', note);
    assert.deepEqual(
      [...lines],
      [
        ['lost-two.md:5:3', 'PASS'],
        ['lost-two.md:7:3', 'FAIL'],
      ],
    );
    assert.equal(status, 1);
  });

  it('a correct note exports a file that exits 0', () => {
    const note = '$$h = \\tanh(u), \\quad u = v x$$\n\n$$\\frac{\\partial h}{\\partial v} = (1 - h^2) x$$';
    const { status, lines } = exportAndRun('correct.md', note);
    assert.deepEqual([...lines.values()], ['PASS']);
    assert.equal(status, 0);
  });

  it("every registry function's NumPy spelling has its values", () => {
    const points = [-1.7, -0.35, 0.3, 1.45];
    const script = [
      'import math',
      'import numpy as np',
      'u = np.array(%s)',
      ...FUNCTIONS.map((f) => `print(${JSON.stringify(f.name)}, list(map(float, ${f.numpy})))`),
    ]
      .join('\n')
      .replace('%s', JSON.stringify(points));
    const run = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    for (const line of run.stdout.trim().split('\n')) {
      const [name, ...rest] = line.split(' ');
      const values = JSON.parse(rest.join(' ').replace(/nan/g, 'null')) as (number | null)[];
      const f = FUNCTIONS.find((e) => e.name === name)!;
      points.forEach((x, i) => {
        const want = f.f(x);
        if (Number.isNaN(want)) return assert.equal(values[i], null, `${name}(${x})`);
        assert.ok(Math.abs(values[i]! - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${name}(${x}): NumPy ${values[i]}, registry ${want}`);
      });
    }
  });
});
