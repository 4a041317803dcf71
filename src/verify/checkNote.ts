/** Checks a whole note: read → model → verdicts, with every place mapped back to the note's lines and columns. */
import { nextTurn } from './nextTurn';
import { buildModel } from '../model/build';
import { type BlockSpan, type Claim, type NoteModel, modelInScope } from '../model/types';
import { LineIndex } from '../notes/positions';
import { readNote } from '../notes/readNote';
import type { NoteDocument, SourcePosition } from '../notes/types';
import type { ClaimCache } from './cache';
import { TooSlow, startClock, stopClock } from './deadline';
import { scopeJudge } from './scopeJudge';
import { LIMITS, claimsSkippedMessage } from './limits';
import { type CheckOptions, type ClaimResult, DEFAULT_OPTIONS } from './types';

/** A place in the note: which part (a notebook cell, or the file) and where in it. */
export interface Location {
  readonly start: SourcePosition;
  readonly end: SourcePosition;
  /** Notebook cell index (`.ipynb` only). */
  readonly cell?: number;
  /** Offsets in the part's text. */
  readonly startOffset: number;
  readonly endOffset: number;
  readonly part: number;
  /** Some of the place's LaTeX came from the note's macros: the source there does not read as the LaTeX does. */
  readonly fromMacro?: boolean;
}

export interface ClaimReport extends ClaimResult {
  readonly location: Location;
  /** The claim's source text. */
  readonly latex: string;
  /** How long judging it took (0 when the verdict came from the cache). */
  readonly durationMs: number;
}

export interface NoteError {
  readonly location?: Location;
  readonly message: string;
  /** The stack of an internal error, for the host's log (never shown as a diagnostic). */
  readonly stack?: string;
}

export interface NoteReport {
  readonly document: NoteDocument;
  readonly model: NoteModel;
  readonly claims: readonly ClaimReport[];
  readonly errors: readonly NoteError[];
  /** Maps any place of the model (a definition, a wrong factor) to the note. */
  readonly locate: (at: BlockSpan) => Location;
  /** The LaTeX at a place of the model. */
  readonly source: (at: BlockSpan) => string;
}

/** Checks the math of a note given its path (for its kind) and text. Never throws. */
export function checkNote(path: string, text: string, options: CheckOptions = {}, cache?: ClaimCache): NoteReport {
  return checkDocument(readNote(path, text), options, cache);
}

/** Checks a note already read (an open notebook's cells, say). With a cache, unchanged claims are not re-judged. */
export function checkDocument(document: NoteDocument, options: CheckOptions = {}, cache?: ClaimCache): NoteReport {
  const steps = checkSteps(document, options, cache);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same, in slices: it gives the event loop back whenever `sliceMs` have passed, so that an editor stays
 * responsive on a large note, and stops (returning undefined) as soon as `cancelled()` says a newer edit came.
 */
export async function checkDocumentInSlices(
  document: NoteDocument,
  options: CheckOptions,
  cache: ClaimCache | undefined,
  cancelled: () => boolean,
  sliceMs = 15,
): Promise<NoteReport | undefined> {
  const steps = checkSteps(document, options, cache);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart < sliceMs) continue;
    await nextTurn();
    if (cancelled()) return undefined;
    sliceStart = performance.now();
  }
}

/** The check as a generator: it yields after each claim judged. */
function* checkSteps(document: NoteDocument, options: CheckOptions, cache: ClaimCache | undefined): Generator<void, NoteReport, void> {
  const indexes = document.parts.map((p) => new LineIndex(p.text));
  const locate = (at: BlockSpan): Location => {
    const block = document.blocks[at.block];
    const clamp = (i: number): number => Math.max(0, Math.min(i, block.offsets.length - 1));
    const startOffset = block.offsets[clamp(at.span.start)];
    const endOffset = at.span.end > 0 ? block.offsets[clamp(at.span.end - 1)] + 1 : startOffset;
    const index = indexes[block.part];
    const fromMacro = block.fromMacro?.slice(at.span.start, Math.max(at.span.start + 1, at.span.end)).some((m) => m)
      ? { fromMacro: true }
      : {};
    return {
      start: index.positionAt(startOffset),
      end: index.positionAt(endOffset),
      cell: document.parts[block.part].cell,
      startOffset,
      endOffset,
      part: block.part,
      ...fromMacro,
    };
  };
  const source = (at: BlockSpan): string => document.blocks[at.block]?.latex.slice(at.span.start, at.span.end) ?? '';
  const errors: NoteError[] = document.errors.map((e) => ({
    message: e.message,
    location: {
      start: indexes[e.part].positionAt(e.offset),
      end: indexes[e.part].positionAt(e.offset),
      cell: document.parts[e.part].cell,
      startOffset: e.offset,
      endOffset: e.offset,
      part: e.part,
    },
  }));
  let model: NoteModel = {
    definitions: new Map(),
    functions: new Map(),
    unusable: new Map(),
    scopes: [],
    variables: new Set(),
    claims: [],
    declarations: [],
    indexNotation: { bases: new Set(), sums: false },
  };
  const claims: ClaimReport[] = [];
  try {
    model = buildModel(document.blocks, document.inputs);
    const resolved = withDefaults(options);
    cache?.begin(model, resolved, source);
    let judge: ((claim: Claim) => ClaimResult) | undefined;
    // (claims in blocks the note asks to ignore are not judged; their definitions still hold)
    const wanted = model.claims.filter((c) => !document.blocks[c.at.block]?.ignored);
    const judged = wanted.slice(0, LIMITS.claimsPerNote);
    if (judged.length < wanted.length) {
      errors.push({ message: claimsSkippedMessage(wanted.length), location: locate(wanted[judged.length].at) });
    }
    for (const claim of judged) {
      const key = cache?.key(claim, source);
      let result = key === undefined ? undefined : cache!.get(key, claim);
      const started = performance.now();
      if (!result) {
        judge ??= makeJudge(model, resolved, source);
        result = judge(claim);
        // a claim that ran out of time may well finish next time (the machine was busy): not remembered
        if (key !== undefined && !timedOut.has(result)) cache!.set(key, result);
      }
      const durationMs = performance.now() - started;
      claims.push({ ...result, location: locate(claim.at), latex: source(claim.at), durationMs });
      yield;
    }
  } catch (e) {
    errors.push({ message: `internal error while checking this note: ${(e as Error).message}`, stack: stackOf(e) });
  }
  return { document, model, claims, errors, locate, source };
}

/** A judge for the note's claims: the symbolic path with the engine's second opinion, or the vector path. */
function makeJudge(model: NoteModel, options: Required<CheckOptions>, source: (at: BlockSpan) => string): (claim: Claim) => ClaimResult {
  const scopes = new Map<number, (claim: Claim) => ClaimResult>();
  return (claim) => {
    let judge = scopes.get(claim.scope);
    if (!judge) {
      const inScope = scopeJudge(modelInScope(model, claim.scope), options, source);
      scopes.set(claim.scope, (judge = (c) => judgeSafely(c, () => inScope(c), options.timeLimitMs)));
    }
    const result = judge(claim);
    const checked = result.verdict === 'refuted' && result.reading?.kind === 'cost' ? refutedInEveryScope(result, model, judgeIn) : result;
    // (a verification says what notation it read, as a suspicion says why nothing was refuted)
    return checked.verdict === 'verified' && claim.readings?.length
      ? { ...checked, message: `${checked.message}; ${claim.readings.join('; ')}` }
      : checked;
  };
  function judgeIn(claim: Claim, scope: number): ClaimResult {
    let judge = scopes.get(scope);
    if (!judge) {
      const inScope = scopeJudge(modelInScope(model, scope), options, source);
      scopes.set(scope, (judge = (c) => judgeSafely(c, () => inScope(c), options.timeLimitMs)));
    }
    return judge({ ...claim, scope });
  }
}

/**
 * A refutation under a cost read into the note (by shape, whatever the cost) stands only if the claim fails as well
 * under every other definition the note gives its names: a table of two conventions side by side defines `Z^{[l]}`
 * twice, and which one a claim means is a reading, not the note's word.
 */
function refutedInEveryScope(result: ClaimResult, model: NoteModel, judgeIn: (claim: Claim, scope: number) => ClaimResult): ClaimResult {
  const own = model.scopes[result.claim.scope];
  for (const [index, scope] of model.scopes.entries()) {
    if (
      index === result.claim.scope ||
      !own ||
      ![...scope.definitions.keys()].some((name) => own.definitions.get(name) !== scope.definitions.get(name))
    )
      continue;
    const there = judgeIn(result.claim, index);
    if (there.verdict !== 'refuted')
      return {
        ...result,
        verdict: 'unverifiable',
        code: 'unverifiable/redefinition',
        message: `${result.message}; but the note defines its names another way elsewhere, and read so the claim ${there.verdict === 'verified' ? 'holds' : 'cannot be settled'}`,
      };
  }
  return result;
}

const stackOf = (e: unknown): string => (e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e));

/** Verdicts given because time ran out. */
const timedOut = new WeakSet<ClaimResult>();

function judgeSafely(claim: Claim, judge: () => ClaimResult, timeLimitMs: number): ClaimResult {
  startClock(timeLimitMs);
  try {
    return judge();
  } catch (e) {
    if (e instanceof TooSlow) {
      const result: ClaimResult = { claim, verdict: 'unverifiable', code: 'unverifiable/too-slow', message: e.message, uses: [] };
      timedOut.add(result);
      return result;
    }
    return {
      claim,
      verdict: 'unverifiable',
      code: 'unverifiable/internal-error',
      message: `internal error while checking this claim: ${(e as Error).message}`,
      uses: [],
      internalError: stackOf(e),
    };
  } finally {
    stopClock();
  }
}

/** The options with defaults for those not given (an explicit `undefined` counts as not given). */
function withDefaults(options: CheckOptions): Required<CheckOptions> {
  return {
    samples: options.samples ?? DEFAULT_OPTIONS.samples,
    tolerance: options.tolerance ?? DEFAULT_OPTIONS.tolerance,
    seed: options.seed ?? DEFAULT_OPTIONS.seed,
    timeLimitMs: options.timeLimitMs ?? DEFAULT_OPTIONS.timeLimitMs,
  };
}
