/**
 * Real-editor tests: the packaged extension in code-server (VS Code 1.100.3), driven by Chromium. First the
 * integration tests run inside the real extension host (the `payload` URL); then a user's path through the UI:
 * open seed 004, see the slip in the Problems panel, run Verify Gradient from the command palette, and find the
 * typeset chain and the highlighted factor in the webview, with no CSP violation. Screenshots go to test-artifacts/.
 */
import { strict as assert } from 'assert';
import { mkdirSync, rmSync } from 'fs';
import { format } from 'util';
import * as path from 'path';
import { type RunningBrowser, startBrowser } from './browser';
import { CodeServer, ROOT, freshProfile, installExtension } from './codeServer';
import { unpackedExtension, vsixPath } from './package';
import { ARTIFACTS, findWebviewFrame, freshWorkspace, openFile, openWorkbench, verifyGradientAt } from './workbench';

describe('derivcheck in a real VS Code (code-server)', function () {
  this.timeout(240000);
  let running: RunningBrowser;
  const servers: CodeServer[] = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    running = await startBrowser();
  });
  after(async () => {
    for (const s of servers) s.stop();
    await running?.stop();
  });

  it('passes the integration tests inside the extension host', async () => {
    const extension = unpackedExtension();
    const workspace = freshWorkspace();
    const server = await CodeServer.start(freshProfile(), workspace);
    servers.push(server);
    const page = await running.browser.newPage();
    const logs: string[] = [];
    let exit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => logs.push(format(...args)));
    const remote = (p: string): string => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extension)],
      ['extensionTestsPath', remote(path.join(ROOT, 'out/test/integration/index.js'))],
    ];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const code = await Promise.race([exited, new Promise<number>((r) => setTimeout(() => r(-1), 200000))]);
    // the extension host's mocha output (the workbench's own chatter about the unreachable marketplace left out)
    const output = logs
      .filter((l) => !/open-vsx|getaddrinfo|^\s+at |socket|connection token|Service Worker|builtin extensions|ChatSessionStore/.test(l))
      .join('\n');
    console.log(
      output
        .split('\n')
        .map((l) => `      │ ${l}`)
        .join('\n'),
    );
    await page.close();
    server.stop();
    rmSync(workspace, { recursive: true, force: true });
    assert.equal(code, 0, code === -1 ? 'the extension host never reported the tests finished' : 'integration tests failed (output above)');
  });

  it('shows the slip of seed 004 in the Problems panel, and Verify Gradient explains it', async () => {
    const profile = freshProfile();
    installExtension(profile, vsixPath());
    const workspace = freshWorkspace();
    const server = await CodeServer.start(profile, workspace);
    servers.push(server);
    const page = await running.browser.newPage({ viewport: { width: 1500, height: 950 } });
    const consoleLines: string[] = [];
    page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
    await openWorkbench(page, `${server.url}/?folder=${encodeURIComponent(workspace)}`);

    await openFile(page, 'backprop.md');
    try {
      await page.waitForSelector('.codelens-decoration', { timeout: 30000 });
    } catch (e) {
      await page.screenshot({ path: path.join(ARTIFACTS, 'failure.png') });
      throw e;
    }
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-tl-contents', { hasText: 'should be ∂A₂/∂z₂' });
    await problem.first().waitFor({ timeout: 30000 });
    assert.match(await page.locator('.statusbar').innerText(), /✓ 7 ✗ 1/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'editor-diagnostics.png') });

    await verifyGradientAt(page, 19);

    const frame = await findWebviewFrame(page);
    await frame.waitForSelector('[data-testid=claim] .katex', { timeout: 30000 });
    assert.equal(await frame.locator('[data-testid=verdict]').innerText(), '✗ refuted');
    assert.ok((await frame.locator('.chain .katex').count()) > 5, 'the chain is typeset');
    assert.equal(await frame.locator('[data-testid=wrong-factor]').count(), 1, 'the wrong factor is highlighted');
    assert.ok((await frame.locator('[data-testid=graph] .node.on-path').count()) >= 4);
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(ARTIFACTS, 'verify-gradient.png') });

    // a hostile note: its HTML and \\href stay text, nothing runs, nothing loads
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await openFile(page, 'hostile.md');
    await verifyGradientAt(page, 9);
    const hostileFrame = await findWebviewFrame(page, 'href');
    await hostileFrame.waitForSelector('[data-testid=claim] .katex', { timeout: 30000 });
    assert.equal(await hostileFrame.locator('[data-testid=verdict]').innerText(), '? unverifiable');
    assert.equal(await hostileFrame.locator('#root img, #root script, #root iframe, #root a').count(), 0);
    assert.equal(await hostileFrame.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined);
    await page.screenshot({ path: path.join(ARTIFACTS, 'hostile-note.png') });
    assert.deepEqual(dialogs, []);
    const violations = consoleLines.filter((l) => /Content Security Policy|Refused to (load|apply|execute)/.test(l));
    assert.deepEqual(violations, []);
    await page.close();
  });
});
