/**
 * Navigation in a checked note, for any host: the symbol at a place of the note, the definitions of it in force
 * there (Go to Definition), and what a hover says (its definition, and the verdict of the claim it stands in).
 */
import { type Expr, walk } from '../latex/ast';
import { displayName } from '../latex/notation';
import { parsedBlock } from '../model/build';
import type { BlockSpan, Definition } from '../model/types';
import type { ClaimReport, Location, NoteReport } from './checkNote';

/** A place in the note: the part (a notebook cell, or the file) and an offset in its text. */
export interface NotePlace {
  readonly part: number;
  readonly offset: number;
}

export interface SymbolAt {
  /** Its name in the note's model (`z_2`), as sample points name it. */
  readonly name: string;
  /** The LaTeX as written (`z_2`). */
  readonly latex: string;
  readonly location: Location;
  /** The definitions of it, the one in force at the place first. */
  readonly definitions: readonly DefinitionAt[];
}

export interface DefinitionAt {
  readonly symbol: string;
  /** `z_2 = w_2 a_1 + b_2`, as the note writes it. */
  readonly latex: string;
  readonly location: Location;
}

export interface HoverInfo {
  readonly symbol: SymbolAt;
  /** The claim the place is in, if any. */
  readonly claim?: ClaimReport;
  /** The symbol's value at the claim's sample point (the counterexample of a refuted claim). */
  readonly value?: number;
}

const squash = (s: string): string => s.replace(/\s+|\\[,;:! ]|\{|\}/g, '');

/** The innermost symbol written at a place, with its definitions; undefined when the place holds none. */
export function symbolAt(report: NoteReport, place: NotePlace): SymbolAt | undefined {
  const blockIndex = report.document.blocks.findIndex(
    (b) => b.part === place.part && b.offsets[0] <= place.offset && place.offset < b.offsets[b.offsets.length - 1],
  );
  if (blockIndex < 0) return undefined;
  const block = report.document.blocks[blockIndex];
  let i = 0;
  while (i + 1 < block.latex.length && block.offsets[i + 1] <= place.offset) i++;
  let found: Expr | undefined;
  // (the parse the model was built from, from its cache)
  for (const statement of parsedBlock(block.latex)) {
    for (const part of statement.parts) {
      if (!part.expr) continue;
      walk(part.expr, (n) => {
        // (the innermost: a later, narrower node wins)
        if (
          n.kind === 'symbol' &&
          n.span.start <= i &&
          i < n.span.end &&
          (!found || n.span.end - n.span.start <= found.span.end - found.span.start)
        )
          found = n;
      });
    }
  }
  if (!found) return undefined;
  const at: BlockSpan = { block: blockIndex, span: found.span };
  const latex = report.source(at);
  const name = found.kind === 'symbol' ? found.name : '';
  const definitions = definitionsOf(report, (d) => d.symbol === name || squash(report.source(d.at)) === squash(latex), place);
  return { name: definitions[0]?.symbol ?? name, latex, location: report.locate(at), definitions };
}

/** Every definition the note makes of a symbol (through all its scopes), the last one before the place first. */
function definitionsOf(report: NoteReport, matches: (d: Definition) => boolean, place: NotePlace): DefinitionAt[] {
  const seen = new Map<string, Definition>();
  for (const scope of [report.model, ...report.model.scopes]) {
    for (const d of scope.definitions.values()) if (matches(d)) seen.set(`${d.at.block}:${d.at.span.start}`, d);
  }
  const all = [...seen.values()].map((d) => ({
    symbol: d.symbol,
    latex: `${report.source(d.at)} = ${report.source(d.value)}`,
    location: report.locate(d.at),
  }));
  const before = (l: Location): boolean => l.part < place.part || (l.part === place.part && l.startOffset <= place.offset);
  all.sort((a, b) => a.location.part - b.location.part || a.location.startOffset - b.location.startOffset);
  const inForce = all.filter((d) => before(d.location)).pop() ?? all[0];
  return inForce ? [inForce, ...all.filter((d) => d !== inForce)] : [];
}

/** What a hover at a place shows: the symbol's definition and, inside a claim, the claim's verdict and numbers. */
export function hoverAt(report: NoteReport, place: NotePlace): HoverInfo | undefined {
  const symbol = symbolAt(report, place);
  if (!symbol) return undefined;
  const claim = report.claims.find(
    (c) => c.location.part === place.part && c.location.startOffset <= place.offset && place.offset <= c.location.endOffset,
  );
  const point = claim?.counterexample?.point;
  const value = point?.[symbol.name];
  return { symbol, ...(claim && { claim }), ...(value !== undefined && { value }) };
}

/** A symbol's name as the editor shows it (`z₂`). */
export function symbolTitle(s: SymbolAt): string {
  return displayName(s.name);
}
