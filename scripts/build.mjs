// Bundles the CLI (and, when present, the extension and the webview) with esbuild.
import { build } from 'esbuild';
import { chmod, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { DERIVCHECK_VERSION: JSON.stringify(pkg.version) },
};

await build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js' });
await chmod('dist/cli.js', 0o755);
if (existsSync('extension/extension.ts')) {
  await build({ ...common, entryPoints: ['extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] });
}
