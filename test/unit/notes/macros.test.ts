/** The note's own macros: definitions taken out, uses expanded, every character still placed in the source. */
import { strict as assert } from 'assert';
import { readNote } from '../../../src/notes/readNote';
import { check } from '../verify/helpers';

const blocks = (text: string): { latex: string; offsets: readonly number[] }[] =>
  readNote('n.md', text).blocks.map((b) => ({ latex: b.latex, offsets: b.offsets }));

describe('note macros', () => {
  it('expands \\newcommand with arguments, a default, and macros inside macros', () => {
    const text =
      '$\\newcommand{\\R}{\\mathbb{R}}\\newcommand{\\pd}[2]{\\frac{\\partial #1}{\\partial #2}}$\n\n$$\\pd{L}{w} \\in \\R$$\n\n$\\newcommand{\\sq}[2][x]{#1^{#2}} \\sq{2} + \\sq[y]{3}$';
    const latex = blocks(text).map((b) => b.latex.trim());
    assert.deepEqual(latex, ['\\frac{\\partial L}{\\partial w} \\in \\mathbb{R}', 'x^{2} + y^{3}']);
  });

  it('expands \\def and \\gdef with #1#2, and \\DeclareMathOperator', () => {
    const text =
      '$$\\gdef\\par#1#2{\\frac{\\partial #1}{\\partial #2}} \\DeclareMathOperator{\\diag}{diag}$$\n\n$$\\par{z}{w} = \\diag(s)$$';
    assert.deepEqual(
      blocks(text).map((b) => b.latex.trim()),
      ['\\frac{\\partial z}{\\partial w} = \\operatorname{diag}(s)'],
    );
  });

  it('places an argument at its own characters, and marks what the body wrote', () => {
    const text = '$\\def\\sq#1{2 #1^2}$ and $\\sq{ab}$';
    const [b] = readNote('n.md', text).blocks;
    assert.equal(b.latex, '2 ab^2');
    const name = text.lastIndexOf('\\sq');
    const arg = text.indexOf('ab}');
    // the body's characters sit at the macro's name, or after the argument before them: offsets never go back
    assert.deepEqual(b.offsets.slice(0, 6), [name, name, arg, arg + 1, arg + 1, arg + 1]);
    assert.deepEqual(b.fromMacro, [true, true, false, false, true, true]);
  });

  it('keeps \\providecommand from replacing a macro, and stops a macro that uses itself', () => {
    const text = '$\\newcommand{\\x}{a}\\providecommand{\\x}{b}\\def\\loop{\\loop c}$\n\n$\\x + 1$\n\n$\\loop$';
    const [first, second] = blocks(text);
    assert.equal(first.latex, 'a + 1');
    assert.ok(second.latex.length <= 100_000 + 10);
  });

  it('checks a derivation written with the note’s own derivative macro', () => {
    const note =
      '$$\\gdef\\pd#1#2{\\frac{\\partial #1}{\\partial #2}}$$\n\n$$a = \\sigma(z)$$\n\n$$\\pd{a}{z} = a(1 - a)$$\n\n$$\\pd{a}{z} = a(1 + a)$$';
    assert.deepEqual(
      check(note).map((c) => c.verdict),
      ['verified', 'refuted'],
    );
  });
});
