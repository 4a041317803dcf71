import { strict as assert } from 'assert';
import { looksLikeNote, noteKind, readNote } from '../../../src/notes';
import { assertAllExact, fixture } from './helpers';

const SEEDS: [string, string, number][] = [
  ['000_bb3cef3bd377dd45.txt', 'excalidraw', 3],
  ['001_bc8c748b4631376c.txt', 'markdown', 32],
  ['002_13cd1b4069b30e52.txt', 'excalidraw', 3],
  ['003_15e24f7b963d36cf.txt', 'markdown', 33],
  ['004_9679d27c93839c2b.txt', 'markdown', 52],
];

describe('readNote', () => {
  for (const [name, kind, count] of SEEDS) {
    it(`reads seed ${name.slice(0, 3)} as ${kind} with ${count} exact blocks`, () => {
      const text = fixture(name);
      const document = readNote(name, text);
      assert.equal(document.kind, kind);
      assert.deepEqual(document.parts, [{ text }]);
      assert.deepEqual(document.errors, []);
      assert.equal(document.blocks.length, count);
      assertAllExact(document.blocks, document.parts);
    });
  }

  it('reads a notebook by its content, whatever its name', () => {
    const text = fixture('notebook.ipynb');
    for (const path of ['notebook.ipynb', 'notebook.txt']) {
      const document = readNote(path, text);
      assert.equal(document.kind, 'ipynb');
      assert.deepEqual(
        document.parts.map((part) => part.cell),
        [0, 2, 4],
      );
      assert.equal(document.blocks.length, 2);
      assertAllExact(document.blocks, document.parts);
    }
  });

  it('goes by the file name when the content does not tell', () => {
    assert.equal(noteKind('broken.ipynb', '{"cells": ['), 'ipynb');
    assert.equal(readNote('broken.ipynb', '{"cells": [').errors.length, 1);
    assert.equal(noteKind('drawing.excalidraw.md', '# nothing yet'), 'excalidraw');
    assert.equal(noteKind('notes.md', '{"cells": ['), 'markdown');
    assert.equal(noteKind('notes.md', '{"cells": []}'), 'ipynb');
  });

  it('keeps offsets relative to the text as given when it starts with a BOM', () => {
    const text = fixture('004_9679d27c93839c2b.txt');
    const plain = readNote('a.md', text).blocks;
    const withBom = readNote('a.md', '\uFEFF' + text);
    assert.deepEqual(
      withBom.blocks.map((block) => block.offsets[0]),
      plain.map((block) => block.offsets[0] + 1),
    );
    assertAllExact(withBom.blocks, withBom.parts);
    const drawing = readNote('a.md', '\uFEFF' + fixture('000_bb3cef3bd377dd45.txt'));
    assert.equal(drawing.kind, 'excalidraw');
    assertAllExact(drawing.blocks, drawing.parts);
  });

  it('never throws, whatever the input', () => {
    const inputs = [
      '',
      '$',
      '$$',
      '\\[',
      '```math',
      '\0\0$x$\0',
      '{',
      '{"cells": 5}',
      '> $$\n> ',
      '- $$\n',
      '# Excalidraw Data\n## Drawing\n```json\n',
    ];
    for (const input of inputs) {
      for (const path of ['x.md', 'x.ipynb', 'x.excalidraw.md']) {
        const document = readNote(path, input);
        for (const error of document.errors) assert.ok(error.part < document.parts.length);
      }
    }
  });
});

describe('looksLikeNote', () => {
  it('accepts text with math delimiters, drawings and notebooks', () => {
    for (const [name] of SEEDS) assert.equal(looksLikeNote(fixture(name)), true, name);
    assert.equal(looksLikeNote(fixture('notebook.ipynb')), true);
    assert.equal(looksLikeNote('so \\(x\\)'), true);
    assert.equal(looksLikeNote('so \\[x\\]'), true);
    assert.equal(looksLikeNote('```math\nx\n```'), true);
    assert.equal(looksLikeNote('a $x$ b'), true);
  });

  it('rejects text without math, and binary content', () => {
    assert.equal(looksLikeNote('just words'), false);
    assert.equal(looksLikeNote('one $ sign'), false);
    assert.equal(looksLikeNote('PNG\0\0 $x$ $y$'), false);
  });
});
