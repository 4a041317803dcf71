/**
 * A checked note's diagnostics, from the core's presentation: refuted claims are errors and unverifiable ones hints
 * (each with the presentation's code and `source: 'derivcheck'`, and links to the definitions its verdict used),
 * problems reading the note are warnings, and a note too large to check gets one notice at its top.
 */
import { type Diagnostic, type DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver/node';
import { type ClaimReport, type Severity, diagnosticFor, displayName, tooLargeForLiveMessage } from '../src/index';
import type { CheckedNote } from './liveChecks';
import type { ServerSettings } from './settings';

const SOURCE = 'derivcheck';
const MAX_RELATED = 6;

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The claims of a note that get a diagnostic, with it. */
export function claimDiagnostics(checked: CheckedNote, settings: ServerSettings): { claim: ClaimReport; diagnostic: Diagnostic }[] {
  return checked.report.claims.flatMap((claim) => {
    const data = diagnosticFor(claim, settings);
    const range = data && checked.file.rangeOf(claim.location);
    if (!data || !range) return [];
    const diagnostic: Diagnostic = { range, severity: SEVERITIES[data.severity], code: data.code, source: SOURCE, message: data.message };
    const related = relatedDefinitions(checked, claim);
    return [{ claim, diagnostic: related.length > 0 ? { ...diagnostic, relatedInformation: related } : diagnostic }];
  });
}

/** Every diagnostic of a checked note. */
export function noteDiagnostics(checked: CheckedNote, settings: ServerSettings): Diagnostic[] {
  const problems = checked.report.errors.flatMap((e) => {
    const range = e.location && checked.file.rangeOf(e.location);
    return range ? [{ range, severity: DiagnosticSeverity.Warning, source: SOURCE, message: e.message }] : [];
  });
  return [...claimDiagnostics(checked, settings).map((d) => d.diagnostic), ...problems];
}

/** The one diagnostic of a note too large to check while typing. */
export function tooLargeDiagnostic(chars: number): Diagnostic {
  const top = { line: 0, character: 0 };
  return {
    range: { start: top, end: top },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    message: tooLargeForLiveMessage(chars),
  };
}

/** Links to the definitions a verdict used. */
function relatedDefinitions(checked: CheckedNote, claim: ClaimReport): DiagnosticRelatedInformation[] {
  return claim.uses.slice(0, MAX_RELATED).flatMap((symbol) => {
    const def = checked.report.model.definitions.get(symbol);
    const range = def && checked.file.rangeOf(checked.report.locate(def.at));
    return range ? [{ location: { uri: checked.uri, range }, message: `${displayName(symbol)} is defined here` }] : [];
  });
}
