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
  it('the language server is a host: it imports neither vscode nor the extension', () => {
    const offenders = files(path.join(root, 'server')).filter((f) =>
      /from\s+['"](vscode|\.\.\/extension\/[^'"]*)['"]/.test(readFileSync(f, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });
  it('the Obsidian plugin is a host that runs on mobile: no vscode, no Node built-ins, no Electron, nothing of the other hosts', () => {
    const offenders = files(path.join(root, 'obsidian')).filter((f) =>
      /from\s+['"](vscode|electron|(node:)?(fs|path|os|child_process|crypto|http|https|net|url|util|stream)|\.\.\/(extension|server)\/[^'"]*)['"]/.test(
        readFileSync(f, 'utf8'),
      ),
    );
    assert.deepEqual(offenders, []);
  });
  it('src/ never imports vscode (the CLI runs on it)', () => {
    const offenders = files(path.join(root, 'src')).filter((f) =>
      /(from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/.test(readFileSync(f, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });
  it('source files stay under 400 lines', () => {
    const long = ['src', 'extension', 'server', 'obsidian', 'media', 'test']
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
  it('hosts reach the core only through src/index.ts (the extension, the webview, the language server, Obsidian, the CLI)', () => {
    const hosts = [
      ...files(path.join(root, 'extension')),
      ...files(path.join(root, 'obsidian')),
      ...files(path.join(root, 'media')),
      ...files(path.join(root, 'server')),
      path.join(root, 'src/cli.ts'),
      ...files(path.join(root, 'src/cli')),
    ];
    const deep = hosts.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return [...text.matchAll(/from\s+'([^']+)'/g)]
        .map((m) => path.resolve(path.dirname(f), m[1]))
        .filter(
          (target) =>
            target.startsWith(path.join(root, 'src') + path.sep) &&
            !target.startsWith(path.join(root, 'src/cli')) &&
            target !== path.join(root, 'src/index'),
        )
        .map((target) => `${path.relative(root, f)} → ${path.relative(root, target)}`);
    });
    assert.deepEqual(deep, []);
  });
});
