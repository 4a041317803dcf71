/**
 * The language features on a checked note, from the core's presentation and navigation: quick fixes (the least
 * edit that mends a refuted claim, preferred; ignore its formula; treat a symbol as an input), hovers, Go to
 * Definition, and the note's claims as document symbols.
 */
import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type Location,
  MarkupKind,
  type Range,
  SymbolKind,
  type TextDocumentPositionParams,
} from 'vscode-languageserver/node';
import {
  type ClaimReport,
  VERDICT_TITLE,
  claimAt,
  claimHoverMarkdown,
  fixFor,
  hoverAt,
  ignoreFixFor,
  inputFixesFor,
  partText,
  symbolAt,
  symbolHoverMarkdown,
} from '../src/index';
import { claimDiagnostics } from './diagnostics';
import type { CheckedNote } from './liveChecks';
import type { ServerSettings } from './settings';

/** The quick fixes for the claims with a diagnostic in the requested range. */
export function codeActions(checked: CheckedNote, params: CodeActionParams, settings: ServerSettings): CodeAction[] {
  const { only } = params.context;
  if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
  return claimDiagnostics(checked, settings)
    .filter(({ diagnostic }) => overlaps(diagnostic.range, params.range))
    .flatMap(({ claim, diagnostic }) =>
      claimFixes(checked, claim, [
        params.context.diagnostics.find((d) => d.source === diagnostic.source && sameRange(d.range, diagnostic.range)) ?? diagnostic,
      ]),
    );
}

function claimFixes(checked: CheckedNote, claim: ClaimReport, diagnostics: Diagnostic[]): CodeAction[] {
  const { report, file } = checked;
  const actions: CodeAction[] = [];
  const fix = fixFor(claim, report.locate, (at) => partText(report, at));
  const edit = fix && file.edit(fix, fix.text);
  if (fix && edit)
    actions.push({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics,
      isPreferred: true,
      edit: { changes: { [checked.uri]: [edit] } },
    });
  for (const insertion of [ignoreFixFor(claim, report), ...inputFixesFor(claim, report)]) {
    const inserted =
      insertion && file.edit({ part: insertion.part, startOffset: insertion.offset, endOffset: insertion.offset }, insertion.text);
    if (insertion && inserted)
      actions.push({
        title: insertion.title,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        edit: { changes: { [checked.uri]: [inserted] } },
      });
  }
  return actions;
}

/** On a symbol: its definition and its claim's verdict; elsewhere on a claim: the claim's verdict and numbers. */
export function hover(checked: CheckedNote, params: TextDocumentPositionParams): Hover | null {
  const place = checked.file.placeAt(params.position);
  if (!place) return null;
  const info = hoverAt(checked.report, place);
  if (info) return markdownHover(symbolHoverMarkdown(info), checked.file.rangeOf(info.symbol.location));
  const claim = claimAt(checked.report, place);
  return claim ? markdownHover(claimHoverMarkdown(claim), checked.file.rangeOf(claim.location)) : null;
}

function markdownHover(value: string, range: Range | undefined): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, ...(range && { range }) };
}

/** The definitions of the symbol at a position: the one in force there first. */
export function definition(checked: CheckedNote, params: TextDocumentPositionParams): Location[] {
  const place = checked.file.placeAt(params.position);
  const symbol = place && symbolAt(checked.report, place);
  if (!symbol) return [];
  return symbol.definitions.flatMap((d) => {
    const range = checked.file.rangeOf(d.location);
    return range ? [{ uri: checked.uri, range }] : [];
  });
}

/** The note's claims, in order, each with its verdict (and its cell, in a notebook) as the detail. */
export function documentSymbols(checked: CheckedNote): DocumentSymbol[] {
  return checked.report.claims.flatMap((c) => {
    const range = checked.file.rangeOf(c.location);
    if (!range) return [];
    const cell = c.location.cell !== undefined ? ` · cell ${c.location.cell + 1}` : '';
    // (a claim states what a function's derivative is)
    return [
      {
        name: c.latex.replace(/\s+/g, ' ').trim(),
        detail: `${VERDICT_TITLE[c.verdict]}${cell}`,
        kind: SymbolKind.Function,
        range,
        selectionRange: range,
      },
    ];
  });
}

const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);

/** Whether two ranges share a position (their ends included, so a cursor at a claim's edge counts). */
function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}
