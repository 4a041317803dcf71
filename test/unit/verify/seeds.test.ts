import { strict as assert } from 'assert';
import { checkNote } from '../../../src/verify/checkNote';
import { readFixture } from './helpers';

const SEEDS = [
  '000_bb3cef3bd377dd45.txt',
  '001_bc8c748b4631376c.txt',
  '002_13cd1b4069b30e52.txt',
  '003_15e24f7b963d36cf.txt',
  '004_9679d27c93839c2b.txt',
];

const report = (name: string) => checkNote(name, readFixture(name));
const find = (name: string, source: string) => {
  const claims = report(name).claims.filter((c) => c.latex.replace(/\s+/g, ' ').trim() === source);
  assert.equal(claims.length, 1, `exactly one claim reads ${source}`);
  return claims[0];
};

describe('the five real notes', () => {
  for (const seed of SEEDS) {
    it(`${seed}: checks without a crash or an internal error, every claim inside the file`, () => {
      const r = report(seed);
      const text = readFixture(seed);
      const lines = text.split('\n').length;
      assert.ok(r.claims.length > 0);
      for (const c of r.claims) {
        assert.notEqual(c.code, 'unverifiable/internal-error', c.message);
        assert.ok(c.location.start.line >= 1 && c.location.end.line <= lines);
        assert.equal(text.slice(c.location.startOffset, c.location.endOffset), c.latex);
      }
      assert.equal(r.errors.length, 0);
    });
  }

  it('000 (Excalidraw): the sigmoid derivatives and the δ_out chain are verified', () => {
    const name = SEEDS[0];
    assert.equal(find(name, '\\frac {\\partial a}{\\partial z} = a\\,(1-a)').verdict, 'verified');
    assert.equal(find(name, '\\sigma^{\\prime}(z) = \\sigma(z)(1-\\sigma(z))').verdict, 'verified');
    assert.equal(find(name, '= \\frac {1}{1+e^{-z}}').verdict, 'verified');
    const chain = find(name, '= \\frac {\\partial L}{\\partial a} \\frac {\\partial a}{\\partial z}');
    assert.equal(chain.verdict, 'verified');
    assert.ok(['verified/holds', 'verified/chain-structure'].includes(chain.code), chain.code);
    assert.equal(find(name, '= \\frac{1}{n} 2(a-y)').verdict, 'verified');
    assert.equal(find(name, '\\frac {2(a-y)}{n}').verdict, 'verified');
    // L = (1/n) Σ (y − a)² over n samples: per sample, ∂L/∂a = (1/n) ∂(y − a)²/∂a = 2(a − y)/n
    const sum = find(name, '\\frac {\\partial{L}} {\\partial{a}} = \\frac{1}{n}\\frac {\\partial (y - a)^2 }{\\partial{a}}');
    assert.equal(sum.verdict, 'verified', sum.message);
    assert.match(sum.message, /a 3×1/);
    assert.ok(sum.engine && Math.abs(sum.engine.backprop! - sum.engine.finiteDifference!) < 1e-6);
  });

  it('002 (Excalidraw): ∂z/∂w = a^(h) and ∂z/∂b = 1 are verified; the transposed steps are judged with shapes', () => {
    const name = SEEDS[2];
    const dzdw = find(name, '\\frac {\\partial z} {\\partial w} = a^{(h)}');
    assert.equal(dzdw.verdict, 'verified');
    assert.deepEqual([dzdw.location.start.line, dzdw.location.start.column], [20, 1]);
    assert.equal(find(name, '\\frac {\\partial{z}}{\\partial{b}} = \\frac {\\partial{(aw + b)}}{\\partial b}').verdict, 'verified');
    assert.equal(find(name, '= 1').verdict, 'verified');
    // δ_outᵀ ∂z/∂w = δ_outᵀ a^(h) only substitutes ∂z/∂w = a^(h): verified whatever δ_out is
    assert.equal(find(name, '= {\\delta_{out}}^T a^{(h)}').verdict, 'verified');
    assert.equal(find(name, '= {\\delta_{out}}^T \\frac {\\partial{z}}{\\partial{w}}').verdict, 'unverifiable');
  });

  it('004: the chains for dC/dw₂, dC/dB₂, dC/dw₁ and dC/dB₁ are verified, continuation blocks included', () => {
    const name = SEEDS[4];
    assert.equal(
      find(name, '\\frac{dC}{dw_2} = \\frac{dz_2}{dw_2} \\times \\frac{dA_2}{dz_2} \\times \\frac{dC}{dA_2}').verdict,
      'verified',
    );
    assert.equal(
      find(name, '\\frac{dC}{dB_2} = \\frac{dz_2}{dB_2} \\times \\frac{dA_2}{dz_2} \\times \\frac{dC}{dA_2}').verdict,
      'verified',
    );
    assert.equal(find(name, '= (1) \\times \\underbrace{(\\sigma(z_2)(1-\\sigma(z_2)))}_{\\delta} (2A_2 - 2Y)').verdict, 'verified');
    const w1 = find(name, '= (x)(z_1 > 0) \\cdot w_2 \\cdot \\delta \\cdot (2A_2 - 2Y)');
    assert.equal(w1.verdict, 'verified');
    assert.equal(w1.location.start.line, 28);
    assert.equal(
      find(
        name,
        '= (1)(z_1 > 0) \\cdot w_2 \\cdot \\underbrace{\\delta}_{\\text{sigmoid prime}} \\cdot \\underbrace{(2A_2 - 2Y)}_{\\text{cost derivative}}',
      ).verdict,
      'verified',
    );
  });

  it('004: dC/dw₂ = (A₁)(σ(x)(1−σ(x)))(2A₂ − 2Y) is refuted: σ(x) where σ(z₂) belongs', () => {
    const c = find(
      SEEDS[4],
      '\\frac{dC}{dw_2} = (A_1) \\left( \\underbrace{\\sigma(x)(1-\\sigma(x))}_{\\text{sigmoid prime}} \\right) \\underbrace{(2A_2 - 2Y)}_{\\text{cost derivative}}',
    );
    assert.equal(c.verdict, 'refuted');
    assert.deepEqual([c.location.start.line, c.location.start.column], [19, 3]);
    assert.equal(c.code, 'refuted/wrong-factor');
    assert.equal(c.wrongFactor?.claimedLatex, '\\sigma(x)(1-\\sigma(x))');
    assert.equal(c.wrongFactor?.derivativeLatex, '\\frac{\\partial A_2}{\\partial z_2}');
    assert.ok('x' in c.counterexample!.point);
    assert.notEqual(c.counterexample!.claimed, c.counterexample!.actual);
  });

  it('001 and 003 (OCR garbage): nothing is refuted, and the unreadable is unverifiable with a reason', () => {
    for (const name of [SEEDS[1], SEEDS[3]]) {
      const r = report(name);
      assert.deepEqual(
        r.claims.filter((c) => c.verdict === 'refuted').map((c) => c.latex),
        [],
        name,
      );
      const unverifiable = r.claims.filter((c) => c.verdict === 'unverifiable');
      assert.ok(unverifiable.length > 10, name);
      assert.ok(unverifiable.every((c) => c.message.length > 10));
    }
  });

  it('no seed refutes anything but the one real slip', () => {
    const refuted = SEEDS.flatMap((s) =>
      report(s)
        .claims.filter((c) => c.verdict === 'refuted')
        .map((c) => `${s}:${c.location.start.line}`),
    );
    assert.deepEqual(refuted, ['004_9679d27c93839c2b.txt:19']);
  });
});
