/**
 * `npm run bench`: how fast derivcheck checks notes of growing size, against the budgets a live checker must keep and
 * against the naive mathjs path and SymPy. Prints a table; writes .bench/results.json.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ClaimCache } from '../src/verify/cache';
import { checkNote } from '../src/verify/checkNote';
import { SYMPY_LIMIT_S, baselineClaims, naiveMathjs, sympy } from './baselines';
import { deepChain, mnistNote, scalarNote, vectorNote } from './generate';
import { fmt, median, percentile, time } from './stats';

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, '.bench');
const RUNS = 5;
/** Fewer repetitions for the largest notes, so the whole benchmark stays a few minutes. */
const runsFor = (claims: number): number => (claims > 500 ? 3 : RUNS);

interface NoteResult {
  name: string;
  claims: number;
  coldLoadMs: number;
  coldCheckMs: number;
  warmMs: number;
  perClaimP50: number;
  perClaimP95: number;
  recheckProseMs: number;
  recheckClaimMs: number;
  rssMB: number;
  verdicts: Record<string, number>;
  /** Every per-claim duration measured (not in the table; pooled for the p95 budget). */
  durations: number[];
}

function coldRun(file: string): { loadMs: number; checkMs: number; rssMB: number } {
  return JSON.parse(execFileSync(process.execPath, [path.join(OUT, 'cold.js'), file], { encoding: 'utf8' }));
}

/** An edit of one character: in prose (a line without math), or in one claim (a digit of its right side). */
function oneCharEdits(text: string): { prose: string; claim: string } {
  const lines = text.split('\n');
  const proseLine = lines.findIndex((l) => l.length > 0 && !l.includes('$'));
  const prose = proseLine < 0 ? `${text} ` : lines.map((l, i) => (i === proseLine ? `${l}.` : l)).join('\n');
  const at = text.lastIndexOf('(1 - ');
  const claim = at < 0 ? `${text} ` : `${text.slice(0, at)}(2 - ${text.slice(at + 5)}`;
  return { prose, claim };
}

function measureNote(name: string, text: string): NoteResult {
  const file = path.join(OUT, 'notes', `${name}.md`);
  writeFileSync(file, text);
  const cold = coldRun(file);
  let report = checkNote(file, text);
  const runs = runsFor(report.claims.length);
  const warmMs = median(Array.from({ length: runs }, () => time(() => (report = checkNote(file, text))).ms));
  const durations: number[] = [];
  for (let r = 0; r < runs; r++) durations.push(...checkNote(file, text).claims.map((c) => c.durationMs));
  const edits = oneCharEdits(text);
  const recheck = (edited: string): number =>
    median(
      Array.from({ length: runs }, () => {
        const cache = new ClaimCache();
        checkNote(file, text, {}, cache);
        return time(() => checkNote(file, edited, {}, cache)).ms;
      }),
    );
  const verdicts: Record<string, number> = { verified: 0, refuted: 0, unverifiable: 0 };
  for (const c of report.claims) verdicts[c.verdict]++;
  return {
    name,
    claims: report.claims.length,
    coldLoadMs: cold.loadMs,
    coldCheckMs: cold.checkMs,
    warmMs,
    perClaimP50: percentile(durations, 0.5),
    perClaimP95: percentile(durations, 0.95),
    recheckProseMs: recheck(edits.prose),
    recheckClaimMs: recheck(edits.claim),
    rssMB: cold.rssMB,
    verdicts,
    durations,
  };
}

function sizes(): Record<string, number> {
  const files = ['dist/extension.js', 'dist/cli.js', 'dist/media/webview.js', 'dist/media/webview.css', 'derivcheck.vsix'];
  const out: Record<string, number> = {};
  for (const f of files) {
    const p = path.join(ROOT, f);
    if (existsSync(p)) out[f] = statSync(p).size;
  }
  return out;
}

function main(): void {
  mkdirSync(path.join(OUT, 'notes'), { recursive: true });
  const notes: [string, string][] = [];
  for (const n of [10, 100, 200, 1000]) notes.push([`scalar-${n}`, scalarNote(n).text], [`vector-${n}`, vectorNote(n).text]);
  for (const d of [2, 4, 6, 8, 10]) notes.push([`deep-${d}`, deepChain(d).text]);
  notes.push(['vector-mnist-sized', mnistNote().text]);
  for (const dir of ['test/fixtures', 'examples']) {
    for (const f of readdirSync(path.join(ROOT, dir))
      .filter((x) => /\.(txt|md)$/.test(x))
      .sort())
      notes.push([`${path.basename(dir)}/${f}`.replace(/\.(txt|md)$/, ''), readFileSync(path.join(ROOT, dir, f), 'utf8')]);
  }
  mkdirSync(path.join(OUT, 'notes', 'fixtures'), { recursive: true });
  mkdirSync(path.join(OUT, 'notes', 'examples'), { recursive: true });
  // warm: the JIT has compiled the checker, as in an editor that has been checking for a while
  for (let i = 0; i < 3; i++) for (const n of [scalarNote(100), vectorNote(100), mnistNote()]) checkNote('warm-up.md', n.text);
  const results = notes.map(([name, text]) => measureNote(name, text));
  const activation = [1, 2, 3].map(
    () =>
      JSON.parse(execFileSync(process.execPath, [path.join(OUT, 'activate.js')], { encoding: 'utf8' })) as {
        loadMs: number;
        activateMs: number;
      },
  );
  const baselineInput = scalarNote(100).text;
  const claims = baselineClaims(baselineInput);
  const ours = checkNote('b.md', baselineInput)
    .claims.filter((c) => c.claim.kind === 'derivative')
    .map((c) => c.durationMs);
  const naive = naiveMathjs(claims);
  const sym = sympy(claims, OUT);
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    results,
    activation,
    sizes: sizes(),
    baselines: {
      claims: claims.length,
      derivcheck: { p50: percentile(ours, 0.5), p95: percentile(ours, 0.95) },
      naiveMathjs: naive,
      sympy: sym ?? 'not installed (apt-get install python3-sympy)',
    },
  };
  writeFileSync(
    path.join(OUT, 'results.json'),
    JSON.stringify(report, (k, v) => (k === 'durations' ? undefined : v), 2),
  );
  print(report, results, activation, naive, sym, percentile(ours, 0.5), percentile(ours, 0.95));
}

function print(
  report: { sizes: Record<string, number>; node: string; cpus: number },
  results: NoteResult[],
  activation: { loadMs: number; activateMs: number }[],
  naive: { p50: number; p95: number; claims: number },
  sym: { p50: number; p95: number; timedOut: number } | undefined,
  oursP50: number,
  oursP95: number,
): void {
  const pad = (s: string | number, n: number): string => String(s).padStart(n);
  console.log(`derivcheck benchmark (Node ${report.node}, ${report.cpus} cores; times in ms, medians of ${RUNS} runs)\n`);
  console.log(
    `${'note'.padEnd(34)}${pad('claims', 7)}${pad('load', 7)}${pad('cold', 8)}${pad('warm', 8)}${pad('p50', 7)}${pad('p95', 7)}${pad('edit', 7)}${pad('edit*', 7)}${pad('RSS MB', 8)}  verdicts (✓ ✗ ?)`,
  );
  for (const r of results) {
    console.log(
      `${r.name.slice(0, 33).padEnd(34)}${pad(r.claims, 7)}${pad(fmt(r.coldLoadMs, 0), 7)}${pad(fmt(r.coldCheckMs, 0), 8)}${pad(fmt(r.warmMs, 1), 8)}${pad(fmt(r.perClaimP50), 7)}${pad(fmt(r.perClaimP95), 7)}${pad(fmt(r.recheckProseMs, 1), 7)}${pad(fmt(r.recheckClaimMs, 1), 7)}${pad(fmt(r.rssMB, 0), 8)}  ${r.verdicts.verified} ${r.verdicts.refuted} ${r.verdicts.unverifiable}`,
    );
  }
  console.log('\nload: loading the core in a fresh process; cold: its first check; warm: a full check again (no cache);');
  console.log(
    'p50/p95: per claim, warm; edit: re-check after a one-character edit in prose; edit*: in one claim (with the claim cache).\n',
  );
  const at = (n: string): NoteResult | undefined => results.find((r) => r.name === n);
  const growth = (kind: string): number =>
    at(`${kind}-1000`)!.warmMs / at(`${kind}-1000`)!.claims / (at(`${kind}-100`)!.warmMs / at(`${kind}-100`)!.claims);
  const act = median(activation.map((a) => a.loadMs + a.activateMs));
  console.log(
    `Growth: warm time per claim at 1000 claims ÷ at 100 claims: scalar ×${fmt(growth('scalar'))}, vector ×${fmt(growth('vector'))} (1 = linear)`,
  );
  console.log(`Extension start-up (load dist/extension.js + activate, stub vscode API): ${fmt(act, 1)} ms`);
  console.log(
    `Sizes: ${Object.entries(report.sizes)
      .map(([f, b]) => `${f} ${fmt(b / 2 ** 20)} MB`)
      .join(', ')}`,
  );
  console.log(`\nBaselines on the ${naive.claims} derivative claims of scalar-100 (per claim, p50 / p95):`);
  console.log(`  derivcheck                                    ${fmt(oursP50)} / ${fmt(oursP95)} ms`);
  console.log(
    `  naive mathjs (derivative + simplify)          ${fmt(naive.p50)} / ${fmt(naive.p95)} ms  (×${fmt(naive.p50 / oursP50, 0)} slower at the median)`,
  );
  console.log(
    sym
      ? `  SymPy (diff + simplify(lhs − rhs) == 0)       ${fmt(sym.p50)} / ${fmt(sym.p95)} ms  (×${fmt(sym.p50 / oursP50, 0)} slower at the median${sym.timedOut ? `; ${sym.timedOut} claims stopped at ${SYMPY_LIMIT_S} s` : ''})`
      : '  SymPy: not installed (apt-get install python3-sympy)',
  );
  const s200 = at('scalar-200')!;
  const vsix = report.sizes['derivcheck.vsix'];
  // (the MNIST-sized note included: its large declared sizes are checked at small stand-ins)
  const generated = results.filter((r) => /^(scalar|vector|deep)-\d|^vector-mnist-sized$/.test(r.name));
  const worst = generated.reduce((a, b) => (b.perClaimP95 > a.perClaimP95 ? b : a));
  const p95 = worst.perClaimP95;
  console.log('\nBudgets:');
  const budget = (ok: boolean, text: string): void => console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${text}`);
  const pooled = percentile(
    generated.flatMap((r) => r.durations),
    0.95,
  );
  budget(
    pooled <= 2,
    `p95 per claim, warm ≤ 2 ms: ${fmt(pooled)} ms over all claims of the generated notes; worst note ${worst.name}, p95 ${fmt(p95)} ms`,
  );
  const wide = at('vector-mnist-sized');
  if (wide)
    console.log(
      `        (MNIST-sized tensors, 128×784 weights, included: p50 ${fmt(wide.perClaimP50, 1)} ms, p95 ${fmt(wide.perClaimP95, 1)} ms per claim)`,
    );
  budget(
    Math.max(s200.recheckProseMs, s200.recheckClaimMs) <= 50,
    `200-claim note re-checked ≤ 50 ms after a one-character edit: ${fmt(s200.recheckProseMs, 1)} ms (prose), ${fmt(s200.recheckClaimMs, 1)} ms (a claim)`,
  );
  budget(act <= 150, `extension start-up ≤ 150 ms: ${fmt(act, 1)} ms`);
  budget(
    vsix !== undefined && vsix <= 3 * 2 ** 20,
    `.vsix ≤ 3 MB: ${vsix === undefined ? 'not built (npm run package)' : `${fmt(vsix / 2 ** 20)} MB`}`,
  );
  budget(
    Math.max(growth('scalar'), growth('vector')) <= 1.5,
    `cost linear in note size: per-claim time ×${fmt(Math.max(growth('scalar'), growth('vector')))} from 100 to 1000 claims`,
  );
  console.log(`\nFull results: ${path.relative(ROOT, path.join(OUT, 'results.json'))}`);
}

main();
