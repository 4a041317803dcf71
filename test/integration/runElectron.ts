/**
 * The same integration tests under @vscode/test-electron, for machines that can download VS Code (a contributor's
 * laptop): `npm run test:electron`. CI here cannot download it and runs them in code-server instead (npm run test:e2e).
 */
import { cpSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.join(__dirname, '../../..');
  const workspace = mkdtempSync(path.join(tmpdir(), 'derivcheck-ws-'));
  cpSync(path.join(root, 'test/fixtures/workspace'), workspace, { recursive: true });
  // the oldest VS Code the manifest allows, then the newest
  for (const version of ['1.100.3', 'stable']) {
    await runTests({
      version,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
