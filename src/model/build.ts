/** Builds a note's model from its math blocks: statements → chains → definitions and claims. */
import { type Span, symbolsOf } from '../latex/ast';
import { type ParsedStatement, parseBlock } from '../latex/statements';
import { buildChains } from './chains';
import { collectClaims } from './claims';
import { collectDeclarations } from './declarations';
import { collectDefinitions } from './definitions';
import { readEAsVariable } from './eVariable';
import { readSuperscriptLabels } from './superscripts';
import type { NoteModel } from './types';

/** The model of a note whose math blocks are given in reading order. */
export function buildModel(blocks: readonly { readonly latex: string }[]): NoteModel {
  return buildModelFromStatements(blocks.map((b) => parseBlock(b.latex)), (block, span) => blocks[block].latex.slice(span.start, span.end));
}

/** Same, from already parsed blocks (the live checker caches parses per block). */
export function buildModelFromStatements(
  parsed: readonly (readonly ParsedStatement[])[],
  source: (block: number, span: Span) => string = () => '',
): NoteModel {
  const chains = buildChains(readSuperscriptLabels(readEAsVariable(parsed)));
  const defs = collectDefinitions(chains);
  const variables = new Set<string>();
  // a letter counts as a variable when an equation uses it, not when prose mentions it (`the activation $g$`)
  for (const chain of chains) {
    if (chain.links.length < 2) continue;
    for (const link of chain.links) if (link.side.expr) for (const s of symbolsOf(link.side.expr)) variables.add(s);
  }
  return {
    definitions: defs.definitions,
    functions: defs.functions,
    unusable: defs.unusable,
    scopes: defs.scopes,
    variables,
    claims: collectClaims(chains, defs),
    declarations: collectDeclarations(parsed, source),
  };
}
