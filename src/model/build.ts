/** Builds a note's model from its math blocks: statements → chains → definitions and claims. */
import { type Span, symbolsOf, walk } from '../latex/ast';
import { type ParsedStatement, parseBlock } from '../latex/statements';
import { buildChains } from './chains';
import { collectClaims } from './claims';
import { collectDeclarations } from './declarations';
import { collectDefinitions } from './definitions';
import { readEAsVariable } from './eVariable';
import { readSuperscriptLabels } from './superscripts';
import { readFunctionHeads } from './functionHeads';
import { readNewValues } from './newValues';
import { readPerSample } from './perSample';
import { withProseCases } from './proseCases';
import { namesUsed, withLastLayerGradients } from './gradientLayers';
import { loneEntries, markLoneEntries, withLoneEntries } from './loneEntries';
import { type IndexNotation, type NoteModel, indexOf } from './types';

/** Parses by LaTeX, most recent last: re-checking a note after an edit parses only the blocks that changed. */
const parses = new Map<string, ParsedStatement[]>();
const MAX_PARSES = 20_000;

/** A block's statements, from the cache when the same LaTeX was parsed before (the trees are never changed). */
export function parsedBlock(latex: string): ParsedStatement[] {
  const known = parses.get(latex);
  if (known) {
    parses.delete(latex);
    parses.set(latex, known);
    return known;
  }
  const parsed = parseBlock(latex);
  parses.set(latex, parsed);
  if (parses.size > MAX_PARSES) parses.delete(parses.keys().next().value!);
  return parsed;
}

/**
 * The model of a note whose math blocks are given in reading order. `inputs` are names (LaTeX) the note declares
 * inputs: what it writes for them is not a definition (`S = …` loses its `S =`; the rest of the chain stays).
 */
export function buildModel(
  blocks: readonly { readonly latex: string; readonly display?: boolean; readonly part?: number; readonly section?: number }[],
  inputs: readonly string[] = [],
): NoteModel {
  const declared = new Set(
    inputs.flatMap((latex) => {
      const e = parseBlock(latex)[0]?.parts[0]?.expr;
      return e?.kind === 'symbol' ? [e.name] : [];
    }),
  );
  const parsed = blocks.map((b) => parsedBlock(b.latex));
  return buildModelFromStatements(
    declared.size === 0 ? parsed : parsed.map((block) => block.map((st) => withoutDefinitionOf(st, declared))),
    {
      source: (block, span) => blocks[block].latex.slice(span.start, span.end),
      display: (block) => blocks[block].display ?? true,
      // a notebook's cells are sections too, in order
      section: (block) => (blocks[block].part ?? 0) * 100_000 + (blocks[block].section ?? 0),
    },
  );
}

/** A statement without its defining `S =` when S is a declared input. */
function withoutDefinitionOf(st: ParsedStatement, inputs: ReadonlySet<string>): ParsedStatement {
  const head = st.parts[0]?.expr;
  // (an update rule, `W := W - \alpha dW`, is about the input itself: it stays)
  if (st.parts.length < 2 || st.assignment || head?.kind !== 'symbol' || !inputs.has(head.name)) return st;
  return { ...st, parts: st.parts.slice(1), equals: st.equals.slice(1) };
}

/** What the model needs to know of the blocks besides their statements. */
export interface BlockFacts {
  /** The LaTeX of a block between two offsets. */
  readonly source: (block: number, span: Span) => string;
  /** Display math (not inline in a sentence). */
  readonly display: (block: number) => boolean;
  /** The block's section, increasing through the note. */
  readonly section: (block: number) => number;
}

const NO_FACTS: BlockFacts = { source: () => '', display: () => true, section: () => 0 };

/** Same, from already parsed blocks (the live checker caches parses per block). */
export function buildModelFromStatements(parsed: readonly (readonly ParsedStatement[])[], facts: BlockFacts = NO_FACTS): NoteModel {
  // (`L = (y_1 - \hat{y})^2` beside a lone `\hat{y}_1`: one output written both ways)
  const lone = loneEntries(parsed);
  const wrote = new Set<string>();
  for (const block of parsed)
    for (const st of block)
      if (st.parts[0]?.expr?.kind === 'symbol' && st.parts.slice(1).some((p) => p.expr && [...symbolsOf(p.expr)].some((n) => lone.has(n))))
        wrote.add(st.parts[0].expr.name);
  const chains = buildChains(
    readPerSample(readNewValues(readFunctionHeads(readSuperscriptLabels(readEAsVariable(withLoneEntries(parsed, lone)))))),
    facts.display,
  );
  const defs = collectDefinitions(chains, facts.section);
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
    claims: withLastLayerGradients(
      markLoneEntries(withProseCases(collectClaims(chains, defs), chains, facts), defs.definitions, lone, wrote),
      namesUsed(
        parsed.flatMap((block) =>
          block.flatMap((s) => (s.parts.length < 2 ? [] : s.parts.flatMap((part) => (part.expr ? [part.expr] : [])))),
        ),
      ),
    ),
    declarations: collectDeclarations(parsed, facts.source),
    indexNotation: indexNotationOf(parsed),
  };
}

/** Index notation anywhere in the note, prose formulas included. */
function indexNotationOf(parsed: readonly (readonly ParsedStatement[])[]): IndexNotation {
  const letters = new Map<string, Set<string>>();
  let sums = false;
  for (const block of parsed) {
    for (const s of block) {
      for (const part of s.parts) {
        if (!part.expr) continue;
        walk(part.expr, (n) => {
          if (n.kind === 'sum' && n.index !== undefined) sums = true;
          const idx = n.kind === 'symbol' ? indexOf(n.name) : undefined;
          if (idx) letters.set(idx.base, (letters.get(idx.base) ?? new Set()).add(idx.index));
        });
      }
    }
  }
  return { bases: new Set([...letters].filter(([, l]) => l.size > 1).map(([b]) => b)), sums };
}
