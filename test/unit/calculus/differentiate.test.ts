import { strict as assert } from 'assert';
import { type DerivativeGraph, differentiate, localDerivative } from '../../../src/calculus/differentiate';
import { type MathNode, math } from '../../../src/calculus/math';
import { RULES, derivativeOf, nthDerivative } from '../../../src/calculus/rules';
import { tidyLatex, toText } from '../../../src/calculus/latex';

const evalAt = (n: MathNode, scope: Record<string, number>): number => n.compile().evaluate({ ...scope }) as number;
const central = (f: (x: number) => number, x: number, h = 1e-6): number => (f(x + h) - f(x - h)) / (2 * h);

describe('the derivative rule table', () => {
  for (const fn of Object.keys(RULES)) {
    it(`${fn}: the rule matches central differences`, () => {
      const f = math.parse(`${fn}(x)`).compile();
      const d = derivativeOf(fn, math.parse('x'))!;
      for (const x of [-1.3, -0.4, 0.35, 0.9, 1.7]) {
        const domainX = fn === 'log' || fn === 'sqrt' ? Math.abs(x) : x;
        const numeric = central((t) => f.evaluate({ x: t }) as number, domainX);
        assert.ok(Math.abs(evalAt(d, { x: domainX }) - numeric) < 1e-6, `${fn}'(${domainX})`);
      }
    });
  }
  it("σ'(z) is written σ(z)(1 − σ(z))", () => {
    assert.equal(
      toText(nthDerivative('sigmoid', 1, math.parse('z'))!, () => undefined),
      'σ(z)·(1 − σ(z))',
    );
  });
});

const graph = (defs: Record<string, string>): DerivativeGraph => {
  const nodes = new Map(Object.entries(defs).map(([k, v]) => [k, math.parse(v)]));
  const deps = (id: string, seen = new Set<string>()): Set<string> => {
    const n = nodes.get(id);
    if (!n) return seen;
    n.traverse((x) => {
      const name = (x as { name?: string }).name;
      if ((x as { isSymbolNode?: boolean }).isSymbolNode && name && !seen.has(name)) {
        seen.add(name);
        deps(name, seen);
      }
    });
    return seen;
  };
  return { definitionOf: (id) => nodes.get(id), dependsOn: (id, v) => deps(id).has(v) };
};

describe('total derivatives through definitions', () => {
  const g = graph({ z: 'w * a1 + b', a2: 'sigmoid(z)', C: '(a2 - y)^2', a1: 'relu(z1)', z1: 'v * x' });
  const scope = (w: number, v: number) => {
    const s: Record<string, number> = { w, v, x: 0.7, b: 0.2, y: 0.4 };
    s.z1 = s.v * s.x;
    s.a1 = Math.max(0, s.z1);
    s.z = s.w * s.a1 + s.b;
    s.a2 = 1 / (1 + Math.exp(-s.z));
    s.C = (s.a2 - s.y) ** 2;
    return s;
  };
  it('follows the chain rule through every intermediate', () => {
    const d = differentiate(math.parse('C'), 'w', g);
    const numeric = central((w) => scope(w, 0.9).C, 0.5);
    assert.ok(Math.abs(evalAt(d, scope(0.5, 0.9)) - numeric) < 1e-7);
    const dv = differentiate(math.parse('C'), 'v', g);
    assert.ok(Math.abs(evalAt(dv, scope(0.5, 0.9)) - central((v) => scope(0.5, v).C, 0.9)) < 1e-7);
  });
  it('holds an intermediate free and cuts what feeds it', () => {
    const d = differentiate(math.parse('C'), 'z', g);
    const s = scope(0.5, 0.9);
    const a2 = s.a2;
    assert.ok(Math.abs(evalAt(d, s) - 2 * (a2 - s.y) * a2 * (1 - a2)) < 1e-12);
  });
  it('keeps intermediates as symbols, so the result reads like the note', () => {
    assert.equal(
      tidyLatex(differentiate(math.parse('C'), 'a2', g), (id) => id),
      '2\\cdot\\left(a2-y\\right)',
    );
  });
  it('is zero where there is no path', () => {
    assert.equal(differentiate(math.parse('z1'), 'w', g).toString(), '0');
  });
  it('takes local derivatives holding intermediates fixed', () => {
    assert.equal(
      toText(localDerivative(math.parse('w * a1 + b'), 'a1'), (id) => id),
      'w',
    );
  });
});
