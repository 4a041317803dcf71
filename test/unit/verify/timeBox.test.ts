import { strict as assert } from 'assert';
import { readNote } from '../../../src/notes/readNote';
import { ClaimCache } from '../../../src/verify/cache';
import { checkDocument, checkDocumentInSlices, checkNote } from '../../../src/verify/checkNote';

/** A 40-layer scalar network and the derivative of its output by its first weight, as one expanded claim. */
function deepNote(layers: number): string {
  const lines = [];
  for (let k = 1; k <= layers; k++)
    lines.push(`$$z_{${k}} = w_{${k}} ${k === 1 ? 'x' : `a_{${k - 1}}`} + b_{${k}}, \\quad a_{${k}} = \\sigma(z_{${k}})$$`);
  const chain = ['a_{L}(1 - a_{L})'.replace(/L/g, String(layers))];
  for (let k = layers; k > 1; k--) chain.push(`w_{${k}} a_{${k - 1}}(1 - a_{${k - 1}})`);
  lines.push(`$$\\frac{\\partial a_{${layers}}}{\\partial w_1} = ${chain.join(' \\cdot ')} \\cdot x$$`);
  return lines.join('\n');
}

describe('time box and time slices', () => {
  it('a claim that runs out of time is unverifiable ("took too long"), never refuted', () => {
    const text = deepNote(40);
    const boxed = checkNote('deep.md', text, { timeLimitMs: 0.01 });
    assert.equal(boxed.claims.length, 1);
    assert.equal(boxed.claims[0].verdict, 'unverifiable');
    assert.equal(boxed.claims[0].code, 'unverifiable/too-slow');
    const free = checkNote('deep.md', text, { timeLimitMs: 60_000 });
    assert.equal(free.claims[0].verdict, 'verified', free.claims[0].message);
  });

  it('a claim that ran out of time is judged again next time, not taken from the cache', () => {
    const cache = new ClaimCache();
    const text = deepNote(40);
    assert.equal(checkNote('deep.md', text, { timeLimitMs: 0.01 }, cache).claims[0].code, 'unverifiable/too-slow');
    checkNote('deep.md', text, { timeLimitMs: 0.01 }, cache);
    assert.deepEqual([cache.hits, cache.misses], [0, 2]);
  });

  it('a check in slices gives the same report as a check in one go', async () => {
    const text = deepNote(6) + '\n$$\\frac{\\partial a_1}{\\partial z_1} = a_1(1 + a_1)$$\n';
    const document = readNote('n.md', text);
    const whole = checkDocument(document, {});
    let yields = 0;
    const sliced = await checkDocumentInSlices(document, {}, undefined, () => (yields++, false), 0);
    assert.ok(sliced);
    assert.ok(yields >= 1, 'the check gave the event loop back');
    assert.deepEqual(
      sliced.claims.map((c) => [c.verdict, c.location.start.line]),
      whole.claims.map((c) => [c.verdict, c.location.start.line]),
    );
    assert.deepEqual(
      whole.claims.map((c) => c.verdict),
      ['verified', 'refuted'],
    );
  });

  it('stops at the next slice when a newer edit cancels it', async () => {
    const document = readNote('n.md', deepNote(6) + '\n$$\\frac{\\partial a_1}{\\partial z_1} = a_1(1 - a_1)$$\n');
    const report = await checkDocumentInSlices(document, {}, undefined, () => true, 0);
    assert.equal(report, undefined);
  });
});
