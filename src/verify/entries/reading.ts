/**
 * The entry-by-entry reading of index notation. A note that writes `\frac{\partial L}{\partial z_j} = \hat{y}_j - y_j`
 * beside `L = -\sum_k y_k \log \hat{y}_k` and `\hat{y} = \text{softmax}(z)` means vectors and their entries. Here every
 * index runs over 1…3 (a claim true for every size is true for 3), each vector becomes its three entries, every sum is
 * written out, and each instance of the claim (every value of its free indices, every entry of a vector claim) goes
 * to the scalar judge with the note's definitions read the same way. The claim is verified when every instance is.
 */
import { type Expr, walk } from '../../latex/ast';
import type { Claim, Definition, NoteModel } from '../../model/types';
import { NoteEnvironment } from '../environment';
import { TooSlow } from '../deadline';
import { type JudgeContext, judgeClaim } from '../judge';
import { ForwardPass } from '../sampling';
import { readsAsProduct } from '../convert';
import type { ClaimResult } from '../types';
import { displayName } from '../../latex/notation';
import { plainStem, readIndexed } from './names';
import { repairRanks, stemRanks } from './ranks';
import { signedSums } from '../doubts';
import { aboutDerivative, freeIn, freeLetters, indexLetters, joinSides, letterKind, narrowedClaim, pairs } from './noteIndices';
import { type Kind, NoEntryReading, Scalarizer } from './scalarize';
import { BoundDefinitions } from './bound';
import { entryBody, guessesReached, reachesItself, statedDistributions } from './definitions';

type Outcome = { readonly kind: 'verified' | 'refuted'; readonly result: ClaimResult } | { readonly kind: 'open' };

/** How many entries each index runs over. */
const SIZE = 3;
/** At most this many instances of one claim are judged (free indices × entries). */
const MAX_INSTANCES = 9;
const LABEL = /^(y|t|\\mathbf\{[yt]\}|\\boldsymbol\{[yt]\})$/;

export class EntryReading {
  private readonly letters: Set<string>;
  private readonly ranks = new Map<string, number>();
  private readonly indexedDefinitions = new Map<string, { definition: Definition; letters: readonly string[] }>();
  private readonly kinds = new Map<string, Kind | 'pending'>();
  /** Names whose kind only their letter gave. */
  private readonly letterKinds = new Set<string>();
  /** The guesses each expanded definition rests on. */
  private readonly definitionGuesses = new Map<string, readonly string[]>();
  private readonly scalarizer: Scalarizer;
  private readonly definitions = new Map<string, Definition>();
  private readonly expanded = new Set<string>();
  private readonly env: NoteEnvironment;
  private readonly ctx: JudgeContext;

  /**
   * With `labels`, a target vector the note never defines (`y`, `t`) is read as a one-hot label or a distribution:
   * its entries sum to 1 (its last entry is 1 minus the others), as `\frac{\partial L}{\partial z} = \hat{y} - y` needs.
   */
  constructor(
    private readonly model: NoteModel,
    private readonly base: JudgeContext,
    private readonly labels = false,
    /** Vectors are rows (`\mathbf y \log \mathbf s^\top` a dot product): a reading that can only verify. */
    private readonly rows = false,
  ) {
    const { letters, sizes } = indexLetters(model);
    this.letters = letters;
    this.scalarizer = new Scalarizer({
      letters,
      size: SIZE,
      sizes,
      kindOfName: (name) => this.kindOfName(name),
      kindIsGuess: (name) => this.letterKinds.has(name),
      readsAsProduct: (e) => readsAsProduct(e, model),
      isKronecker: (stem) => stem === '\\delta' && ![...model.definitions.keys()].some((n) => n === '\\delta' || n.startsWith('\\delta_')),
    });
    const stems = stemRanks(model, letters);
    for (const [stem, rank] of stems.ranks) this.ranks.set(stem, rank);
    repairRanks(
      model,
      { ranks: this.ranks, fromClaims: stems.fromClaims },
      (e) => this.scalarizer.kindOf(e),
      () => {
        this.kinds.clear();
        this.letterKinds.clear();
      },
    );
    for (const [name, definition] of model.definitions) {
      const indexed = readIndexed(name, letters);
      if (indexed && new Set(indexed.indices).size === indexed.indices.length)
        this.indexedDefinitions.set(indexed.stem, { definition, letters: indexed.indices });
    }
    // (an entry of a vector the note never defines, and no definition of its own, is an independent input)
    const inputVectorOf = (name: string): string | undefined => {
      const origin = this.scalarizer.origins.get(name);
      return origin && !this.definitions.has(name) && !this.vectorDefinition(origin.stem) && !this.indexedDefinitions.has(origin.stem)
        ? origin.stem
        : undefined;
    };
    const world: NoteModel = {
      ...model,
      definitions: this.definitions,
      unusable: new Map(),
      claims: [],
      indexNotation: { bases: new Set(), sums: false },
      inputVectorOf,
    };
    this.env = new NoteEnvironment(world);
    this.ctx = { env: this.env, pass: new ForwardPass(this.env), options: base.options, source: base.source };
  }

  /** Whether the claim is written in index notation: an entry's name, or a sum over an index. */
  applies(claim: Claim): boolean {
    let found = false;
    for (const side of [claim.left.expr, claim.right.expr]) {
      // an entry's name, a sum over an index, or a vector the note writes entries of elsewhere (`\hat{y} - y` beside `y_k`)
      if (side)
        walk(
          side,
          (n) =>
            (found ||=
              (n.kind === 'symbol' && (readIndexed(n.name, this.letters) !== undefined || this.ranks.has(plainStem(n.name)))) ||
              (n.kind === 'sum' && n.index !== undefined)),
        );
    }
    return found;
  }

  private boundNames?: BoundDefinitions;
  private get bound(): BoundDefinitions {
    return (this.boundNames ??= new BoundDefinitions(
      this.model,
      (e) => freeIn(e, this.scalarizer),
      (name) => readIndexed(name, this.letters) !== undefined,
    ));
  }

  private withLabels?: EntryReading;
  private asRows?: EntryReading;

  /**
   * The claim judged entry by entry: verified when every instance holds (with targets as one-hot labels, if that
   * is what it takes), refuted only when every instance fails under each reading and no guess about a shape was
   * made; otherwise `fallback`, the ordinary verdict.
   */
  judge(claim: Claim, fallback: ClaimResult): ClaimResult {
    // (an update rule is a descent step, judged on the tensors, not an equation of entries)
    if (!claim.left.expr || !claim.right.expr || claim.kind === 'update') return fallback;
    const plain = this.judgeHere(claim, fallback);
    if (plain.kind === 'verified') return plain.result;
    let labelled: Outcome | undefined;
    // (a label's sum being 1 is what this reading assumes: it settles derivations, not that statement itself)
    if (this.hasLabels(claim) && aboutDerivative(claim)) {
      this.withLabels ??= new EntryReading(this.model, this.base, true);
      labelled = this.withLabels.judgeHere(claim, fallback);
      if (labelled.kind === 'verified') return labelled.result;
    }
    // `\frac{\partial s_i}{\partial x_j} = \frac{\sum_j e^{x_j} \cdot 0 - e^{x_i} e^{x_j}}{…}`: the sum read over its
    // first term only, when the terms it absorbed may use the claim's own free index instead of the sum's
    const narrow = narrowedClaim(claim, freeLetters(claim, this.scalarizer));
    const narrowed = narrow && this.judgeHere(narrow, fallback);
    if (narrowed?.kind === 'verified')
      return {
        ...narrowed.result,
        message: narrowed.result.message.replace(
          'holds entry by entry (',
          `holds entry by entry (each Σ over ${narrow!.letters.join(', ')} read as covering its first term only, ${narrow!.letters.length > 1 ? 'letters' : 'a letter'} the claim also leaves free; `,
        ),
      };
    if (plain.kind === 'refuted' && (!labelled || labelled.kind === 'refuted') && (!narrowed || narrowed.kind === 'refuted'))
      return plain.result;
    // a note that writes its vectors as rows: verified so, never refuted so
    if (plain.kind === 'open' && !this.rows) {
      this.asRows ??= new EntryReading(this.model, this.base, this.labels, true);
      const rows = this.asRows.judgeHere(claim, fallback);
      if (rows.kind === 'verified')
        return {
          ...rows.result,
          message: rows.result.message.replace('holds entry by entry (', 'holds entry by entry (its vectors read as rows; '),
        };
    }
    return fallback;
  }

  private judgeHere(claim: Claim, fallback: ClaimResult): Outcome {
    let instances: Claim[];
    let guesses: string[];
    try {
      this.scalarizer.takeGuesses(true);
      instances = this.instances(claim);
      guesses = this.scalarizer.takeGuesses(true);
      for (const c of instances) this.define([c.left.expr!, c.right.expr!]);
      guesses.push(...guessesReached(this.definitions, this.definitionGuesses, instances));
      // `a_k = g(z_k)` and `z_k = \sum_j w_{jk} a_j` (a_j of the layer before): one name for two layers, read as a loop
      if (reachesItself(this.definitions, instances)) return { kind: 'open' };
    } catch (e) {
      if (e instanceof NoEntryReading) return { kind: 'open' };
      throw e;
    }
    const results: ClaimResult[] = [];
    try {
      for (const instance of instances) {
        const r = judgeClaim(instance, this.ctx);
        if (r.verdict === 'unverifiable' || (results.length > 0 && r.verdict !== results[0].verdict)) return { kind: 'open' };
        results.push(r);
      }
    } catch (e) {
      if (e instanceof TooSlow) return { kind: 'open' };
      throw e;
    }
    const free = [
      ...new Set([
        ...freeLetters(claim, this.scalarizer),
        ...[claim.left.expr!, claim.right.expr!].flatMap((e) => [...this.bound.lettersIn(e)]),
      ]),
    ];
    const vector = instances.length > 1 && free.length === 0;
    const over =
      free.length > 0 ? `${free.join(', ')} = 1…${SIZE}` : vector ? 'each of its entries' : `its sums written out over ${SIZE} terms`;
    const labels = this.labels
      ? `; ${[...this.labelStems()].map(displayName).join(', ')} read as a one-hot label (entries summing to 1)`
      : '';
    const c = claim.indexCondition;
    const stated =
      c && free.includes(c.left) && free.includes(c.right)
        ? `, where ${c.left} ${c.equal ? '=' : '≠'} ${c.right} (the case the prose states)`
        : '';
    const reading = `${over}${stated}, reading the note's indexed names as entries of vectors of ${SIZE}${labels}`;
    const assumption = this.labels ? { assumption: `${[...this.labelStems()].map(displayName).join(', ')} one-hot` } : {};
    if (results[0].verdict === 'verified')
      return {
        kind: 'verified',
        result: {
          ...fallback,
          verdict: 'verified',
          code: 'verified/entries',
          message: `holds entry by entry (${reading}): ${results[0].message}`,
          ...assumption,
          reading: { kind: 'entries' },
        },
      };
    // every instance fails: a slip, unless the reading rests on a guess, or the claim is not about a derivative
    // (`y_n = -1`, `g_i(s_i) = \sigma(s_i)` are cases and definitions more often than steps)
    // an index free on one side only (`1_j e^{x_j} \delta_{jn} = e^{x_n}`) may be summed by Einstein's convention
    // (with the letters a definition of the side brings along: u = e^{z_k} is of k)
    const [l, r] = [claim.left.expr!, claim.right.expr!].map((e) => new Set([...freeIn(e, this.scalarizer), ...this.bound.lettersIn(e)]));
    const einstein = [...l].some((x) => !r.has(x)) || [...r].some((x) => !l.has(x));
    // (nor on a case read from the prose: a case stated in words this reading missed may be the one in force)
    if (guesses.length > 0 || einstein || !aboutDerivative(claim) || stated || signedSums(claim).length > 0) return { kind: 'open' };
    const first = results[0];
    return {
      kind: 'refuted',
      result: {
        ...fallback,
        verdict: 'refuted',
        code: first.code,
        message: `fails for every entry (${reading}); for one: ${first.message}`,
        counterexample: first.counterexample,
        reading: { kind: 'entries' },
      },
    };
  }

  /** Target vectors whose entries the note never defines: `y`, `t` (and their bold forms). */
  private labelStems(): Set<string> {
    const stems = new Set<string>();
    for (const stem of this.ranks.keys()) {
      // a target the note never computes (a `y = \sigma(W x)` computes it), or one the note says sums to 1
      if (
        (LABEL.test(stem) && !this.indexedDefinitions.has(stem) && !this.definedAsVector(stem)) ||
        (this.distributions ??= statedDistributions(this.model, this.letters)).has(stem)
      )
        stems.add(stem);
    }
    return stems;
  }

  private distributions?: Set<string>;

  private definedAsVector(stem: string): boolean {
    const body = this.vectorDefinition(stem)?.value.expr;
    if (!body) return false;
    try {
      const kind = this.scalarizer.kindOf(body);
      return kind === 'col' || kind === 'row' || kind === 'matrix';
    } catch (e) {
      if (e instanceof NoEntryReading) return false;
      throw e;
    }
  }

  private hasLabels(claim: Claim): boolean {
    return this.labelStems().size > 0 && this.applies(claim);
  }

  /** Every instance of the claim: its free indices set, and each entry of a vector side. */
  private instances(claim: Claim): Claim[] {
    const left = claim.left.expr!;
    const right = claim.right.expr!;
    const s = this.scalarizer;
    const kind = joinSides(s.kindOf(left), s.kindOf(right));
    const entries: number[][] = kind === 'matrix' ? pairs() : kind === 'col' || kind === 'row' ? [[1], [2], [3]] : [[]];
    // (with the letters the claim's definitions bring along: `\frac{\partial u}{\partial z_j}` of u = e^{z_k} is of k too)
    const free = [...new Set([...freeLetters(claim, s), ...[left, right].flatMap((e) => [...this.bound.lettersIn(e)])])];
    if (free.length > 3) throw new NoEntryReading('more than three free indices');
    const values =
      free.length === 1 ? [[1], [2], [3]] : free.length === 2 ? pairs() : pairs().flatMap((p) => [1, 2, 3].map((v) => [...p, v]));
    // (a case the prose states, "when $j = k$", keeps the instances where it holds)
    const c = claim.indexCondition;
    const holds = (env: ReadonlyMap<string, number>): boolean =>
      !c || !env.has(c.left) || !env.has(c.right) || (env.get(c.left) === env.get(c.right)) === c.equal;
    const assignments = (
      free.length === 0 ? [new Map<string, number>()] : values.map((v) => new Map(free.map((l, i) => [l, v[i]])))
    ).filter(holds);
    const all = assignments.flatMap((env) => entries.map((idx) => ({ env, idx })));
    // the diagonal and the off-diagonal instances both, when there are more than can be judged
    const chosen = all.length <= MAX_INSTANCES ? all : all.filter((_, i) => i % Math.ceil(all.length / MAX_INSTANCES) === 0);
    const b = this.bound;
    const made = chosen.map(({ env, idx }) => ({
      ...claim,
      entryInstance: true,
      left: { ...claim.left, expr: b.bind(s.entry(left, idx, env), env) },
      right: { ...claim.right, expr: b.bind(s.entry(right, idx, env), env) },
      context: claim.context.flatMap((c) =>
        c.expr ? this.tryEntry(c.expr, idx, env, c).map((x) => ({ ...x, expr: x.expr && b.bind(x.expr, env) })) : [],
      ),
    }));
    return made;
  }

  private tryEntry<T extends { expr?: Expr }>(e: Expr, idx: readonly number[], env: ReadonlyMap<string, number>, side: T): T[] {
    try {
      return [{ ...side, expr: this.scalarizer.entry(e, idx, env) }];
    } catch (x) {
      if (x instanceof NoEntryReading) return [];
      throw x;
    }
  }

  /** Adds the definitions every name of these expressions needs, read entry by entry, and theirs in turn. */
  private define(exprs: readonly Expr[]): void {
    const todo: string[] = [];
    for (const e of exprs) walk(e, (n) => n.kind === 'symbol' && todo.push(n.name));
    while (todo.length > 0) {
      const name = todo.pop()!;
      if (this.expanded.has(name)) continue;
      this.expanded.add(name);
      this.scalarizer.takeGuesses(true);
      const body = entryBody(name, {
        scalarizer: this.scalarizer,
        model: this.model,
        letters: this.letters,
        labels: this.labels ? this.labelStems() : undefined,
        size: SIZE,
        bound: this.bound,
        indexedDefinitions: this.indexedDefinitions,
        vectorDefinition: (stem) => this.vectorDefinition(stem),
      });
      const guesses = this.scalarizer.takeGuesses(false);
      if (!body) continue;
      if (guesses.length > 0) this.definitionGuesses.set(name, guesses);
      this.definitions.set(name, { ...body.definition, symbol: name, value: { ...body.definition.value, expr: body.expr } });
      walk(body.expr, (n) => n.kind === 'symbol' && todo.push(n.name));
    }
  }

  /** A name without index: a vector or matrix if the note indexes it, else what its definition or its letter says. */
  /** The definition of a vector by its stem, however the note spells it (`u` or `\mathbf{u}`). */
  private vectorDefinition(stem: string): Definition | undefined {
    if (!this.byStem) {
      this.byStem = new Map();
      for (const [name, d] of this.model.definitions)
        if (!readIndexed(name, this.letters) && !this.byStem.has(plainStem(name))) this.byStem.set(plainStem(name), d);
    }
    return this.model.definitions.get(stem) ?? this.byStem.get(stem);
  }

  private byStem?: Map<string, Definition>;

  private kindOfName(name: string): Kind {
    const rank = this.ranks.get(plainStem(name));
    if (rank) return rank === 2 ? 'matrix' : this.rows ? 'row' : 'col';
    const known = this.kinds.get(name);
    if (known === 'pending') return 'any';
    if (known) return known;
    this.kinds.set(name, 'pending');
    let kind: Kind = 'any';
    const body = (this.model.definitions.get(name) ?? this.vectorDefinition(plainStem(name)))?.value.expr;
    try {
      if (body) kind = this.scalarizer.kindOf(body);
    } catch (e) {
      if (!(e instanceof NoEntryReading)) throw e;
    }
    if (kind === 'any' && !body) {
      kind = letterKind(name);
      if (kind !== 'any') this.letterKinds.add(name);
    }
    this.kinds.set(name, kind);
    return kind;
  }
}
