/**
 * The Obsidian editor's live checks in jsdom: diagnostics at the claims' spans with the core's message and code,
 * the quick fix and its undo, settings that turn it off, notes that do not parse, and a newer edit that overtakes
 * a running check. (Tooltips and badges need layout: test/browser/obsidianEditor.test.ts.)
 */
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { type ChangeSet, StateEffect } from '@codemirror/state';
import { EditorView, type ViewUpdate } from '@codemirror/view';
import { type Diagnostic, diagnosticCount, forEachDiagnostic, forceLinting } from '@codemirror/lint';
import { checkNote, diagnosticFor } from '../../../src/index';
import { refreshDerivcheck } from '../../../obsidian/editor/index';
import { editorWith, fakeHost, installDom, sleep, until } from './jsdomEditor';

const fixtures = path.join(__dirname, '../../../../test/fixtures');
const seed004 = readFileSync(path.join(fixtures, '004_9679d27c93839c2b.txt'), 'utf8');

interface Shown {
  readonly d: Diagnostic;
  readonly from: number;
  readonly to: number;
  readonly line: number;
  readonly column: number;
}

function shown(view: EditorView, severity = 'error'): Shown[] {
  const out: Shown[] = [];
  forEachDiagnostic(view.state, (d, from, to) => {
    const line = view.state.doc.lineAt(from);
    if (d.severity === severity) out.push({ d, from, to, line: line.number, column: from - line.from + 1 });
  });
  return out;
}

describe('Obsidian editor: live checks (jsdom)', () => {
  let restore: () => void;
  const views: EditorView[] = [];
  before(() => (restore = installDom()));
  afterEach(() => views.splice(0).forEach((v) => v.destroy()));
  after(() => restore());
  const open = (text: string, host = fakeHost()): { view: EditorView; host: ReturnType<typeof fakeHost> } => {
    const view = editorWith(text, host);
    views.push(view);
    return { view, host };
  };

  it("marks seed 004's refuted claim at line 19, col 3 with the core's message and code; the fix mends it, undoing it brings it back", async () => {
    const { view, host } = open(seed004);
    forceLinting(view);
    await until(() => shown(view).length > 0, 'the refuted claim');
    const [error, ...others] = shown(view);
    assert.equal(others.length, 0);
    assert.deepEqual([error.line, error.column], [19, 3]);
    const expected = checkNote('notes/seed.md', seed004).claims.find((c) => c.verdict === 'refuted')!;
    assert.deepEqual([error.from, error.to], [expected.location.startOffset, expected.location.endOffset]);
    assert.equal(error.d.source, 'derivcheck');
    assert.equal(error.d.message, diagnosticFor(expected, { showUnverifiable: true })!.message);
    assert.match(error.d.markClass ?? '', /\bcm-derivcheck-refuted-wrong-factor\b/);
    assert.match(error.d.renderMessage!(view).textContent ?? '', /refuted\/wrong-factor$/);
    assert.deepEqual(
      error.d.actions?.map((a) => a.name),
      [
        'Replace \\sigma(x)(1-\\sigma(x)) with A_2\\cdot\\left(1-A_2\\right)',
        'Ignore this formula',
        // (as in VS Code: each definition the verdict used may be meant as an input)
        'Treat C as an input',
        'Treat A₂ as an input',
        'Treat z₂ as an input',
        'Explain',
      ],
    );
    // an unverifiable claim is a hint
    assert.ok(shown(view, 'hint').length > 0);
    assert.equal(host.checks.length, 1);

    // the fix replaces only the wrong factor
    const before = view.state.doc;
    let changes: ChangeSet | undefined;
    const off = watch(view, (u) => {
      if (u.docChanged) changes = u.changes;
    });
    error.d.actions![0].apply(view, error.from, error.to);
    off();
    assert.ok(changes);
    assert.equal(view.state.doc.toString(), seed004.replace('\\sigma(x)(1-\\sigma(x))', 'A_2\\cdot\\left(1-A_2\\right)'));
    forceLinting(view);
    await until(() => host.checks.length === 2, 'the check after the fix');
    await sleep(20);
    assert.equal(shown(view).length, 0);

    // undone (the inverse change), the claim is refuted again
    view.dispatch({ changes: changes.invert(before) });
    assert.equal(view.state.doc.toString(), seed004);
    forceLinting(view);
    await until(() => shown(view).length === 1, 'the refuted claim again');
    assert.equal(shown(view)[0].line, 19);
  });

  it('"Explain" and "Ignore this formula"', async () => {
    const { view, host } = open(seed004);
    forceLinting(view);
    await until(() => shown(view).length > 0, 'the refuted claim');
    const [error] = shown(view);
    error.d.actions!.find((a) => a.name === 'Explain')!.apply(view, error.from, error.to);
    assert.equal(host.explained.length, 1);
    assert.equal(host.explained[0].path, 'notes/seed.md');
    assert.equal(host.explained[0].claim.code, 'refuted/wrong-factor');
    error.d.actions!.find((a) => a.name === 'Ignore this formula')!.apply(view, error.from, error.to);
    assert.equal(view.state.doc.line(19).text, '<!-- derivcheck-ignore -->');
    forceLinting(view);
    await until(() => host.checks.length === 2, 'the check after ignoring');
    await sleep(20);
    assert.equal(shown(view).length, 0);
  });

  it('"Treat S as an input" writes the directive before the definition of S', async () => {
    const { view } = open(seed004);
    forceLinting(view);
    await until(() => shown(view).length > 0, 'the refuted claim');
    const [error] = shown(view);
    const line = seed004.split('\n').findIndex((l) => l.includes('$$z_2 = w_2 A_1 + B_2$$')) + 1;
    error.d.actions!.find((a) => a.name === 'Treat z₂ as an input')!.apply(view, error.from, error.to);
    assert.equal(view.state.doc.line(line).text.trim(), '<!-- derivcheck-input: z_2 -->');
    assert.match(view.state.doc.line(line + 1).text, /z_2 = w_2 A_1 \+ B_2/);
  });

  it('with live checks off: no diagnostics, no badges, no checks; turned off while shown, they go', async () => {
    const { view, host } = open(seed004, fakeHost({ liveChecks: false }));
    forceLinting(view);
    await sleep(300);
    assert.equal(diagnosticCount(view.state), 0);
    assert.equal(view.dom.querySelectorAll('.cm-derivcheck-badge').length, 0);
    assert.equal(host.checks.length, 0);

    host.current = { ...host.current, liveChecks: true };
    refreshDerivcheck(view);
    forceLinting(view);
    await until(() => shown(view).length === 1, 'the refuted claim');
    host.current = { ...host.current, liveChecks: false };
    refreshDerivcheck(view);
    forceLinting(view);
    await until(() => diagnosticCount(view.state) === 0, 'no diagnostics');
    assert.equal(view.dom.querySelectorAll('.cm-derivcheck-badge').length, 0);
  });

  it('hides unverifiable claims when showUnverifiable is off, and checks nothing in an editor that shows no note', async () => {
    const { view, host } = open(seed004, fakeHost({ showUnverifiable: false }));
    forceLinting(view);
    await until(() => host.checks.length === 1, 'a check');
    await sleep(20);
    assert.equal(shown(view, 'hint').length, 0);
    assert.equal(shown(view).length, 1);

    const other = open(seed004);
    other.host.path = undefined;
    forceLinting(other.view);
    await sleep(200);
    assert.equal(diagnosticCount(other.view.state), 0);
    assert.equal(other.host.checks.length, 0);
  });

  it('checks after the delay the settings give, and follows a new delay', async () => {
    const { view, host } = open(seed004, fakeHost({ delayMs: 30 }));
    await until(() => host.checks.length === 1, 'the first check, unforced');
    view.dispatch({ changes: { from: 0, insert: 'x' } });
    await until(() => host.checks.length === 2, 'a check after an edit, unforced');
    host.current = { ...host.current, delayMs: 5000 };
    refreshDerivcheck(view);
    await sleep(20);
    forceLinting(view);
    await until(() => host.checks.length === 3, 'the check the refresh asked for');
    view.dispatch({ changes: { from: 0, insert: 'y' } });
    await sleep(400);
    assert.equal(host.checks.length, 3, 'no check before the new delay is over');
    forceLinting(view);
    await until(() => host.checks.length === 4, 'a forced check');
  });

  it('survives an unclosed $$, garbage and an empty note', async () => {
    for (const text of [
      '$$\\frac{dC}{dw} = 2(a - y)\n\nmore text',
      '\u0000\uffff$$$$$ \\\\ {{{ }} \\frac{ $x$ = $$',
      '',
      '$$x = 1$$\n$$\\frac{d',
    ]) {
      const { view, host } = open(text);
      forceLinting(view);
      await until(() => host.checks.length === 1, `a check of ${JSON.stringify(text)}`);
      view.dispatch({ changes: { from: 0, insert: '$$' } });
      forceLinting(view);
      await until(() => host.checks.length === 2, 'a second check');
    }
  });

  it('a newer edit overtakes a running check: its result is never shown', async () => {
    // (a note of 120 different claims takes many 15 ms slices, whatever the machine: the edit comes while it runs)
    const long = Array.from(
      { length: 120 },
      (_, i) =>
        `$$f_{${i}} = x^{${i + 2}} + \\sin(${i + 1} x)$$\n\n$$\\frac{d f_{${i}}}{dx} = ${i + 2} x^{${i + 1}} + ${i + 1} \\cos(${i + 1} x)$$\n`,
    ).join('\n');
    const host = fakeHost();
    let asked = 0;
    host.notePath = () => (asked++, host.path);
    const { view } = open(long, host);
    const shownFor: string[] = [];
    watch(view, (u) => {
      if (u.transactions.some((tr) => tr.effects.length > 0) && diagnosticCount(u.state) > 0) shownFor.push(u.state.doc.toString());
    });
    asked = 0;
    forceLinting(view);
    await until(() => asked > 0, 'the check to start');
    assert.equal(host.checks.length, 0, 'the check is still running');
    view.dispatch({ changes: { from: view.state.doc.length, insert: '\n\n$$z = 1, \\quad \\frac{dz}{dx} = 1$$\n' } });
    const newer = view.state.doc.toString();
    forceLinting(view);
    await until(() => host.checks.length === 1, 'the newer check', 30000);
    await sleep(50);
    assert.equal(host.checks.length, 1, 'the overtaken check never finished');
    assert.equal(host.checks[0].report.document.parts[0].text, newer);
    assert.ok(shownFor.length > 0 && shownFor.every((t) => t === newer));
  });

  it("maps claims to the offsets of the seed notes (a Markdown note is its editor's text)", async () => {
    for (const name of ['001_bc8c748b4631376c', '003_15e24f7b963d36cf', '004_9679d27c93839c2b']) {
      const text = readFileSync(path.join(fixtures, `${name}.txt`), 'utf8');
      const { view, host } = open(text);
      forceLinting(view);
      await until(() => host.checks.length === 1, `a check of ${name}`, 20000);
      for (const c of host.checks[0].report.claims)
        assert.equal(view.state.doc.sliceString(c.location.startOffset, c.location.endOffset), c.latex, `${name}: ${c.latex}`);
    }
  });
});

/** Calls `f` after every update of the view (until the function it returns is called). */
function watch(view: EditorView, f: (u: ViewUpdate) => void): () => void {
  let on = true;
  view.dispatch({ effects: StateEffect.appendConfig.of(EditorView.updateListener.of((u) => on && f(u))) });
  return () => (on = false);
}
