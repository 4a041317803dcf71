/**
 * A finished check as lint diagnostics: each refuted claim an error at its span (an unverifiable one a hint, when
 * shown), with the core's message and the reason code, and its actions: the core's quick fix (only the wrong
 * factor replaced), "Ignore this formula", "Treat S as an input" and "Explain". Problems reading the note are warnings at their place.
 */
import type { EditorView } from '@codemirror/view';
import type { Action, Diagnostic } from '@codemirror/lint';
import {
  type ClaimReport,
  type DiagnosticData,
  type HostSettings,
  type Severity,
  REASONS,
  diagnosticFor,
  fixFor,
  ignoreFixFor,
  inputFixesFor,
  partText,
} from '../../src/index';
import type { CheckedText } from './checker';
import type { EditorHost } from './index';

const SEVERITY: Record<Severity, Diagnostic['severity']> = { error: 'error', information: 'info', hint: 'hint' };

/** The diagnostics of a check (only of places in the editor's own text: a notebook's cells are not). */
export function diagnosticsFor(checked: CheckedText, s: HostSettings, host: Pick<EditorHost, 'explain'>): Diagnostic[] {
  const { report, doc } = checked;
  const inText = (part: number): boolean => part === 0 && report.document.parts[0]?.cell === undefined;
  const clamp = (offset: number): number => Math.max(0, Math.min(offset, doc.length));
  const out: Diagnostic[] = [];
  for (const claim of report.claims) {
    const data = diagnosticFor(claim, { showUnverifiable: s.showUnverifiable });
    if (!data || !inText(claim.location.part)) continue;
    out.push({
      from: clamp(claim.location.startOffset),
      to: clamp(claim.location.endOffset),
      severity: SEVERITY[data.severity],
      source: 'derivcheck',
      message: data.message,
      markClass: `cm-derivcheck cm-derivcheck-${data.code.replace(/[^A-Za-z0-9-]/g, '-')}`,
      renderMessage: (view) => renderMessage(view, data),
      actions: actionsFor(checked, claim, host),
    });
  }
  for (const e of report.errors) {
    if (!e.location || !inText(e.location.part)) continue;
    out.push({
      from: clamp(e.location.startOffset),
      to: clamp(e.location.endOffset),
      severity: 'warning',
      source: 'derivcheck',
      message: e.message,
    });
  }
  return out;
}

/** The message as the tooltip shows it: the core's words, then the reason code (its description as a title). */
function renderMessage(view: EditorView, data: DiagnosticData): Node {
  const d = view.dom.ownerDocument;
  const out = d.createElement('span');
  out.className = 'cm-derivcheck-message';
  out.append(data.message, ' ');
  const code = d.createElement('code');
  code.className = 'cm-derivcheck-code';
  code.textContent = data.code;
  code.title = REASONS[data.code].description;
  out.append(code);
  return out;
}

function actionsFor(checked: CheckedText, claim: ClaimReport, host: Pick<EditorHost, 'explain'>): Action[] {
  const { report } = checked;
  const actions: Action[] = [];
  const fix = fixFor(claim, report.locate, (at) => partText(report, at));
  if (fix && fix.part === 0)
    actions.push({
      name: fix.title,
      markClass: 'cm-derivcheck-fix',
      apply: (view, from) => replace(view, checked, from - claim.location.startOffset, fix.startOffset, fix.endOffset, fix.text),
    });
  // (the insertions the other hosts offer: ignore the formula, treat a symbol the verdict used as an input)
  for (const insertion of [ignoreFixFor(claim, report), ...inputFixesFor(claim, report)]) {
    if (insertion?.part !== 0) continue;
    actions.push({
      name: insertion.title.replace(/ \(derivcheck-[a-z]+\)$/, ''),
      apply: (view, from) => insertLine(view, from - claim.location.startOffset, insertion.offset, insertion.text),
    });
  }
  actions.push({ name: 'Explain', apply: () => host.explain(checked.path, report, claim) });
  return actions;
}

/**
 * Replaces a stretch of the checked text, moved by `shift` (the diagnostic moved that far since the check), only
 * if it still reads as it did: an edit the check has not seen yet never gets a fix meant for other text.
 */
function replace(view: EditorView, checked: CheckedText, shift: number, start: number, end: number, text: string): void {
  const doc = view.state.doc;
  const from = start + shift;
  const to = end + shift;
  if (from < 0 || to > doc.length || doc.sliceString(from, to) !== checked.doc.sliceString(start, end)) return;
  view.dispatch({ changes: { from, to, insert: text }, userEvent: 'input.derivcheck', scrollIntoView: false });
}

/** Inserts a line before the line at `offset` of the checked text (moved by `shift`), if that is still a line's start. */
function insertLine(view: EditorView, shift: number, offset: number, text: string): void {
  const doc = view.state.doc;
  const at = offset + shift;
  if (at < 0 || at > doc.length || doc.lineAt(at).from !== at) return;
  view.dispatch({ changes: { from: at, insert: text.replace(/\r\n/g, '\n') }, userEvent: 'input.derivcheck', scrollIntoView: false });
}
