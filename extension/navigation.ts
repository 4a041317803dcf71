/** Go to Definition (F12) on a symbol of a note's math, and hovers: its definition, and the verdict of its claim. */
import * as vscode from 'vscode';
import { type NotePlace, hoverAt, symbolAt, symbolTitle } from '../src/index';
import type { CheckedNote, LiveChecker } from './liveChecker';
import { toRange } from './notes';

const VERDICT = { verified: '✓ verified', refuted: '✗ refuted', unverifiable: '? unverifiable' } as const;

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
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escape(symbolTitle(info.symbol))}**`);
    const def = info.symbol.definitions[0];
    if (def) {
      md.appendMarkdown(` — defined on line ${def.location.start.line}${def.location.cell !== undefined ? ` of cell ${def.location.cell + 1}` : ''}`);
      md.appendCodeblock(def.latex, 'latex');
    } else {
      md.appendMarkdown(' — an input (the note does not define it)\n\n');
    }
    if (info.claim) {
      md.appendMarkdown(`\n\n${VERDICT[info.claim.verdict]}: ${escape(info.claim.message)}`);
      if (info.value !== undefined) md.appendMarkdown(`\n\nAt the ${info.claim.verdict === 'refuted' ? 'counterexample' : 'sample point'}, ${escape(symbolTitle(info.symbol))} = ${format(info.value)}.`);
    }
    return new vscode.Hover(md, toRange(info.symbol.location));
  }

  private placeOf(doc: vscode.TextDocument, position: vscode.Position): { checked: CheckedNote; place: NotePlace } | undefined {
    const checked = this.checker.resultFor(doc);
    const part = checked?.note.partOf(doc.uri);
    if (!checked || part === undefined) return undefined;
    return { checked, place: { part, offset: doc.offsetAt(position) } };
  }
}

/** Markdown's special characters as text (a note's symbol names and messages are not Markdown). */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

const format = (x: number): string => (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? String(Number(x.toPrecision(4))) : x.toExponential(3));
