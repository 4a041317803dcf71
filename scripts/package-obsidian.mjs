// Builds the Obsidian plugin's release assets into dist/obsidian/derivcheck/ (main.js, manifest.json, styles.css,
// versions.json) and zips that folder, ready to copy into a vault's .obsidian/plugins/. Bundled as Obsidian loads
// plugins: CommonJS, with obsidian, electron and every @codemirror/* and @lezer/* package external (Obsidian supplies
// them). The platform is the browser, so a Node built-in anywhere in the plugin or the core fails the build: the
// plugin must run on mobile.
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const MIN_APP_VERSION = '1.7.2';
const out = path.join(root, 'dist/obsidian/derivcheck');

export const manifest = {
  id: 'derivcheck',
  name: 'derivcheck',
  version: pkg.version,
  minAppVersion: MIN_APP_VERSION,
  description: 'Checks the backpropagation math in your notes: derivative claims, chain rules and = … = steps, verified numerically.',
  author: 'derivcheck',
  isDesktopOnly: false,
};

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: [path.join(root, 'obsidian/main.ts')],
  outfile: path.join(out, 'main.js'),
  bundle: true,
  format: 'cjs',
  platform: 'browser',
  target: 'es2022',
  minify: !process.argv.includes('--dev'),
  sourcemap: process.argv.includes('--dev') ? 'inline' : false,
  external: ['obsidian', 'electron', '@codemirror/*', '@lezer/*'],
  define: { DERIVCHECK_VERSION: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
const css = await Promise.all(['obsidian/styles.css', 'obsidian/badges.css'].map((f) => readFile(path.join(root, f), 'utf8')));
await writeFile(path.join(out, 'styles.css'), css.join('\n'));
await writeFile(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
await writeFile(path.join(out, 'versions.json'), `${JSON.stringify({ [pkg.version]: MIN_APP_VERSION }, null, 2)}\n`);

const files = {};
for (const name of ['main.js', 'manifest.json', 'styles.css', 'versions.json'])
  files[`derivcheck/${name}`] = new Uint8Array(await readFile(path.join(out, name)));
const zip = path.join(root, `dist/obsidian/derivcheck-${pkg.version}.zip`);
await writeFile(zip, zipSync(files, { level: 9 }));
console.log(`derivcheck for Obsidian: ${path.relative(root, out)}/ and ${path.relative(root, zip)}`);
