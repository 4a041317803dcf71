import { strict as assert } from 'assert';
import { readMarkdown } from '../../../src/notes/markdown';
import { checkNote } from '../../../src/verify/checkNote';

const SIGMOID = '$$a = \\sigma(z)$$';
const RIGHT = '$$\\frac{\\partial a}{\\partial z} = a(1 - a)$$';
const WRONG = '$$\\frac{\\partial a}{\\partial z} = a(1 + a)$$';

const verdicts = (note: string): string[] => checkNote('n.md', note).claims.map((c) => `${c.location.start.line} ${c.verdict}`);

describe('an unclosed $$ (while typing)', () => {
  it('is read as text, so the blocks after it still pair and are checked, and the note is told once', () => {
    const note = ['$$ b = \\sigma(', '', 'Then the derivative of the activation is simple.', '', SIGMOID, '', WRONG, '', RIGHT].join('\n');
    const r = checkNote('n.md', note);
    assert.deepEqual(
      r.claims.map((c) => `${c.location.start.line} ${c.verdict}`),
      ['7 refuted', '9 verified'],
    );
    assert.equal(r.errors.length, 1);
    assert.deepEqual(r.errors[0].location?.start, { line: 1, column: 1 });
    assert.match(r.errors[0].message, /never closed/);
  });
  it('is seen when its false closing $$ opens the next formula on the same line', () => {
    const note = ['$$a = \\sigma(z)', '$$\\frac{\\partial a}{\\partial z} = a(1 + a)$$'].join('\n');
    const r = checkNote('n.md', note);
    assert.deepEqual(
      r.claims.map((c) => `${c.location.start.line} ${c.verdict}`),
      ['2 unverifiable'],
    );
    assert.equal(r.errors.length, 1);
  });
  it('flags nothing while the last formula of a note is still being typed', () => {
    const note = [SIGMOID, '', RIGHT, '', '$$\\frac{\\partial a}{\\partial z} = a(1 +'].join('\n');
    const r = checkNote('n.md', note);
    assert.deepEqual(
      r.claims.map((c) => c.verdict),
      ['verified'],
    );
    assert.deepEqual(r.errors, []);
  });
  it('leaves a closed block with blank lines between its rows alone', () => {
    const note = ['$$', 'z = 2x \\\\', '', 'y = z^2', '$$', '', '$$\\frac{dy}{dx} = 8x$$'].join('\n');
    const r = checkNote('n.md', note);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(
      r.claims.map((c) => c.verdict),
      ['verified'],
    );
  });
});

describe('ignore directives', () => {
  it('<!-- derivcheck-ignore --> before a block: its claim is not judged, its definitions still hold', () => {
    const note = ['<!-- derivcheck-ignore -->', '$$a = \\sigma(z), \\quad \\frac{\\partial a}{\\partial z} = a(1 + a)$$', '', RIGHT].join(
      '\n',
    );
    assert.deepEqual(verdicts(note), ['4 verified']);
  });
  it("Obsidian's %% derivcheck-ignore %% before a paragraph, and at the end of a line", () => {
    const para = [SIGMOID, '', '%% derivcheck-ignore %%', `Here ${WRONG.replace(/\$\$/g, '$')} as I first wrote it.`, '', RIGHT].join('\n');
    assert.deepEqual(verdicts(para), ['6 verified']);
    const line = [SIGMOID, '', `${WRONG} %% derivcheck-ignore %%`, `${WRONG}`].join('\n');
    assert.deepEqual(verdicts(line), ['4 refuted']);
  });
  it('ignores only the next block, not the rest of the note', () => {
    const note = [SIGMOID, '', '<!-- derivcheck-ignore -->', WRONG, '', WRONG].join('\n');
    assert.deepEqual(verdicts(note), ['6 refuted']);
  });
  it('derivcheck: off in the front matter ignores the whole note; other front matter does not', () => {
    const body = [SIGMOID, '', WRONG].join('\n');
    assert.deepEqual(verdicts(`---\ntags: [ml]\nderivcheck: off\n---\n${body}`), []);
    assert.deepEqual(verdicts(`---\ntags: [ml]\nderivcheck: on\n---\n${body}`), ['7 refuted']);
    assert.deepEqual(
      readMarkdown(`---\nderivcheck: off\n---\n${body}`, 0).blocks.map((b) => b.ignored),
      [true, true],
    );
  });
  it('is written out in the text, so a mention inside code is no directive', () => {
    const note = [SIGMOID, '', '`<!-- derivcheck-ignore -->` hides the next block.', '', WRONG].join('\n');
    assert.deepEqual(verdicts(note), ['5 refuted']);
  });
});

describe('declared inputs', () => {
  const NOTE = ['$$h = \\sigma(u)$$', '', '$$\\frac{\\partial h}{\\partial u} = 1 - h^2$$'].join('\n');
  it('<!-- derivcheck-input: h --> makes h an input: its definition is not used', () => {
    assert.deepEqual(verdicts(NOTE), ['3 refuted']);
    const asInput = `<!-- derivcheck-input: h -->\n${NOTE}`;
    assert.deepEqual(checkNote('n.md', asInput).model.definitions.has('h'), false);
    assert.deepEqual(verdicts(asInput), ['4 unverifiable'], 'h is an input now, so ∂h/∂u has nothing to differentiate');
  });
  it('reads several names, Obsidian comments and the front matter, braces kept whole', () => {
    assert.deepEqual(readMarkdown('%% derivcheck-inputs: a_1, W^{[1]} %%\n$x$', 0).inputs, ['a_1', 'W^{[1]}']);
    assert.deepEqual(readMarkdown('---\nderivcheck-inputs: [b, z_{1,2}]\n---\n$x$', 0).inputs, ['b', 'z_{1,2}']);
  });
  it('keeps the rest of a chain that started with the input, and update rules of it', () => {
    const note = '<!-- derivcheck-input: s -->\n$$s = x + y = y + x$$\n\n$$s := s - \\eta \\frac{\\partial L}{\\partial s}$$';
    const r = checkNote('n.md', note);
    assert.equal(r.model.definitions.has('s'), false);
    // (`x + y = y + x` left of the input; the update a descent step by its form)
    assert.deepEqual(
      r.claims.map((c) => `${c.claim.kind} ${c.verdict}`),
      ['identity verified', 'update verified'],
    );
  });
});
