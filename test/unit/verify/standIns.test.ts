/** Large declared sizes are checked at small stand-ins: equal stay equal, different stay different, messages show the note's. */
import { strict as assert } from 'assert';
import { standIns } from '../../../src/verify/vector/standIns';
import { check } from './helpers';

const decl = (symbol: string, rows: number | string, cols: number | string) => ({ symbol, rows, cols, text: `${symbol}` });

describe('stand-in sizes', () => {
  it('maps each large size to its own small one, keeps small sizes, letters and 1, and avoids sizes the note declares', () => {
    const s = standIns([decl('W', 128, 784), decl('V', 784, 12), decl('X', 784, 'm'), decl('b', 128, 1), decl('U', 3, 4)]);
    const [w, v, x, b, u] = s.declarations;
    assert.equal(w.rows, b.rows, 'the two 128s stay equal');
    assert.equal(w.cols, v.rows, 'the 784s stay equal');
    assert.notEqual(w.rows, w.cols, '128 and 784 stay different');
    assert.ok((w.rows as number) < 20 && (w.cols as number) < 20);
    assert.ok(![12, 3, 4, 1].includes(w.cols as number) && ![12, 3, 4, 1].includes(w.rows as number), 'no size the note declares');
    assert.deepEqual([v.cols, x.cols, b.cols, u.rows, u.cols], [12, 'm', 1, 3, 4]);
    assert.equal(s.show(`W is ${w.rows}×${w.cols}`), 'W is 128×784');
    assert.equal(s.noteSize(w.cols as number), 784);
  });

  it('still refutes a slip at a note’s large declared sizes, and says the note’s sizes', () => {
    const note =
      '$$W \\in \\mathbb{R}^{128 \\times 784}, \\quad x \\in \\mathbb{R}^{784}$$\n$$z = W x, \\quad L = \\frac{1}{2}\\|z\\|^2$$\n';
    const [ok] = check(`${note}$$\\frac{\\partial L}{\\partial x} = W^T z$$`);
    assert.equal(ok.verdict, 'verified', ok.message);
    assert.match(ok.message, /W 128×784/);
    const [slip] = check(`${note}$$\\frac{\\partial L}{\\partial x} = W z$$`);
    assert.equal(slip.verdict, 'refuted', slip.message);
    assert.match(slip.message, /128×784/);
  });
});
