/** The CLI's output: compiler-style text lines, or the JSON contract other tools read. */
import type { ClaimReport, EngineCheck, NoteReport, ReasonCode, Verdict } from '../index';

export interface FileResult {
  readonly path: string;
  readonly report?: NoteReport;
  /** Why the file could not be read. */
  readonly error?: string;
}

export type Summary = Record<Verdict, number>;

export function summarize(files: readonly FileResult[]): Summary {
  const s: Summary = { verified: 0, refuted: 0, unverifiable: 0 };
  for (const f of files) for (const c of f.report?.claims ?? []) s[c.verdict]++;
  return s;
}

interface JsonClaim {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  cell?: number;
  kind: string;
  verdict: Verdict;
  /** The reason code (README, "Reason codes"). */
  code: ReasonCode;
  latex: string;
  message: string;
  /** What the verdict assumes that the note does not say. */
  assumption?: string;
  expected?: string;
  counterexample?: { point: Record<string, number>; claimed: number; actual: number };
  engine?: EngineCheck;
}

function jsonClaim(c: ClaimReport): JsonClaim {
  const out: JsonClaim = {
    line: c.location.start.line,
    column: c.location.start.column,
    endLine: c.location.end.line,
    endColumn: c.location.end.column,
    kind: c.claim.kind,
    verdict: c.verdict,
    code: c.code,
    latex: c.latex,
    message: c.message,
  };
  if (c.location.cell !== undefined) out.cell = c.location.cell;
  if (c.assumption !== undefined) out.assumption = c.assumption;
  if (c.expected !== undefined) out.expected = c.expected;
  if (c.counterexample)
    out.counterexample = { point: { ...c.counterexample.point }, claimed: c.counterexample.claimed, actual: c.counterexample.actual };
  if (c.engine) out.engine = c.engine;
  return out;
}

/** The JSON document of a run. */
export function toJson(files: readonly FileResult[]): string {
  return JSON.stringify(
    {
      files: files.map((f) => ({
        path: f.path,
        claims: (f.report?.claims ?? []).map(jsonClaim),
        errors: f.error
          ? [{ line: 1, column: 1, message: f.error }]
          : (f.report?.errors ?? []).map((e) => ({
              line: e.location?.start.line ?? 1,
              column: e.location?.start.column ?? 1,
              ...(e.location?.cell !== undefined ? { cell: e.location.cell } : {}),
              message: e.message,
            })),
      })),
      summary: summarize(files),
    },
    null,
    2,
  );
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** `path:line:col` (with the cell for notebooks, numbered from 1 as Jupyter and VS Code show it: `path[cell 4]:2:5`). */
function where(path: string, c: { line: number; column: number }, cell?: number): string {
  return `${path}${cell !== undefined ? `[cell ${cell + 1}]` : ''}:${c.line}:${c.column}`;
}

/** Compiler-style lines, then a summary. */
export function toText(files: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const f of files) {
    if (f.error) lines.push(`${f.path}:1:1: error: ${f.error}`);
    for (const e of f.report?.errors ?? []) {
      lines.push(`${where(f.path, e.location?.start ?? { line: 1, column: 1 }, e.location?.cell)}: error: ${e.message}`);
    }
    for (const c of f.report?.claims ?? []) {
      lines.push(
        `${where(f.path, c.location.start, c.location.cell)}: ${c.verdict}${c.assumption ? ` (${c.assumption})` : ''}: ${oneLine(c.latex)}`,
      );
      lines.push(`    ${c.message} [${c.code}]`);
      if (c.verdict === 'refuted' && c.expected) lines.push(`    expected: ${c.expected}`);
      if (c.engine) lines.push(`    engine: ${engineText(c.engine)}`);
    }
  }
  const s = summarize(files);
  const noun = files.length === 1 ? 'file' : 'files';
  lines.push(`${files.length} ${noun}: ${s.verified} verified, ${s.refuted} refuted, ${s.unverifiable} unverifiable`);
  return lines.join('\n');
}

const num = (x: number | undefined): string => (x === undefined ? '—' : String(+x.toPrecision(6)));

/** `claimed 0.42, backprop 0.65, finite difference 0.65 (largest difference 0.23)`; norms for tensors. */
function engineText(e: EngineCheck): string {
  const norm = e.shape ? ` (${e.shape[0]}×${e.shape[1]}, Frobenius norms)` : '';
  const worst = e.worstEntry ? ` at entry (${e.worstEntry[0] + 1}, ${e.worstEntry[1] + 1})` : '';
  return `claimed ${num(e.claimed)}, backprop ${num(e.backprop)}, finite difference ${num(e.finiteDifference)}${norm}; largest difference ${num(e.maxAbsError)}${worst}`;
}
