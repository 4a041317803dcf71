/**
 * How verdicts look in the editor, as plain data (no vscode import, so it is unit-tested in Node): diagnostic
 * severities and messages, CodeLens titles, the status bar text, and the quick fix's replacement.
 */
import { displayName } from '../latex/notation';
import type { ClaimReport, NoteReport } from '../verify/checkNote';
import type { ReasonCode } from '../verify/reasons';
import type { Verdict } from '../verify/types';

export type Severity = 'error' | 'information' | 'hint';

export interface DiagnosticData {
  readonly severity: Severity;
  readonly message: string;
  /** The verdict's reason code (`refuted/wrong-factor`), e.g. for filtering in the Problems panel. */
  readonly code: ReasonCode;
}

export interface PresentationOptions {
  readonly showUnverifiable: boolean;
  /** List unverifiable claims in the Problems panel: as information, not hints. */
  readonly unverifiableInProblems?: boolean;
}

/** The internal errors of a check, each with its place and stack, for a host's log (an output channel, stderr). */
export function internalErrors(report: Pick<NoteReport, 'claims' | 'errors'>, name: string): string[] {
  const at = (l: { start: { line: number; column: number }; cell?: number } | undefined): string =>
    l ? `${name}:${l.cell !== undefined ? `cell ${l.cell + 1}:` : ''}${l.start.line}:${l.start.column}` : name;
  return [
    ...report.errors.filter((e) => e.stack).map((e) => `internal error in ${at(e.location)}: ${e.stack}`),
    ...report.claims
      .filter((c) => c.internalError)
      .map((c) => `internal error in ${at(c.location)} (${c.latex.trim()}): ${c.internalError}`),
  ];
}

/** The diagnostic for a claim, or none (verified claims, and unverifiable ones when hidden). */
export function diagnosticFor(c: ClaimReport, o: PresentationOptions): DiagnosticData | undefined {
  if (c.verdict === 'refuted') {
    const expected = c.expected ? ` Expected: ${c.expected}` : '';
    return { severity: 'error', message: `${c.message}.${expected}`, code: c.code };
  }
  if (c.verdict === 'unverifiable' && (o.showUnverifiable || o.unverifiableInProblems)) {
    return { severity: o.unverifiableInProblems ? 'information' : 'hint', message: `Unverifiable: ${c.message}`, code: c.code };
  }
  return undefined;
}

const LENS: Record<Verdict, string> = { verified: '✓ verified · explain', refuted: '✗ refuted · explain', unverifiable: '? unverifiable' };

/** The lens of a claim; a verdict that rests on an assumption says it (`✓ verified, assuming J = cross-entropy`). */
export function lensTitle(v: Verdict, assumption?: string): string {
  return assumption && v === 'verified'
    ? `✓ verified, ${assumption.startsWith('assuming') || assumption.startsWith('for') ? assumption : `assuming ${assumption}`} · explain`
    : LENS[v];
}

/** `✓ 3 ✗ 1 ? 2` for the status bar. */
export function statusText(claims: readonly { readonly verdict: Verdict }[]): string {
  const count = (v: Verdict): number => claims.filter((c) => c.verdict === v).length;
  return `✓ ${count('verified')} ✗ ${count('refuted')} ? ${count('unverifiable')}`;
}

/** Whether a claim gets a CodeLens under the `derivcheck.codeLens` setting. */
export function hasLens(v: Verdict, setting: 'all' | 'refuted' | 'off'): boolean {
  return setting === 'all' || (setting === 'refuted' && v === 'refuted');
}

/** Does LaTeX have a + or − outside any brackets (so it needs brackets to stand as one factor)? */
function hasTopLevelSum(latex: string): boolean {
  let depth = 0;
  for (let i = 0; i < latex.length; i++) {
    const ch = latex[i];
    if (ch === '{' || ch === '(' || ch === '[') depth++;
    else if (ch === '}' || ch === ')' || ch === ']') depth--;
    else if ((ch === '+' || ch === '-') && depth === 0 && i > 0) return true;
  }
  return false;
}

export interface Fix {
  readonly title: string;
  /** Offsets of the replaced text in its part (a notebook cell or the file). */
  readonly startOffset: number;
  readonly endOffset: number;
  readonly part: number;
  readonly text: string;
}

/** The quick fix of a refuted claim: replace only the wrong factor when one is named, else the right side. */
export function fixFor(
  c: ClaimReport,
  locate: ClaimReportLocator,
  source?: (at: { startOffset: number; endOffset: number; part: number }) => string,
): Fix | undefined {
  if (c.verdict !== 'refuted') return undefined;
  if (c.wrongFactor) {
    const at = locate(c.wrongFactor.at);
    // (text a macro wrote is not the note's to replace)
    if (at.fromMacro) return undefined;
    const text = hasTopLevelSum(c.wrongFactor.expectedLatex)
      ? `\\left(${c.wrongFactor.expectedLatex}\\right)`
      : c.wrongFactor.expectedLatex;
    return {
      title: `Replace ${c.wrongFactor.claimedLatex} with ${c.wrongFactor.expectedLatex}`,
      startOffset: at.startOffset,
      endOffset: at.endOffset,
      part: at.part,
      text,
    };
  }
  if (!c.expected || c.claim.right.expr === undefined) return undefined;
  const at = locate(c.claim.right);
  if (at.fromMacro) return undefined;
  // (only the text that changes: a flipped sign, an inserted factor, not the whole side written anew)
  const edit = source ? minimalEdit(source(at), c.expected) : { start: 0, end: at.endOffset - at.startOffset, text: c.expected };
  return {
    title: repairTitle(c) ?? `Replace the right side with ${c.expected}`,
    startOffset: at.startOffset + edit.start,
    endOffset: at.startOffset + edit.end,
    part: at.part,
    text: edit.text,
  };
}

/** The quick fix's title for a repair the numbers found. */
function repairTitle(c: ClaimReport): string | undefined {
  const r = c.repair;
  if (!r) return undefined;
  if (r.kind === 'sign') return `Flip the sign: ${c.expected}`;
  if (r.kind === 'rewrite') return r.text.startsWith('missing link ') ? `Insert the ${r.text}` : `Did you mean ${c.expected}?`;
  return r.where === 'end' ? `Add the missing factor ${r.latex}` : `Multiply by ${r.latex}`;
}

/** The one changed stretch between two texts: their common start and end kept (never splitting a command name). */
export function minimalEdit(before: string, after: string): { start: number; end: number; text: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  // (back to a boundary: `\hat` must not become `\ha` + `t`)
  while (start > 0 && /[A-Za-z\\]/.test(before[start - 1]) && /[A-Za-z]/.test(before[start] ?? '')) start--;
  let tail = 0;
  while (tail < before.length - start && tail < after.length - start && before[before.length - 1 - tail] === after[after.length - 1 - tail])
    tail++;
  while (tail > 0 && /[A-Za-z]/.test(before[before.length - tail] ?? '') && /[A-Za-z\\]/.test(before[before.length - tail - 1] ?? ''))
    tail--;
  const edit = { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
  return edit.start === edit.end ? alignedInsertion(before, edit) : edit;
}

/**
 * An insertion slid left over text it repeats (`\frac{\partial a}…` inserted before another `\frac{\partial`
 * is found inside it) to the nearest place where it begins with a space and a command: the same result, read as written.
 */
function alignedInsertion(
  before: string,
  edit: { start: number; end: number; text: string },
): { start: number; end: number; text: string } {
  let { start, text } = edit;
  // (at a word's edge: the inserted text begins with the space that separates it)
  const starts = (t: string): boolean => /^\s\\/.test(t);
  while (!starts(text) && start > 0 && before[start - 1] === text[text.length - 1]) {
    text = before[start - 1] + text.slice(0, -1);
    start--;
  }
  return starts(text) ? { start, end: start, text } : edit;
}

export type ClaimReportLocator = (at: { block: number; span: { start: number; end: number } }) => {
  startOffset: number;
  endOffset: number;
  part: number;
  fromMacro?: boolean;
};

export interface Insertion {
  readonly title: string;
  readonly part: number;
  readonly offset: number;
  readonly text: string;
}

/**
 * "Ignore this formula": a `<!-- derivcheck-ignore -->` line before the line where the claim's formula starts (in
 * a quote, quoted too). None for a drawing's formula, which has no lines of its own to put it before.
 */
export function ignoreFixFor(c: ClaimReport, report: Pick<NoteReport, 'document'>): Insertion | undefined {
  return lineBefore(report, c.claim.at.block, 'Ignore this formula (derivcheck-ignore)', '<!-- derivcheck-ignore -->');
}

/**
 * "Treat S as an input": for each of the first few symbols whose definitions the verdict used, a
 * `<!-- derivcheck-input: S -->` line before that definition (its definitions are then not used).
 */
export function inputFixesFor(c: ClaimReport, report: Pick<NoteReport, 'document' | 'model'>): Insertion[] {
  return c.uses.slice(0, MAX_INPUT_FIXES).flatMap((symbol) => {
    const def = report.model.definitions.get(symbol);
    const fix =
      def &&
      lineBefore(
        report,
        def.at.block,
        `Treat ${displayName(symbol)} as an input (derivcheck-input)`,
        `<!-- derivcheck-input: ${symbol} -->`,
      );
    return fix ? [fix] : [];
  });
}

const MAX_INPUT_FIXES = 3;

/** A line of `text` before the line where a block starts (in a quote, quoted too); none in a drawing. */
function lineBefore(report: Pick<NoteReport, 'document'>, blockIndex: number, title: string, line: string): Insertion | undefined {
  const block = report.document.blocks[blockIndex];
  if (!block || block.delimiter === 'excalidraw') return undefined;
  const text = report.document.parts[block.part]?.text ?? '';
  const lineStart = text.lastIndexOf('\n', block.offsets[0] - 1) + 1;
  const prefix = /^[ \t]*(?:>[ \t]?)*/.exec(text.slice(lineStart))?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { title, part: block.part, offset: lineStart, text: `${prefix}${line}${eol}` };
}
