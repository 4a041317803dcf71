// `npm start`: checks the bundled example notes and prints the verdicts. The examples contain deliberate slips,
// so the CLI's exit status 1 ("some claim refuted") is the expected outcome here, not a failure of the demo.
import { spawnSync } from 'node:child_process';

const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 2;
if (run(['scripts/build.mjs']) !== 0) process.exit(2);
const status = run(['dist/cli.js', 'examples']);
if (status === 1) console.log('\nExit status 1: some claims were refuted (the examples contain deliberate slips).');
process.exit(status === 1 ? 0 : status);
