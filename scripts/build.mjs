// Bundles the CLI, the extension and the chain webview with esbuild (`--production` minifies, no source maps).
import { build } from 'esbuild';
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

await Promise.all([
  build({ ...node, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js' }),
  build({ ...node, entryPoints: ['extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['media/webview.ts'], outfile: 'dist/media/webview.js' }),
  build({
    ...common,
    entryPoints: ['media/webview.css'],
    outfile: 'dist/media/webview.css',
    loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file' },
    assetNames: 'fonts/[name]',
  }),
]);
await chmod('dist/cli.js', 0o755);
