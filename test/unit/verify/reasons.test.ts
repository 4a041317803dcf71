import { strict as assert } from 'assert';
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { REASONS, REASON_CODES, checkNote, verdictOfCode } from '../../../src/index';
import { check } from './helpers';

const root = path.join(__dirname, '../../../..');

/** Our own small notes, each with the codes its claims must get, in order. */
const CASES: readonly { readonly what: string; readonly note: string; readonly codes: readonly string[] }[] = [
  { what: 'a sigmoid derivative', note: '$$a = \\sigma(z)$$\n$$\\frac{\\partial a}{\\partial z} = a(1 - a)$$', codes: ['verified/holds'] },
  {
    what: 'a cost the note does not write',
    note: '$$\\hat{y} = \\sigma(w x + b)$$\n$$\\frac{\\partial L}{\\partial w} = (\\hat{y} - y) x$$',
    codes: ['verified/assumed-loss'],
  },
  {
    what: 'a worked example, right and wrong',
    note: '$$x = 2, \\quad w = 3$$\n$$z = w x = 3 \\cdot 2 = 7$$',
    codes: ['verified/holds', 'refuted/example'],
  },
  {
    what: 'a step of numbers at the note’s values',
    note: '$$x = 2, \\quad w = 3$$\n$$z = w x = 3 \\cdot 2 = 6$$',
    codes: ['verified/holds', 'verified/example'],
  },
  {
    what: 'a descent step',
    note: '$$L = (w x - t)^2, \\quad w \\leftarrow w - \\eta \\frac{\\partial L}{\\partial w}$$',
    codes: ['verified/descent-step'],
  },
  {
    what: 'an ascent step of a minimised loss',
    note: '$$L = (w x - t)^2, \\quad w \\leftarrow w + \\eta \\frac{\\partial L}{\\partial w}$$',
    codes: ['refuted/ascent-step'],
  },
  {
    what: 'a step along a velocity',
    note: '$$L = (w x - t)^2, \\quad w \\leftarrow w - \\eta v$$',
    codes: ['unverifiable/update-direction'],
  },
  {
    what: 'a product transposed in the wrong order',
    note: '$A \\in \\mathbb{R}^{3\\times 4}$, $B \\in \\mathbb{R}^{4\\times 3}$\n$$(A B)^T = A^T B^T$$',
    codes: ['refuted/transpose'],
  },
  { what: 'a wrong term', note: '$$f = x^3 + x$$\n$$\\frac{df}{dx} = 3x^2 + x$$', codes: ['refuted/values'] },
  { what: 'a second derivative', note: '$$f = x^3$$\n$$\\frac{d^2 f}{dx^2} = 6x$$', codes: ['unverifiable/unsupported'] },
  { what: 'an unclosed brace', note: '$$f = x^3$$\n$$\\frac{df}{dx} = \\frac{3x^2$$', codes: ['unverifiable/parse-error'] },
  {
    what: 'a claim about a redefined name',
    note: '$a = \\sigma(z)$ and later $a = \\tanh(z)$, $\\frac{\\partial a}{\\partial z} = 1 - a^2$',
    codes: ['unverifiable/redefinition', 'verified/holds'],
  },
  {
    what: 'a generic function',
    note: '$Q = G(Z)$, $\\frac{\\partial Q}{\\partial Z} = Q(1 - Q)$',
    codes: ['unverifiable/generic-function'],
  },
  {
    what: 'an undefined name',
    note: '$$C = (a - y)^2$$\n$$\\frac{\\partial C}{\\partial a} = 2\\delta$$',
    codes: ['unverifiable/undefined-symbol'],
  },
];

function notesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? notesUnder(full) : /\.(md|txt|ipynb)$/.test(name) ? [full] : [];
  });
}

describe('reason codes', () => {
  for (const c of CASES) {
    it(`${c.what}: ${c.codes.join(', ')}`, () => {
      const claims = check(c.note);
      assert.deepEqual(
        claims.map((r) => r.code),
        c.codes,
        claims.map((r) => r.message).join(' | '),
      );
    });
  }

  it('a code always belongs to its verdict, on every example and fixture note', () => {
    let seen = 0;
    for (const file of [...notesUnder(path.join(root, 'examples')), ...notesUnder(path.join(root, 'test/fixtures'))]) {
      for (const c of checkNote(file, readFileSync(file, 'utf8')).claims) {
        assert.equal(REASONS[c.code].verdict, c.verdict, `${path.relative(root, file)}:${c.location.start.line} ${c.code}`);
        // (the code travels beside the sentence, never inside it)
        assert.doesNotMatch(
          c.message,
          /'?(verified|refuted|unverifiable)\/[a-z]+/,
          `${path.relative(root, file)}:${c.location.start.line}`,
        );
        seen++;
      }
    }
    assert.ok(seen > 50, `${seen} claims`);
  });

  it('codes are `verdict/reason`, kebab-case, listed verified, refuted, unverifiable', () => {
    for (const code of REASON_CODES) assert.match(code, /^(verified|refuted|unverifiable)\/[a-z]+(-[a-z]+)*$/);
    const order = REASON_CODES.map((c) => c.split('/')[0]);
    assert.deepEqual(
      order,
      [...order].sort((a, b) => ['verified', 'refuted', 'unverifiable'].indexOf(a) - ['verified', 'refuted', 'unverifiable'].indexOf(b)),
    );
    assert.equal(verdictOfCode('refuted/wrong-factor'), 'refuted');
    assert.equal(verdictOfCode('E501'), undefined, "another tool's code");
  });

  it('the README documents every code, one line each, with its title', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Reason codes'));
    for (const code of REASON_CODES) {
      const line = section.split('\n').find((l) => l.startsWith(`| \`${code}\``));
      assert.ok(line, `${code} is not in the README's table`);
      assert.ok(line.includes(REASONS[code].title), `${code}: the README says “${line}”, the registry “${REASONS[code].title}”`);
    }
  });
});
