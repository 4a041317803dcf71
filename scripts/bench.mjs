// `npm run bench`: builds the production bundles and the .vsix, bundles the benchmark, runs it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npm', ['run', '--silent', 'package']);
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', sourcemap: true };
await Promise.all([
  build({ ...common, entryPoints: ['bench/bench.ts'], outfile: '.bench/bench.js' }),
  build({ ...common, entryPoints: ['bench/cold.ts'], outfile: '.bench/cold.js' }),
  build({ ...common, entryPoints: ['bench/core.ts'], outfile: '.bench/core.js' }),
  build({ ...common, entryPoints: ['bench/activate.ts'], outfile: '.bench/activate.js' }),
]);
run(process.execPath, ['--enable-source-maps', '.bench/bench.js']);
