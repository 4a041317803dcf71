/**
 * The judge for the claims of one scope (the definitions in force there): the ordinary reading first (the symbolic
 * path with the engine's second opinion, or the vector path); where that leaves a claim unverifiable, the readings
 * that can settle more: index notation entry by entry, then a cost the note never writes read as any smooth cost.
 */
import { type Expr, symbolsOf, walk } from '../latex/ast';
import type { BlockSpan, Claim, NoteModel } from '../model/types';
import { EntryReading } from './entries/reading';
import { NoteEnvironment } from './environment';
import { WorkedExample } from './example';
import { type CostReading, costReadings } from './genericCost';
import { type JudgeContext, judgeClaim, usedDefinitions } from './judge';
import { ForwardPass } from './sampling';
import type { CheckOptions, ClaimResult } from './types';
import { judgeVectorClaim } from './vector/judge';
import { vectorDetector } from './vector/mode';
import { VectorNote } from './vector/note';
import { scalarEngineCheck } from './vector/scalarCheck';

interface World {
  readonly ctx: JudgeContext;
  readonly judge: (claim: Claim) => ClaimResult;
}

/**
 * A model to judge claims in: its environment, and the path each claim takes (decided by `pathModel`, so that a
 * made-up definition does not move a claim from one path to the other).
 */
function world(model: NoteModel, options: Required<CheckOptions>, source: (at: BlockSpan) => string, vectorModel = model, pathModel = model): World {
  const env = new NoteEnvironment(model);
  let scalarNote: VectorNote | undefined;
  let vectorNote: VectorNote | undefined;
  const ctx: JudgeContext = {
    env,
    pass: new ForwardPass(env),
    options,
    source,
    example: new WorkedExample(model, env, source),
    engine: (claim, scope, symbolic) => scalarEngineCheck((scalarNote ??= new VectorNote(model, env, [], true)), env, claim, scope, symbolic),
  };
  const needsVectors = vectorDetector(pathModel, pathModel === model ? env : new NoteEnvironment(pathModel));
  return {
    ctx,
    judge: (claim) => {
      if (!needsVectors(claim)) return judgeClaim(claim, ctx);
      vectorNote ??= new VectorNote(vectorModel, env, model.declarations);
      return judgeVectorClaim(claim, vectorNote, ctx, usedDefinitions(claim, env));
    },
  };
}

export function scopeJudge(model: NoteModel, options: Required<CheckOptions>, source: (at: BlockSpan) => string): (claim: Claim) => ClaimResult {
  const ordinary = world(model, options, source);
  let entries: EntryReading | undefined;
  let readings: CostReading[] | undefined;
  const costWorlds = new Map<CostReading, World>();
  return (claim) => {
    const result = ordinary.judge(claim);
    // (a second definition of a symbol is a new definition, not a claim any reading could settle)
    if (result.verdict !== 'unverifiable' || claim.unverifiable || claim.redefines) return result;
    // index notation the ordinary reading could not settle: entry by entry
    entries ??= new EntryReading(model, ordinary.ctx);
    if (entries.applies(claim)) {
      const read = entries.judge(claim, result);
      if (read !== result) return read;
    }
    // a cost the note differentiates but never writes: any smooth cost of what the note computes last, then the
    // standard losses that fit its output
    readings ??= costReadings(model);
    for (const [index, reading] of readings.entries()) {
      const cost = [...reading.costs.keys()].find((name) => mentions(claim.left.expr, name) || mentions(claim.right.expr, name));
      if (!cost) continue;
      let w = costWorlds.get(reading);
      if (!w) costWorlds.set(reading, (w = world(reading.scalarModel, options, source, reading.vectorModel, model)));
      const { long, short } = reading.assumption(cost);
      // (as a suspicion, the assumption keeps any difference from becoming a refutation)
      const read = w.judge({ ...claim, suspicions: [...claim.suspicions, long] });
      if (read.verdict === 'verified') return { ...read, claim, uses: result.uses, message: `${read.message}; ${long}`, assumption: short, reading: { kind: 'cost', index } };
    }
    return result;
  };
}

/** Whether the claim is about the cost: it names it, or (for a course's J) uses its shorthand. */
function mentions(e: Expr | undefined, cost: string): boolean {
  return e !== undefined && (symbolsOf(e).has(cost) || (cost === 'J' && usesShorthand(e)));
}

function usesShorthand(e: Expr): boolean {
  let found = false;
  walk(e, (n) => (found ||= n.kind === 'shorthand'));
  return found;
}
