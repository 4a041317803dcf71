// Bundles the CLI, the extension and the chain webview with esbuild (`--production` minifies, no source maps;
// `--watch` rebuilds on every save).
import { build, context } from 'esbuild';
import { chmod, readFile } from 'node:fs/promises';

const production = process.argv.includes('--production');
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { DERIVCHECK_VERSION: JSON.stringify(pkg.version) },
};
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20' };

const watch = process.argv.includes('--watch');
// (the builds, each an esbuild options object: `--watch` keeps them running and rebuilds on every save)
const builds = [
  { ...node, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js' },
  { ...node, entryPoints: ['extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['media/webview.ts'], outfile: 'dist/media/webview.js' },
  {
    ...common,
    entryPoints: ['media/webview.css'],
    outfile: 'dist/media/webview.css',
    loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file' },
    assetNames: 'fonts/[name]',
  },
];

if (watch) {
  for (const options of builds) await (await context({ ...options, logLevel: 'info' })).watch();
  await chmod('dist/cli.js', 0o755);
  console.log('watching src/, extension/, media/ and server/: dist/ is rebuilt on every save (Ctrl+C stops)');
} else {
  await Promise.all(builds.map((options) => build(options)));
  await chmod('dist/cli.js', 0o755);
}
