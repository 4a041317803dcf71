/**
 * derivcheck's core, as hosts use it: the CLI, the VS Code extension, and any other editor. Everything a host needs
 * is exported here; hosts import nothing else of `src/` (an architecture test holds them to it).
 */

// reading notes
export { looksLikeNote, readMarkdownCells, readNote } from './notes/readNote';
export type { MathBlock, NoteDocument, NoteKind, NotePart, SourcePosition } from './notes/types';

// checking them
export {
  type ClaimReport,
  type Location,
  type NoteError,
  type NoteReport,
  checkDocument,
  checkDocumentInSlices,
  checkNote,
} from './verify/checkNote';
export { ClaimCache } from './verify/cache';
export { type ReasonCode, type ReasonInfo, REASONS, REASON_CODES, verdictOfCode } from './verify/reasons';
export { LIMITS, claimsSkippedMessage, tooLargeForLiveMessage } from './verify/limits';
export type {
  CheckOptions,
  ClaimResult,
  Counterexample,
  EngineCheck,
  MatrixExcerpt,
  Repair,
  TensorDetail,
  UpdateDetail,
  Verdict,
  WrongFactor,
} from './verify/types';

// explaining a claim, and finding one's way in a note
export { type ChainFactor, type Explanation, type GraphEdge, type GraphNode, type PlaceRef, explainClaim } from './verify/explain';
export { type DefinitionAt, type HoverInfo, type NotePlace, type SymbolAt, hoverAt, symbolAt, symbolTitle } from './verify/navigate';

// showing names as people read them (w₂, σ)
export { displayName } from './latex/notation';

// how verdicts look in an editor, as plain data: diagnostics, lenses, the status text, quick fixes (every host shares it)
export {
  type ClaimReportLocator,
  type DiagnosticData,
  type Fix,
  type Insertion,
  type PresentationOptions,
  type Severity,
  diagnosticFor,
  fixFor,
  hasLens,
  ignoreFixFor,
  inputFixesFor,
  internalErrors,
  lensTitle,
  minimalEdit,
  statusText,
} from './present/presentation';

// where a note's places are in the file an editor holds, and what a hover says (every host shares them)
export {
  type EditorPosition,
  type EditorRange,
  type FileEdit,
  type PartSpan,
  NoteFile,
  claimAt,
  editorRange,
  partText,
} from './present/places';
export { VERDICT_TITLE, claimHoverMarkdown, symbolHoverMarkdown } from './present/hover';

// a checked note as a standalone NumPy file: its forward pass, its claims, a finite-difference check of each
export { type ExportedClaim, type NumpyExport, type NumpyExportOptions, type SkippedClaimInfo, exportNumpy } from './export/numpy';

// the settings every host offers (key, default, bounds, description), and reading them safely
export { type HostSettings, type SettingKey, DEFAULT_SETTINGS, SETTINGS, readSettings } from './present/settings';
