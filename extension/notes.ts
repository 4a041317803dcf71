/**
 * Which note a document belongs to: a Markdown (or note-like text) file is its own note; a markdown cell belongs to
 * its notebook, whose markdown cells together are one note. Maps the core's parts back to editor documents.
 */
import * as vscode from 'vscode';
import { type Location, type NoteDocument, editorRange, looksLikeNote, readMarkdownCells, readNote, type Severity } from '../src/index';

export interface OpenNote {
  /** The note's key: the file's URI, or the notebook's. */
  readonly key: string;
  readonly uri: vscode.Uri;
  readonly read: () => NoteDocument;
  /** Its length in characters (cheap: nothing is parsed). */
  readonly size: () => number;
  /** The editor document holding a part of the note. */
  readonly documentOf: (part: number) => vscode.Uri | undefined;
  /** The part of the note a document holds (as last read), or undefined. */
  readonly partOf: (uri: vscode.Uri) => number | undefined;
  /** The documents of the note (for clearing diagnostics). */
  readonly documents: () => vscode.Uri[];
}

const NOTE_LANGUAGES = new Set(['markdown', 'plaintext']);

/** The note an editor document belongs to, or undefined if it is not a note. */
export function noteOf(doc: vscode.TextDocument): OpenNote | undefined {
  if (doc.uri.scheme === 'vscode-notebook-cell') {
    const notebook = vscode.workspace.notebookDocuments.find((nb) => nb.getCells().some((c) => c.document === doc));
    return notebook ? notebookNote(notebook) : undefined;
  }
  if (!NOTE_LANGUAGES.has(doc.languageId) || doc.uri.scheme === 'output') return undefined;
  if (doc.languageId === 'plaintext' && !looksLikeNote(doc.getText())) return undefined;
  return {
    key: doc.uri.toString(),
    uri: doc.uri,
    read: () => readNote(doc.uri.path, doc.getText()),
    size: () => doc.getText().length,
    documentOf: () => doc.uri,
    partOf: (uri) => (uri.toString() === doc.uri.toString() ? 0 : undefined),
    documents: () => [doc.uri],
  };
}

export function notebookNote(notebook: vscode.NotebookDocument): OpenNote {
  const cells = (): vscode.NotebookCell[] => notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Markup);
  let snapshot: vscode.NotebookCell[] = [];
  return {
    key: notebook.uri.toString(),
    uri: notebook.uri,
    read: () => {
      snapshot = cells();
      return readMarkdownCells(snapshot.map((c) => ({ text: c.document.getText(), cell: c.index })));
    },
    size: () => cells().reduce((n, c) => n + c.document.getText().length, 0),
    documentOf: (part) => snapshot[part]?.document.uri,
    partOf: (uri) => {
      const i = snapshot.findIndex((c) => c.document.uri.toString() === uri.toString());
      return i < 0 ? undefined : i;
    },
    documents: () => cells().map((c) => c.document.uri),
  };
}

/** A core location as an editor range (lines and columns are 1-based there, 0-based here). */
export function toRange(l: Location): vscode.Range {
  const { start, end } = editorRange(l);
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A presentation severity as the editor's. */
export function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  return SEVERITIES[s];
}
