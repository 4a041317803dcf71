/**
 * The definitions of the entry world (index notation read entry by entry): which one a name of an entry has (the
 * note's own, an indexed one, a vector's, a one-hot label's last entry), and what the definitions it reaches rest on.
 */
import { type Expr, symbolsOf, walk } from '../../latex/ast';
import { displayName } from '../../latex/notation';
import type { Claim, Definition, NoteModel } from '../../model/types';
import type { BoundDefinitions } from './bound';
import { readIndexed } from './names';
import { type Kind, NoEntryReading, type Scalarizer } from './scalarize';

/** What a name's definition in the entry world is found from. */
export interface EntryWorld {
  readonly scalarizer: Scalarizer;
  readonly model: NoteModel;
  readonly letters: ReadonlySet<string>;
  /** The label stems whose entries sum to 1, when targets are read as one-hot labels. */
  readonly labels?: ReadonlySet<string>;
  /** How many entries each index runs over. */
  readonly size: number;
  readonly bound: BoundDefinitions;
  readonly indexedDefinitions: ReadonlyMap<string, { definition: Definition; letters: readonly string[] }>;
  readonly vectorDefinition: (stem: string) => Definition | undefined;
}

/** The definition of a name of the entry world: the note's own (read entry by entry), an indexed one, or a vector's. */
export function entryBody(name: string, w: EntryWorld): { definition: Definition; expr: Expr } | undefined {
  const s = w.scalarizer;
  const read = (
    definition: Definition,
    idx: readonly number[],
    env: ReadonlyMap<string, number>,
  ): { definition: Definition; expr: Expr } | undefined => {
    const expr = definition.value.expr;
    if (!expr) return undefined;
    try {
      return { definition, expr: s.entry(expr, idx, env) };
    } catch (e) {
      // a definition that cannot be read entry by entry leaves the entry unknown, not a free input
      if (e instanceof NoEntryReading)
        throw new NoEntryReading(`the definition of ${displayName(name)} cannot be read entry by entry (${e.message})`);
      throw e;
    }
  };
  const origin0 = s.origins.get(name);
  if (w.labels && origin0 && origin0.values.length === 1 && w.labels.has(origin0.stem)) {
    // a label's entries are inputs (whatever `t = …` said elsewhere of numbers), but for the last
    if (origin0.values[0] !== w.size) return undefined;
    // the last entry of a one-hot label: 1 minus the others
    const span = { start: 0, end: 0 };
    const others = Array.from({ length: w.size - 1 }, (_, i) => i + 1).map((v): Expr => ({
      kind: 'symbol',
      name: stemEntryOf(s, origin0.stem, v),
      span,
    }));
    const expr: Expr = {
      kind: 'binary',
      op: '-',
      left: { kind: 'number', value: 1, span },
      right: others.reduce((a, b) => ({ kind: 'binary', op: '+', left: a, right: b, span })),
      span,
    };
    const at = { block: 0, span };
    return { definition: { symbol: name, value: { ...at, expr }, at, source: 'equation' }, expr };
  }
  const own = w.model.definitions.get(name);
  if (own && !readIndexed(name, w.letters)) return read(own, [], new Map());
  // (`u⟨k=2⟩`: u = e^{z_k} read with k = 2)
  const bound = w.bound.made.get(name);
  const boundDefinition = bound && w.model.definitions.get(bound.name);
  if (bound && boundDefinition) return read(boundDefinition, [], bound.env);
  const origin = s.origins.get(name);
  if (!origin) return undefined;
  const indexed = w.indexedDefinitions.get(origin.stem);
  if (indexed && indexed.letters.length === origin.values.length)
    return read(indexed.definition, [], new Map(indexed.letters.map((l, i) => [l, origin.values[i]])));
  const vector = w.vectorDefinition(origin.stem);
  if (!vector?.value.expr) return undefined;
  // `t = x + y` said of numbers elsewhere in the note, and `t_k` here: nothing in it says t is a vector
  let kind: Kind = 'any';
  try {
    kind = s.kindOf(vector.value.expr);
  } catch (e) {
    if (!(e instanceof NoEntryReading)) throw e;
  }
  if (kind === 'any' || kind === 'scalar')
    s.guess(`the definition of ${displayName(origin.stem)} was read entry by entry, though nothing in it is a vector`);
  return read(vector, origin.values, new Map());
}

/** Whether the definitions these instances reach, read entry by entry, refer to themselves. */
export function reachesItself(definitions: ReadonlyMap<string, Definition>, instances: readonly Claim[]): boolean {
  const state = new Map<string, 'open' | 'done'>();
  const cyclic = (name: string): boolean => {
    const now = state.get(name);
    if (now) return now === 'open';
    state.set(name, 'open');
    const body = definitions.get(name)?.value.expr;
    let found = false;
    if (body) walk(body, (n) => (found ||= n.kind === 'symbol' && cyclic(n.name)));
    state.set(name, 'done');
    return found;
  };
  return instances.some((c) => [c.left.expr, c.right.expr].some((e) => e !== undefined && [...symbolsOf(e)].some(cyclic)));
}

/** The guesses behind the definitions these instances reach. */
export function guessesReached(
  definitions: ReadonlyMap<string, Definition>,
  guessesOf: ReadonlyMap<string, readonly string[]>,
  instances: readonly Claim[],
): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    out.push(...(guessesOf.get(name) ?? []));
    const body = definitions.get(name)?.value.expr;
    if (body) walk(body, (n) => n.kind === 'symbol' && visit(n.name));
  };
  for (const c of instances) for (const e of [c.left.expr, c.right.expr]) if (e) walk(e, (n) => n.kind === 'symbol' && visit(n.name));
  return out;
}

/** The name of a stem's entry, as the scalarizer makes it (so that its origin is known). */
function stemEntryOf(s: Scalarizer, stem: string, value: number): string {
  const e = s.entry({ kind: 'symbol', name: stem, span: { start: 0, end: 0 } }, [value], new Map());
  return e.kind === 'symbol' ? e.name : stem;
}

/** Stems the note says sum to one: `\sum_i t_i = 1` (a one-hot label, a distribution). */
export function statedDistributions(model: NoteModel, letters: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  for (const c of model.claims) {
    const [l, r] = [c.left.expr, c.right.expr];
    if (l?.kind !== 'sum' || l.body.kind !== 'symbol' || r?.kind !== 'number' || r.value !== 1) continue;
    const entry = readIndexed(l.body.name, letters);
    if (entry && entry.indices.length === 1 && (l.index ?? entry.indices[0]) === entry.indices[0]) found.add(entry.stem);
  }
  return found;
}
