/**
 * When "f does not depend on v in this note" settles ∂f/∂v = 0, and when it only means the note left something out.
 * It is settled when the note computes f completely and v belongs to the same network: f is defined through
 * definitions that all evaluate, none of f's inputs looks like one of the network's own quantities left undefined
 * (E₂ beside a defined E₁), f and v share an input (they are parts of one computation), and no part of f has v's
 * value (f written out where the note names the same thing v). Then a claim of a nonzero ∂f/∂v, or a chain through
 * such a link, is wrong under the note's definitions: the slip of a definition that uses h₁ where a_{h₁} belongs.
 */
import { type Expr, symbolsOf } from '../latex/ast';
import { displayName } from '../latex/notation';
import { type MathNode, isSymbol, symbolNames } from '../calculus/math';
import type { NoteEnvironment } from './environment';
import { makeRng } from './sampling';

const ALIAS_POINTS = 3;
const MAX_EXPANDED_NODES = 4000;

/** Why ∂(of)/∂v is settled to be 0 (for the message), or undefined when the note may just not say how of uses v. */
export function settledZero(env: NoteEnvironment, of: Expr, v: string): string | undefined {
  const names = [...symbolsOf(of)];
  // (the entries of one input vector are independent: ∂e^{x₂}/∂x₁ = 0; an entry of another vector may be a function of v)
  const vector = env.model.inputVectorOf?.(v);
  const leaves = [...env.inputsOf(names)];
  if (vector && leaves.length > 0 && leaves.every((s) => s !== v && env.model.inputVectorOf?.(s) === vector))
    return `${leaves.map(displayName).join(', ')} and ${displayName(v)} are different entries of the input ${displayName(vector)}`;
  // (inputs of one definition beside v, `(\sigma(h_1 u_{12}) - t_2)^2` of E's, are independent of v: the weights and targets of a
  // formula; so is what f reaches through its definitions when f mixes defined names and inputs, `h_1 = g(i_1 w_{11})` beside u₁₂)
  const allInputs = names.every((s) => !env.isDefined(s) && s !== v);
  const mixed = !allInputs && names.some((s) => env.isDefined(s)) && names.some((s) => !env.isDefined(s));
  if (names.length > 0 && !env.isDefined(v) && (allInputs || mixed)) {
    const reached = allInputs ? names : [...env.inputsOf(names)];
    const stems0 = new Set([...env.model.definitions.keys()].map(stem));
    if (reached.length === 0 || reached.includes(v) || reached.some((s) => stems0.has(stem(s)))) return undefined;
    // (a defined part of f must be computed completely, as in the case of f defined throughout)
    if (
      mixed &&
      !expanded(
        env,
        names.filter((s) => env.isDefined(s)),
      )
    )
      return undefined;
    const together = [...env.model.definitions.keys()].find((d) => {
      const inputs = env.inputsOf([d]);
      return inputs.has(v) && reached.every((s) => inputs.has(s));
    });
    return together && `${reached.map(displayName).join(', ')} and ${displayName(v)} are separate inputs of ${displayName(together)}`;
  }
  if (names.length === 0 || !names.every((s) => env.isDefined(s))) return undefined;
  const used = usedBy(env, v);
  if (!env.isDefined(v) && used.length === 0) return undefined;
  const inputs = env.inputsOf(names);
  const stems = new Set([...env.model.definitions.keys()].map(stem));
  if ([...inputs].some((s) => stems.has(stem(s)))) return undefined;
  // v's side of the network: its own inputs, or, for an input v, the other inputs of what it feeds
  const side = env.isDefined(v)
    ? env.inputsOf([v])
    : env.inputsOf(used.flatMap((u) => [...env.directDependencies(u)].filter((s) => s !== v)));
  if (![...side].some((s) => inputs.has(s))) return undefined;
  const ofNode = expanded(env, names);
  if (!ofNode) return undefined;
  if (env.isDefined(v)) {
    const vNode = expanded(env, [v]);
    if (!vNode || mayAlias(ofNode, vNode)) return undefined;
  }
  const feeds =
    used.length === 0
      ? ` (nothing the note defines uses ${displayName(v)})`
      : ` (${displayName(v)} feeds ${used.slice(0, 2).map(displayName).join(' and ')})`;
  return `${names.map(displayName).join(', ')} ${names.length > 1 ? 'do' : 'does'} not depend on ${displayName(v)} under the note's definitions${feeds}`;
}

/** The defined symbols whose definitions use v directly. */
function usedBy(env: NoteEnvironment, v: string): string[] {
  return [...env.model.definitions.keys()].filter((s) => env.directDependencies(s).has(v));
}

/** `E_{total}` → `E`, `a_{h_1}` → `a`, `\hat{y}_1` → `\hat{y}`: the letter a family of names shares. */
const stem = (name: string): string => name.replace(/[_^'].*$/, '');

/** The product of the named symbols' definitions, written out down to the inputs; undefined if one does not evaluate. */
function expanded(env: NoteEnvironment, names: readonly string[]): MathNode[] | undefined {
  try {
    const out: MathNode[] = [];
    for (const name of names) {
      let node = env.definitionOf(env.idOf(name));
      for (let depth = 0; node && depth < 50; depth++) {
        const ids = [...symbolNames(node)].filter((id) => env.definitionOf(id) !== undefined);
        if (ids.length === 0) break;
        node = node.transform((n) => (isSymbol(n) && ids.includes(n.name) ? env.definitionOf(n.name)! : n));
        let size = 0;
        node.traverse(() => size++);
        if (size > MAX_EXPANDED_NODES) return undefined;
      }
      if (!node) return undefined;
      out.push(node);
    }
    return out;
  } catch {
    return undefined;
  }
}

/** Does some part of f take v's value at every point tried (v written out inside f), or can that not be told? */
function mayAlias(of: readonly MathNode[], v: readonly MathNode[]): boolean {
  const rng = makeRng(0x5eed);
  const parts: MathNode[] = [];
  for (const root of of) root.traverse((n) => parts.push(n));
  const leaves = new Set([...of, ...v].flatMap((n) => [...symbolNames(n)]));
  const matches = new Set(parts.keys());
  try {
    const compiled = parts.map((n) => n.compile());
    const value = v[0].compile();
    for (let k = 0; k < ALIAS_POINTS; k++) {
      const scope = new Map([...leaves].map((id) => [id, 3 * rng() - 1.5]));
      const target = value.evaluate(scope) as number;
      if (typeof target !== 'number' || !Number.isFinite(target)) return true;
      for (const i of [...matches]) {
        const part = compiled[i].evaluate(scope) as unknown;
        if (typeof part !== 'number' || Math.abs(part - target) > 1e-9 * (1 + Math.abs(target))) matches.delete(i);
      }
    }
  } catch {
    return true;
  }
  return matches.size > 0;
}
