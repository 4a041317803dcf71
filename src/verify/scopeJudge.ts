/**
 * The judge for the claims of one scope (the definitions in force there): the ordinary reading first (the symbolic
 * path with the engine's second opinion, or the vector path); where that leaves a claim unverifiable, the readings
 * that can settle more: index notation entry by entry, then a cost the note never writes read as any smooth cost.
 */
import { type Expr, symbolsOf, walk } from '../latex/ast';
import { displayName } from '../latex/notation';
import type { BlockSpan, Claim, NoteModel } from '../model/types';
import { EntryReading } from './entries/reading';
import { vectorizeEntrySums } from '../model/entrySums';
import { DEPTH, type LayerNetwork, Layering, layerLetters, layerNetwork, namesWrittenOut } from './layers';
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
function world(
  model: NoteModel,
  options: Required<CheckOptions>,
  source: (at: BlockSpan) => string,
  vectorModel = model,
  pathModel = model,
): World {
  const env = new NoteEnvironment(model);
  let scalarNote: VectorNote | undefined;
  let vectorNote: VectorNote | undefined;
  const ctx: JudgeContext = {
    env,
    pass: new ForwardPass(env),
    options,
    source,
    example: new WorkedExample(model, env, source),
    engine: (claim, scope, symbolic) =>
      scalarEngineCheck((scalarNote ??= new VectorNote(model, env, [], true)), env, claim, scope, symbolic),
  };
  const needsVectors = vectorDetector(pathModel, pathModel === model ? env : new NoteEnvironment(pathModel));
  return {
    ctx,
    judge: (claim) => {
      if (!needsVectors(claim)) return judgeClaim(claim, ctx);
      // (a definition's sums over entries, `-\sum_k y_k \log \hat{y}_k`, are read over the whole vectors here)
      if (!vectorNote) {
        const vectors = vectorizeEntrySums(vectorModel);
        vectorNote = new VectorNote(
          vectors,
          vectors === vectorModel && vectorModel === model ? env : new NoteEnvironment(vectors),
          model.declarations,
        );
      }
      return judgeVectorClaim(claim, vectorNote, ctx, usedDefinitions(claim, env));
    },
  };
}

export function scopeJudge(
  model: NoteModel,
  options: Required<CheckOptions>,
  source: (at: BlockSpan) => string,
): (claim: Claim) => ClaimResult {
  const ordinary = world(model, options, source);
  let entries: EntryReading | undefined;
  let readings: CostReading[] | undefined;
  const costWorlds = new Map<CostReading, World>();
  const layerJudges = new Map<boolean, ((claim: Claim, fallback: ClaimResult) => ClaimResult) | undefined>();
  let layering: Layering | undefined;
  let written: { network: LayerNetwork | undefined } | undefined;
  return (claim) => {
    const result = ordinary.judge(claim);
    // (a second definition of a symbol is a new definition, not a claim any reading could settle)
    // (a second definition of a name the note gave a derivative, `\delta^l = \frac{\partial C}{\partial z^l}` then
    // `\delta^l = (w^{l+1})^T \delta^{l+1} \odot \sigma'(z^l)`, is a claim about that derivative: the readings may verify it)
    const named = claim.redefines !== undefined && model.definitions.get(claim.redefines)?.value.expr?.kind === 'derivative';
    if (result.verdict !== 'unverifiable' || claim.unverifiable || (claim.redefines && !named)) return result;
    // index notation the ordinary reading could not settle: entry by entry
    entries ??= new EntryReading(model, ordinary.ctx);
    if (entries.applies(claim)) {
      const read = entries.judge(claim, result);
      if (read !== result) return read;
    }
    // the general layer of a course note (`dA^{[l-1]} = W^{[l]T} dZ^{[l]}`): every layer of a network written out
    // (a claim of the general layer only, in a network whose every layer is the general one; one about [L], with
    // the last layer as the note defines it)
    // (and a claim of a concrete layer, `\frac{\partial C}{\partial W^{(3)}}`, that only the general one defines)
    const sides = [claim.left.expr, claim.right.expr].filter((e): e is Expr => e !== undefined);
    layering ??= new Layering(layerLetters(model));
    const general = sides.some((e) => layering!.usesLayerIndex(e));
    const last = sides.some((e) => layering!.usesLastLayer(e));
    written ??= { network: layerNetwork(model, layering) };
    const concrete = written.network !== undefined && sides.some((e) => namesWrittenOut(e, written!.network!, model));
    if (general || last || concrete) {
      const uniform = !last && !concrete;
      if (!layerJudges.has(uniform)) {
        const network = uniform ? layerNetwork(model, layering, true) : written.network;
        layerJudges.set(uniform, network && scopeJudgeOfLayers(network, layering, uniform, options, source));
      }
      const read = layerJudges.get(uniform)?.(claim, result);
      if (read && read !== result) return read;
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
      if (read.verdict === 'verified')
        return {
          ...read,
          claim,
          uses: result.uses,
          code: 'verified/assumed-loss',
          message: `${read.message}; ${long}`,
          assumption: short,
          reading: { kind: 'cost', index },
        };
    }
    return result;
  };
}

/**
 * The judge of a note's general-layer claims: each claim at every layer of the written-out network, in that network
 * and, when its cost is unwritten, under each reading of the cost. Verified when every layer holds in one world;
 * refuted when every layer fails in the network as the note writes it; else the fallback.
 */
function scopeJudgeOfLayers(
  layers: LayerNetwork,
  layering: Layering,
  uniform: boolean,
  options: Required<CheckOptions>,
  source: (at: BlockSpan) => string,
): (claim: Claim, fallback: ClaimResult) => ClaimResult {
  const plain = world(layers.model, options, source);
  const readings = costReadings(layers.model);
  const worlds = readings.map((r) => world(r.scalarModel, options, source, r.vectorModel, layers.model));
  let entries: EntryReading | undefined;
  // (a layer's claim in index notation, Nielsen's `\frac{\partial C}{\partial b^l_j} = \delta^l_j`: entry by entry there)
  const judgeLayer = (c: Claim): ClaimResult => {
    const r = plain.judge(c);
    if (r.verdict !== 'unverifiable' || c.unverifiable) return r;
    entries ??= new EntryReading(layers.model, plain.ctx);
    return entries.applies(c) ? entries.judge(c, r) : r;
  };
  return (claim, fallback) => {
    const written = layers.instances(claim);
    if (written.length === 0) return fallback;
    const instances = written.map((w) => w.claim);
    const general = [claim.left.expr, claim.right.expr].some((e) => e && layering.usesLayerIndex(e));
    const over = general
      ? `at each layer (l = ${written.map((w) => w.layer).join(', ')} of a network of ${DEPTH} layers written out from the general one)`
      : `in the network written out to ${DEPTH} layers (L = ${DEPTH})`;
    const results = instances.map(judgeLayer);
    if (results.every((r) => r.verdict === 'verified'))
      return { ...fallback, verdict: 'verified', code: 'verified/every-reading', message: `holds ${over}: ${results[0].message}` };
    if (results.every((r) => r.verdict === 'refuted'))
      return {
        ...fallback,
        verdict: 'refuted',
        code: results[0].code,
        message: `fails ${over}${general ? `; at layer ${written[0].layer}` : ''}: ${results[0].message}`,
        counterexample: results[0].counterexample,
      };
    for (const [i, reading] of readings.entries()) {
      const cost = [...reading.costs.keys()].find((name) => mentions(claim.left.expr, name) || mentions(claim.right.expr, name));
      if (!cost) continue;
      const { long, short } = reading.assumption(cost);
      const read = instances.map((c) => worlds[i].judge({ ...c, suspicions: [...c.suspicions, long], costReading: long }));
      if (read.every((r) => r.verdict === 'verified'))
        return {
          ...fallback,
          verdict: 'verified',
          code: 'verified/assumed-loss',
          message: `holds ${over}: ${read[0].message}; ${long}`,
          assumption: short,
        };
      // (only a shape refutes under a cost read into the note, as it fails whatever the cost is; and only in a network
      // written out from the general layer alone, whose shapes no slip in one layer's forward pass can have bent)
      if (uniform && read.every((r) => r.verdict === 'refuted'))
        return {
          ...fallback,
          verdict: 'refuted',
          code: read[0].code,
          message: `fails ${over}${general ? `; at layer ${written[0].layer}` : ''}, whatever ${displayName(cost)} is (the note does not write it): ${read[0].message}`,
          counterexample: read[0].counterexample,
          reading: { kind: 'cost', index: i },
        };
    }
    return fallback;
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
