// `npm run bench:editor`: packages the extension, makes sure code-server is set up, and times keystroke → diagnostic
// in the real editor (bench/editor.ts).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('bash', ['test/e2e/setup.sh']);
run('npm', ['run', '--silent', 'package']);
await build({
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  sourcemap: true,
  external: ['playwright-core'],
  entryPoints: ['bench/editor.ts'],
  outfile: '.bench/editor.js',
});
run(process.execPath, ['--enable-source-maps', '.bench/editor.js']);
