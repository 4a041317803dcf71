import { strict as assert } from 'assert';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { execFileSync } from 'child_process';
import { tmpdir } from 'os';
import * as path from 'path';
import { main } from '../../../src/cli';
import { REASON_CODES } from '../../../src/index';

const ROOT = path.join(__dirname, '../../../..');
const EXAMPLES = path.join(ROOT, 'examples');

async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(
    argv,
    (s) => (out += s),
    () => undefined,
  );
  return { code, out };
}

/** Microsoft's SARIF validator (npm: @microsoft/sarif-multitool), made executable (npm does not run its postinstall). */
function multitool(): string {
  const bin = path.join(path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json')), 'Sarif.Multitool');
  if ((statSync(bin).mode & 0o100) === 0) chmodSync(bin, 0o755);
  return bin;
}

describe('CLI formats for other tools', function () {
  this.timeout(120000);

  it("--format sarif: SARIF 2.1.0 that the SARIF schema and GitHub code scanning rules accept (Microsoft's validator)", async () => {
    const { code, out } = await run('--format', 'sarif', EXAMPLES);
    assert.equal(code, 1, 'the examples have slips');
    const sarif = JSON.parse(out);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    // a rule per reason code that can be reported (verified ones are not results), each result pointing at its rule
    const ids = run0.tool.driver.rules.map((r: { id: string }) => r.id);
    assert.deepEqual(
      ids,
      REASON_CODES.filter((c) => !c.startsWith('verified/')),
    );
    for (const r of run0.results) assert.equal(ids[r.ruleIndex], r.ruleId);
    const refuted = run0.results.filter((r: { ruleId: string }) => r.ruleId.startsWith('refuted/'));
    assert.equal(refuted.length, 7);
    assert.ok(
      refuted.some((r: { ruleId: string }) => r.ruleId === 'refuted/missing-factor'),
      'the lost factor 2 of two-layer-network.md',
    );
    const slip = refuted.find((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
      r.locations[0].physicalLocation.artifactLocation.uri.endsWith('two-layer-network.md'),
    );
    assert.equal(slip.level, 'error');
    assert.equal(slip.ruleId, 'refuted/wrong-factor');
    assert.deepEqual(slip.locations[0].physicalLocation.region, { startLine: 27, startColumn: 3, endLine: 27, endColumn: 76 });
    const dir = mkdtempSync(path.join(tmpdir(), 'derivcheck-sarif-'));
    try {
      const file = path.join(dir, 'examples.sarif');
      const report = path.join(dir, 'validation.sarif');
      writeFileSync(file, out);
      execFileSync(multitool(), ['validate', '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning;Note', '--output', report, file], {
        stdio: 'pipe',
      });
      const found = JSON.parse(readFileSync(report, 'utf8')).runs[0].results as {
        ruleId: string;
        level: string;
        message: { arguments?: string[] };
      }[];
      // (notes are style suggestions; errors and warnings would be schema or GitHub ingestion failures)
      assert.deepEqual(
        found.filter((r) => r.level === 'error' || r.level === 'warning').map((r) => `${r.ruleId} ${r.message.arguments?.join(' ')}`),
        [],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--format junit: a test suite per note, a test case per claim, refuted ones failing, text escaped', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'derivcheck-junit-'));
    try {
      const note = path.join(dir, 'a&b.md');
      writeFileSync(
        note,
        '$$a = \\sigma(z)$$\n\n$$\\frac{\\partial a}{\\partial z} = a(1 - a)$$\n\n$$\\frac{\\partial a}{\\partial z} = a(1 + a) \\text{ "<wrong>" }$$\n',
      );
      const { code, out } = await run('--format', 'junit', note);
      assert.equal(code, 1);
      assert.match(out, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="derivcheck">/);
      assert.match(out, /<testsuite name="[^"]*a&amp;b\.md" tests="2" failures="1" errors="0" skipped="0">/);
      assert.equal((out.match(/<testcase /g) ?? []).length, 2);
      assert.equal((out.match(/<failure type="refuted\/[a-z-]+" message="/g) ?? []).length, 1);
      assert.doesNotMatch(
        out.replace(/<\/?[a-z]+[^<>]*>/g, '').replace(/<\?xml[^>]*\?>/, ''),
        /[<>]|&(?!amp;|lt;|gt;|quot;|apos;)/,
        'text and attributes escaped',
      );
      assert.match(out, /&quot;&lt;wrong&gt;&quot;/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--format github: an error annotation per refuted claim, a notice per unverifiable one, properties escaped', async () => {
    const { out } = await run(
      '--format',
      'github',
      path.join(EXAMPLES, 'two-layer-network.md'),
      path.join(EXAMPLES, 'generic-activation.ipynb'),
    );
    const lines = out.trim().split('\n');
    assert.equal(lines.filter((l) => l.startsWith('::error ')).length, 3);
    assert.ok(
      lines.every((l) =>
        /^::(error|notice) file=[^,]+,line=\d+(,col=\d+,endLine=\d+,endColumn=\d+)?,title=derivcheck%3A (refuted|unverifiable)\/[a-z-]+::\S/.test(
          l,
        ),
      ),
      lines.join('\n'),
    );
    assert.ok(lines.some((l) => /two-layer-network\.md,line=27,col=3,/.test(l)));
    assert.ok(
      lines.some((l) => /generic-activation\.ipynb,line=1,.*::cell 4, line 5: /.test(l)),
      'a notebook claim points at the file and names its cell',
    );
  });

  it('rejects an unknown format with the list of formats', async () => {
    let err = '';
    const code = await main(
      ['--format', 'xml', EXAMPLES],
      () => undefined,
      (s) => (err += s),
    );
    assert.equal(code, 2);
    assert.match(err, /--format must be one of text, json, sarif, junit, github, not xml/);
  });
});
