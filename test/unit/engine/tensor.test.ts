import { strict as assert } from 'assert';
import { ShapeError, Tensor, shapeText } from '../../../src/engine';
import { makeRng } from './helpers';

describe('engine Tensor', () => {
  const t = Tensor.fromRows([
    [1, -2, 3],
    [4, 5, -6],
  ]);
  it('is row-major with rows, cols, shape and size', () => {
    assert.deepEqual([t.rows, t.cols, t.size], [2, 3, 6]);
    assert.deepEqual(t.shape, [2, 3]);
    assert.deepEqual(Array.from(t.data), [1, -2, 3, 4, 5, -6]);
    assert.equal(t.at(1, 0), 4);
    assert.equal(t.at(0, 2), 3);
    assert.deepEqual(t.toRows(), [
      [1, -2, 3],
      [4, 5, -6],
    ]);
    assert.equal(shapeText(t.shape), '2×3');
  });
  it('zeros, full, scalar; isScalar', () => {
    assert.deepEqual(Tensor.zeros(2, 2).toRows(), [
      [0, 0],
      [0, 0],
    ]);
    assert.deepEqual(Tensor.full(1, 3, 7).toRows(), [[7, 7, 7]]);
    assert.ok(Tensor.scalar(2).isScalar());
    assert.ok(!Tensor.zeros(1, 2).isScalar());
  });
  it('random draws from [lo, hi) with the given generator, repeatably', () => {
    const a = Tensor.random(4, 5, makeRng(3), 2, 3);
    assert.ok(a.data.every((x) => x >= 2 && x < 3));
    assert.deepEqual(a.toRows(), Tensor.random(4, 5, makeRng(3), 2, 3).toRows());
  });
  it('map and clone do not share data', () => {
    const c = t.clone();
    c.data[0] = 100;
    assert.equal(t.data[0], 1);
    assert.deepEqual(t.map((x) => 2 * x).toRows()[1], [8, 10, -12]);
  });
  it('norms', () => {
    assert.equal(Tensor.fromRows([[3, -4]]).frobeniusNorm(), 5);
    assert.equal(t.maxAbs(), 6);
    assert.ok(Number.isNaN(Tensor.fromRows([[1, NaN]]).maxAbs()));
  });
  it('rejects bad shapes, wrong data lengths, ragged rows and reads out of range', () => {
    const lengthError = (e: Error): boolean => e instanceof ShapeError && /2×3 tensor needs 6 numbers, got 5/.test(e.message);
    assert.throws(() => new Tensor(2, 3, new Float64Array(5)), lengthError);
    assert.throws(() => Tensor.zeros(0, 3), ShapeError);
    assert.throws(() => Tensor.zeros(1.5, 3), ShapeError);
    assert.throws(() => Tensor.fromRows([]), ShapeError);
    assert.throws(() => Tensor.fromRows([[1, 2], [3]]), /row 1 has 1 entries, row 0 has 2/);
    assert.throws(() => t.at(2, 0), RangeError);
    assert.throws(() => t.at(0, -1), RangeError);
  });
});
