import { strict as assert } from 'assert';
import { NoteFile, checkDocument, claimAt, editorRange } from '../../../src/index';
import { cellSourceLiterals } from '../../../src/present/notebookJson';

/** The text of the file between two 0-based positions. */
function textAt(file: NoteFile, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = file.text.split('\n');
  const offset = (p: { line: number; character: number }): number =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return file.text.slice(offset(range.start), offset(range.end));
}

describe('places in the file an editor holds', () => {
  it('maps a Markdown claim to its 0-based range and back', () => {
    const file = new NoteFile('note.md', '# x\n\n$$C = (a - y)^2, \\quad \\frac{\\partial C}{\\partial a} = 3(a - y)$$\n');
    const report = checkDocument(file.document);
    const claim = report.claims[0];
    const range = file.rangeOf(claim.location);
    assert.deepEqual(range, editorRange(claim.location));
    assert.equal(textAt(file, range!), '\\frac{\\partial C}{\\partial a} = 3(a - y)');
    const place = file.placeAt({ line: 2, character: range!.start.character + 4 });
    assert.deepEqual(place, { part: 0, offset: claim.location.startOffset + 4 });
    assert.equal(claimAt(report, place!), claim);
    assert.equal(claimAt(report, { part: 0, offset: 1 }), undefined);
    assert.deepEqual(file.edit({ part: 0, startOffset: 5, endOffset: 7 }, 'x'), {
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } },
      newText: 'x',
    });
  });

  it('finds each cell source of a notebook JSON, escapes and a BOM included', () => {
    const text =
      '\uFEFF{"cells": [{"cell_type": "code", "source": "x"}, {"source": ["a\\u00e9\\n", "\\"b\\""]}, {"cell_type": "raw"}], "n": [1, -2.5e3, true, null]}';
    const cells = cellSourceLiterals(text);
    assert.equal(cells.length, 3);
    assert.deepEqual(
      cells[1]?.map((l) => l.value),
      ['aé\n', '"b"'],
    );
    const [first] = cells[1]!;
    assert.deepEqual(
      first.offsets.map((o) => text[o]),
      ['a', '\\', '\\', '"'],
    );
    assert.equal(cells[2], undefined);
    assert.deepEqual(cellSourceLiterals('{"cells": [ {"source": "unclosed'), []);
    assert.deepEqual(cellSourceLiterals('[1, 2]'), []);
  });

  it('maps a notebook cell claim into the JSON, edits it as JSON inside one string, and refuses an edit across two', () => {
    const notebook = {
      cells: [
        { cell_type: 'markdown', source: ['Intro é\n'] },
        { cell_type: 'markdown', source: ['$$C = (a - y)^2$$\n', '$$\\frac{\\partial C}{\\partial a} = 3(a - y)$$\n'] },
      ],
    };
    const file = new NoteFile('n.ipynb', JSON.stringify(notebook, null, 1));
    const report = checkDocument(file.document);
    const claim = report.claims.find((c) => c.verdict === 'refuted')!;
    assert.equal(claim.location.part, 1);
    const range = file.rangeOf(claim.location)!;
    assert.equal(textAt(file, range), '\\\\frac{\\\\partial C}{\\\\partial a} = 3(a - y)');
    const inside = file.placeAt({ line: range.start.line, character: range.start.character + 2 });
    assert.deepEqual(inside, { part: 1, offset: claim.location.startOffset + 1 }, 'the escaped backslash is one character of the cell');
    assert.equal(file.placeAt({ line: 0, character: 0 }), undefined, 'outside every cell source');

    const edit = file.edit({ part: 1, startOffset: claim.location.endOffset - 8, endOffset: claim.location.endOffset - 7 }, '2\\,');
    assert.ok(edit);
    assert.equal(edit.newText, '2\\\\,');
    const lines = file.text.split('\n');
    const line = lines[edit.range.start.line];
    lines[edit.range.start.line] = line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
    assert.equal(JSON.parse(lines.join('\n')).cells[1].source[1], '$$\\frac{\\partial C}{\\partial a} = 2\\,(a - y)$$\n');

    const seam = notebook.cells[1].source[0].length;
    assert.equal(file.edit({ part: 1, startOffset: seam - 3, endOffset: seam + 3 }, 'x'), undefined);
    assert.ok(
      file.edit({ part: 1, startOffset: seam, endOffset: seam }, '<!-- derivcheck-ignore -->\n'),
      'an insertion at a seam goes into the next string',
    );
  });
});
