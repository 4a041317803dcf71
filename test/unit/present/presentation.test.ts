import { strict as assert } from 'assert';
import {
  diagnosticFor,
  fixFor,
  hasLens,
  ignoreFixFor,
  inputFixesFor,
  internalErrors,
  lensTitle,
  minimalEdit,
  statusText,
} from '../../../src/present/presentation';
import { checkNote } from '../../../src/verify/checkNote';
import { readFixture } from '../verify/helpers';

const SEED = readFixture('004_9679d27c93839c2b.txt');

describe('presentation (what the editor shows)', () => {
  const report = checkNote('seed.md', SEED);
  const refuted = report.claims.find((c) => c.verdict === 'refuted')!;
  const unverifiable = report.claims.find((c) => c.verdict === 'unverifiable')!;
  const verified = report.claims.find((c) => c.verdict === 'verified')!;

  it('makes refuted claims errors, with the expected expression', () => {
    const d = diagnosticFor(refuted, { showUnverifiable: true })!;
    assert.equal(d.severity, 'error');
    assert.equal(d.code, 'refuted/wrong-factor', 'σ(x) where σ(z₂) belongs');
    assert.match(d.message, /should be ∂A₂\/∂z₂.*Expected: /);
  });
  it('makes unverifiable claims hints, or nothing when they are hidden', () => {
    assert.equal(diagnosticFor(unverifiable, { showUnverifiable: true })!.severity, 'hint');
    assert.equal(diagnosticFor(unverifiable, { showUnverifiable: false }), undefined);
  });
  it('lists unverifiable claims in Problems (as information) when derivcheck.problems.showUnverifiable asks', () => {
    const d = diagnosticFor(unverifiable, { showUnverifiable: false, unverifiableInProblems: true })!;
    assert.equal(d.severity, 'information');
    assert.match(d.message, /^Unverifiable: /);
    assert.equal(diagnosticFor(refuted, { showUnverifiable: false, unverifiableInProblems: true })!.severity, 'error');
  });
  it('gives lenses by the derivcheck.codeLens setting', () => {
    assert.deepEqual(
      (['all', 'refuted', 'off'] as const).map((s) => report.claims.filter((c) => hasLens(c.verdict, s)).length),
      [report.claims.length, 1, 0],
    );
  });
  it('makes no diagnostic of a verified claim', () => {
    assert.equal(diagnosticFor(verified, { showUnverifiable: true }), undefined);
  });
  it('titles CodeLenses by verdict', () => {
    assert.equal(lensTitle('verified'), '✓ verified · explain');
    assert.equal(lensTitle('refuted'), '✗ refuted · explain');
    assert.equal(lensTitle('unverifiable'), '? unverifiable');
    assert.equal(lensTitle('verified', 'assuming J = binary cross-entropy'), '✓ verified, assuming J = binary cross-entropy · explain');
  });
  it('counts for the status bar', () => {
    const n = (v: string): number => report.claims.filter((c) => c.verdict === v).length;
    assert.equal(statusText(report.claims), `✓ ${n('verified')} ✗ 1 ? ${n('unverifiable')}`);
    assert.equal(statusText([]), '✓ 0 ✗ 0 ? 0');
  });
  it('fixes the wrong factor only, and the fixed note verifies', () => {
    const fix = fixFor(refuted, report.locate)!;
    assert.equal(SEED.slice(fix.startOffset, fix.endOffset), '\\sigma(x)(1-\\sigma(x))');
    assert.match(fix.title, /^Replace \\sigma\(x\)\(1-\\sigma\(x\)\) with /);
    const fixed = SEED.slice(0, fix.startOffset) + fix.text + SEED.slice(fix.endOffset);
    const again = checkNote('seed.md', fixed).claims.find((c) => c.location.start.line === refuted.location.start.line)!;
    assert.equal(again.verdict, 'verified', again.message);
  });
  it('fixes a whole right side when no single factor is to blame, and the fixed note verifies', () => {
    const note = '$$C = (a - y)^2, \\quad \\frac{\\partial C}{\\partial a} = a - y$$';
    const r = checkNote('n.md', note);
    const fix = fixFor(r.claims[0], r.locate)!;
    assert.equal(note.slice(fix.startOffset, fix.endOffset), 'a - y');
    const fixed = note.slice(0, fix.startOffset) + fix.text + note.slice(fix.endOffset);
    assert.equal(checkNote('n.md', fixed).claims[0].verdict, 'verified');
  });
  it('offers no fix where the wrong text was written by a macro of the note, and one where the note wrote it', () => {
    const note =
      '$$\\gdef\\sig{\\sigma(z)(1+\\sigma(z))}$$\n\n$$a = \\sigma(z)$$\n\n$$\\frac{\\partial a}{\\partial z} = \\sig$$\n\n$$\\frac{\\partial a}{\\partial z} = a(1 + a)$$';
    const r = checkNote('n.md', note);
    const [inMacro, written] = r.claims;
    assert.deepEqual([inMacro.verdict, written.verdict], ['refuted', 'refuted']);
    assert.equal(fixFor(inMacro, r.locate), undefined);
    const fix = fixFor(written, r.locate)!;
    assert.equal(note.slice(fix.startOffset, fix.endOffset), 'a(1 + a)');
  });
  it('offers no fix for claims that are not refuted', () => {
    assert.equal(fixFor(verified, report.locate), undefined);
  });
  it('ignores a formula with a directive on the line before it (quoted inside a quote), after which it is not judged', () => {
    for (const note of [
      '$$a = \\sigma(z)$$\n\nSo\n$$\\frac{\\partial a}{\\partial z} = a(1 + a)$$\n',
      '$$a = \\sigma(z)$$\n\n> So\n> $$\\frac{\\partial a}{\\partial z} = a(1 + a)$$\n',
    ]) {
      const r = checkNote('n.md', note);
      const claim = r.claims.find((c) => c.verdict === 'refuted')!;
      const fix = ignoreFixFor(claim, r)!;
      const fixed = note.slice(0, fix.offset) + fix.text + note.slice(fix.offset);
      assert.match(fixed, /(^|\n)(> )?<!-- derivcheck-ignore -->\n(> )?\$\$\\frac/);
      assert.deepEqual(
        checkNote('n.md', fixed).claims.map((c) => c.verdict),
        [],
        fixed,
      );
    }
  });
  describe("minimal fixes in the note's style", () => {
    const fixOf = (note: string): { fix: NonNullable<ReturnType<typeof fixFor>>; fixed: string; message: string; expected?: string } => {
      const r = checkNote('n.md', note);
      const claim = r.claims.find((c) => c.verdict === 'refuted')!;
      const fix = fixFor(claim, r.locate, (at) => note.slice(at.startOffset, at.endOffset))!;
      return {
        fix,
        fixed: note.slice(0, fix.startOffset) + fix.text + note.slice(fix.endOffset),
        message: claim.message,
        expected: claim.expected,
      };
    };
    const verdictsOf = (note: string): string[] => checkNote('n.md', note).claims.map((c) => c.verdict);
    const BCE = '$$\\hat y = \\sigma(z)$$\n\n$$L = -\\left(y \\log \\hat y + (1 - y) \\log(1 - \\hat y)\\right)$$\n\n';
    it('expects ŷ − y for a flipped BCE gradient, and flips it by swapping the two terms', () => {
      const { fix, fixed, message, expected } = fixOf(`${BCE}$$\\frac{\\partial L}{\\partial z} = y - \\hat y$$`);
      assert.equal(expected, '\\hat y - y');
      assert.match(
        message.normalize('NFC'),
        new RegExp(`^∂L/∂z = ${'ŷ'.normalize('NFC')} − y, not y − ${'ŷ'.normalize('NFC')} \\(the sign is flipped\\)`),
      );
      assert.equal(fix.title, 'Flip the sign: \\hat y - y');
      assert.deepEqual(verdictsOf(fixed), ['verified']);
    });
    it('flips a sign by deleting the minus, touching nothing else', () => {
      const note =
        '$$z = w x + b, \\quad a = \\sigma(z), \\quad C = (a - y)^2$$\n\n$$\\frac{\\partial C}{\\partial w} = -2(a - y) a (1 - a) x$$';
      const { fix, fixed } = fixOf(note);
      assert.equal(fix.endOffset - fix.startOffset, 1);
      assert.equal(fix.text, '');
      assert.deepEqual(verdictsOf(fixed), ['verified']);
    });
    it('inserts a missing factor x at the end, and a lost 1/m in front, saying so', () => {
      const note =
        '$$z = w x + b, \\quad a = \\sigma(z), \\quad C = (a - y)^2$$\n\n$$\\frac{\\partial C}{\\partial w} = 2(a - y) a (1 - a)$$';
      const missing = fixOf(note);
      assert.match(missing.message, /\(missing factor x\)/);
      assert.equal(missing.fix.title, 'Add the missing factor x');
      assert.equal(missing.fix.text, ' x');
      assert.deepEqual(verdictsOf(missing.fixed), ['verified']);
      const mean =
        '$$J = \\frac{1}{2m} \\sum_{i=1}^{m} (w x_i - y_i)^2$$\n\n$$\\frac{\\partial J}{\\partial w} = \\sum_{i=1}^{m} (w x_i - y_i) x_i$$';
      const lost = fixOf(mean);
      assert.match(lost.message, /off by 1\/m/);
      assert.equal(lost.fix.title, 'Multiply by \\frac{1}{m}');
      assert.equal(lost.fix.text, '\\frac{1}{m} ');
      assert.deepEqual(verdictsOf(lost.fixed), ['verified']);
    });
    it('swaps the factors of a product that cannot be formed, and flips the sign of an ascent step', () => {
      const course =
        '$X \\in \\mathbb{R}^{3 \\times m}$\n\n$$Z = W X + b, \\quad A = \\tanh(Z)$$\n\n$$J = \\frac{1}{m} \\sum (A - Y)^2$$\n\n';
      const swapped = fixOf(`${course}$$dW = \\frac{1}{m} X^T dZ$$`);
      assert.match(swapped.message, /did you mean dZ X\^T, the factors swapped\?/);
      assert.equal(swapped.fix.title, 'Did you mean \\frac{1}{m} dZ X^T?');
      assert.deepEqual(verdictsOf(swapped.fixed), ['verified']);
      const ascent = fixOf(`${course}$$W := W + \\alpha\\, dW$$`);
      assert.equal(ascent.fix.text, '-');
      assert.equal(ascent.fix.endOffset - ascent.fix.startOffset, 1);
      assert.deepEqual(verdictsOf(ascent.fixed), ['verified']);
    });
    it('inserts the link a chain rule skipped, and nothing else', () => {
      const note =
        '$$z = w x + b, \\quad a = \\sigma(z), \\quad C = (a - y)^2$$\n\n$$\\frac{\\partial C}{\\partial w} = \\frac{\\partial C}{\\partial a} \\frac{\\partial z}{\\partial w}$$';
      const { fix, fixed, message } = fixOf(note);
      assert.match(message, /^broken link/);
      assert.equal(fix.title, 'Insert the missing link \\frac{\\partial a}{\\partial z}');
      assert.equal(fix.text.trim(), '\\frac{\\partial a}{\\partial z}');
      assert.equal(fix.endOffset, fix.startOffset, 'an insertion');
      assert.deepEqual(verdictsOf(fixed), ['verified']);
    });
    it('keeps command names whole in an edit', () => {
      assert.deepEqual(minimalEdit('\\hat y', '\\hat z'), { start: 5, end: 6, text: 'z' });
      assert.deepEqual(minimalEdit('\\alpha', '\\beta'), { start: 0, end: 6, text: '\\beta' });
    });
  });
  it('offers "Treat S as an input" for the definitions a verdict used, each a directive before the definition', () => {
    const note = '$$h = \\sigma(u)$$\n\n$$\\frac{\\partial h}{\\partial u} = 1 - h^2$$\n';
    const r = checkNote('n.md', note);
    const [fix] = inputFixesFor(r.claims[0], r);
    assert.equal(fix.title, 'Treat h as an input (derivcheck-input)');
    const fixed = note.slice(0, fix.offset) + fix.text + note.slice(fix.offset);
    assert.match(fixed, /^<!-- derivcheck-input: h -->\n\$\$h = /);
    assert.equal(checkNote('n.md', fixed).claims[0].verdict, 'unverifiable');
  });
  it("gives the internal errors of a check with their place and stack, for the host's log", () => {
    const claim = report.claims[0];
    const failed = {
      ...claim,
      verdict: 'unverifiable' as const,
      code: 'unverifiable/internal-error' as const,
      internalError: 'TypeError: x is undefined\n    at judge (judge.ts:1:1)',
    };
    const lines = internalErrors(
      {
        claims: [failed, report.claims[1]],
        errors: [{ message: 'internal error while checking this note: boom', stack: 'Error: boom\n    at build' }],
      },
      'seed.md',
    );
    assert.deepEqual(lines, [
      'internal error in seed.md: Error: boom\n    at build',
      `internal error in seed.md:${claim.location.start.line}:${claim.location.start.column} (${claim.latex.trim()}): TypeError: x is undefined\n    at judge (judge.ts:1:1)`,
    ]);
    assert.deepEqual(internalErrors(report, 'seed.md'), [], 'a check without internal errors logs nothing');
  });
});
