/**
 * Which open documents are notes, and the note each one holds. A Markdown document is a note; a document of any
 * other language (plain text, a notebook's JSON, a drawing) is one when its text looks like a note, as the CLI
 * reads files whatever their name.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { NoteFile, looksLikeNote } from '../src/index';

/** Whether an open document holds a note derivcheck checks. */
export function isNote(doc: TextDocument): boolean {
  return doc.languageId === 'markdown' || looksLikeNote(doc.getText());
}

/** The note a document holds, read from its current text. */
export function noteFileOf(doc: TextDocument): NoteFile {
  return new NoteFile(pathOf(doc.uri), doc.getText());
}

/** The path in a document's URI (its name tells a notebook or a drawing apart), or the URI itself. */
function pathOf(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}
