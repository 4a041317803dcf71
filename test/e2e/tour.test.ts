/**
 * A user's tour of the real editor (code-server + Chromium), one screenshot per point in test-artifacts/: a
 * course-notation note's dW claim in the panel (shapes, matrices, a chain and a graph reaching J), an update rule as a
 * descent step, the panel following a quick fix, unverifiable claims in Problems, hover and F12, the claims view,
 * a notebook's cell status item, the walkthrough, the README's images on the Extensions page, and the editor and
 * panel in both high-contrast themes.
 */
import { strict as assert } from 'assert';
import { mkdirSync } from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { type RunningBrowser, startBrowser } from './browser';
import { CodeServer, freshProfile, installExtension } from './codeServer';
import { vsixPath } from './package';
import {
  ARTIFACTS,
  findWebviewFrame,
  freshWorkspace,
  goTo,
  openFile,
  openWorkbench,
  runCommand,
  userSettings,
  verifyGradientAt,
} from './workbench';

describe('a tour of derivcheck in a real VS Code (code-server)', function () {
  this.timeout(300000);
  let running: RunningBrowser;
  let server: CodeServer;
  let page: Page;
  const shot = (name: string): Promise<Buffer> => page.screenshot({ path: path.join(ARTIFACTS, name) });

  async function start(settings: Record<string, unknown>): Promise<void> {
    const profile = freshProfile();
    installExtension(profile, vsixPath());
    userSettings(profile.userDataDir, { 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, ...settings });
    const workspace = freshWorkspace();
    server = await CodeServer.start(profile, workspace);
    page = await running.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await openWorkbench(page, `${server.url}/?folder=${encodeURIComponent(workspace)}`);
  }

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    running = await startBrowser();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page)
      await shot(`tour-failure-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}.png`).catch(() => undefined);
    await page?.close().catch(() => undefined);
    server?.stop();
  });
  after(async () => running?.stop());

  it('explains a dW claim with shapes, matrices, a chain and a graph that reaches J; an update as a descent step', async () => {
    await start({});
    await openFile(page, 'course.md');
    await page.waitForSelector('.codelens-decoration', { timeout: 30000 });
    await verifyGradientAt(page, 13);
    const frame = await findWebviewFrame(page, 'Shapes');
    await frame.waitForSelector('[data-testid=claimed-matrix] td.worst', { timeout: 30000 });
    assert.equal(await frame.locator('[data-testid=verdict]').innerText(), '✗ refuted');
    assert.match(await frame.locator('[data-testid=shapes]').innerText(), /m = \d+ \(a size\)/);
    assert.match(await frame.locator('.chain').innerText(), /1×1 by/);
    assert.equal(await frame.locator('[data-testid=graph] .node.output[data-symbol="J"]').count(), 1);
    assert.match(await frame.locator('.message').first().innerText(), /off by 1\/m/);
    await page.waitForTimeout(500);
    await shot('tour-tensor-panel.png');

    await page
      .locator('.monaco-editor')
      .first()
      .click({ position: { x: 300, y: 200 } });
    await verifyGradientAt(page, 15);
    const update = await findWebviewFrame(page, 'The update step');
    assert.match(await update.locator('[data-testid=direction]').innerText(), /^Descent/);
    await page.waitForTimeout(300);
    await shot('tour-update-panel.png');
  });

  it('follows a quick fix in the panel; lists unverifiable claims in Problems; hovers and goes to definitions', async () => {
    await start({ 'derivcheck.problems.showUnverifiable': 'information' });
    await openFile(page, 'quickfix.md');
    await page.waitForSelector('.codelens-decoration', { timeout: 30000 });
    await verifyGradientAt(page, 5);
    const frame = await findWebviewFrame(page, 'refuted');
    await frame.waitForSelector('[data-testid=verdict]');
    assert.equal(await frame.locator('[data-testid=verdict]').innerText(), '✗ refuted');
    // the quick fix, from the keyboard
    await page
      .locator('.monaco-editor')
      .first()
      .click({ position: { x: 300, y: 100 } });
    await goTo(page, 5, 40);
    await page.keyboard.press('Control+.');
    const replace = page.locator('.action-widget .monaco-list-row', { hasText: 'Replace' }).first();
    await replace.waitFor({ timeout: 30000 });
    await shot('tour-quick-fix-menu.png');
    // the preferred fix is the focused row: Enter applies it, as a user would
    assert.match((await replace.getAttribute('class')) ?? '', /focused/);
    await page.keyboard.press('Enter');
    await frame.locator('[data-testid=verdict]', { hasText: '✓ verified' }).waitFor({ timeout: 30000 });
    assert.equal(await frame.locator('.banner').count(), 0, 'no "no longer in the note" banner');
    await page.waitForTimeout(300);
    await shot('tour-panel-follows-fix.png');

    await openFile(page, 'backprop.md');
    await page.waitForSelector('.codelens-decoration', { timeout: 30000 });
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-tl-contents', { hasText: 'Unverifiable:' }).first().waitFor({ timeout: 30000 });
    assert.match(await page.locator('.statusbar').innerText(), /✓ \d+ ✗ \d+ \? [1-9]/);
    await shot('tour-unverifiable-in-problems.png');

    // hover A_1 in the refuted claim (line 19), then F12 to its definition on line 9
    await page
      .locator('.monaco-editor')
      .first()
      .click({ position: { x: 300, y: 100 } });
    await goTo(page, 19, 22);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'defined on line 9' });
    await hover.first().waitFor({ timeout: 30000 });
    assert.match(await hover.first().innerText(), /✗ refuted/);
    await shot('tour-hover.png');
    await page.keyboard.press('Escape');
    await page.keyboard.press('F12');
    await page.locator('.statusbar', { hasText: 'Ln 9,' }).waitFor({ timeout: 30000 });
    await shot('tour-go-to-definition.png');

    // the claims view in the Explorer
    await page.keyboard.press('Control+Shift+E');
    const view = page.locator('.pane-header', { hasText: 'derivcheck Claims' });
    await view.waitFor({ timeout: 30000 });
    if ((await view.getAttribute('aria-expanded')) !== 'true') await view.click();
    const row = page.locator('.monaco-list-row', { hasText: 'line 19' });
    await row.first().waitFor({ timeout: 30000 });
    await shot('tour-claims-view.png');
  });

  it("shows a notebook cell's verdicts, opens the walkthrough, and shows the README's images on the Extensions page", async () => {
    await start({});
    // (the extensions first: a notebook opened before the workbench knows its notebook types opens as JSON)
    await openFile(page, 'backprop.md');
    await page.waitForSelector('.codelens-decoration', { timeout: 30000 });
    await openFile(page, 'notebook.ipynb');
    // a rendered markdown cell shows its status bar (and the item) when it is selected
    // (rendered cells are drawn in the notebook's webview: select the last cell from the keyboard)
    await page.locator('.cell-status-item', { hasText: 'derivcheck' }).first().waitFor({ state: 'attached', timeout: 60000 });
    await page.mouse.click(900, 165);
    // (down to the last cell, whichever cell the click selected and however many keys the notebook took in time)
    const lastCell = page.locator('.statusbar-item', { hasText: /Cell 4 of 4/ });
    for (let i = 0; i < 10 && (await lastCell.count()) === 0; i++) {
      await page.keyboard.press('ArrowDown');
      await page.waitForTimeout(200);
    }
    const item = page.locator('.cell-status-item', { hasText: /derivcheck ✓ \d+ ✗ 1/ });
    await item.first().waitFor({ state: 'attached', timeout: 30000 });
    // VS Code draws a markdown cell's status bar while the cell is edited (Enter), not while it is rendered
    await page.keyboard.press('Enter');
    await item.first().waitFor({ state: 'visible', timeout: 30000 });
    await shot('tour-notebook-cell-status.png');

    await runCommand(page, 'Welcome: Open Walkthrough...');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with derivcheck' }).first().click();
    await page.locator('.gettingStartedContainer', { hasText: 'Open a note with a slip' }).first().waitFor({ timeout: 30000 });
    await page.getByRole('button', { name: 'Open the sample note' }).click();
    await page.waitForSelector('.tabs-container .tab[aria-label*="Untitled"]', { timeout: 30000 });
    await page.waitForSelector('.squiggly-error', { state: 'attached', timeout: 30000 });
    await shot('tour-walkthrough.png');

    await page.keyboard.press('Control+Shift+X');
    const entry = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'derivcheck' });
    await entry.first().waitFor({ timeout: 60000 });
    await entry.first().click();
    const readme = await (async () => {
      for (let i = 0; i < 120; i++) {
        for (const f of page.frames()) {
          const n = await f
            .locator('img[alt^="Verify Gradient"]')
            .count()
            .catch(() => 0);
          if (n > 0) return f;
        }
        await page.waitForTimeout(500);
      }
      throw new Error('the README never showed its screenshot');
    })();
    await readme.waitForFunction(
      () =>
        Array.from(document.images)
          .filter((i) => i.alt)
          .every((i) => i.complete && i.naturalWidth > 0),
      undefined,
      { timeout: 30000 },
    );
    await shot('tour-extensions-page.png');
  });

  for (const [theme, file] of [
    ['Default High Contrast', 'dark'],
    ['Default High Contrast Light', 'light'],
  ] as const) {
    it(`is legible in ${theme}: the editor, its squiggles and lenses, and the panel`, async () => {
      await start({ 'workbench.colorTheme': theme });
      await openFile(page, 'backprop.md');
      await page.waitForSelector('.codelens-decoration', { timeout: 30000 });
      await verifyGradientAt(page, 19);
      const frame = await findWebviewFrame(page, 'refuted');
      await frame.waitForSelector('[data-testid=graph] .node.variable');
      // VS Code marks the webview's body with the theme's kind; the panel's high-contrast rules key on it
      assert.match((await frame.locator('body').getAttribute('class')) ?? '', /vscode-high-contrast/);
      await page.waitForTimeout(500);
      await shot(`tour-high-contrast-${file}.png`);
    });
  }
});
