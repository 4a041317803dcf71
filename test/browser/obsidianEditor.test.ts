/**
 * The Obsidian editor's live checks in a real browser: obsidian/editor bundled with esbuild into a page with an
 * EditorView on seed 004 and a stand-in for Live Preview (obsidianEditorPage.ts). Hovering the refuted claim shows
 * the lint tooltip with the core's message and the quick fix; the badges after the math blocks are visible and
 * a click explains the block's claim; the fix mends the note. Saves test-artifacts/obsidian-editor.png.
 */
import { strict as assert } from 'assert';
import { mkdirSync, readFileSync } from 'fs';
import type { Server } from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { checkNote, diagnosticFor, fixFor, partText } from '../../src/index';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium';
import { servePage } from '../support/pageServer';
import type { ObsidianEditorTest } from './obsidianEditorPage';

const root = path.join(__dirname, '../../..');
const artifacts = path.join(root, 'test-artifacts');
const seed = readFileSync(path.join(root, 'test/fixtures/004_9679d27c93839c2b.txt'), 'utf8');

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<link rel="stylesheet" href="/katex/katex.min.css">
<style>
  body { margin: 0; background: #ffffff; color: #222222; font: 16px system-ui, sans-serif; }
  #editor { width: 900px; margin: 16px; border: 1px solid #dddddd; }
  .cm-editor { height: 820px; }
  .cm-scroller { font-family: ui-monospace, monospace; font-size: 15px; line-height: 1.6; }
  .math-block-stand-in { display: inline-block; }
  .math-block-stand-in .katex-display { margin: 0.2em 0; }
</style>
</head>
<body><div id="editor"></div><script src="/page.js"></script></body>
</html>`;

type TestWindow = Window & { derivcheckEditorTest: ObsidianEditorTest };

describe('Obsidian editor: live checks (Chromium)', function () {
  this.timeout(60000);
  let server: Server;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  before(async () => {
    server = await servePage(PAGE, 'test/browser/obsidianEditorPage.ts');
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
    mkdirSync(artifacts, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
  beforeEach(async () => {
    problems = [];
    page = await browser.newPage({ viewport: { width: 940, height: 860 } });
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`http://localhost:${(server.address() as AddressInfo).port}/`);
    await page.evaluate((text) => (window as unknown as TestWindow).derivcheckEditorTest.mount(text, 19), seed);
    await page.waitForFunction(() => (window as unknown as TestWindow).derivcheckEditorTest.checks > 0);
  });
  afterEach(async () => page?.close());

  const report = checkNote('Backprop/004 chain rule.md', seed);
  const refuted = report.claims.find((c) => c.verdict === 'refuted')!;
  const fix = fixFor(refuted, report.locate, (at) => partText(report, at))!;

  it("hovering the refuted claim shows the core's message, its code and the quick fix; the fix mends the note", async () => {
    const errors = await page.evaluate(() =>
      (window as unknown as TestWindow).derivcheckEditorTest.errors().filter((d) => d.severity === 'error'),
    );
    assert.deepEqual(
      errors.map((d) => [d.line, d.column, d.message]),
      [[19, 3, diagnosticFor(refuted, { showUnverifiable: true })!.message]],
    );
    const at = await page.evaluate(() => (window as unknown as TestWindow).derivcheckEditorTest.coords(19, 12));
    await page.mouse.move(at.x, at.y);
    const tooltip = page.locator('.cm-tooltip-lint');
    await tooltip.waitFor({ state: 'visible' });
    const text = (await tooltip.textContent()) ?? '';
    assert.ok(text.includes(refuted.message), text);
    assert.ok(text.includes('refuted/wrong-factor'), text);
    const button = tooltip.locator('button', { hasText: fix.title });
    assert.ok(await button.isVisible(), `the fix button "${fix.title}"`);
    assert.ok(await tooltip.locator('button', { hasText: 'Explain' }).isVisible());
    await page.screenshot({ path: path.join(artifacts, 'obsidian-editor.png') });

    await button.click();
    const fixed = seed.slice(0, fix.startOffset) + fix.text + seed.slice(fix.endOffset);
    assert.equal(await page.evaluate(() => (window as unknown as TestWindow).derivcheckEditorTest.text()), fixed);
    await page.waitForFunction(() => (window as unknown as TestWindow).derivcheckEditorTest.checks > 1);
    await page.waitForFunction(() => (window as unknown as TestWindow).derivcheckEditorTest.errors().every((d) => d.severity !== 'error'));
    assert.equal(await page.locator('.cm-derivcheck-badge-refuted').count(), 0);
    assert.deepEqual(problems, []);
  });

  it('badges the math blocks after their rendered source: visible, titled with the counts, a click explains', async () => {
    const badges = page.locator('.cm-derivcheck-badge');
    const blocksWithClaims = new Set(report.claims.map((c) => c.claim.at.block)).size;
    await page.waitForFunction((n) => document.querySelectorAll('.cm-derivcheck-badge').length === n, blocksWithClaims);
    const wrong = page.locator('.cm-derivcheck-badge-refuted');
    assert.equal(await wrong.count(), 1);
    assert.equal(await wrong.textContent(), '✗');
    assert.equal(await wrong.getAttribute('title'), 'derivcheck: 1 refuted · click to explain');
    const box = await wrong.boundingBox();
    assert.ok(box && box.width > 4 && box.height > 4, `a visible badge: ${JSON.stringify(box)}`);
    // (a badge after a rendered block: beside the rendering, not under it)
    const verified = page.locator('.cm-derivcheck-badge-verified').first();
    const vbox = await verified.boundingBox();
    assert.ok(vbox && vbox.width > 4 && vbox.height > 4);
    const covered = await verified.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) !== el;
    });
    assert.equal(covered, false, 'nothing covers a badge');
    assert.ok((await badges.count()) >= 3);

    await page.screenshot({ path: path.join(artifacts, 'obsidian-editor-badges.png') });
    const renderedBlocks = await page.locator('.math-block-stand-in').count();
    await wrong.click();
    await verified.click();
    const explained = await page.evaluate(() => (window as unknown as TestWindow).derivcheckEditorTest.explained);
    assert.deepEqual(
      explained.map((e) => [e.code, e.line]),
      [
        ['refuted/wrong-factor', 19],
        [
          report.claims.find((c) => c.verdict === 'verified')!.code,
          report.claims.find((c) => c.verdict === 'verified')!.location.start.line,
        ],
      ],
    );
    assert.equal(explained[0].path, 'Backprop/004 chain rule.md');
    // (a click on a badge leaves the cursor where it was: the block stays rendered)
    assert.equal(await page.locator('.math-block-stand-in').count(), renderedBlocks);
    assert.deepEqual(problems, []);
  });
});
