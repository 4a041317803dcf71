import { strict as assert } from 'assert';
import { checkNote } from '../../../src/verify/checkNote';
import { explainClaim } from '../../../src/verify/explain';
import { readFixture } from './helpers';

describe('explanations for Verify Gradient', () => {
  const report = checkNote('seed.md', readFixture('004_9679d27c93839c2b.txt'));
  const refuted = report.claims.find((c) => c.verdict === 'refuted')!;

  it('shows a refuted claim at its counterexample, with the wrong factor and the three values', () => {
    const x = explainClaim(report, refuted);
    assert.equal(x.variable, 'w_2');
    assert.equal(x.output, 'C');
    for (const [name, v] of Object.entries(refuted.counterexample!.point)) {
      assert.equal(x.point.find((p) => p.name === name)?.value, v);
    }
    assert.ok(Math.abs(x.values.claimed! - refuted.counterexample!.claimed) < 1e-12);
    assert.ok(Math.abs(x.values.actual! - refuted.counterexample!.actual) < 1e-12);
    assert.ok(Math.abs(x.values.finiteDifference! - x.values.actual!) < 1e-6);
    assert.equal(x.wrongFactor?.derivative, '\\frac{\\partial A_2}{\\partial z_2}');
  });
  it('lists the path from w₂ to C, whose product is the true derivative', () => {
    const x = explainClaim(report, refuted);
    assert.equal(x.paths.length, 1);
    assert.deepEqual(
      x.paths[0].map((f) => f.label),
      ['\\frac{\\partial z_2}{\\partial w_2}', '\\frac{\\partial A_2}{\\partial z_2}', '\\frac{\\partial C}{\\partial A_2}'],
    );
    const product = x.paths[0].reduce((p, f) => p * f.value!, 1);
    assert.ok(Math.abs(product - x.values.actual!) < 1e-12);
    const onPath = x.nodes
      .filter((n) => n.onPath)
      .map((n) => n.id)
      .sort();
    assert.deepEqual(onPath, ['A_2', 'C', 'w_2', 'z_2']);
    assert.ok(x.edges.some((e) => e.from === 'z_2' && e.to === 'A_2' && e.onPath));
  });
  it('draws a new sample point for another seed', () => {
    const a = explainClaim(report, refuted, 0);
    const b = explainClaim(report, refuted, 12345);
    assert.notDeepEqual(a.point, b.point);
    assert.ok(Math.abs(b.values.finiteDifference! - b.values.actual!) < 1e-6);
  });
  it('knows where each definition is written', () => {
    const x = explainClaim(report, refuted);
    assert.deepEqual(x.definitions.find((d) => d.symbol === 'C')?.place, { line: 3, column: 3 });
  });
  it('carries what a verdict assumes (a loss the note leaves unwritten) to the panel', () => {
    const r = checkNote('n.md', '$$z = w x + b$$\n\n$$a = \\sigma(z)$$\n\n$$\\frac{\\partial L}{\\partial z} = a - y$$');
    const x = explainClaim(r, r.claims[0]);
    assert.equal(x.claim.verdict, 'verified');
    assert.equal(x.claim.assumption, 'assuming L = binary cross-entropy');
    // the numbers are those of the reading the claim was judged in: the cost defined, the two sides equal
    assert.equal(x.output, 'L');
    assert.ok(Math.abs(x.values.claimed! - x.values.actual!) < 1e-9, `${x.values.claimed} vs ${x.values.actual}`);
    assert.equal(x.nodes.find((n) => n.id === 'L')?.definition, 'assuming L = binary cross-entropy');
  });
  it('says a claim checked entry by entry has no numbers of its own here', () => {
    const r = checkNote('n.md', '$$p_k = \\frac{e^{o_k}}{\\sum_j e^{o_j}}$$\n\n$$\\frac{\\partial p_i}{\\partial o_i} = p_i (1 - p_i)$$');
    const claim = r.claims.find((c) => c.verdict === 'verified')!;
    assert.match(explainClaim(r, claim).structure.join(' '), /checked entry by entry/);
  });
});
