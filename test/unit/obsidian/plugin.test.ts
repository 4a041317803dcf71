import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import type { EditorState } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type * as Obsidian from 'obsidian';
import type DerivcheckPlugin from '../../../obsidian/main';
import type * as StandIn from '../../obsidian/standIn';
import { checkNote } from '../../../src/index';
import { bundlePlugin } from '../../obsidian/bundle';
import { installDom } from '../../support/dom';

const fixture = (name: string): string => readFileSync(path.join(__dirname, '../../../../test/fixtures', name), 'utf8');
const SEED_004 = fixture('004_9679d27c93839c2b.txt');
const DRAWING = fixture('000_bb3cef3bd377dd45.txt');
const MANIFEST = {
  id: 'derivcheck',
  name: 'derivcheck',
  version: '0',
  minAppVersion: '1.7.2',
  description: '',
  author: '',
  isDesktopOnly: false,
};

interface Loaded {
  readonly O: typeof StandIn;
  readonly app: StandIn.App;
  readonly plugin: DerivcheckPlugin & StandIn.Plugin;
}

describe('the Obsidian plugin, loaded against a stand-in of Obsidian', function () {
  this.timeout(60000);
  let restore: () => void;
  let bundle: {
    DerivcheckPlugin: typeof DerivcheckPlugin;
    obsidian: typeof StandIn;
    EditorState: typeof EditorState;
    EditorView: typeof EditorView;
  };
  before(() => {
    restore = installDom();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is built by the test itself
    bundle = require(bundlePlugin());
  });
  after(() => restore());

  async function load(files: Record<string, string> = {}): Promise<Loaded> {
    const O = bundle.obsidian;
    const app = new O.App();
    for (const [p, text] of Object.entries(files)) app.vault.write(p, text);
    const plugin = new bundle.DerivcheckPlugin(app as unknown as Obsidian.App, MANIFEST) as DerivcheckPlugin & StandIn.Plugin;
    await plugin.onload();
    return { O, app, plugin };
  }
  const command = (l: Loaded, id: string): Obsidian.Command => l.plugin.commands.find((c) => c.id === id)!;
  const sideView = (l: Loaded): HTMLElement => {
    const leaf = l.app.workspace.leaves.find((x) => x.view.getViewType() === 'derivcheck-explanation');
    assert.ok(leaf, 'the side view is open');
    return (leaf.view as unknown as { contentEl: HTMLElement }).contentEl;
  };

  it('registers its side view, its editor extension, Reading-mode badges, its commands and a settings tab', async () => {
    const l = await load();
    assert.deepEqual(
      l.plugin.commands.map((c) => c.id),
      ['verify-gradient', 'check-drawing', 'check-vault'],
    );
    assert.ok(l.app.viewCreators.has('derivcheck-explanation'));
    assert.equal(l.plugin.editorExtensions.length, 2, 'the live checks, and the explanation following the cursor');
    assert.equal(l.plugin.postProcessors.length, 1);
    assert.equal(l.plugin.settingTabs.length, 1);
  });

  it('Verify Gradient explains the claim at the cursor in the side view: seed 004, line 19, σ(x) where σ(z₂) belongs', async () => {
    const l = await load({ 'notes/seed.md': SEED_004 });
    const file = l.app.vault.getFileByPath('notes/seed.md')!;
    const leaf = l.app.workspace.getLeaf() as unknown as StandIn.WorkspaceLeaf;
    await leaf.openFile(file, { eState: { line: 18 } });
    const view = leaf.view as unknown as StandIn.MarkdownView;
    view.editor.setCursor({ line: 18, ch: 10 });
    await command(l, 'verify-gradient').editorCallback!(view.editor, view as unknown as Obsidian.MarkdownView);
    await new Promise((r) => setTimeout(r, 20));
    const text = sideView(l).textContent ?? '';
    assert.match(text, /refuted/i);
    assert.match(text, /\\sigma\(x\)\(1-\\sigma\(x\)\)/, 'the wrong factor, as written');
  });

  it('Reading mode: a ✗ badge on the rendered section of a refuted claim, which opens its explanation', async () => {
    const l = await load({ 'notes/seed.md': SEED_004 });
    const section = document.createElement('div');
    const lines = SEED_004.split('\n');
    const line = lines.findIndex((t) => t.includes('\\underbrace{\\sigma(x)'));
    const ctx = { sourcePath: 'notes/seed.md', getSectionInfo: () => ({ text: SEED_004, lineStart: line, lineEnd: line }) };
    await l.plugin.postProcessors[0](section, ctx as unknown as Obsidian.MarkdownPostProcessorContext);
    const badge = section.querySelector<HTMLButtonElement>('.derivcheck-badge');
    assert.ok(badge, 'a badge');
    assert.equal(badge.textContent, '✗');
    assert.match(badge.title, /✗ 1/);
    badge.click();
    await new Promise((r) => setTimeout(r, 10));
    assert.match(sideView(l).textContent ?? '', /\\sigma\(x\)/);
    // (a section without claims gets none)
    const plain = document.createElement('div');
    await l.plugin.postProcessors[0](plain, {
      ...ctx,
      getSectionInfo: () => ({ text: SEED_004, lineStart: 0, lineEnd: 0 }),
    } as unknown as Obsidian.MarkdownPostProcessorContext);
    assert.equal(plain.querySelector('.derivcheck-badge'), null);
  });

  it('checks the vault with a progress notice, lists notes refuted first, and checks a changed note again', async () => {
    const l = await load({
      'a/fine.md': '$$a = \\sigma(z)$$\n\n$$\\frac{\\partial a}{\\partial z} = a(1 - a)$$\n',
      'b/seed.md': SEED_004,
      'c/prose.md': 'No math here.',
    });
    const groups = await l.plugin.checkVault();
    assert.deepEqual(
      groups.map((g) => g.path),
      ['b/seed.md', 'a/fine.md'],
    );
    const notices = l.O.Notice.shown.map((n) => String(n.message));
    assert.ok(notices.some((m) => /checked 3 of 3 notes/.test(m)));
    assert.ok(notices.some((m) => /2 notes with claims, 1 refuted/.test(m)));
    assert.match(sideView(l).textContent ?? '', /b\/seed\.md[\s\S]*a\/fine\.md/);
    // the slip in a/fine.md: checked again on save, and the list follows
    l.app.vault.write('a/fine.md', '$$a = \\sigma(z)$$\n\n$$\\frac{\\partial a}{\\partial z} = a(1 + a)$$\n');
    await new Promise((r) => setTimeout(r, 50));
    const rows = sideView(l).textContent ?? '';
    assert.match(rows, /a\/fine\.md[\s\S]*b\/seed\.md/, 'both notes now have a refuted claim: by path');
  });

  it('"Check this drawing" lists an Excalidraw drawing’s claims; a click selects and zooms to the element with ExcalidrawAutomate', async () => {
    const l = await load({ 'draw/net.excalidraw.md': DRAWING });
    const file = l.app.vault.getFileByPath('draw/net.excalidraw.md')!;
    await (l.app.workspace.getLeaf() as unknown as StandIn.WorkspaceLeaf).openFile(file);
    const check = command(l, 'check-drawing').checkCallback!;
    assert.equal(check(true), true, 'offered for a drawing');
    check(false);
    await new Promise((r) => setTimeout(r, 50));
    const list = sideView(l);
    assert.match(list.textContent ?? '', /net\.excalidraw/);
    const rows = list.querySelectorAll<HTMLElement>('.claim-row');
    assert.ok(rows.length >= 5, `${rows.length} claims listed`);
    const calls: string[] = [];
    (globalThis as Record<string, unknown>).ExcalidrawAutomate = {
      setView: () => calls.push('setView'),
      // (the drawing's own elements, as the core reads their places)
      getViewElements: () => [
        { id: 'other' },
        ...checkNote('d.excalidraw.md', DRAWING).document.blocks.flatMap((b) => (b.drawing ? [{ id: b.drawing.elementId }] : [])),
      ],
      selectElementsInView: (els: { id: string }[]) => calls.push(`select ${els.map((e) => e.id).join(',')}`),
      viewZoomToElements: (_: boolean, els: { id: string }[]) => calls.push(`zoom ${els.map((e) => e.id).join(',')}`),
    };
    try {
      rows[0].click();
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(calls[0], 'setView');
      assert.match(calls[1], /^select [A-Za-z0-9_-]+$/);
      assert.equal(calls[2], calls[1].replace('select', 'zoom'));
    } finally {
      delete (globalThis as Record<string, unknown>).ExcalidrawAutomate;
    }
    // (not offered for a Markdown note)
    const l2 = await load({ 'n.md': SEED_004 });
    await (l2.app.workspace.getLeaf() as unknown as StandIn.WorkspaceLeaf).openFile(l2.app.vault.getFileByPath('n.md')!);
    assert.equal(command(l2, 'check-drawing').checkCallback!(true), false);
  });

  it('with "Explanation follows the cursor", the open explanation moves to the claim the cursor moves onto', async () => {
    const l = await load({ 'notes/seed.md': SEED_004 });
    await l.plugin.checkVault();
    const first = l.plugin.settingTabs[0];
    l.O.Setting.made.length = 0;
    first.display();
    await (
      l.O.Setting.made.find((s) => s.name === 'Explanation follows the cursor')!.control!.value.changed as (v: boolean) => Promise<void>
    )(true);
    // an explanation is open: the claim of line 17
    const leaf = l.app.workspace.getLeaf() as unknown as StandIn.WorkspaceLeaf;
    await leaf.openFile(l.app.vault.getFileByPath('notes/seed.md')!);
    const md = leaf.view as unknown as StandIn.MarkdownView;
    const offsetOf = (line: number): number =>
      SEED_004.split('\n')
        .slice(0, line - 1)
        .join('\n').length + 4;
    md.editor.setCursor({ line: 16, ch: 4 });
    await command(l, 'verify-gradient').editorCallback!(md.editor, md as unknown as Obsidian.MarkdownView);
    await new Promise((r) => setTimeout(r, 20));
    assert.doesNotMatch(sideView(l).textContent ?? '', /refuted/i, 'line 17 holds');
    // the editor Obsidian shows for the note, with the plugin's extensions; the cursor moves to line 19
    const { EditorState: State, EditorView: View, obsidian } = bundle;
    const file = l.app.vault.getFileByPath('notes/seed.md');
    const state = State.create({
      doc: SEED_004,
      extensions: [obsidian.editorInfoField.init(() => ({ file }) as never), ...l.plugin.editorExtensions],
    });
    const view = new View({ state, parent: document.body });
    try {
      view.dispatch({ selection: { anchor: offsetOf(19) } });
      await new Promise((r) => setTimeout(r, 20));
      assert.match(sideView(l).textContent ?? '', /refuted/i, 'now line 19, the refuted claim');
    } finally {
      view.destroy();
    }
  });

  it('the settings tab has a control per setting; a change is stored, checked and applied', async () => {
    const l = await load();
    const tab = l.plugin.settingTabs[0];
    l.O.Setting.made.length = 0;
    tab.display();
    const made = l.O.Setting.made;
    assert.deepEqual(
      made.map((s) => s.name),
      [
        'Live checks',
        'Delay (ms)',
        'Sample points',
        'Tolerance',
        'Seed',
        'Time limit per claim (ms)',
        'Show unverifiable claims',
        'Markers',
        'Explanation follows the cursor',
      ],
    );
    const samples = made.find((s) => s.name === 'Sample points')!.control!;
    assert.equal(samples.kind, 'text');
    await (samples.value.changed as (v: string) => Promise<void>)('12');
    assert.equal(l.plugin.settings.check.samples, 12);
    assert.deepEqual(l.plugin.data, { samples: 12 });
    await (samples.value.changed as (v: string) => Promise<void>)('-3');
    assert.equal(l.plugin.settings.check.samples, 5, 'out of range: the default');
    const live = made.find((s) => s.name === 'Live checks')!.control!;
    await (live.value.changed as (v: boolean) => Promise<void>)(false);
    assert.equal(l.plugin.settings.liveChecks, false);
    assert.equal(l.app.workspace.reconfigured, 3, 'open editors reconfigure after each change');
  });
});
