import { strict as assert } from 'assert';
import { LineIndex, readMarkdownMath } from '../../../src/notes';
import type { MathBlock } from '../../../src/notes';
import { assertOffsetsExact, fixture } from './helpers';

/** Reads `text` and checks the offset invariant on every block. */
function read(text: string): MathBlock[] {
  const blocks = readMarkdownMath(text, 0);
  for (const block of blocks) assertOffsetsExact(block, text);
  return blocks;
}

/** `[latex, delimiter, offset of the first LaTeX character]` of each block. */
function summary(blocks: readonly MathBlock[]): [string, string, number][] {
  return blocks.map((block) => [block.latex, block.delimiter, block.offsets[0]]);
}

/** A deterministic pseudo-random note made of Markdown and math syntax fragments. */
function randomNote(next: () => number): string {
  const pieces = [
    '$',
    '$$',
    '\\(',
    '\\)',
    '\\[',
    '\\]',
    '\\',
    '`',
    '```',
    '```math',
    '\n',
    '\r\n',
    '\n\n',
    '> ',
    '- ',
    '1. ',
    '    ',
    '\t',
    'x',
    'a b',
    '|',
    '|---|',
    '#',
    '*',
    '[',
    ']',
    '(',
    ')',
    '<div>',
    '😀',
    '한',
    '{',
    '}',
    '~~~',
    '\n===\n',
    '\0',
  ];
  let note = '';
  for (let i = 1 + Math.floor(next() * 40); i > 0; i--) note += pieces[Math.floor(next() * pieces.length)];
  return note;
}

describe('readMarkdownMath', () => {
  describe('on the real notes', () => {
    it('reads every formula of seed 004, starting with $$C = (A_2 - Y)^2$$ on line 3', () => {
      const text = fixture('004_9679d27c93839c2b.txt');
      const blocks = read(text);
      assert.equal(blocks.length, 52); // 26 `$$` blocks and 26 `$` formulas (156 `$` signs in all)
      assert.equal(blocks.filter((block) => block.display).length, 26);
      const first = blocks[0];
      assert.deepEqual([first.latex, first.delimiter, first.display, first.part], ['C = (A_2 - Y)^2', '$$', true, 0]);
      const lines = new LineIndex(text);
      assert.deepEqual(lines.positionAt(first.offsets[0]), { line: 3, column: 3 });
      const delta = blocks.find((block) => block.latex === '\\delta');
      assert.ok(delta);
      assert.deepEqual([delta.delimiter, delta.display], ['$', false]);
      assert.deepEqual(lines.positionAt(delta.offsets[0]), { line: 21, column: 2 });
      assert.equal(blocks[blocks.length - 1].latex, 'W_{\\text{hidden}} \\quad 3 \\times 3');
    });

    it('gives the repeated identical formulas of seed 001 distinct, increasing places', () => {
      const text = fixture('001_bc8c748b4631376c.txt');
      const blocks = read(text);
      assert.equal(blocks.length, 32); // 8 inline formulas and 24 `$$` blocks
      const starts = blocks.map((block) => block.offsets[0]);
      for (let i = 1; i < starts.length; i++) assert.ok(starts[i] > starts[i - 1], `block ${i} after block ${i - 1}`);
      const repeated = '= \\sum \\left[(\\alpha_2 - y) \\left(\\frac{\\partial \\alpha_2}{\\partial w_2} \\right) \\right]';
      const lines = new LineIndex(text);
      const repeatedLines = blocks.filter((b) => b.latex === repeated).map((b) => lines.positionAt(b.offsets[0]).line);
      assert.deepEqual(repeatedLines, [7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27]);
      const firstLine = blocks.filter((block) => lines.positionAt(block.offsets[0]).line === 1);
      assert.equal(firstLine.length, 7);
      assert.deepEqual(
        firstLine.map((block) => lines.positionAt(block.offsets[0]).column),
        [2, 28, 93, 158, 207, 236, 283],
      );
    });

    it('places the four identical formulas on one line of seed 003 one after another', () => {
      const text = fixture('003_15e24f7b963d36cf.txt');
      const blocks = read(text);
      assert.equal(blocks.length, 33);
      const lines = new LineIndex(text);
      const same = blocks.filter((block) => block.latex === 'W^{[2]} = W^{[2]} - x dw^{[2]}');
      assert.deepEqual(
        same.map((block) => lines.positionAt(block.offsets[0])),
        [36, 69, 102, 135].map((column) => ({ line: 44, column })),
      );
      const aligned = blocks.find((block) => block.latex.startsWith('\\begin{aligned}'));
      assert.ok(aligned);
      assert.deepEqual(lines.positionAt(aligned.offsets[0]), { line: 33, column: 3 });
      assert.ok(aligned.latex.endsWith('\\chi^{m}\n\\end{aligned}'));
    });
  });

  describe('delimiters', () => {
    it('reads $…$ inline and $$…$$ on one line as display', () => {
      assert.deepEqual(summary(read('a $x$ b\n\n$$y = 2$$\n')), [
        ['x', '$', 3],
        ['y = 2', '$$', 11],
      ]);
      assert.deepEqual(read('$x$')[0].display, false);
    });

    it('reads a $$ block over several lines, with the exact text between the delimiters', () => {
      const blocks = read('intro\n\n$$\na = b\n$$\n');
      assert.deepEqual(summary(blocks), [['\na = b\n', '$$', 9]]);
      assert.deepEqual(blocks[0].offsets, [9, 10, 11, 12, 13, 14, 15, 16]);
    });

    it('reads Obsidian-style blocks whose LaTeX starts right after the opening $$', () => {
      assert.deepEqual(summary(read('$$\\frac{a}{b} =$$')), [['\\frac{a}{b} =', '$$', 2]]);
      assert.deepEqual(summary(read('$$\\frac{a}{b} =\nc$$ and more\n')), [['\\frac{a}{b} =\nc', '$$', 2]]);
    });

    it('reads $$ blocks in the middle of a paragraph, on their own lines or inline', () => {
      assert.deepEqual(summary(read('before\n$$\nx\n$$\nafter')), [['\nx\n', '$$', 9]]);
      const inline = read('say $$ y = 2 $$ then');
      assert.deepEqual(summary(inline), [[' y = 2 ', '$$', 6]]);
      // (kramdown's inline math: `$$` inside a sentence is part of the sentence; a paragraph of its own is display)
      assert.equal(inline[0].display, false);
      assert.equal(read('say\n$$ y = 2 $$\nthen')[0].display, true);
      assert.deepEqual(summary(read('$$x$$ is one, $$y$$ is two')), [
        ['x', '$$', 2],
        ['y', '$$', 16],
      ]);
    });

    it('reads \\(…\\) inline and \\[…\\] as display, also over lines', () => {
      const blocks = read('so \\(a+b\\) and \\[\n c = d\n\\] done');
      assert.deepEqual(summary(blocks), [
        ['a+b', '\\(', 5],
        ['\n c = d\n', '\\[', 17],
      ]);
      assert.deepEqual(
        blocks.map((block) => block.display),
        [false, true],
      );
    });

    it('does not read escaped backslashes or empty brackets as math', () => {
      assert.deepEqual(read('a `\\\\[b\\\\]` and \\(\\) and \\[ \\]'), []);
      assert.deepEqual(summary(read('\\(a \\\\) b\\)')), [['a \\\\) b', '\\(', 2]]);
    });

    it("reads kramdown's escaped \\\\( \\\\) and \\\\[ \\\\], in document order with the rest", () => {
      const blocks = read('$a$ then \\\\(b = c\\\\) and\n\\\\[ d = e \\\\]\nlast $f$');
      assert.deepEqual(summary(blocks), [
        ['a', '$', 1],
        ['b = c', '\\\\(', 12],
        [' d = e ', '\\\\[', 28],
        ['f', '$', 45],
      ]);
      assert.deepEqual(
        blocks.map((block) => block.display),
        [false, false, true, false],
      );
    });

    it('leaves a LaTeX line break \\\\[2pt] inside $$…$$ alone', () => {
      const blocks = read('$$\na = b \\\\[2pt] c = d \\\\]\n$$');
      assert.deepEqual(summary(blocks), [['\na = b \\\\[2pt] c = d \\\\]\n', '$$', 2]]);
    });

    it('reads MathJax script tags, display with mode=display', () => {
      const text = 'x <script type="math/tex">a = b</script> and\n<script type="math/tex; mode=display">c = d</script>';
      const blocks = read(text);
      assert.deepEqual(summary(blocks), [
        ['a = b', '<script>', 26],
        ['c = d', '<script>', 83],
      ]);
      assert.deepEqual(
        blocks.map((block) => block.display),
        [false, true],
      );
      assert.equal(text.slice(83, 88), 'c = d');
    });

    it('reads ```math fences, whose LaTeX is the fence body', () => {
      assert.deepEqual(summary(read('text\n\n```math\n\\frac{a}{b}\n= c\n```\n')), [['\\frac{a}{b}\n= c\n', '```math', 14]]);
    });
  });

  describe('what is not math', () => {
    it('skips code spans, code fences and indented code', () => {
      const text = 'a `$x$` b $y$\n\n```\n$z$\n```\n\n~~~python\ns = "$w$"\n~~~\n\n    $indented$\n';
      assert.deepEqual(summary(read(text)), [['y', '$', 11]]);
    });

    it('does not read $5 and $10 as math', () => {
      assert.deepEqual(read('It costs $5 and $10 today.'), []);
    });

    it('skips unclosed and empty delimiters', () => {
      assert.deepEqual(read('$$ never closed\n\ntext'), []);
      assert.deepEqual(read('a $$$$ b $ $'), []);
    });
  });

  describe('containers', () => {
    it('reads math in block quotes, without the > prefixes', () => {
      const blocks = read('> quote $q$\n> $$\n> a\n> b\n> $$\n');
      assert.deepEqual(summary(blocks), [
        ['q', '$', 9],
        ['\na\nb\n', '$$', 16],
      ]);
      assert.deepEqual(blocks[1].offsets, [16, 19, 20, 23, 24, 25]);
    });

    it('reads math in list items, without their indentation', () => {
      const text = '- item $i$\n  $$\n  l = 1\n  $$\n- second \\(s\\)\n1. one\n   more $m$ here\n';
      assert.deepEqual(summary(read(text)), [
        ['i', '$', 8],
        ['\nl = 1\n', '$$', 15],
        ['s', '\\(', 40],
        ['m', '$', 60],
      ]);
    });

    it('reads a $$ block nested in a list inside a quote', () => {
      assert.deepEqual(summary(read('> - $$\n>   a\n>   $$')), [['\na\n', '$$', 6]]);
    });

    it('reads math in headings and table cells, each in its own cell', () => {
      const text = '# Head $h$\n\n| $a$ | $a$ |\n|---|---|\n| `$x$` | $x$ |\n';
      assert.deepEqual(summary(read(text)), [
        ['h', '$', 8],
        ['a', '$', 15],
        ['a', '$', 21],
        ['x', '$', 47],
      ]);
    });

    it('reads math in link text', () => {
      assert.deepEqual(summary(read('[see $l$](http://x)')), [['l', '$', 6]]);
    });
  });

  it('never throws and keeps every character exact on random Markdown', () => {
    let seed = 42;
    const next = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    let blocks = 0;
    for (let n = 0; n < 3000; n++) blocks += read(randomNote(next)).length;
    assert.ok(blocks > 400, `only ${blocks} blocks: the generator should produce plenty of math`);
  });

  describe('line endings and encodings', () => {
    it('keeps offsets into a CRLF text, pointing newlines at the \\n', () => {
      const text = 'x\r\n$$\r\na\r\nb\r\n$$\r\n\r\nthe $y\r\nz$ end\r\n';
      const blocks = read(text);
      assert.deepEqual(summary(blocks), [
        ['\na\nb\n', '$$', 6],
        ['y\nz', '$', 24],
      ]);
      assert.deepEqual(blocks[0].offsets, [6, 7, 9, 10, 12, 13]);
    });

    it('reads a whole note converted to CRLF exactly like the LF original', () => {
      const lf = fixture('004_9679d27c93839c2b.txt');
      const crlf = lf.replace(/\n/g, '\r\n');
      const lfBlocks = read(lf);
      const crlfBlocks = read(crlf);
      assert.deepEqual(
        crlfBlocks.map((block) => block.latex),
        lfBlocks.map((block) => block.latex),
      );
      const lfLines = new LineIndex(lf);
      const crlfLines = new LineIndex(crlf);
      crlfBlocks.forEach((block, i) => {
        assert.deepEqual(crlfLines.positionAt(block.offsets[0]), lfLines.positionAt(lfBlocks[i].offsets[0]));
      });
    });

    it('reads old Mac \\r line endings', () => {
      assert.deepEqual(summary(readMarkdownMath('a\rb $c$\r', 0)), [['c', '$', 5]]);
    });

    it('keeps offsets into the text as given when it starts with a BOM', () => {
      assert.deepEqual(summary(read('\uFEFF$$a$$\n\n$b$')), [
        ['a', '$$', 3],
        ['b', '$', 9],
      ]);
    });

    it('counts offsets in UTF-16 code units', () => {
      assert.deepEqual(summary(read('😀 한글 $\\alpha😀$ ok')), [['\\alpha😀', '$', 7]]);
    });

    it('drops the spaces markdown-it makes up for a partly used tab, so every character is in the source', () => {
      assert.deepEqual(summary(read('- item $a +\n\tb$')), [['a +\nb', '$', 8]]);
      assert.deepEqual(summary(read('> $x\n>\ty$')), [['x\n\ty', '$', 3]]);
    });

    it('reads plain-text equations, with exact offsets, only in a note without math delimiters', () => {
      const note = '# Pass\n\n* h1 = w1*i1 + w2*i2\n1. δE/δw5 = a_h1\n\nThis version = the final answer.\n\n```\nx = 1\n```\n';
      assert.deepEqual(summary(read(note)), [
        ['h1 = w1*i1 + w2*i2', 'text', 10],
        ['δE/δw5 = a_h1', 'text', 32],
      ]);
      assert.deepEqual(summary(read(`${note}\n$y$`)), [['y', '$', note.length + 2]], 'a note with delimiters writes its math in them');
    });

    it('copies the part index onto each block', () => {
      assert.deepEqual(
        readMarkdownMath('$x$ $$y$$', 3).map((block) => block.part),
        [3, 3],
      );
    });
  });

  describe('tables', () => {
    it('reads a table whose columns define the same names column by column, each column a section of its own', () => {
      const text = [
        '| | rows | columns |',
        '|---|---|---|',
        '| fwd | $z = x w$ | $z = w x$ |',
        '| grad | $g = 2 z$ | $g = 3 z$ |',
        '',
        '$$q = z$$',
      ].join('\n');
      const blocks = read(text);
      assert.deepEqual(
        blocks.map((b) => b.latex),
        ['z = x w', 'g = 2 z', 'z = w x', 'g = 3 z', 'q = z'],
      );
      const [a, b, c, d, after] = blocks.map((block) => block.section);
      assert.equal(a, b);
      assert.equal(c, d);
      assert.ok((a ?? 0) < (c ?? 0) && (c ?? 0) < (after ?? 0));
    });

    it('keeps an ordinary table in document order, in one section', () => {
      const blocks = read(['| name | value |', '|---|---|', '| a | $a = 1$ |', '| b | $b = 2$ |'].join('\n'));
      assert.deepEqual(
        blocks.map((b) => [b.latex, b.section]),
        [
          ['a = 1', 0],
          ['b = 2', 0],
        ],
      );
    });
  });
});
