/** Debian's Chromium, started as a server so that the tests know its process id and can always stop it. */
import { type Browser, type BrowserServer, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium';

export interface RunningBrowser {
  readonly browser: Browser;
  readonly stop: () => Promise<void>;
}

export async function startBrowser(): Promise<RunningBrowser> {
  const server: BrowserServer = await chromium.launchServer({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  const pid = server.process().pid;
  const browser = await chromium.connect(server.wsEndpoint());
  return {
    browser,
    stop: async () => {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      if (pid !== undefined) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already stopped
        }
      }
    },
  };
}
