/**
 * The chain webview in a real browser: the bundled script and stylesheet under the same strict CSP the extension
 * uses, fed the host's messages. Checks what a user sees, that nothing breaks the CSP, and saves screenshots.
 */
import { strict as assert } from 'assert';
import { readFileSync, mkdirSync } from 'fs';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { webviewHtml } from '../../extension/webviewHtml';
import type { HostMessage, WebviewMessage } from '../../media/protocol';
import { checkNote } from '../../src/verify/checkNote';
import { explainClaim } from '../../src/verify/explain';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium';

const root = path.join(__dirname, '../../..');
const artifacts = path.join(root, 'test-artifacts');
/** Some of VS Code's Dark Modern theme variables, set the way VS Code sets them (on the root element). */
const DARK_THEME: Record<string, string> = {
  '--vscode-foreground': '#cccccc',
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-editorWidget-background': '#202020',
  '--vscode-editorWidget-border': '#454545',
  '--vscode-focusBorder': '#0078d4',
  '--vscode-button-background': '#0078d4',
  '--vscode-button-foreground': '#ffffff',
  '--vscode-textLink-foreground': '#4daafc',
  '--vscode-errorForeground': '#f85149',
  '--vscode-testing-iconPassed': '#73c991',
  '--vscode-list-inactiveSelectionBackground': '#37373d',
  '--vscode-inputValidation-errorBackground': '#5a1d1d',
  '--vscode-font-family': 'system-ui, sans-serif',
  '--vscode-editor-font-family': 'monospace',
  '--vscode-font-size': '13px',
};
/** VS Code's Dark High Contrast and Light High Contrast, as far as the panel uses them (and their body classes). */
const HIGH_CONTRAST: Record<'dark' | 'light', { className: string; vars: Record<string, string> }> = {
  dark: {
    className: 'vscode-high-contrast',
    vars: {
      '--vscode-foreground': '#ffffff',
      '--vscode-editor-background': '#000000',
      '--vscode-descriptionForeground': 'rgba(255, 255, 255, 0.7)',
      '--vscode-editorWidget-background': '#0c141f',
      '--vscode-editorWidget-border': '#6fc3df',
      '--vscode-contrastBorder': '#6fc3df',
      '--vscode-contrastActiveBorder': '#f38518',
      '--vscode-focusBorder': '#f38518',
      '--vscode-button-background': '#000000',
      '--vscode-button-foreground': '#ffffff',
      '--vscode-textLink-foreground': '#21a6ff',
      '--vscode-errorForeground': '#f48771',
      '--vscode-testing-iconPassed': '#73c991',
      '--vscode-charts-blue': '#3794ff',
      '--vscode-charts-red': '#f14c4c',
      '--vscode-font-family': 'system-ui, sans-serif',
      '--vscode-editor-font-family': 'monospace',
      '--vscode-font-size': '13px',
    },
  },
  light: {
    className: 'vscode-high-contrast-light',
    vars: {
      '--vscode-foreground': '#292929',
      '--vscode-editor-background': '#ffffff',
      '--vscode-descriptionForeground': '#292929',
      '--vscode-editorWidget-background': '#ffffff',
      '--vscode-editorWidget-border': '#0f4a85',
      '--vscode-contrastBorder': '#0f4a85',
      '--vscode-contrastActiveBorder': '#006bbd',
      '--vscode-focusBorder': '#006bbd',
      '--vscode-button-background': '#0f4a85',
      '--vscode-button-foreground': '#ffffff',
      '--vscode-textLink-foreground': '#0f4a85',
      '--vscode-errorForeground': '#b5200d',
      '--vscode-testing-iconPassed': '#007100',
      '--vscode-font-family': 'system-ui, sans-serif',
      '--vscode-editor-font-family': 'monospace',
      '--vscode-font-size': '13px',
    },
  },
};
/** A course-notation note of our own: samples as columns, a dW that lost its 1/m, and a descent step. */
const COURSE = [
  '$X \\in \\mathbb{R}^{3 \\times m}$, $Y \\in \\mathbb{R}^{1 \\times m}$.',
  '$$Z^{[1]} = W^{[1]} X + b^{[1]}, \\quad A^{[1]} = \\tanh(Z^{[1]})$$',
  '$$Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \\quad A^{[2]} = \\sigma(Z^{[2]})$$',
  '$$J = -\\frac{1}{m}\\sum \\left(Y \\log A^{[2]} + (1-Y)\\log(1-A^{[2]})\\right)$$',
  '$$dZ^{[2]} = A^{[2]} - Y$$',
  '$$dW^{[2]} = dZ^{[2]} A^{[1]T}$$',
  '$$W^{[2]} := W^{[2]} - \\alpha\\, dW^{[2]}$$',
].join('\n\n');
const seed = readFileSync(path.join(root, 'test/fixtures/004_9679d27c93839c2b.txt'), 'utf8');

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/favicon.ico') {
      res.statusCode = 204;
      res.end();
      return;
    }
    if (url.pathname === '/') {
      const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
      res.setHeader('content-type', 'text/html');
      res.end(
        webviewHtml({
          cspSource: origin,
          nonce: 'testnonce',
          scriptUri: `${origin}/media/webview.js`,
          styleUri: `${origin}/media/webview.css`,
        }),
      );
      return;
    }
    const file = path.join(root, 'dist', path.normalize(url.pathname));
    try {
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'font/woff2';
      res.setHeader('content-type', type);
      res.end(readFileSync(file));
    } catch {
      res.statusCode = 404;
      res.end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('chain webview (Chromium)', function () {
  this.timeout(60000);
  let server: Server;
  let browser: Browser;
  let page: Page;
  let sent: WebviewMessage[];
  let problems: string[];

  before(async () => {
    server = await serve();
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
    mkdirSync(artifacts, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
  beforeEach(async () => {
    sent = [];
    problems = [];
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.exposeFunction('__post', (m: WebviewMessage) => sent.push(m));
    await page.addInitScript(() => {
      let state: unknown;
      (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({
        postMessage: (m: unknown) => (window as unknown as { __post: (m: unknown) => void }).__post(m),
        getState: () => state,
        setState: (s: unknown) => (state = s),
      });
    });
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy|Refused/.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    const port = (server.address() as AddressInfo).port;
    await page.goto(`http://localhost:${port}/`);
    await page.evaluate(() =>
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`)),
    );
  });
  afterEach(async () => page?.close());

  const post = (m: HostMessage): Promise<void> =>
    page.evaluate((msg) => window.postMessage(msg, '*'), m as unknown as Record<string, unknown>);

  it('says it is ready, then draws the refuted claim with KaTeX, the wrong factor, the values and the graph', async () => {
    await page.waitForFunction(() => document.querySelector('#root')?.textContent?.includes('Waiting'));
    assert.deepEqual(sent, [{ type: 'ready' }]);
    const report = checkNote('seed.md', seed);
    const claim = report.claims.find((c) => c.verdict === 'refuted')!;
    await post({ type: 'explain', explanation: explainClaim(report, claim), notePath: '/seed.md', fresh: true });
    await page.waitForSelector('[data-testid=claim] .katex');
    assert.equal(await page.textContent('[data-testid=verdict]'), '✗ refuted');
    assert.ok((await page.locator('.katex').count()) > 10, 'formulas are typeset');
    assert.match((await page.textContent('[data-testid=wrong-factor]')) ?? '', /∂A2∂z2|A2/);
    assert.equal(await page.locator('[data-testid=graph] .node').count(), 11);
    assert.equal(await page.locator('[data-testid=graph] .node.on-path').count(), 4);
    assert.match((await page.textContent('.chain')) ?? '', /finite difference/);
    await page.screenshot({ path: path.join(artifacts, 'webview-refuted-light.png'), fullPage: true });
    await page.evaluate((vars) => {
      for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
    }, DARK_THEME);
    await page.screenshot({ path: path.join(artifacts, 'webview-refuted-dark.png'), fullPage: true });
    assert.deepEqual(problems, []);
  });

  it('says what a verdict assumes (a loss the note leaves unwritten), in both themes', async () => {
    const report = checkNote('course.md', '$$z = w x + b$$\n\n$$a = \\sigma(z)$$\n\n$$\\frac{\\partial L}{\\partial z} = a - y$$');
    await post({ type: 'explain', explanation: explainClaim(report, report.claims[0]), notePath: '/course.md', fresh: true });
    await page.waitForSelector('[data-testid=assumption]');
    assert.equal(await page.textContent('[data-testid=verdict]'), '✓ verified');
    assert.equal(await page.textContent('[data-testid=assumption]'), 'Assumed: L = binary cross-entropy');
    await page.screenshot({ path: path.join(artifacts, 'webview-assumed-loss-light.png'), fullPage: true });
    await page.evaluate((vars) => {
      for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
    }, DARK_THEME);
    await page.screenshot({ path: path.join(artifacts, 'webview-assumed-loss-dark.png'), fullPage: true });
    assert.deepEqual(problems, []);
  });

  it('asks the host for a new sample point and to reveal a definition', async () => {
    const report = checkNote('seed.md', seed);
    const claim = report.claims.find((c) => c.verdict === 'refuted')!;
    await post({ type: 'explain', explanation: explainClaim(report, claim), notePath: '/seed.md', fresh: true });
    await page.click('[data-testid=new-point]');
    await page.click('[data-testid=graph] .node[data-symbol="z_2"]');
    await page.waitForFunction(() => true);
    assert.deepEqual(sent.slice(1), [{ type: 'newSamplePoint' }, { type: 'reveal', symbol: 'z_2' }]);
  });

  it('keeps its content when hidden and shown again (state), and marks a claim that is gone', async () => {
    const report = checkNote('seed.md', seed);
    const claim = report.claims.find((c) => c.verdict === 'verified')!;
    await post({ type: 'explain', explanation: explainClaim(report, claim), notePath: '/seed.md', fresh: true });
    await post({ type: 'claimGone', reason: 'it was edited or deleted' });
    await page.waitForSelector('.banner');
    assert.equal(await page.textContent('[data-testid=verdict]'), '✓ verified');
  });

  it('shows hostile note text inert', async () => {
    const hostile = [
      '$$a = \\sigma(z), \\quad \\frac{\\partial a}{\\partial z} = a(1 - a) \\text{<img src=x onerror=alert(1)><script>alert(1)</script>}$$',
      '$$\\frac{\\partial a}{\\partial z} = \\href{javascript:alert(1)}{x} + \\url{javascript:alert(2)}$$',
    ].join('\n\n');
    const report = checkNote('evil.md', hostile);
    assert.equal(report.claims.length, 2);
    for (const claim of report.claims) {
      await post({ type: 'explain', explanation: explainClaim(report, claim), notePath: '/evil.md', fresh: true });
      await page.waitForSelector('[data-testid=claim] .katex');
      assert.equal(await page.locator('#root img, #root script, #root a[href^="javascript"], #root a').count(), 0);
    }
    assert.match((await page.textContent('.message')) ?? '', /unknown command \\href/);
    assert.equal(await page.locator('#root img, #root script, #root a[href^="javascript"]').count(), 0);
    assert.deepEqual(problems, []);
  });

  it("shows the real-editor tests' hostile note inert: no script runs, nothing loads, KaTeX macros cannot loop", async () => {
    const text = readFileSync(path.join(root, 'test/fixtures/workspace/hostile.md'), 'utf8');
    const report = checkNote('hostile.md', text);
    assert.equal(report.claims.length, 5);
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(`http://localhost:${(server.address() as AddressInfo).port}/`)) requests.push(r.url());
    });
    let shown: string | null = null;
    for (const claim of report.claims) {
      await post({ type: 'explain', explanation: explainClaim(report, claim), notePath: '/hostile.md', fresh: true });
      // typeset, or (what KaTeX cannot typeset: \text with HTML in it, a macro that expands forever) shown as source
      await page.waitForFunction((before) => {
        const el = document.querySelector('[data-testid=claim]');
        return el?.querySelector('.katex, .tex-error') && el.textContent !== before;
      }, shown);
      shown = await page.textContent('[data-testid=claim]');
      assert.equal(await page.locator('#root img, #root script, #root iframe, #root a').count(), 0, claim.latex);
    }
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined);
    assert.deepEqual(requests, []);
    assert.deepEqual(problems, []);
  });

  /** Applies a theme (its variables on the root element, its class on the body, as VS Code does) and screenshots. */
  async function shootThemes(name: string): Promise<void> {
    await page.screenshot({ path: path.join(artifacts, `${name}-light.png`), fullPage: true });
    const themes: [string, string, Record<string, string>][] = [
      ['dark', 'vscode-dark', DARK_THEME],
      ['hc-dark', HIGH_CONTRAST.dark.className, HIGH_CONTRAST.dark.vars],
      ['hc-light', HIGH_CONTRAST.light.className, HIGH_CONTRAST.light.vars],
    ];
    for (const [label, className, vars] of themes) {
      await page.evaluate(
        ({ className, vars }) => {
          document.body.className = className;
          document.documentElement.removeAttribute('style');
          for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
        },
        { className, vars },
      );
      await page.screenshot({ path: path.join(artifacts, `${name}-${label}.png`), fullPage: true });
    }
  }

  it('shows a vectorised dW claim as tensors: shapes and sizes, both matrices with the worst entry, a chain to J by shapes, a graph reaching J', async () => {
    const report = checkNote('course.md', COURSE);
    const claim = report.claims.find((c) => c.latex.startsWith('dW'))!;
    assert.equal(claim.verdict, 'refuted');
    await post({ type: 'explain', explanation: explainClaim(report, claim), notePath: '/course.md', fresh: true });
    await page.waitForSelector('[data-testid=shapes]');
    const shapes = (await page.textContent('[data-testid=shapes]')) ?? '';
    assert.match(shapes, /m = 7 \(a size\)/, 'm is a size, not a sampled number');
    assert.match(shapes, /W\[2\].*: 5×4/);
    assert.equal(await page.locator('[data-testid=claimed-matrix] tr').count(), 5);
    assert.equal(await page.locator('[data-testid=claimed-matrix] td.worst').count(), 1);
    assert.equal(await page.locator('[data-testid=true-matrix] td.worst').count(), 1);
    const chain = (await page.textContent('.chain')) ?? '';
    assert.match(chain, /1×1 by 5×7/, 'the chain runs to the cost J, each factor by its shapes');
    assert.doesNotMatch(chain, /not a derivative/);
    assert.equal(await page.locator('[data-testid=graph] .node.output[data-symbol="J"]').count(), 1, 'the graph reaches J');
    assert.match((await page.textContent('[data-testid=graph] .node[data-symbol="W^{[2]}"]')) ?? '', /5×4/);
    assert.equal(await page.locator('.point').count(), 0, 'no sampled scalar point');
    await shootThemes('webview-tensor');
    assert.deepEqual(problems, []);
  });

  it('shows an update rule as a step: descent against the gradient, the loss before and after, no negative rate', async () => {
    const report = checkNote('course.md', COURSE);
    const claim = report.claims.find((c) => c.claim.kind === 'update')!;
    assert.equal(claim.verdict, 'verified');
    await post({ type: 'explain', explanation: explainClaim(report, claim), notePath: '/course.md', fresh: true });
    await page.waitForSelector('[data-testid=update]');
    assert.match(
      (await page.textContent('[data-testid=direction]')) ?? '',
      /^Descent: the step points against the gradient \(cos θ = -[\d.]+\)\. A small step along it \(10⁻⁴ of it\) lowers the cost by [\d.e-]+, from [\d.]+ to [\d.]+\./,
    );
    assert.equal(await page.locator('[data-testid=step-matrix] tr').count(), 5);
    assert.doesNotMatch((await page.textContent('#root')) ?? '', /α = -/);
    assert.equal(await page.locator('[data-testid=graph] .node.output[data-symbol="J"]').count(), 1);
    await shootThemes('webview-update');
    assert.deepEqual(problems, []);
  });

  it('draws the scalar graph legibly in both high-contrast themes', async () => {
    const report = checkNote('seed.md', seed);
    const claim = report.claims.find((c) => c.verdict === 'refuted')!;
    await post({ type: 'explain', explanation: explainClaim(report, claim), notePath: '/seed.md', fresh: true });
    await page.waitForSelector('[data-testid=graph] .node.variable');
    await shootThemes('webview-scalar');
    // the variable's node: its text against its fill, in Dark High Contrast (the last theme but one applied)
    await page.evaluate(({ className, vars }) => {
      document.body.className = className;
      for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
    }, HIGH_CONTRAST.dark);
    const [fill, text] = await page.evaluate(() => {
      const node = document.querySelector('[data-testid=graph] .node.variable')!;
      return [getComputedStyle(node.querySelector('rect')!).fill, getComputedStyle(node.querySelector('text')!).fill];
    });
    assert.equal(fill, 'rgb(0, 0, 0)', 'a dark fill under white text');
    assert.equal(text, 'rgb(255, 255, 255)');
  });
});
