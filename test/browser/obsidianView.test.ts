/**
 * The Obsidian side view's content in a real browser: obsidian/viewContent.ts bundled with esbuild, under
 * obsidian/styles.css and the variables of Obsidian's default light and dark themes, in two sidebar leaves (an
 * explanation, a claim list). Obsidian's MathJax is not available outside Obsidian: the page typesets with KaTeX
 * instead (see obsidianViewPage.ts). Checks what a user sees and what a click asks of the plugin; saves screenshots.
 */
import { strict as assert } from 'assert';
import { mkdirSync, readFileSync } from 'fs';
import type { Server } from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { type ClaimReport, checkNote, explainClaim } from '../../src/index';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium';
import { servePage } from '../support/pageServer';
import type { HostCall, ObsidianViewTest } from './obsidianViewPage';
import { OBSIDIAN_THEMES } from './obsidianThemes';

const root = path.join(__dirname, '../../..');
const artifacts = path.join(root, 'test-artifacts');
const SEED_PATH = 'Backprop/004 chain rule.md';
const LOGISTIC_PATH = 'Backprop/logistic-regression.md';
const seed = readFileSync(path.join(root, 'test/fixtures/004_9679d27c93839c2b.txt'), 'utf8');
const logistic = readFileSync(path.join(root, 'examples/logistic-regression.md'), 'utf8');

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<link rel="stylesheet" href="/katex/katex.min.css">
<link rel="stylesheet" href="/styles.css">
<style>${OBSIDIAN_THEMES}</style>
</head>
<body class="theme-light">
<div class="sidebar"><div class="view-content" id="explanation"></div><div class="view-content" id="claims"></div></div>
<script src="/page.js"></script>
</body>
</html>`;

describe('Obsidian side view (Chromium)', function () {
  this.timeout(60000);
  let server: Server;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  before(async () => {
    server = await servePage(PAGE, 'test/browser/obsidianViewPage.ts', { '/styles.css': 'obsidian/styles.css' });
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
    mkdirSync(artifacts, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
  beforeEach(async () => {
    problems = [];
    page = await browser.newPage({ viewport: { width: 881, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`http://localhost:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => 'derivcheckTest' in window);
  });
  afterEach(async () => page?.close());

  const calls = (): Promise<HostCall[]> =>
    page.evaluate(() => (window as unknown as { derivcheckTest: ObsidianViewTest }).derivcheckTest.calls);

  it('explains the refuted claim of seed 004 and lists the claims of two notes, in the light and the dark theme', async () => {
    const seedReport = checkNote(SEED_PATH, seed);
    const refuted = seedReport.claims.find((c) => c.location.start.line === 19)!;
    assert.equal(refuted.verdict, 'refuted');
    const logisticReport = checkNote(LOGISTIC_PATH, logistic);
    const groups: { path: string; claims: ClaimReport[] }[] = [
      { path: SEED_PATH, claims: [...seedReport.claims] },
      { path: LOGISTIC_PATH, claims: [...logisticReport.claims] },
    ];
    await page.evaluate(
      ({ explanation, groups, notePath }) => {
        const view = (window as unknown as { derivcheckTest: ObsidianViewTest }).derivcheckTest;
        view.explain(explanation, notePath);
        view.showClaims('Vault check', groups);
      },
      { explanation: explainClaim(seedReport, refuted), groups, notePath: SEED_PATH },
    );

    // the explanation: the panel VS Code draws, typeset, the wrong factor highlighted
    const explanation = page.locator('#explanation');
    assert.equal(await explanation.locator('.note-path').textContent(), SEED_PATH);
    assert.equal(await explanation.locator('[data-testid=verdict]').textContent(), '✗ refuted');
    assert.ok((await explanation.locator('[data-testid=claim] .katex').count()) === 1, 'the claim is typeset');
    const factors = await explanation.locator('.chain table.factors tr:not(.head)').allTextContents();
    assert.equal(factors.length, 4, 'three factors and their product');
    assert.match(factors[3]!, /^product/);
    const wrong = explanation.locator('[data-testid=wrong-factor]');
    assert.equal(await wrong.count(), 1);
    assert.match((await wrong.textContent()) ?? '', /A2/);
    assert.equal(await wrong.evaluate((tr) => [...tr.parentElement!.children].indexOf(tr)), 2, 'the middle factor, ∂A₂/∂z₂');
    assert.match((await explanation.locator('.wrong-note').textContent()) ?? '', /^You wrote .* where .* belongs\.$/);
    assert.equal(await explanation.locator('[data-testid=graph] .node').count(), 11);
    assert.equal(await explanation.locator('[data-testid=graph] .node.on-path').count(), 4);

    // the list: two notes, a row per claim with its icon, line, formula and message
    const list = page.locator('#claims');
    assert.deepEqual(await list.locator('.claim-group-path').allTextContents(), [SEED_PATH, LOGISTIC_PATH]);
    assert.equal(await list.locator('.claim-row').count(), seedReport.claims.length + logisticReport.claims.length);
    const seedRows = list.locator(`.claim-group[data-path="${SEED_PATH}"] .claim-row`);
    const row19 = seedRows.nth(seedReport.claims.indexOf(refuted));
    assert.equal(await row19.locator('.claim-icon').textContent(), '✗');
    assert.equal(await row19.locator('.claim-line').textContent(), 'line 19');
    assert.equal(await row19.locator('.claim-formula .katex').count(), 1);
    assert.equal(await row19.locator('.claim-message').textContent(), refuted.message);
    assert.equal(await seedRows.first().locator('.claim-icon').textContent(), '?');
    assert.equal(
      await list.locator('.claim-icon', { hasText: '✓' }).count(),
      groups.flatMap((g) => g.claims).filter((c) => c.verdict === 'verified').length,
    );

    await page.screenshot({ path: path.join(artifacts, 'obsidian-view-light.png'), fullPage: true });
    await page.evaluate(() => document.body.classList.replace('theme-light', 'theme-dark'));
    await page.screenshot({ path: path.join(artifacts, 'obsidian-view-dark.png'), fullPage: true });

    // a click (or Enter) on a row opens that claim; the panel's buttons ask for a point and a definition
    await row19.click();
    const logisticRefuted = logisticReport.claims.findIndex((c) => c.verdict === 'refuted');
    await list.locator(`.claim-group[data-path="${LOGISTIC_PATH}"] .claim-row`).nth(logisticRefuted).press('Enter');
    await explanation.locator('[data-testid=new-point]').click();
    await explanation.locator('[data-testid=graph] .node[data-symbol="z_2"]').click();
    assert.deepEqual(await calls(), [
      { call: 'openClaim', path: SEED_PATH, group: 0, index: seedReport.claims.indexOf(refuted), line: 19 },
      {
        call: 'openClaim',
        path: LOGISTIC_PATH,
        group: 1,
        index: logisticRefuted,
        line: logisticReport.claims[logisticRefuted]!.location.start.line,
      },
      { call: 'newSamplePoint' },
      { call: 'reveal', symbol: 'z_2' },
    ]);
    assert.deepEqual(problems, []);
  });

  it('keeps a claim that is gone from its note on show, marked as gone', async () => {
    const report = checkNote(SEED_PATH, seed);
    const claim = report.claims.find((c) => c.verdict === 'verified')!;
    await page.evaluate(
      ({ explanation, notePath }) => {
        const view = (window as unknown as { derivcheckTest: ObsidianViewTest }).derivcheckTest;
        view.explain(explanation, notePath);
        view.claimGone('it was edited or deleted');
      },
      { explanation: explainClaim(report, claim), notePath: SEED_PATH },
    );
    assert.match((await page.locator('#explanation .banner').textContent()) ?? '', /no longer in the note \(it was edited or deleted\)/);
    assert.equal(await page.locator('#explanation [data-testid=verdict]').textContent(), '✓ verified');
    assert.deepEqual(problems, []);
  });
});
