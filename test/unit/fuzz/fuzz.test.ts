import { strict as assert } from 'assert';
import fc from 'fast-check';
import { parseBlock } from '../../../src/latex/statements';
import { buildModel } from '../../../src/model/build';
import { readNote } from '../../../src/notes/readNote';
import type { NoteDocument } from '../../../src/notes/types';
import { checkNote, type NoteReport } from '../../../src/verify/checkNote';
import { brokenExcalidraw, CORPUS, latexSoup, malformedNotebook, markdownSoup, mutatedNote, randomBytesText, runs } from './arbitraries';

/** Returns f's value, failing if it took longer than `ms` (a hang shows up as a failure, not a stuck suite). */
function within<T>(ms: number, what: string, f: () => T): T {
  const started = performance.now();
  const value = f();
  const took = performance.now() - started;
  assert.ok(took <= ms, `${what} took ${took.toFixed(0)} ms (bound ${ms} ms)`);
  return value;
}

/** Every block's offsets are inside its part, in order, and (for Markdown) point at the very characters. */
function assertSpansInside(doc: NoteDocument): void {
  for (const b of doc.blocks) {
    const text = doc.parts[b.part]?.text;
    assert.ok(text !== undefined, 'a block refers to a part that exists');
    assert.equal(b.offsets.length, b.latex.length + 1);
    for (let i = 0; i < b.offsets.length; i++) {
      assert.ok(b.offsets[i] >= 0 && b.offsets[i] <= text.length, `offset ${b.offsets[i]} inside 0..${text.length}`);
      if (i > 0) assert.ok(b.offsets[i] >= b.offsets[i - 1], 'offsets never go back');
    }
    // (a character a macro's body wrote has no source character of its own)
    if (doc.kind === 'markdown')
      for (let i = 0; i < b.latex.length; i++) if (!b.fromMacro?.[i]) assert.equal(text[b.offsets[i]], b.latex[i]);
  }
  for (const e of doc.errors)
    assert.ok(e.offset >= 0 && e.offset <= (doc.parts[e.part]?.text.length ?? -1), 'error positions are inside the file');
}

/** Every claim and error of a report lies inside the file, and its line and column agree with its offset. */
function assertLocationsInside(report: NoteReport): void {
  const locations = [...report.claims.map((c) => c.location), ...report.errors.flatMap((e) => (e.location ? [e.location] : []))];
  for (const l of locations) {
    const text = report.document.parts[l.part].text;
    assert.ok(
      0 <= l.startOffset && l.startOffset <= l.endOffset && l.endOffset <= text.length,
      `span ${l.startOffset}..${l.endOffset} inside 0..${text.length}`,
    );
    // lines end at \r\n, \n or a lone \r, as in VS Code
    const before = text.slice(0, l.startOffset).split(/\r\n|\r|\n/);
    assert.equal(l.start.line, before.length);
    assert.equal(l.start.column, before[before.length - 1].length + 1);
  }
  for (const c of report.claims) assert.ok(['verified', 'refuted', 'unverifiable'].includes(c.verdict) && c.message.length > 0);
}

const check = (name: string, text: string): NoteReport => within(5000, `checking ${name}`, () => checkNote(name, text));

describe('fuzzing (fast-check): never throws, never hangs, spans inside the file', () => {
  it('the LaTeX parser takes any token soup, deep nesting included', () => {
    fc.assert(
      fc.property(latexSoup, (latex) => void within(1000, 'parseBlock', () => buildModel([{ latex }]) && parseBlock(latex))),
      { numRuns: runs(1500) },
    );
  });

  it('the Markdown reader takes any mix of delimiters and prose', () => {
    fc.assert(
      fc.property(markdownSoup, (text) => assertSpansInside(within(1000, 'readNote', () => readNote('fuzz.md', text)))),
      { numRuns: runs(500) },
    );
  });

  it('random bytes, as .md, .ipynb, .excalidraw.md and .txt', () => {
    fc.assert(
      fc.property(randomBytesText, fc.constantFrom('x.md', 'x.ipynb', 'x.excalidraw.md', 'x.txt'), (text, name) =>
        assertLocationsInside(check(name, text)),
      ),
      { numRuns: runs(300) },
    );
  });

  it('broken Excalidraw drawings: bad base64, truncated lz-string, invalid JSON', () => {
    fc.assert(
      fc.property(brokenExcalidraw, (text) => {
        const doc = within(1000, 'readNote', () => readNote('d.excalidraw.md', text));
        assertSpansInside(doc);
        assertLocationsInside(check('d.excalidraw.md', text));
      }),
      { numRuns: runs(200) },
    );
  });

  it('malformed notebooks', () => {
    fc.assert(
      fc.property(malformedNotebook, (text) => assertLocationsInside(check('n.ipynb', text))),
      { numRuns: runs(300) },
    );
  });

  it('mutated seeds and examples', () => {
    fc.assert(
      fc.property(mutatedNote, ({ name, text }) => assertLocationsInside(check(name, text))),
      { numRuns: runs(150) },
    );
  });
});

/** Edits that change no math: blank lines between paragraphs, trailing spaces, HTML comments, spaces in LaTeX. */
const harmlessEdits = fc.array(
  fc.tuple(
    fc.constantFrom('blank line', 'trailing spaces', 'html comment', 'latex spaces', 'latex comment'),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ),
  { minLength: 1, maxLength: 6 },
);

function applyHarmless(text: string, edits: readonly (readonly [string, number])[]): string {
  const lines = text.split('\n');
  // lines outside display math, where a paragraph break or a comment changes nothing
  const outside: number[] = [];
  let inDisplay = false;
  lines.forEach((l, i) => {
    const toggles = (l.match(/\$\$/g) ?? []).length % 2 === 1;
    if (!inDisplay && !toggles && !l.includes('$') && !/^\s*(```|>|[-*] |\d+\.|\|)/.test(l)) outside.push(i);
    if (toggles) inDisplay = !inDisplay;
  });
  for (const [kind, where] of edits) {
    const i = Math.min(lines.length - 1, Math.floor(where * lines.length));
    if (kind === 'trailing spaces') lines[i] = `${lines[i]}  `;
    else if (kind === 'latex spaces') lines[i] = lines[i].replace(/(\$\$[^$]*?)(=|\+)/, '$1 $2 ');
    else if (kind === 'latex comment') lines[i] = lines[i].replace(/^\$\$(.*[^$])$/, '$$$$$1 % a comment');
    else if (outside.length > 0) {
      const at = outside[Math.min(outside.length - 1, Math.floor(where * outside.length))];
      lines[at] = kind === 'blank line' ? `${lines[at]}\n` : `${lines[at]}\n\n<!-- a comment -->\n`;
    }
  }
  return lines.join('\n');
}

describe('fuzzing (fast-check): edits that change no math change no verdict', () => {
  const markdownCorpus = CORPUS.filter(
    (n) => n.name.endsWith('.md') || n.name.startsWith('001') || n.name.startsWith('003') || n.name.startsWith('004'),
  );
  const baseline = new Map(markdownCorpus.map((n) => [n.name, checkNote(n.name, n.text).claims.map((c) => c.verdict)]));
  it('whitespace and comments keep every verdict of the examples and the Markdown seeds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...markdownCorpus), harmlessEdits, (note, edits) => {
        const edited = applyHarmless(note.text, edits);
        assert.deepEqual(
          check(note.name, edited).claims.map((c) => c.verdict),
          baseline.get(note.name),
          edited,
        );
      }),
      { numRuns: runs(100) },
    );
  });
});
