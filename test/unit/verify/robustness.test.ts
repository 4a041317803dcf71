import { strict as assert } from 'assert';
import { checkNote } from '../../../src/verify/checkNote';
import { makeRng } from '../../../src/verify/sampling';

const VOCABULARY = [
  'a',
  'w_2',
  'z_1',
  '\\sigma',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  '=',
  '+',
  '-',
  '^',
  '_',
  '2',
  '\\frac',
  '\\partial',
  'd',
  '\\left(',
  '\\right)',
  '\\cdot',
  '\\sum',
  '\\delta',
  'g',
  "'",
  '\\text{Relu}',
  '>',
  '0',
  '\\Srgmoid',
  ',',
  '\\quad',
  '\\\\',
  '&',
  '\\underbrace',
  '\\hat{y}',
  'e',
  '\\sqrt',
  '\\log',
  'T',
  '\\begin{aligned}',
  '\\end{aligned}',
  '$',
  '\n',
];

/** Random token soup wrapped in math delimiters: the checker must answer, never throw. */
function soup(rng: () => number): string {
  const n = 1 + Math.floor(rng() * 30);
  const tokens = Array.from({ length: n }, () => VOCABULARY[Math.floor(rng() * VOCABULARY.length)]);
  return `$$z_1 = w_1 x, \\quad a = \\sigma(z_1)$$\n\n$$${tokens.join(' ')}$$\n`;
}

describe('robustness', () => {
  it('answers for random token soup without throwing, with every claim inside the file', () => {
    const rng = makeRng(42);
    for (let i = 0; i < 400; i++) {
      const text = soup(rng);
      const report = checkNote('soup.md', text);
      for (const c of report.claims) {
        assert.ok(c.location.startOffset >= 0 && c.location.endOffset <= text.length, text);
        assert.doesNotMatch(c.message, /internal error/, text);
      }
    }
  });
  it('answers for empty and binary-looking input', () => {
    for (const text of ['', '$$', '$$$$', '\u0000\u0001$x$', '$$\\frac{$$', '```math\n\n```']) {
      assert.doesNotThrow(() => checkNote('x.md', text));
    }
  });
});
