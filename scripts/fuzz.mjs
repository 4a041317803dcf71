// `npm run fuzz`: the fuzz properties at nightly size (40× the runs of `npm test`, over 120,000 cases).
import { spawnSync } from 'node:child_process';

const scale = process.env.DERIVCHECK_FUZZ_SCALE ?? '40';
const r = spawnSync(
  'npx',
  ['mocha', '--no-config', '--timeout', '0', '--node-option', 'enable-source-maps', 'out/test/unit/fuzz/*.test.js'],
  {
    stdio: 'inherit',
    env: { ...process.env, DERIVCHECK_FUZZ_SCALE: scale },
  },
);
process.exit(r.status ?? 1);
