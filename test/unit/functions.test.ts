/**
 * The function registry: every entry's forms agree — its symbolic derivative (as the mathjs path builds it), its
 * numeric f′ and f″ (as the tensor path uses them) and central differences of f and f′ — and every spelling parses
 * to it. A new activation added with a wrong formula in any one of its forms fails here.
 */
import { strict as assert } from 'assert';
import { FUNCTIONS } from '../../src/functions';
import { RULES } from '../../src/calculus/rules';
import { math, substitute, num } from '../../src/calculus/math';
import { expr } from './latex/show';
import { check } from './verify/helpers';

const fd = (f: (x: number) => number, x: number): number => {
  const h = 1e-5 * Math.max(1, Math.abs(x));
  return (f(x + h) - f(x - h)) / (2 * h);
};
const close = (a: number, b: number, tol = 1e-5): boolean => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

/** Points in each function's domain, away from kinks and poles. */
const POINTS = [-1.7, -0.9, -0.35, 0.3, 0.8, 1.45, 2.2];
const domain: Record<string, (x: number) => boolean> = { log: (x) => x > 0, sqrt: (x) => x > 0, tan: (x) => Math.abs(x) < 1.2 };

describe('the function registry', () => {
  for (const f of FUNCTIONS) {
    describe(f.name, () => {
      const points = POINTS.filter(domain[f.name] ?? (() => true));
      it('its symbolic derivative, f′ and the finite difference of f agree', () => {
        for (const x of points) {
          const symbolic = substitute(RULES[f.name].derivative, new Map([['u', num(x)]]))
            .compile()
            .evaluate({}) as number;
          assert.ok(close(symbolic, f.d1(x)), `${f.name}′(${x}): symbolic ${symbolic}, d1 ${f.d1(x)}`);
          assert.ok(close(fd(f.f, x), f.d1(x), 1e-4), `${f.name}′(${x}): FD ${fd(f.f, x)}, d1 ${f.d1(x)}`);
          assert.ok(close(fd(f.d1, x), f.d2(x), 1e-4), `${f.name}″(${x}): FD ${fd(f.d1, x)}, d2 ${f.d2(x)}`);
        }
      });
      it('mathjs evaluates it as the registry does', () => {
        for (const x of points) assert.ok(close(math.evaluate(`${f.name}(${x})`) as number, f.f(x), 1e-12), `${f.name}(${x})`);
      });
      it('every spelling parses to it', () => {
        for (const spelling of [...(f.commands ?? []), ...(f.words ?? []), ...(f.exactWords ?? [])]) {
          const latex = spelling.startsWith('\\') ? `${spelling}(z)` : `\\operatorname{${spelling}}(z)`;
          assert.equal(expr(latex), `${f.name}[z]`, latex);
        }
      });
      it('a note that writes f′ gets its derivative verified, on the scalar and the tensor path', () => {
        const spelling = f.commands?.[0] ?? `\\operatorname{${f.words?.[0] ?? f.exactWords?.[0]}}`;
        const [arg, inner] =
          f.name === 'log' || f.name === 'sqrt' ? ['x^2 + 1', '2x'] : f.name === 'tan' ? ['x / 4', '\\frac{1}{4}'] : ['w x', 'w'];
        const scalar = check(`$$a = ${spelling}(${arg})$$\n$$\\frac{\\partial a}{\\partial x} = ${spelling}'(${arg})\\, ${inner}$$`);
        assert.deepEqual(
          scalar.map((c) => c.verdict),
          ['verified'],
          `${f.name}: ${scalar[0]?.message}`,
        );
        const tensor = check(
          `$x \\in \\mathbb{R}^3$\n$$a = ${spelling}(${arg === 'w x' ? 'x' : arg === 'x / 4' ? 'x / 4' : 'x \\odot x + 1'})$$\n$$\\frac{\\partial a}{\\partial x} = ${spelling}'(${arg === 'w x' ? 'x' : arg === 'x / 4' ? 'x / 4' : 'x \\odot x + 1'}) \\odot ${arg === 'w x' ? '1' : arg === 'x / 4' ? '\\frac{1}{4}' : '2x'}$$`,
        );
        assert.deepEqual(
          tensor.map((c) => c.verdict),
          ['verified'],
          `${f.name} (tensors): ${tensor[0]?.message}`,
        );
      });
    });
  }
});
