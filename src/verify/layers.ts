/**
 * The general layer of course notes: `Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}`, `dA^{[l-1]} = W^{[l]T} dZ^{[l]}`,
 * `H_{l-1} = f_{l-1}(Z_{l-1})`. Such a note defines every layer at once. It is read as a network of a concrete depth
 * (3 layers, the last one `[L]`; layer 0 is the input `X` when the note names one): every definition with `l` is
 * written out for each layer, a definition of layer `[L]` replaces the general one there, and each claim with `l`
 * becomes one claim per layer it can be said of. A claim holds when each of its layers does.
 */
import { type Expr, mapExpr, walk } from '../latex/ast';
import type { Claim, Definition, NoteModel } from '../model/types';

/** How many layers the network written out has. */
export const DEPTH = 3;

// a layer written after a name: `^{[l-1]}`, `^{(l)}`, Nielsen's `^{l-1}`, `_{l+1}`, `_l`; or the last one, `^{[L]}`, `_L` (letters: the
// note's layer letters besides L)
const layerPattern = (letters: string): RegExp =>
  new RegExp(
    `(\\^\\{[[(]?)\\s*([${letters}L])\\s*(?:([+-])\\s*(\\d))?\\s*([\\])]?\\})|(_\\{?)([${letters}L])(?:([+-])(\\d))?(\\}?)(?=$|[\\^'])`,
    'g',
  );

/**
 * The letters a note writes its general layer with: `l` always, and another letter when a definition recurs in it
 * (`z^{(n)} = W^{(n)} a^{(n-1)} + b^{(n)}`): a per-sample index such as `(i)` never steps to `i-1`.
 */
export function layerLetters(model: NoteModel): string {
  let letters = 'l';
  const any = layerPattern('a-km-z');
  for (const [name, d] of model.definitions) {
    const heads = new Set([...name.matchAll(any)].filter((m) => !(m[3] ?? m[8])).map((m) => m[2] ?? m[7]));
    for (const used of d.value.expr ? namesIn(d.value.expr) : []) {
      for (const m of used.matchAll(any)) {
        const letter = m[2] ?? m[7];
        if ((m[3] ?? m[8]) && letter !== 'L' && heads.has(letter) && !letters.includes(letter)) letters += letter;
      }
    }
  }
  return letters;
}

/** Reading names by the note's layer letters. */
export class Layering {
  private readonly pattern: RegExp;
  constructor(readonly letters: string) {
    this.pattern = layerPattern(letters);
  }

  /** The name for layer `l` (`L` is the last one); undefined when the name has no layer index. */
  nameAt(name: string, l: number): string | undefined {
    let found = false;
    const renamed = name.replace(this.pattern, (...m: string[]) => {
      found = true;
      const [open, letter, sign, step, close] = m[1] !== undefined ? [m[1], m[2], m[3], m[4], m[5]] : [m[6], m[7], m[8], m[9], m[10]];
      const base = letter === 'L' ? DEPTH : l;
      const value = base + (sign === '-' ? -Number(step) : sign === '+' ? Number(step) : 0);
      return `${open}${value}${close}`;
    });
    return found ? tidy(renamed) : undefined;
  }

  /** The layers a name refers to at layer `l`, for the bounds check. */
  layersAt(name: string, l: number): number[] {
    const out: number[] = [];
    for (const m of name.matchAll(this.pattern)) {
      const [letter, sign, step] = m[1] !== undefined ? [m[2], m[3], m[4]] : [m[7], m[8], m[9]];
      const base = letter === 'L' ? DEPTH : l;
      out.push(base + (sign === '-' ? -Number(step) : sign === '+' ? Number(step) : 0));
    }
    return out;
  }

  /** Whether a name is of a general layer (`[l]`, `l-1`), not only the last (`[L]`). */
  hasGeneralLayer(name: string): boolean {
    return [...name.matchAll(this.pattern)].some((m) => (m[2] ?? m[7]) !== 'L');
  }

  /** Whether an expression names the last layer `[L]`. */
  usesLastLayer(e: Expr): boolean {
    return namesIn(e).some((n) => [...n.matchAll(this.pattern)].some((m) => (m[2] ?? m[7]) === 'L'));
  }

  /** Whether an expression names a general layer. */
  usesLayerIndex(e: Expr): boolean {
    return namesIn(e).some((n) => this.hasGeneralLayer(n));
  }
}

/** `_{2}` is canonically `_2`. */
function tidy(name: string): string {
  return name.replace(/_\{(\d)\}/g, '_$1');
}

function namesIn(e: Expr): string[] {
  const out: string[] = [];
  walk(e, (n) => {
    if (n.kind === 'symbol') out.push(n.name);
    if (n.kind === 'call') out.push(n.fn);
    if (n.kind === 'derivative') out.push(n.wrt.name);
    if (n.kind === 'shorthand') out.push(n.of.name);
  });
  return out;
}

/** Whether an expression names something only the written-out network defines (`a^{(3)}` of a general `a^{(n)}`). */
export function namesWrittenOut(e: Expr, network: LayerNetwork, model: NoteModel): boolean {
  return namesIn(e).some((n) => network.model.definitions.has(n) && !model.definitions.has(n));
}

const NONE: Expr = { kind: 'number', value: 0, span: { start: 0, end: 0 } };

/** The expression at layer `l`, every name renamed; `input` names layer 0 (`A^{[0]}` → `X`). */
function at(layering: Layering, e: Expr, l: number, input: (name: string) => string): Expr {
  const rename = (name: string): string => {
    const n = layering.nameAt(name, l);
    return n === undefined ? name : input(n);
  };
  return mapExpr(e, (n) => {
    if (n.kind === 'symbol') return { ...n, name: rename(n.name) };
    if (n.kind === 'call') return { ...n, fn: rename(n.fn) };
    if (n.kind === 'derivative') return { ...n, wrt: { ...n.wrt, name: rename(n.wrt.name) } };
    if (n.kind === 'shorthand') return { ...n, of: { ...n.of, name: rename(n.of.name) } };
    return n;
  });
}

/**
 * Which layers a statement can be said of: every layer it refers to lies in 0…DEPTH, and at layer 0 it names only the
 * input (`A^{[0]}`, `a^{(0)}`, `h_0`): there is no `Z^{[0]}` or `W^{[0]}` (so `dZ^{[l-1]} = …` is said of l ≥ 2).
 */
function layersFor(layering: Layering, exprs: readonly Expr[]): number[] {
  const names = exprs.flatMap(namesIn);
  const exists = (name: string, layer: number): boolean => layer >= 0 && layer <= DEPTH && (layer > 0 || INPUT_STEM.test(name));
  return [1, 2, 3].filter((l) => names.every((n) => layering.layersAt(n, l).every((x) => exists(n, x))));
}

/** The stem of an input or activation: what layer 0 has (`A`, `a`, `h`, `H`, `x`, `X`, bold or not). */
const INPUT_STEM = /^(?:\\(?:mathbf|boldsymbol|bm|vec)\{)?[AaHhXx][}^_]/;

export interface LayerNetwork {
  readonly model: NoteModel;
  /** The claim at each layer it can be said of (`layer` 0 for a claim of no layer). */
  readonly instances: (claim: Claim) => { readonly layer: number; readonly claim: Claim }[];
}

/**
 * The note's network written out to DEPTH layers; undefined if no definition is of a general layer. `uniform`: every
 * layer as the general one (for a claim about the general layer); else the last layer as the note defines `[L]`.
 */
export function layerNetwork(model: NoteModel, layering: Layering, uniform = false): LayerNetwork | undefined {
  if (![...model.definitions.keys()].some((n) => layering.hasGeneralLayer(n))) return undefined;
  // layer 0 is the input the note names (X or x), unless it writes A^{[0]} itself
  const inputName = ['X', 'x', '\\mathbf{x}', '\\mathbf{X}'].find((n) => model.variables.has(n) && !model.definitions.has(n));
  const input = (name: string): string => (inputName && /^[Aah]\^\{\[0\]\}$|^[AaH]_0$/.test(name) ? inputName : name);
  const definitions = new Map<string, Definition>();
  const general: Definition[] = [];
  const last: Definition[] = [];
  for (const [name, d] of model.definitions) {
    // (a cost of the last layer, `J = \frac{1}{m}\sum (A^{[L]} - Y)^2`, is of the network's last layer)
    if (layering.nameAt(name, 1) === undefined)
      definitions.set(name, d.value.expr ? { ...d, value: { ...d.value, expr: at(layering, d.value.expr, DEPTH, input) } } : d);
    else (layering.hasGeneralLayer(name) ? general : last).push(d);
  }
  const write = (d: Definition, l: number): void => {
    const symbol = input(layering.nameAt(d.symbol, l)!);
    // the output layer's own definition (`A^{[L]} = \sigma(Z^{[L]})`) beats the general one there
    if (!definitions.has(symbol) && d.value.expr)
      definitions.set(symbol, { ...d, symbol, value: { ...d.value, expr: at(layering, d.value.expr, l, input) } });
  };
  if (!uniform) for (const d of last) write(d, DEPTH);
  for (const d of general)
    for (const l of layersFor(layering, [d.value.expr ?? NONE, { kind: 'symbol', name: d.symbol, span: d.at.span }])) write(d, l);
  const instances = (claim: Claim): { layer: number; claim: Claim }[] => {
    const sides = [claim.left.expr, claim.right.expr].filter((e): e is Expr => e !== undefined);
    if (!sides.some((e) => layering.usesLayerIndex(e)) && !sides.some((e) => layering.usesLastLayer(e))) return [{ layer: 0, claim }];
    // (a claim of the last layer only is one claim)
    const layers = sides.some((e) => layering.usesLayerIndex(e)) ? layersFor(layering, sides) : [DEPTH];
    return layers.map((l) => ({
      layer: l,
      claim: {
        ...claim,
        left: { ...claim.left, expr: claim.left.expr && at(layering, claim.left.expr, l, input) },
        right: { ...claim.right, expr: claim.right.expr && at(layering, claim.right.expr, l, input) },
        context: claim.context.map((c) => ({ ...c, expr: c.expr && at(layering, c.expr, l, input) })),
      },
    }));
  };
  // (its claims written out too, so that what they differentiate by is of the network: `W^{[2]}` of `dW^{[l]}`)
  const network: NoteModel = {
    ...model,
    definitions,
    variables: new Set([...model.variables, ...definitions.keys()]),
    claims: model.claims.flatMap((c) => instances(c).map((i) => i.claim)),
  };
  return { model: network, instances };
}
