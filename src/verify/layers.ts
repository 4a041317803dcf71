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

// a layer written after a name: `^{[l-1]}`, `^{(l)}`, `_{l+1}`, `_l`; or the last one, `^{[L]}`, `_L`
const LAYER = /(\^\{[[(])\s*([lL])\s*(?:([+-])\s*(\d))?\s*([\])]\})|(_\{?)([lL])(?:([+-])(\d))?(\}?)(?=$|[\^'])/g;

/** The name for layer `l` (`last`: the value of L); undefined when the name has no layer index. */
function nameAt(name: string, l: number): string | undefined {
  let found = false;
  const renamed = name.replace(LAYER, (...m: string[]) => {
    found = true;
    const [open, letter, sign, step, close] = m[1] !== undefined ? [m[1], m[2], m[3], m[4], m[5]] : [m[6], m[7], m[8], m[9], m[10]];
    const base = letter === 'L' ? DEPTH : l;
    const value = base + (sign === '-' ? -Number(step) : sign === '+' ? Number(step) : 0);
    return `${open}${value}${close}`;
  });
  return found ? tidy(renamed) : undefined;
}

/** `_{2}` is canonically `_2`. */
function tidy(name: string): string {
  return name.replace(/_\{(\d)\}/g, '_$1');
}

/** The layers a name refers to at layer `l`, for the bounds check. */
function layersAt(name: string, l: number): number[] {
  const out: number[] = [];
  for (const m of name.matchAll(LAYER)) {
    const [letter, sign, step] = m[1] !== undefined ? [m[2], m[3], m[4]] : [m[7], m[8], m[9]];
    const base = letter === 'L' ? DEPTH : l;
    out.push(base + (sign === '-' ? -Number(step) : sign === '+' ? Number(step) : 0));
  }
  return out;
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

/** Whether a name is of a general layer (`[l]`, `l-1`), not only the last (`[L]`). */
function hasGeneralLayer(name: string): boolean {
  return [...name.matchAll(LAYER)].some((m) => (m[2] ?? m[7]) === 'l');
}

/** Whether an expression names the last layer `[L]`. */
export function usesLastLayer(e: Expr): boolean {
  return namesIn(e).some((n) => [...n.matchAll(LAYER)].some((m) => (m[2] ?? m[7]) === 'L'));
}

/** Whether an expression names a general layer. */
export function usesLayerIndex(e: Expr): boolean {
  return namesIn(e).some(hasGeneralLayer);
}

const NONE: Expr = { kind: 'number', value: 0, span: { start: 0, end: 0 } };

/** The expression at layer `l`, every name renamed; `input` names layer 0 (`A^{[0]}` → `X`). */
function at(e: Expr, l: number, input: (name: string) => string): Expr {
  const rename = (name: string): string => {
    const n = nameAt(name, l);
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

/** Which layers a statement can be said of: every layer it refers to lies in 0…DEPTH. */
function layersFor(exprs: readonly Expr[]): number[] {
  const names = exprs.flatMap(namesIn);
  return [1, 2, 3].filter((l) => names.every((n) => layersAt(n, l).every((x) => x >= 0 && x <= DEPTH)));
}

export interface LayerNetwork {
  readonly model: NoteModel;
  /** The claim at each layer it can be said of (`layer` 0 for a claim of no layer). */
  readonly instances: (claim: Claim) => { readonly layer: number; readonly claim: Claim }[];
}

/**
 * The note's network written out to DEPTH layers; undefined if no definition is of a general layer. `uniform`: every
 * layer as the general one (for a claim about the general layer); else the last layer as the note defines `[L]`.
 */
export function layerNetwork(model: NoteModel, uniform = false): LayerNetwork | undefined {
  if (![...model.definitions.keys()].some(hasGeneralLayer)) return undefined;
  // layer 0 is the input the note names (X or x), unless it writes A^{[0]} itself
  const inputName = ['X', 'x', '\\mathbf{x}', '\\mathbf{X}'].find((n) => model.variables.has(n) && !model.definitions.has(n));
  const input = (name: string): string => (inputName && /^[Aah]\^\{\[0\]\}$|^[AaH]_0$/.test(name) ? inputName : name);
  const definitions = new Map<string, Definition>();
  const general: Definition[] = [];
  const last: Definition[] = [];
  for (const [name, d] of model.definitions) {
    // (a cost of the last layer, `J = \frac{1}{m}\sum (A^{[L]} - Y)^2`, is of the network's last layer)
    if (nameAt(name, 1) === undefined) definitions.set(name, d.value.expr ? { ...d, value: { ...d.value, expr: at(d.value.expr, DEPTH, input) } } : d);
    else (hasGeneralLayer(name) ? general : last).push(d);
  }
  const write = (d: Definition, l: number): void => {
    const symbol = input(nameAt(d.symbol, l)!);
    // the output layer's own definition (`A^{[L]} = \sigma(Z^{[L]})`) beats the general one there
    if (!definitions.has(symbol) && d.value.expr) definitions.set(symbol, { ...d, symbol, value: { ...d.value, expr: at(d.value.expr, l, input) } });
  };
  if (!uniform) for (const d of last) write(d, DEPTH);
  for (const d of general) for (const l of layersFor([d.value.expr ?? NONE, { kind: 'symbol', name: d.symbol, span: d.at.span }])) write(d, l);
  const instances = (claim: Claim): { layer: number; claim: Claim }[] => {
    const sides = [claim.left.expr, claim.right.expr].filter((e): e is Expr => e !== undefined);
    if (!sides.some(usesLayerIndex) && !sides.some(usesLastLayer)) return [{ layer: 0, claim }];
    // (a claim of the last layer only is one claim)
    const layers = sides.some(usesLayerIndex) ? layersFor(sides) : [DEPTH];
    return layers.map((l) => ({
      layer: l,
      claim: {
        ...claim,
        left: { ...claim.left, expr: claim.left.expr && at(claim.left.expr, l, input) },
        right: { ...claim.right, expr: claim.right.expr && at(claim.right.expr, l, input) },
        context: claim.context.map((c) => ({ ...c, expr: c.expr && at(c.expr, l, input) })),
      },
    }));
  };
  // (its claims written out too, so that what they differentiate by is of the network: `W^{[2]}` of `dW^{[l]}`)
  const network: NoteModel = { ...model, definitions, variables: new Set([...model.variables, ...definitions.keys()]), claims: model.claims.flatMap((c) => instances(c).map((i) => i.claim)) };
  return { model: network, instances };
}
