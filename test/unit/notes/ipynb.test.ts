import { strict as assert } from 'assert';
import { readNotebook } from '../../../src/notes';
import { assertAllExact, fixture } from './helpers';

describe('readNotebook', () => {
  it('makes each markdown cell a part with its cell index, and skips code and raw cells', () => {
    const { parts, blocks, errors } = readNotebook(fixture('notebook.ipynb'));
    assert.deepEqual(errors, []);
    assert.deepEqual(parts, [
      { text: '# Backprop\n\nThe loss is $L = (y - a)^2$.', cell: 0 },
      { text: 'Its derivative:\n$$\n\\frac{\\partial L}{\\partial a} = 2(a - y)\n$$', cell: 2 },
      { text: 'No math here.', cell: 4 },
    ]);
    assert.deepEqual(
      blocks.map((block) => [block.latex, block.delimiter, block.part, block.offsets[0]]),
      [
        ['L = (y - a)^2', '$', 0, 25],
        ['\n\\frac{\\partial L}{\\partial a} = 2(a - y)\n', '$$', 1, 18],
      ],
    );
    assertAllExact(blocks, parts);
  });

  it('reports malformed JSON at its position, with the whole file as part 0', () => {
    const text = '{"cells": [1 2]}';
    const { parts, blocks, errors } = readNotebook(text);
    assert.deepEqual(parts, [{ text }]);
    assert.deepEqual(blocks, []);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /^the notebook is not valid JSON: /);
    assert.equal(errors[0].offset, 13); // where V8 says the JSON went wrong
  });

  it('reports a notebook without cells', () => {
    const { errors } = readNotebook('{"metadata": {}}');
    assert.deepEqual(errors, [{ part: 0, offset: 0, message: 'the notebook has no list of cells' }]);
    assert.equal(readNotebook('[1, 2]').errors[0].message, 'the notebook has no list of cells');
  });

  it('reports a markdown cell whose source cannot be read, and reads the other cells', () => {
    const text = JSON.stringify({
      cells: [{ cell_type: 'markdown', source: 42 }, { cell_type: 'markdown', source: ['$a$ and\n', '$b$'] }, 'not a cell'],
    });
    const { parts, blocks, errors } = readNotebook(text);
    assert.deepEqual(parts, [
      { text: '', cell: 0 },
      { text: '$a$ and\n$b$', cell: 1 },
    ]);
    assert.deepEqual(errors, [{ part: 0, offset: 0, message: 'cell 1 has no readable source' }]);
    assert.deepEqual(
      blocks.map((block) => [block.latex, block.part, block.offsets[0]]),
      [
        ['a', 1, 1],
        ['b', 1, 9],
      ],
    );
  });

  it('accepts a BOM before the JSON', () => {
    const { parts, errors } = readNotebook('\uFEFF' + fixture('notebook.ipynb'));
    assert.deepEqual(errors, []);
    assert.equal(parts.length, 3);
  });
});
