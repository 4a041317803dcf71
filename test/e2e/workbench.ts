/** Driving the workbench as a user does: opening files, Go to Line, the command palette, the panel's frame. */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { ROOT } from './codeServer';

export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

export function freshWorkspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'derivcheck-ws-'));
  cpSync(path.join(ROOT, 'test/fixtures/workspace'), dir, { recursive: true });
  return dir;
}

export async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  // the explorer lists the workspace once the workbench has restored
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
}

/** Opens a file by name with Quick Open, and waits for its editor tab. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
  await page.waitForSelector(`.tabs-container .tab[aria-label*="${name}"]`, { timeout: 30000 });
}

/**
 * Goes to a line (Go to Line) and runs Verify Gradient from the command palette, as a user would. Every step waits
 * for the quick input it needs: keys typed before the widget is up land elsewhere (a CI run lost the line number so).
 */
export async function verifyGradientAt(page: Page, line: number): Promise<void> {
  try {
    await runVerifyGradientAt(page, line);
  } catch (e) {
    await page.screenshot({ path: path.join(ARTIFACTS, 'verify-gradient-failure.png') });
    throw e;
  }
}

async function runVerifyGradientAt(page: Page, line: number): Promise<void> {
  const input = page.locator('.quick-input-widget');
  await page.keyboard.press('Control+G');
  await input.waitFor({ state: 'visible', timeout: 30000 });
  await page.keyboard.type(String(line));
  await page
    .locator('.quick-input-widget .quick-input-message, .quick-input-widget .monaco-list-row', { hasText: String(line) })
    .first()
    .waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 30000 });
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: 30000 });
  await page.keyboard.type('derivcheck: Verify Gradient');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Verify Gradient' }).first().waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 30000 });
}

/** The webview's content frame: the one holding the panel's #root (and, if given, showing `text`). */
export async function findWebviewFrame(page: Page, text?: string): Promise<Frame> {
  const start = Date.now();
  for (;;) {
    for (const f of page.frames()) {
      if (
        !(await f
          .locator('#root')
          .count()
          .catch(() => 0))
      )
        continue;
      if (
        text === undefined ||
        (
          (await f
            .locator('#root')
            .innerText()
            .catch(() => '')) ?? ''
        ).includes(text)
      )
        return f;
    }
    if (Date.now() - start > 60000) {
      await page.screenshot({ path: path.join(ARTIFACTS, 'no-webview.png') });
      throw new Error('the Verify Gradient webview did not appear (screenshot: test-artifacts/no-webview.png)');
    }
    await page.waitForTimeout(250);
  }
}

/** Runs a command from the command palette by its title, as a user would. */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: 30000 });
  await page.keyboard.type(title);
  await page
    .locator('.quick-input-widget .monaco-list-row', { hasText: title.replace(/^.*: /, '') })
    .first()
    .waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter');
}

/** Goes to a line and column with Go to Line (`line:column`). */
export async function goTo(page: Page, line: number, column = 1): Promise<void> {
  const input = page.locator('.quick-input-widget');
  await page.keyboard.press('Control+G');
  await input.waitFor({ state: 'visible', timeout: 30000 });
  await page.keyboard.type(`${line}:${column}`);
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 30000 });
}

/** Writes user settings into a profile before its server starts. */
export function userSettings(userDataDir: string, settings: Record<string, unknown>): void {
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}
