import { strict as assert } from 'assert';
import { ClaimCache } from '../../../src/verify/cache';
import { checkNote } from '../../../src/verify/checkNote';

const NOTE = `# Output layer
$$z = w a + b, \\quad \\hat{y} = \\sigma(z), \\quad C = (\\hat{y} - y)^2$$

$$\\frac{\\partial C}{\\partial w} = 2(\\hat{y} - y)\\,\\sigma(w)(1 - \\sigma(w))\\, a$$

$$\\frac{\\partial C}{\\partial b} = 2(\\hat{y} - y)\\,\\hat{y}(1 - \\hat{y})$$
`;

const verdicts = (r: ReturnType<typeof checkNote>) =>
  r.claims.map((c) => [c.verdict, c.location.start.line, c.wrongFactor?.claimedLatex ?? '']);

describe('claim cache', () => {
  it('re-judges nothing when only prose changes, and gives the same verdicts at their new places', () => {
    const cache = new ClaimCache();
    const first = checkNote('n.md', NOTE, {}, cache);
    assert.equal(cache.misses, 2);
    const edited = NOTE.replace('# Output layer', '# Output layer\n\nSome new prose, two lines.\n');
    const second = checkNote('n.md', edited, {}, cache);
    assert.equal(cache.misses, 2);
    assert.equal(cache.hits, 2);
    assert.deepEqual(verdicts(second), verdicts(checkNote('n.md', edited)));
    assert.deepEqual(
      second.claims.map((c) => c.location.start.line),
      first.claims.map((c) => c.location.start.line + 3),
    );
    const wf = second.claims[0].wrongFactor!;
    assert.equal(second.source(wf.at), '\\sigma(w)(1 - \\sigma(w))');
  });
  it('re-judges only the edited claim', () => {
    const cache = new ClaimCache();
    checkNote('n.md', NOTE, {}, cache);
    checkNote(
      'n.md',
      NOTE.replace('(1 - \\hat{y})$$', () => '(1 + \\hat{y})$$'),
      {},
      cache,
    );
    assert.equal(cache.misses, 3);
    assert.equal(cache.hits, 1);
  });
  it('re-judges everything when a definition or an option changes', () => {
    const cache = new ClaimCache();
    checkNote('n.md', NOTE, {}, cache);
    checkNote('n.md', NOTE.replace('z = w a + b', 'z = w a - b'), {}, cache);
    assert.equal(cache.misses, 4);
    checkNote('n.md', NOTE, { seed: 9 }, cache);
    assert.equal(cache.misses, 6);
  });
});
