/**
 * The entry point VS Code calls inside the extension host (`extensionTestsPath`): runs the mocha tests next to it.
 * Works the same under code-server (the payload URL) and under @vscode/test-electron.
 */
import * as path from 'path';
import { readdirSync } from 'fs';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  for (const f of readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
