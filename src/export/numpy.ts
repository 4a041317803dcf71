/**
 * A checked note as a standalone Python file: its forward pass in NumPy, each derivative claim as a function, and a
 * finite-difference check of each claim that prints PASS or FAIL (`derivcheck export --numpy`). Core code: no Node.
 */
import { FUNCTION_BY_NAME } from '../functions';
import { TENSOR_FUNCTION_BY_NAME } from '../tensorFunctions';
import { displayName } from '../latex/notation';
import type { ClaimReport, NoteReport } from '../verify/checkNote';
import type { Verdict } from '../verify/types';
import { type ClaimCode, type SkippedClaim, claimsAsCode } from './claims';
import { ForwardCode } from './forward';
import { samplePoints } from './points';
import { PRODUCT_BY_SHAPE, RUNTIME } from './runtime';

export interface NumpyExportOptions {
  /** The note's path as the file should name it (in comments and in each check's output line). */
  readonly path: string;
  /** Seed of the sample points (default 1, as the checker's). */
  readonly seed?: number;
  /** How many sample points each claim is checked at (default 5). */
  readonly points?: number;
}

/** One claim of the note, as the export treats it. */
export interface ExportedClaim {
  /** `path:line:column` (with the cell for notebooks), as the CLI prints it. */
  readonly where: string;
  readonly latex: string;
  readonly verdict: Verdict;
  /** The Python function of its right side. */
  readonly functionName: string;
}

export interface SkippedClaimInfo {
  readonly where: string;
  readonly latex: string;
  readonly verdict: Verdict;
  readonly reason: string;
}

export interface NumpyExport {
  /** The Python file. */
  readonly source: string;
  readonly exported: readonly ExportedClaim[];
  readonly skipped: readonly SkippedClaimInfo[];
}

/** The Python file for a checked note. */
export function exportNumpy(report: NoteReport, options: NumpyExportOptions): NumpyExport {
  const code = new ForwardCode(report.model);
  const { exported, skipped } = claimsAsCode(report.claims, code);
  const where = (c: ClaimReport): string =>
    `${options.path}${c.location.cell !== undefined ? `[cell ${c.location.cell + 1}]` : ''}:${c.location.start.line}:${c.location.start.column}`;
  const seed = options.seed ?? 1;
  const source = [
    header(options.path, seed, exported.length, skipped.length),
    'import math',
    'import sys',
    '',
    'import numpy as np',
    '',
    ...functionSection(code),
    ...forwardSection(code),
    ...claimSection(exported, where),
    ...skippedSection(skipped, where),
    ...pointSection(code, seed, options.points ?? 5),
    ...checkList(exported, where),
    RUNTIME,
  ].join('\n');
  return {
    source,
    exported: exported.map((c) => ({
      where: where(c.report),
      latex: c.report.latex,
      verdict: c.report.verdict,
      functionName: c.functionName,
    })),
    skipped: skipped.map((s) => ({ where: where(s.report), latex: s.report.latex, verdict: s.report.verdict, reason: s.reason })),
  };
}

function header(path: string, seed: number, exported: number, skipped: number): string {
  return `"""derivcheck's export of ${oneLine(path)} to NumPy.

The note's forward pass, each derivative it claims as a function (${exported} exported${
    skipped > 0
      ? `; ${skipped} not, listed
with the reason`
      : ''
  }), and a check of each claim against central differences of the forward pass, at sample points drawn as
derivcheck draws them (seed ${seed}). Run it with python3: one line per claim, PASS or FAIL, and exit status 1 if any
check fails. Claims derivcheck refuted are exported too: their checks are expected to FAIL.
"""`;
}

/** The registry functions the file uses, each as the registry spells it in NumPy. */
function functionSection(code: ForwardCode): string[] {
  const defs = [...code.functionsUsed].sort().map((name) => {
    const entry = FUNCTION_BY_NAME.get(name);
    const numpy = entry?.numpy ?? TENSOR_FUNCTION_BY_NAME.get(name)?.numpy;
    return `def ${name}(u):\n    """${name}, as derivcheck's function registry defines it."""\n    return ${numpy}`;
  });
  if (code.byShape) defs.push(PRODUCT_BY_SHAPE);
  return defs.length === 0 ? [] : ['', '# The functions the note uses', '', ...defs.flatMap((d) => [d, '', '']).slice(0, -1)];
}

function forwardSection(code: ForwardCode): string[] {
  const inputs = code.inputs.map((n) => code.ids.of(n));
  const lines = code.written.map((d) => `    ${d.id} = held["${d.id}"] if "${d.id}" in held else ${d.python}`);
  const all = [...inputs, ...code.written.map((d) => d.id)];
  const missing = [...code.unwritten].map(([name, why]) => `#   ${displayName(name)}: ${oneLine(why)}`);
  return [
    '',
    `# The forward pass${code.vectorised ? ' (vectorised: values are arrays of the shapes derivcheck inferred)' : ''}`,
    ...(missing.length > 0 ? ['# Definitions it leaves out, and why:', ...missing] : []),
    '',
    `def forward(${[...inputs, 'held=None'].join(', ')}):`,
    '    """The note\'s definitions in dependency order, from its inputs. A quantity named in `held` keeps the value',
    '    given there instead of its definition (what feeds it is cut, as backpropagation does)."""',
    '    held = held or {}',
    ...lines,
    `    return {${all.map((id) => `"${id}": ${id}`).join(', ')}}`,
    '',
  ];
}

function claimSection(exported: readonly ClaimCode[], where: (c: ClaimReport) => string): string[] {
  if (exported.length === 0) return ['', '# No claim of the note could be exported.', ''];
  return [
    '',
    '# The claims, each as a function of what its right side uses (a derivative in it is computed by the check)',
    ...exported.flatMap((c) => [
      '',
      `# ${where(c.report)}, ${c.report.verdict}: ${oneLine(c.report.latex)}`,
      ...(c.report.verdict === 'refuted'
        ? [`#   derivcheck refuted it, so its check is expected to FAIL: ${oneLine(c.report.message)}`]
        : []),
      c.definition,
      '',
      c.check,
      '',
    ]),
  ];
}

function skippedSection(skipped: readonly SkippedClaim[], where: (c: ClaimReport) => string): string[] {
  if (skipped.length === 0) return [];
  return [
    '',
    '# Claims not exported, and why:',
    ...skipped.map((s) => `#   ${where(s.report)} (${s.report.verdict}): ${oneLine(s.report.latex)}\n#     ${oneLine(s.reason)}`),
    '',
  ];
}

function pointSection(code: ForwardCode, seed: number, count: number): string[] {
  const inputs = code.inputs.map((name) => ({ name, id: code.ids.of(name) }));
  const points = samplePoints(
    code.vectors,
    inputs,
    code.written.map((d) => d.expr),
    seed,
    count,
  ).map((p) => ['    {', ...Object.entries(p).map(([k, v]) => `        "${k}": ${v},`), '    },'].join('\n'));
  return [
    '',
    `# Sample points of the inputs, drawn by derivcheck's sampler (seed ${seed}) in the domains it uses, every kink seen from both sides`,
    'POINTS = [',
    ...points,
    ']',
    '',
  ];
}

function checkList(exported: readonly ClaimCode[], where: (c: ClaimReport) => string): string[] {
  const entries = exported.map(
    (c) => `    (${JSON.stringify(where(c.report))}, ${JSON.stringify(c.derivative)}, "${c.report.verdict}", ${c.checkName}),`,
  );
  return ['CHECKS = [', ...entries, ']', '', ''];
}

const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ');
