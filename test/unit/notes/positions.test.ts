import { strict as assert } from 'assert';
import { LineIndex } from '../../../src/notes';

describe('LineIndex', () => {
  it('gives 1-based lines and columns for \\n, \\r\\n and \\r line endings', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const index = new LineIndex(text);
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(0), { line: 1, column: 1 });
    assert.deepEqual(index.positionAt(2), { line: 1, column: 3 }); // the \n itself
    assert.deepEqual(index.positionAt(3), { line: 2, column: 1 });
    assert.deepEqual(index.positionAt(6), { line: 2, column: 4 }); // the \n of \r\n
    assert.deepEqual(index.positionAt(7), { line: 3, column: 1 });
    assert.deepEqual(index.positionAt(10), { line: 4, column: 1 });
    assert.deepEqual(index.positionAt(12), { line: 4, column: 3 }); // end of text
  });

  it('round-trips every offset through positionAt and offsetAt', () => {
    const text = 'x\r\n\r\n\ny\rz\n';
    const index = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      const pos = index.positionAt(offset);
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // the \n of a \r\n: offsetAt clamps its column to the line end
      assert.equal(index.offsetAt(pos), offset, `offset ${offset} at ${JSON.stringify(pos)}`);
    }
  });

  it('clamps offsets and positions that are out of range', () => {
    const index = new LineIndex('ab\ncd');
    assert.deepEqual(index.positionAt(-5), { line: 1, column: 1 });
    assert.deepEqual(index.positionAt(99), { line: 2, column: 3 });
    assert.deepEqual(index.positionAt(Number.NaN), { line: 1, column: 1 });
    assert.equal(index.offsetAt({ line: 0, column: 0 }), 0);
    assert.equal(index.offsetAt({ line: 1, column: 50 }), 2);
    assert.equal(index.offsetAt({ line: 9, column: 2 }), 4);
  });

  it('counts columns in UTF-16 code units', () => {
    const index = new LineIndex('😀 $x$\n한글 $y$');
    assert.deepEqual(index.positionAt(3), { line: 1, column: 4 });
    assert.deepEqual(index.positionAt(index.offsetAt({ line: 2, column: 4 })), { line: 2, column: 4 });
    assert.equal(index.offsetAt({ line: 2, column: 4 }), 10);
  });

  it('handles an empty text and a trailing line break', () => {
    assert.deepEqual(new LineIndex('').positionAt(0), { line: 1, column: 1 });
    const index = new LineIndex('a\n');
    assert.equal(index.lineCount, 2);
    assert.deepEqual(index.positionAt(2), { line: 2, column: 1 });
    assert.equal(index.lineEnd(0), 1);
    assert.equal(index.lineStart(1), 2);
  });
});
