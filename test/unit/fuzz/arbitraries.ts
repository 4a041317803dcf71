/**
 * Generators of hostile and broken input for the fuzz tests: LaTeX from a token soup, mutated real notes, broken
 * Excalidraw drawings and malformed notebooks. `FUZZ_SCALE` (environment `DERIVCHECK_FUZZ_SCALE`) multiplies
 * every property's number of runs: 1 in `npm test`, 40 in `npm run fuzz`.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { compressToBase64 } from 'lz-string';

export const FUZZ_SCALE = Math.max(1, Number(process.env.DERIVCHECK_FUZZ_SCALE ?? 1));
export const runs = (n: number): number => Math.round(n * FUZZ_SCALE);

// `npm test` replays the same cases every time (CI must not flake); `npm run fuzz` draws new ones each night and
// prints the seed of any failure (rerun it with DERIVCHECK_FUZZ_SEED=<seed>)
const seed = process.env.DERIVCHECK_FUZZ_SEED ?? (FUZZ_SCALE === 1 ? '20261123' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });

const ROOT = path.join(__dirname, '..', '..', '..', '..');
export const readRepoFile = (...parts: string[]): string => readFileSync(path.join(ROOT, ...parts), 'utf8');

/** The seeds and the examples: real notes to mutate. */
export const CORPUS: readonly { readonly name: string; readonly text: string }[] = [
  ...[
    '000_bb3cef3bd377dd45.txt',
    '001_bc8c748b4631376c.txt',
    '002_13cd1b4069b30e52.txt',
    '003_15e24f7b963d36cf.txt',
    '004_9679d27c93839c2b.txt',
  ].map((f) => ({ name: f, text: readRepoFile('test', 'fixtures', f) })),
  ...['logistic-regression.md', 'two-layer-network.md', 'vectorised-two-layer.md', 'weight-decay.md'].map((f) => ({
    name: f,
    text: readRepoFile('examples', f),
  })),
];

const TOKENS = [
  '\\frac',
  '\\dfrac',
  '{',
  '}',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '\\left(',
  '\\right)',
  '\\left[',
  '\\right]',
  '^',
  '_',
  '^{',
  '_{',
  'x',
  'y',
  'z',
  'w_2',
  'a_1',
  'b',
  'C',
  'L',
  'W^{[1]}',
  'A^{(h)}',
  '\\hat{y}',
  '\\mathcal{L}',
  '\\sigma',
  '\\tanh',
  '\\log',
  '\\ln',
  '\\exp',
  'e^{',
  '\\sqrt',
  'g',
  "g'",
  "\\sigma'",
  'ReLU',
  '\\max(0,',
  '\\partial',
  'd',
  '\\delta',
  '\\frac{\\partial C}{\\partial w}',
  '=',
  '=',
  '+',
  '-',
  '\\cdot',
  '\\times',
  '/',
  ',',
  ';',
  '\\quad',
  '\\\\',
  '&',
  ':=',
  '\\leftarrow',
  '\\in',
  '\\mathbb{R}^{3\\times 4}',
  '\\sum',
  '\\sum_{i=1}^{n}',
  '\\odot',
  '^T',
  '^{\\top}',
  '\\|',
  '\\underbrace{',
  '\\text{',
  '\\operatorname{',
  '\\mathbb{1}',
  '\\begin{aligned}',
  '\\end{aligned}',
  '\\begin{equation}',
  '\\end{equation}',
  '\\because',
  '\\therefore',
  '>',
  '<',
  '\\geq',
  '0',
  '1',
  '2',
  '0.5',
  '1e308',
  '-1e308',
  '99999999999999999999999',
  '1e-320',
  'NaN',
  'Infinity',
  '\\infty',
  '\\Srgmoid',
  '\\undefinedcommand',
  '\\href{javascript:alert(1)}{x}',
  '\\url{http://example.com}',
  '\\htmlClass{x}{y}',
  '\\def\\a{\\a\\a}\\a',
  '\\newcommand{\\b}{\\b}\\b',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '%',
  '% comment\n',
  '$',
  '$$',
  '\\$',
  '`',
  '\n',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\u200b',
  'σ',
  '∂',
  '😀',
  '\\',
  '\\ ',
  '#',
];

/** LaTeX-ish text from the token soup, sometimes wrapped deeply. */
export const latexSoup: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }),
    fc.nat({ max: 120 }),
    fc.constantFrom('{', '(', '\\left(', '\\frac{', '\\sigma('),
  )
  .map(([tokens, depth, wrap]) => {
    const body = tokens.join(' ');
    if (depth < 100) return body;
    const close = wrap === '{' ? '}' : wrap === '(' || wrap === '\\sigma(' ? ')' : wrap === '\\left(' ? '\\right)' : '}{2}';
    return wrap.repeat(depth - 90) + body + close.repeat(depth - 90);
  });

/** Markdown with math in every delimiter style, built from the soup and prose. */
export const markdownSoup: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      latexSoup.map((l) => `$$${l}$$`),
      latexSoup.map((l) => `$$\n${l}\n$$`),
      latexSoup.map((l) => `Text $${l}$ more.`),
      latexSoup.map((l) => `\\[${l}\\]`),
      latexSoup.map((l) => `\\(${l}\\)`),
      latexSoup.map((l) => `\`\`\`math\n${l}\n\`\`\``),
      latexSoup.map((l) => `> $$${l}`),
      latexSoup,
      fc.constantFrom('$5 and $10', '`$x$`', '```\n$$x$$\n```', '<!-- $$x = 1$$ -->', '- item $x$', '# Title', '', '---', '| a | $b$ |'),
      fc.string({ maxLength: 40 }),
    ),
    { maxLength: 12 },
  )
  .map((lines) => lines.join('\n'));

/** A real note with random edits: deletions, insertions from the soup, duplicated slices. */
export const mutatedNote: fc.Arbitrary<{ name: string; text: string }> = fc
  .tuple(
    fc.constantFrom(...CORPUS),
    fc.array(
      fc.tuple(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat({ max: 30 }),
        fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })),
      ),
      { minLength: 1, maxLength: 8 },
    ),
  )
  .map(([note, edits]) => {
    let text = note.text;
    for (const [where, cut, insert] of edits) {
      const at = Math.floor(where * text.length);
      text = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + cut));
    }
    return { name: note.name, text };
  });

/** Random bytes read as UTF-8 (invalid sequences become U+FFFD), as a file of garbage would be. */
export const randomBytesText: fc.Arbitrary<string> = fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b).toString('utf8'));

/** An Excalidraw note whose drawing is broken: bad base64, truncated lz-string, invalid JSON, wrong shapes. */
export const brokenExcalidraw: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('truncate', 'garble', 'badjson', 'wrongshape', 'plainjson', 'nothing'),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.string({ maxLength: 12 }),
    latexSoup,
  )
  .map(([how, where, junk, latex]) => {
    const good = JSON.stringify({
      type: 'excalidraw',
      version: 2,
      elements: [{ id: 'a1', type: 'image', fileId: 'f'.repeat(40), x: 1, y: 2, width: 3, height: 4 }],
    });
    let compressed = compressToBase64(good);
    if (how === 'truncate') compressed = compressed.slice(0, Math.floor(where * compressed.length));
    if (how === 'garble')
      compressed =
        compressed.slice(0, Math.floor(where * compressed.length)) + junk + compressed.slice(Math.floor(where * compressed.length) + 3);
    if (how === 'badjson') compressed = compressToBase64(`{"elements": [${junk}`);
    if (how === 'wrongshape')
      compressed = compressToBase64(JSON.stringify({ elements: [null, 3, { id: 7, x: 'a' }, { type: 'image', fileId: 5 }] }));
    const drawing =
      how === 'plainjson'
        ? `\`\`\`json\n{"elements": [${junk}\n\`\`\``
        : how === 'nothing'
          ? ''
          : `\`\`\`compressed-json\n${compressed.replace(/(.{60})/g, '$1\n')}\n\`\`\``;
    return `---\nexcalidraw-plugin: parsed\n---\n# Excalidraw Data\n## Text Elements\n${junk} ^a1\n\n## Embedded Files\n${'f'.repeat(40)}: $$${latex}$$\n\n%%\n## Drawing\n${drawing}\n%%`;
  });

/** A notebook that is malformed in some way: wrong types, missing fields, any JSON at all. */
export const malformedNotebook: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.jsonValue().map((v) => JSON.stringify({ cells: v })),
  fc
    .array(
      fc.record({
        cell_type: fc.oneof(fc.constantFrom('markdown', 'code', 'raw'), fc.jsonValue()),
        source: fc.oneof(
          latexSoup.map((l) => `$$${l}$$`),
          fc.array(
            latexSoup.map((l) => `$${l}$\n`),
            { maxLength: 4 },
          ),
          fc.jsonValue(),
        ),
      }),
      { maxLength: 6 },
    )
    .map((cells) => JSON.stringify({ cells, nbformat: 4 })),
  fc.string({ maxLength: 200 }).map((s) => `{"cells": [${s}`),
);
