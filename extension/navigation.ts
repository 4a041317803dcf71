/** Go to Definition (F12) on a symbol of a note's math, and hovers: its definition, and the verdict of its claim. */
import * as vscode from 'vscode';
import { type NotePlace, hoverAt, symbolAt, symbolHoverMarkdown } from '../src/index';
import type { CheckedNote, LiveChecker } from './liveChecker';
import { toRange } from './notes';

export class NoteNavigation implements vscode.DefinitionProvider, vscode.HoverProvider {
  constructor(private readonly checker: LiveChecker) {}

  provideDefinition(doc: vscode.TextDocument, position: vscode.Position): vscode.Location[] {
    const found = this.placeOf(doc, position);
    const symbol = found && symbolAt(found.checked.report, found.place);
    if (!found || !symbol) return [];
    return symbol.definitions.flatMap((d) => {
      const uri = found.checked.note.documentOf(d.location.part);
      return uri ? [new vscode.Location(uri, toRange(d.location))] : [];
    });
  }

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = this.placeOf(doc, position);
    const info = found && hoverAt(found.checked.report, found.place);
    if (!info) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(symbolHoverMarkdown(info)), toRange(info.symbol.location));
  }

  private placeOf(doc: vscode.TextDocument, position: vscode.Position): { checked: CheckedNote; place: NotePlace } | undefined {
    const checked = this.checker.resultFor(doc);
    const part = checked?.note.partOf(doc.uri);
    if (!checked || part === undefined) return undefined;
    return { checked, place: { part, offset: doc.offsetAt(position) } };
  }
}
