import { strict as assert } from 'assert';
import { compressToBase64 } from 'lz-string';
import { checkNote } from '../../../src/verify/checkNote';
import { LIMITS } from '../../../src/verify/limits';

const nest = (depth: number, wrap: (inner: string) => string, seed = 'x'): string => {
  let e = seed;
  for (let i = 0; i < depth; i++) e = wrap(e);
  return e;
};
const verdicts = (text: string): string[] => checkNote('n.md', text).claims.map((c) => `${c.verdict}: ${c.message}`);

describe('limits (each one found by fuzzing or the limit tests, and pinned here)', () => {
  it('checks a 50-level-deep expression', () => {
    const y = nest(50, (e) => `(${e} + 1)`);
    assert.match(verdicts(`$$y = ${y}$$\n$$\\frac{dy}{dx} = 1$$`)[0], /^verified/);
    const s = nest(50, (e) => `\\sigma(${e})`);
    // was: minutes in mathjs's simplifyCore, exponential in the nesting, while printing the expected value
    const [claim] = verdicts(`$$y = ${s}$$\n$$\\frac{dy}{dx} = 1$$`);
    assert.match(claim, /^refuted: ∂y\/∂x is not 1/);
  });

  it('does not read brackets nested deeper than 100, and says so', () => {
    for (const wrap of [
      (e: string) => `{${e}}`,
      (e: string) => `(${e})`,
      (e: string) => `\\frac{${e}}{2}`,
      (e: string) => `\\left(${e}\\right)`,
    ]) {
      const [claim] = verdicts(`$$y = ${nest(5000, wrap)}$$\n$$\\frac{dy}{dx} = 1$$`);
      assert.match(
        claim,
        /^unverifiable: the definition of y could not be read \(nested 5000 brackets deep \(derivcheck reads up to 100\)\)/,
      );
    }
  });

  it('does not check expressions deeper than 400 levels (was: a stack overflow), and says so', () => {
    const [claim] = verdicts(`$$y = x${'^{2}'.repeat(5000)}$$\n$$\\frac{dy}{dx} = 1$$`);
    assert.match(claim, /too long or too deeply nested to check \(over 400 levels\)/);
  });

  it(`checks ${LIMITS.claimsPerNote.toLocaleString('en-US')} claims and says which it skipped`, () => {
    const lines = ['$$a = \\sigma(z)$$'];
    for (let i = 0; i < LIMITS.claimsPerNote + 3; i++) lines.push(`$\\frac{\\partial a}{\\partial z} = a(1 - a)$`);
    const report = checkNote('many.md', lines.join('\n'));
    assert.equal(report.claims.length, LIMITS.claimsPerNote);
    assert.ok(report.claims.every((c) => c.verdict === 'verified'));
    assert.equal(report.errors.length, 1);
    assert.match(report.errors[0].message, /only the first 5,000 of this note's 5,003 claims were checked/);
    assert.equal(report.errors[0].location?.start.line, LIMITS.claimsPerNote + 2);
  });

  it('reads a 10,000-element Excalidraw scene', () => {
    const elements = Array.from({ length: 10_000 }, (_, i) => ({
      id: `e${i}`,
      type: 'text',
      x: i % 100,
      y: Math.floor(i / 100),
      width: 10,
      height: 10,
      text: `note ${i}`,
    }));
    elements.push({
      id: 'img',
      type: 'image',
      x: 0,
      y: 0,
      width: 10,
      height: 10,
      fileId: 'f'.repeat(40),
    } as unknown as (typeof elements)[number]);
    const drawing = compressToBase64(JSON.stringify({ type: 'excalidraw', elements })).replace(/(.{256})/g, '$1\n');
    const text = `---\nexcalidraw-plugin: parsed\n---\n# Excalidraw Data\n## Text Elements\n${elements
      .slice(0, 10_000)
      .map((e) => `${e.text} ^${e.id}`)
      .join(
        '\n\n',
      )}\n\n## Embedded Files\n${'f'.repeat(40)}: $$a = \\sigma(z), \\quad \\frac{\\partial a}{\\partial z} = a(1 - a)$$\n\n%%\n## Drawing\n\`\`\`compressed-json\n${drawing}\n\`\`\`\n%%`;
    const report = checkNote('scene.excalidraw.md', text);
    assert.deepEqual(report.errors, []);
    assert.deepEqual(
      report.claims.map((c) => c.verdict),
      ['verified'],
    );
    assert.equal(report.document.blocks[0].drawing?.elementId, 'img');
  });

  it('a derivative that vanishes is not taken for 0: "= 0" through 30 sigmoids is unverifiable, not verified', () => {
    const layers = Array.from(
      { length: 30 },
      (_, i) => `$$z_{${i + 1}} = w_{${i + 1}} ${i === 0 ? 'x' : `a_{${i}}`}, \\quad a_{${i + 1}} = \\sigma(z_{${i + 1}})$$`,
    );
    const chain = Array.from({ length: 29 }, (_, i) => `w_{${30 - i}} a_{${29 - i}}(1 - a_{${29 - i}})`).join(' ');
    const [zero, right] = verdicts(
      `${layers.join('\n')}\n$$\\frac{\\partial a_{30}}{\\partial w_1} = 0$$\n$$\\frac{\\partial a_{30}}{\\partial w_1} = a_{30}(1 - a_{30}) ${chain} x$$`,
    );
    assert.match(zero, /^unverifiable: both sides are below 1e-8 at every sample point/);
    assert.match(right, /^verified/);
  });

  it('a ratio that vanishes is no "constant factor" (was: "the true value is 0 times the claimed one")', () => {
    const [claim] = verdicts(`$$y = ${nest(50, (e) => `\\frac{${e}}{2}`)}$$\n$$\\frac{dy}{dx} = 1$$`);
    assert.doesNotMatch(claim, /0 times/);
  });
});
