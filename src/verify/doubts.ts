/**
 * The doubts the policy weighs that do not depend on the evaluator: what about a claim's reading could explain a
 * difference (OCR damage, an `=` read into the note, a second definition, an undefined symbol, a Kronecker delta, a
 * condition written as an equation, …). Each doubt keeps a difference from refuting the claim, and names itself.
 */
import { type Expr, symbolsOf, walk } from '../latex/ast';
import { displayName } from '../latex/notation';
import { type Claim, indexOf } from '../model/types';
import { KINKED } from '../calculus/rules';
import type { NoteEnvironment } from './environment';
import { describe } from './describe';
import { isZero } from './policy';
import { type Doubt, doubt } from './reasons';

/**
 * Doubts about a claim that do not depend on the evaluator: OCR damage, an `=` read into the note, a second
 * definition, and symbols the right side uses that are neither defined nor inputs of the left side.
 * `alsoAllowed` are symbols that may appear anyway (sizes, the cost a shorthand stands for).
 */
export function claimDoubts(
  claim: Claim,
  env: NoteEnvironment,
  alsoAllowed: (name: string) => boolean = () => false,
  context: Iterable<string> = [],
): Doubt[] {
  const doubts = claim.suspicions.map((m) => doubt(m));
  if (claim.implicit) doubts.push(doubt('“∴ X” after a chain was read as “= X”, which the note does not write'));
  if (claim.redefines)
    doubts.push(
      doubt(
        `${displayName(claim.redefines)} is defined again here; it is read as a new definition from here on, not as a claim about the earlier one`,
        'unverifiable/redefinition',
      ),
    );
  const names = new Set<string>(context);
  for (const side of claim.context) if (side.expr) for (const s of symbolsOf(side.expr)) names.add(s);
  const allowed = env.inputsOf(names);
  if (claim.right.expr) {
    for (const s of symbolsOf(claim.right.expr)) {
      if (!env.isDefined(s) && !allowed.has(s) && !alsoAllowed(s))
        doubts.push(
          doubt(
            `${displayName(s)} is not defined here (it is neither defined in the note nor an input of the left side)`,
            'unverifiable/undefined-symbol',
          ),
        );
    }
  }
  const readings = [
    ...layerTwins(claim, env),
    ...kroneckers(claim, env),
    ...signedSums(claim),
    ...jacobianOperators(claim, env),
    ...exampleResults(claim, env),
  ];
  readings.push(
    ...conditionDoubts(claim, env),
    ...foreignInputs(claim, env, alsoAllowed),
    ...indexNotation(claim, env),
    ...otherSign(claim, env),
    ...alternativeFunctions(claim, env),
    ...operatorScope(claim),
  );
  return [...doubts, ...readings.map((m) => doubt(m))];
}

/** `\delta_{jk}` of two index letters, undefined: the Kronecker delta, which this reading takes for a free value. */
function kroneckers(claim: Claim, env: NoteEnvironment): string[] {
  for (const side of [claim.left.expr, claim.right.expr]) {
    if (!side) continue;
    for (const s of symbolsOf(side))
      if (/^\\delta_\{?[a-z],?\s*[a-z]\}?$/.test(s) && !env.isDefined(s))
        return [
          `${displayName(s)} may be the Kronecker delta (1 where its indices agree, else 0), which this reading takes for a free value`,
        ];
  }
  return [];
}

/** `-\sum_i y_i \delta_{ik} + y_i s_k`: read as −Σ(…+…), though the minus may be the first term's alone. */
export function signedSums(claim: Claim): string[] {
  let found = false;
  for (const side of [claim.left.expr, claim.right.expr])
    if (side) walk(side, (n) => (found ||= n.kind === 'sum' && n.extendedPastSign === true));
  return found
    ? ['a sum after a minus sign was read over the terms after it, −Σ(a + b); the minus may be meant for its first term only (−Σa + Σb)']
    : [];
}

/** `\mathbf Y \mathbf J_{\mathbf S} \log \mathbf S`: a Jacobian written as an operator without its argument, defined in words. */
function jacobianOperators(claim: Claim, env: NoteEnvironment): string[] {
  for (const side of [claim.left.expr, claim.right.expr]) {
    if (!side) continue;
    for (const s of symbolsOf(side))
      if (/^\\(?:mathbf|boldsymbol|bm)\{J\}_/.test(s) && !env.isDefined(s))
        return [`${displayName(s)} is a Jacobian written without its argument, an operator the note defines in words`];
  }
  return [];
}

/**
 * `E_{o_1} = \frac{1}{2}(0.7513 - 0.01)^2 = 0.2748`: a result the note computes from its example's numbers. Beside
 * quantities the random points vary (`out_{o_1}` of the weights), it holds its example value, so a difference there
 * is the example's, not the claim's.
 */
function exampleResults(claim: Claim, env: NoteEnvironment): string[] {
  const computed = (s: string): boolean => {
    const e = env.model.definitions.get(s)?.value.expr;
    return e !== undefined && e.kind !== 'number' && e.kind !== 'negate' && symbolsOf(e).size === 0;
  };
  const varies = (s: string): boolean => !env.isDefined(s) || [...env.dependencies(s)].some((d) => !env.isDefined(d));
  const [l, r] = [claim.left.expr, claim.right.expr].map((e) => (e ? [...symbolsOf(e)] : []));
  // one side made of such results only, the other of quantities the points vary
  for (const [a, b] of [
    [l, r],
    [r, l],
  ]) {
    if (a.length > 0 && a.every(computed) && b.some(varies))
      return [`${displayName(a[0])} is a number the note computes from its example's values, which random points do not reproduce`];
  }
  return [];
}

/** A name with its layer index (`^{(L)}`, `^{[2]}`) taken out: `a_i^{(L)}` and `a_i^{(\ell)}` are twins. */
const withoutLayer = (name: string): string => name.replace(/\^\{[[(][^\])]*[\])]\}/g, '^{?}');

/**
 * `a_i^{(L)}`, undefined, in a note that defines `a_i^{(\ell)} = \sigma(z_i^{(\ell)})` for its general layer: the
 * claim's input is that definition at the last layer, which this reading does not write out.
 */
const twinsByNote = new WeakMap<NoteEnvironment, Map<string, string>>();

function layerTwins(claim: Claim, env: NoteEnvironment): string[] {
  let byShape = twinsByNote.get(env);
  if (!byShape) {
    byShape = new Map();
    for (const d of env.model.definitions.keys()) if (/\^\{[[(]/.test(d) && !byShape.has(withoutLayer(d))) byShape.set(withoutLayer(d), d);
    twinsByNote.set(env, byShape);
  }
  const out: string[] = [];
  for (const side of [claim.left.expr, claim.right.expr]) {
    if (!side) continue;
    for (const s of symbolsOf(side)) {
      if (env.isDefined(s) || !/\^\{[[(]/.test(s)) continue;
      const twin = byShape.get(withoutLayer(s));
      if (twin && !out.some((o) => o.startsWith(displayName(s))))
        out.push(`${displayName(s)} is not defined here, but the note defines ${displayName(twin)}: it may be that, at another layer`);
    }
  }
  return out;
}

/**
 * `\frac{\partial}{\partial w} w a + b` is read as ∂(w a)/∂w + b, but it is often meant as ∂(w a + b)/∂w: where
 * the operator's reach ends at a + or − that follows it, the claim has both readings.
 */
function operatorScope(claim: Claim): string[] {
  // the operator form: what it differentiates is written after `\partial w`, not above it
  const operator = (e: Expr): boolean => e.kind === 'derivative' && e.of.span.start >= e.wrt.span.end;
  const last = (e: Expr): Expr => (e.kind === 'binary' && e.op === '*' ? last(e.right) : e.kind === 'negate' ? last(e.arg) : e);
  let found = false;
  for (const side of [claim.left.expr, claim.right.expr]) {
    if (side) walk(side, (n) => (found ||= n.kind === 'binary' && (n.op === '+' || n.op === '-') && operator(last(n.left))));
  }
  return found ? ['a ∂/∂ operator before a + or − may take everything after it, not only the next term'] : [];
}

/**
 * `g_i(s_i) = \tanh(s_i)`, then `g_i(s_i) = \sigma(s_i)`, `g_i(s_i) = s_i`: a function the note defines several
 * times lists alternatives more often than it replaces one; a claim about it may mean any of them.
 */
function alternativeFunctions(claim: Claim, env: NoteEnvironment): string[] {
  const calls = (e: Expr | undefined, fn?: string): Set<string> => {
    const found = new Set<string>();
    if (e) walk(e, (n) => n.kind === 'call' && n.generic && (fn === undefined || n.fn === fn) && found.add(n.fn));
    return found;
  };
  const called = new Set([...calls(claim.left.expr), ...calls(claim.right.expr)]);
  const several = [...called].filter((fn) => {
    const current = env.model.functions.get(fn);
    const all = [...new Set(env.model.scopes.map((s) => s.functions.get(fn)).filter((f) => f !== undefined))];
    const i = current ? all.indexOf(current) : -1;
    if (i <= 0) return false;
    // a list of alternatives: no claim about the function between the previous definition and this one
    const [from, to] = [all[i - 1].at.block, current!.at.block];
    const about = (c: Claim): boolean => c.redefines !== fn && (calls(c.left.expr, fn).size > 0 || calls(c.right.expr, fn).size > 0);
    return !env.model.claims.some((c) => c.at.block >= from && c.at.block <= to && about(c));
  });
  return several.length > 0
    ? [
        `the note defines ${several.map(displayName).join(', ')} several times in a row (as alternatives?), so which definition is meant is unclear`,
      ]
    : [];
}

/**
 * `∂E/∂w_5 = δ_{o1} out_{h1}` and later `∂E/∂w_5 = −δ_{o1} out_{h1}` ("some sources take the sign out of δ"): the
 * same claim with the opposite sign is another convention the note reports, not a slip of its own.
 */
function otherSign(claim: Claim, env: NoteEnvironment): string[] {
  const left = claim.left.expr;
  const right = claim.right.expr;
  if (!left || !right || left.kind !== 'derivative') return [];
  const negated = (e: Expr): string => describe({ kind: 'negate', arg: e, span: e.span }, Infinity);
  const earlier = derivativeClaims(env).get(describe(left, Infinity)) ?? [];
  const mine = describe(right, Infinity);
  const mineNegated = negated(right);
  if (earlier.some((o) => o.id < claim.id && (o.negated === mine || o.right === mineNegated))) {
    return ['the note wrote this claim with the opposite sign before: it reports another sign convention'];
  }
  return [];
}

const derivativeIndex = new WeakMap<NoteEnvironment, Map<string, { id: number; right: string; negated: string }[]>>();

/** The note's derivative claims by their left side's text, each with its right side's text and that negated. */
function derivativeClaims(env: NoteEnvironment): Map<string, { id: number; right: string; negated: string }[]> {
  let index = derivativeIndex.get(env);
  if (!index) {
    index = new Map();
    for (const c of env.model.claims) {
      if (c.left.expr?.kind !== 'derivative' || !c.right.expr) continue;
      const key = describe(c.left.expr, Infinity);
      const list = index.get(key) ?? [];
      list.push({
        id: c.id,
        right: describe(c.right.expr, Infinity),
        negated: describe({ kind: 'negate', arg: c.right.expr, span: c.right.expr.span }, Infinity),
      });
      index.set(key, list);
    }
    derivativeIndex.set(env, index);
  }
  return index;
}

/** A derivative, or course shorthand for one. */
export const isDerivative = (n: Expr): boolean => n.kind === 'derivative' || n.kind === 'shorthand';
const hasDerivative = (e: Expr): boolean => {
  let found = false;
  walk(e, (n) => (found ||= isDerivative(n)));
  return found;
};

/**
 * Equations that state a condition, not an identity: `… = 0` (at an optimum, on a decision boundary), and an
 * equation between inputs of the note with a bare right side (`\sum_k y_k = 1`, `y^2 = 1`, `y(x) = …` defining a
 * function the note writes as a product).
 */
function conditionDoubts(claim: Claim, env: NoteEnvironment): string[] {
  const left = claim.left.expr;
  const right = claim.right.expr;
  if (!left || !right) return [];
  if (isZero(right) && !isZero(left))
    return ['“… = 0” may state a condition (as at an optimum or on a decision boundary), not an identity'];
  // `\text{ReLU}'(z) = 1`: a piecewise derivative given for one side of its kink (the side named in prose, often)
  if (isKinkedDerivative(left) && (right.kind === 'number' || (right.kind === 'negate' && right.arg.kind === 'number'))) {
    return ['the derivative of a piecewise function is a constant on one side of its kink only; the note may name the side in words'];
  }
  // arithmetic on numbers alone is checked as written
  if (claim.kind !== 'identity' || symbolsOf(left).size === 0) return [];
  const usesModel = [...symbolsOf(left), ...symbolsOf(right)].some((s) => env.isDefined(s)) || hasDerivative(left) || hasDerivative(right);
  const bare = right.kind === 'number' || right.kind === 'symbol' || (right.kind === 'negate' && right.arg.kind === 'number');
  const head =
    left.kind === 'binary' &&
    left.op === '*' &&
    left.left.kind === 'symbol' &&
    left.right.kind === 'symbol' &&
    left.right.inner !== undefined;
  // an equation that ties different inputs together (`X^T X w = X^T y`: w on one side, y on the other) states a
  // condition; one with the same inputs on both sides (`(P Q)^T = Q^T P^T`, `\tanh(z) = 2\sigma(2z) - 1`) is an
  // identity to check
  const [l, r] = [symbolsOf(left), symbolsOf(right)];
  const ties = [...l].some((x) => !r.has(x)) || [...r].some((x) => !l.has(x));
  if (usesModel || !(bare || head || ties)) return [];
  return ['an equation between inputs of the note reads as a condition, an assumption or a definition (such as Σ y = 1), not an identity'];
}

/** ReLU′(z), or ∂ReLU(z)/∂z, max(0, z) and |z| differentiated. */
function isKinkedDerivative(e: Expr): boolean {
  if (e.kind === 'call') return KINKED.has(e.fn) && e.primes > 0;
  return e.kind === 'derivative' && e.of.kind === 'call' && KINKED.has(e.of.fn);
}

const modelInputs = new WeakMap<NoteEnvironment, { readonly size: number; readonly inputs: ReadonlySet<string> }>();

/** The symbols the note's definitions use without defining them: the inputs of its network. */
function inputsOfModel(env: NoteEnvironment): ReadonlySet<string> {
  // (a model whose definitions grow, as the entry-by-entry reading's do, is read again)
  const cached = modelInputs.get(env);
  if (cached && cached.size === env.model.definitions.size) return cached.inputs;
  const inputs = new Set<string>();
  for (const d of env.model.definitions.values())
    if (d.value.expr) for (const s of symbolsOf(d.value.expr)) if (!env.isDefined(s)) inputs.add(s);
  modelInputs.set(env, { size: env.model.definitions.size, inputs });
  return inputs;
}

/**
 * A claim that ties the note's definitions to a symbol nothing defines or uses (`1 - \tanh^2(z_2) = 1 - h_2^2` where
 * only prose says what z_2 is): that symbol may stand for anything, so a difference proves nothing.
 */
function foreignInputs(claim: Claim, env: NoteEnvironment, alsoAllowed: (name: string) => boolean): string[] {
  const symbols = [...symbolsOf(claim.left.expr!), ...symbolsOf(claim.right.expr!)];
  if (!symbols.some((s) => env.isDefined(s))) return [];
  const wrt = claim.left.expr?.kind === 'derivative' ? claim.left.expr.wrt.name : undefined;
  const inputs = inputsOfModel(env);
  const foreign = [...new Set(symbols)].filter((s) => !env.isDefined(s) && !inputs.has(s) && s !== wrt && !alsoAllowed(s));
  return foreign.length > 0
    ? [
        `${foreign.slice(0, 3).map(displayName).join(', ')} ${foreign.length > 1 ? 'are' : 'is'} never defined or used by a definition of the note, so what ${foreign.length > 1 ? 'they stand' : 'it stands'} for is unknown`,
      ]
    : [];
}

/**
 * Index notation (`y_i`, `y_k`, `S = \\sum_i e^{a_i}`): entries of one vector written with different indices are
 * read as separate variables, and a sum over an index as over separate symbols. A difference under that reading
 * proves nothing when the note writes the same name with several indices, or sums over an index.
 */
function indexNotation(claim: Claim, env: NoteEnvironment): string[] {
  const reached = new Set<string>();
  const sums = new Set<string>();
  const collect = (e: Expr): void => walk(e, (n) => n.kind === 'sum' && n.index !== undefined && sums.add(n.index));
  for (const side of [claim.left.expr, claim.right.expr]) {
    if (!side) continue;
    collect(side);
    for (const s of symbolsOf(side)) [s, ...env.dependencies(s)].forEach((x) => reached.add(x));
  }
  for (const s of reached) {
    const e = env.model.definitions.get(s)?.value.expr;
    if (e) collect(e);
  }
  const notation = env.model.indexNotation;
  // entries of one name under several indices (y_i and y_k), or under an index no sum here runs over (y_k beside
  // \sum_j e^{z_j}): the separate-variables reading is not the note's
  const indexed = [...reached].filter((s) => {
    const idx = indexOf(s);
    return idx !== undefined && (notation.bases.has(idx.base) || (notation.sums && [...idx.index].some((i) => !sums.has(i))));
  });
  return indexed.length > 0
    ? [`${indexed.slice(0, 3).map(displayName).join(', ')} look like entries in index notation, which is read here as separate variables`]
    : [];
}
