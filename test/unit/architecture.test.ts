import { strict as assert } from 'assert';
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '../../..');

function files(dir: string, ext = /\.ts$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full, ext) : ext.test(name) ? [full] : [];
  });
}

describe('architecture', () => {
  it('src/ never imports vscode (the CLI runs on it)', () => {
    const offenders = files(path.join(root, 'src')).filter((f) => /(from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });
  it('source files stay under 400 lines', () => {
    const long = ['src', 'extension', 'media', 'test']
      .flatMap((d) => {
        try {
          return files(path.join(root, d), /\.(ts|css)$/);
        } catch {
          return [];
        }
      })
      .filter((f) => readFileSync(f, 'utf8').split('\n').length > 400)
      .map((f) => path.relative(root, f));
    assert.deepEqual(long, []);
  });
});
