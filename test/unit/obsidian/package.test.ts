import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';

const root = path.join(__dirname, '../../../..');
const out = path.join(root, 'dist/obsidian');

describe('npm run package:obsidian', function () {
  this.timeout(120000);
  before(() => execFileSync(process.execPath, [path.join(root, 'scripts/package-obsidian.mjs')], { cwd: root, stdio: 'pipe' }));

  it('writes the four release assets Obsidian expects, and a zip of the plugin folder', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const manifest = JSON.parse(readFileSync(path.join(out, 'derivcheck/manifest.json'), 'utf8'));
    assert.equal(manifest.id, 'derivcheck');
    assert.equal(manifest.version, pkg.version);
    assert.equal(manifest.isDesktopOnly, false, 'it runs on mobile');
    assert.match(manifest.minAppVersion, /^\d+\.\d+\.\d+$/);
    assert.deepEqual(JSON.parse(readFileSync(path.join(out, 'derivcheck/versions.json'), 'utf8')), {
      [pkg.version]: manifest.minAppVersion,
    });
    assert.match(readFileSync(path.join(out, 'derivcheck/styles.css'), 'utf8'), /\.derivcheck-badge/);
    const zip = unzipSync(new Uint8Array(readFileSync(path.join(out, `derivcheck-${pkg.version}.zip`))));
    assert.deepEqual(Object.keys(zip).sort(), [
      'derivcheck/main.js',
      'derivcheck/manifest.json',
      'derivcheck/styles.css',
      'derivcheck/versions.json',
    ]);
  });

  it('bundles CommonJS with Obsidian’s own packages left out, and nothing of Node or Electron', () => {
    const main = readFileSync(path.join(out, 'derivcheck/main.js'), 'utf8');
    const required = new Set([...main.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]));
    assert.ok(required.has('obsidian'));
    for (const r of required) assert.match(r, /^(obsidian|@codemirror\/[a-z]+|@lezer\/[a-z]+)$/, `${r} is not supplied by Obsidian`);
    assert.match(main, /module\.exports/);
    // (CodeMirror is Obsidian's: no copy of it in the bundle)
    assert.doesNotMatch(main, /class EditorView\b/);
  });
});
