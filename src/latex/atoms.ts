/** Atoms: numbers, symbols, groups, functions, and the commands of the notation table. */
import type { Expr, Span } from './ast';
import { parseDerivativeSlash, parsePartialShorthand, parseFraction, parseOver, parseShorthand } from './fractions';
import { parseFunctionCommand, parseGenericCall, parseWordCall } from './functions';
import {
  DECORATIONS,
  FUNCTION_COMMANDS,
  GENERIC_FUNCTION_LETTERS,
  GREEK,
  IGNORED_WITH_ARGUMENT,
  TEXT_COMMANDS,
  UNSUPPORTED_COMMANDS,
} from './notation';
import type { Parser } from './parser';
import { LatexError, join, letterRun, opensArgument, span, tryParse, unsupported } from './parseTools';
import { parseSymbolTail, rawText } from './scripts';
import { parsePrefixOperator } from './operators';
import type { Token } from './tokens';
import { parseEnvironment } from './environments';

/** An expression; a prefix operator waiting for the rest of the term (`\frac{\partial}{\partial w}`, `\sum`); or nothing. */
export type Atom = Expr | ((operand: Expr) => Expr) | undefined;

const UNICODE_GREEK: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(GREEK).map(([k, v]) => [v, k]));
const PREFIX_OPERATORS = new Set(['\\sum', '\\prod', '\\int', '\\lim', '\\nabla']);

/** Parses one atom at the parser's position. */
export function parseAtom(p: Parser): Atom {
  const t = p.peek();
  if (!t) throw new LatexError('unexpected end of expression', p.spanHere());
  switch (t.type) {
    case 'number':
      p.next();
      return { kind: 'number', value: Number(t.text), span: t };
    case 'letter':
      return parseLetter(p, t);
    case 'char':
      return parseChar(p, t);
    case 'command':
      return parseCommand(p, t);
  }
}

function parseChar(p: Parser, t: Token): Atom {
  if (t.text === '(' || t.text === '[') {
    p.next();
    const inner = p.parseExprOrIndicator();
    if (t.text === '(' && p.is(',')) return parseTuple(p, t, inner);
    const close = p.expect(t.text === '(' ? ')' : ']', t.text === '(' ? ') to close (' : '] to close [');
    return regroup(inner, t, close);
  }
  if (t.text === '{') {
    const over = parseOver(p);
    if (over !== undefined) return over;
    const r = p.argumentRange();
    return regroup(p.sub(r.from, r.to).parseExprOrIndicator(), t, r.span);
  }
  // `||y - \hat{y}||`: a norm written with two bars
  const second = p.peek(1);
  if (t.text === '|' && second?.text === '|' && second.start === t.end) {
    p.next();
    p.next();
    p.pipeNormDepth++;
    let inner: Expr;
    try {
      inner = p.parseExpr();
    } finally {
      p.pipeNormDepth--;
    }
    p.expect('|', '|| to close ||');
    const close = p.expect('|', '|| to close ||');
    return { kind: 'norm', arg: inner, span: span(t, close) };
  }
  if (t.text === '|') {
    p.next();
    const inner = p.parseExpr();
    const close = p.expect('|', '| to close |');
    return { kind: 'call', fn: 'abs', generic: false, primes: 0, args: [inner], span: span(t, close) };
  }
  throw new LatexError(`unexpected ${t.text}`, t);
}

/** `(w, b)`: the arguments of a function written as a product (`J(w, b)`), or a point; not a number. */
function parseTuple(p: Parser, open: Token, first: Expr): Expr {
  const items = [first];
  while (p.is(',')) {
    p.next();
    items.push(p.parseExpr());
  }
  const close = p.expect(')', ') to close (');
  return {
    kind: 'unsupported',
    reason: 'a list of values in brackets',
    children: items,
    span: span(open, close),
    inner: { start: first.span.start, end: items[items.length - 1].span.end },
  };
}

/** A bracketed expression keeps its inner tree but takes the brackets' span. */
function regroup(inner: Expr, open: Span, close: Span): Expr {
  const s = { start: open.start, end: close.end };
  const innermost = inner.inner ?? inner.span;
  return inner.kind === 'binary'
    ? { ...inner, span: s, inner: innermost, grouped: true }
    : ({ ...inner, span: s, inner: innermost } as Expr);
}

function parseLetter(p: Parser, t: Token): Expr {
  const word = parseWordCall(p, t);
  if (word) return word;
  const base = UNICODE_GREEK[t.text] ?? t.text;
  const generic = GENERIC_FUNCTION_LETTERS.has(base) ? parseGenericCall(p, t, base) : undefined;
  if (generic) return generic;
  if (t.text === 'd') {
    const d = parseDerivativeSlash(p, t) ?? parseShorthand(p, t);
    if (d) return d;
  }
  if (t.text === 'e' && p.peek(1)?.text === '^') {
    p.next();
    p.next();
    const r = p.argumentRange();
    const exponent = p.sub(r.from, r.to).parseWhole();
    return { kind: 'call', fn: 'exp', generic: false, primes: 0, args: [exponent], span: span(t, r.span), fromE: true };
  }
  const run = letterRun(p);
  const inside = logInside(run.map((r) => r.text).join(''));
  // `yloga`, `xlna`: a log or exp typed into a run of letters applies to the letter after it
  if (inside === 0) {
    const fn = run.length > 2 && run[0].text + run[1].text === 'ln' ? 2 : 3;
    for (let k = 0; k < fn; k++) p.next();
    const arg = parseAtom(p);
    if (!arg || typeof arg === 'function')
      throw new LatexError(
        `${run
          .slice(0, fn)
          .map((r) => r.text)
          .join('')} needs an argument`,
        t,
      );
    const name =
      run
        .slice(0, fn)
        .map((r) => r.text)
        .join('') === 'exp'
        ? 'exp'
        : 'log';
    return { kind: 'call', fn: name, generic: false, primes: 0, args: [arg], span: span(t, arg.span) };
  }
  if (inside !== undefined) {
    p.next();
    return parseSymbolTail(p, base, t);
  }
  if (run.length >= MIN_WORD_LENGTH) {
    // `net_{h1}`, `out`, `target`, `Error`: a word is one name, not a product of its letters
    for (let k = 0; k < run.length; k++) p.next();
    const last = run[run.length - 1];
    return parseSymbolTail(p, run.map((r) => r.text).join(''), { ...t, end: last.end });
  }
  p.next();
  return parseSymbolTail(p, base, t);
}

/**
 * Where `log`, `ln` or `exp` starts inside a run of letters that is not itself a word (`yloga` → 1, `lna` → 0),
 * with exactly one letter after it or none; undefined when there is none (`logits`, `explain`, `Cost` stay words).
 */
function logInside(run: string): number | undefined {
  for (const fn of ['log', 'exp', 'ln']) {
    const at = run.indexOf(fn);
    if (at < 0) continue;
    const after = run.length - at - fn.length;
    if (after === 1 || (after === 0 && at > 0)) return at;
  }
  return undefined;
}

/** Letters written together this many or more form one name (`net`, `out`); two (`wx`) stay a product. */
const MIN_WORD_LENGTH = 3;

function parseCommand(p: Parser, t: Token): Atom {
  const c = t.text;
  if (c === '\\frac' || c === '\\dfrac' || c === '\\tfrac' || c === '\\cfrac') return parseFraction(p);
  if (c === '\\left') return parseLeft(p, t);
  if (c === '\\partial') {
    const d = parseDerivativeSlash(p, t) ?? parsePartialShorthand(p, t);
    if (d) return d;
    throw new LatexError('a lone ∂ (expected \\partial f / \\partial v or \\frac{\\partial f}{\\partial v})', t);
  }
  if (c === '\\sqrt') return parseSqrt(p, t);
  // `\sigma{(h_1)}` and `\sigma{z}` apply σ too; a bare σ (a standard deviation, say) is a symbol
  if (c in FUNCTION_COMMANDS && (c !== '\\sigma' || opensArgument(p, 1, true))) return parseFunctionCommand(p, t, FUNCTION_COMMANDS[c]);
  if (c === '\\max' || c === '\\min') return parseFunctionCommand(p, t, c.slice(1));
  const generic = GENERIC_FUNCTION_LETTERS.has(c) ? parseGenericCall(p, t, c) : undefined;
  if (generic) return generic;
  if (c === '\\delta') {
    const d = parseDerivativeSlash(p, t);
    if (d) return d;
  }
  if (c in GREEK) {
    p.next();
    if (c === '\\pi') return { kind: 'number', value: Math.PI, span: t };
    return parseSymbolTail(p, c, t);
  }
  if (DECORATIONS.has(c)) return parseDecorated(p, t);
  if (TEXT_COMMANDS.has(c)) return parseText(p, t);
  if (c === '\\underbrace' || c === '\\overbrace') return parseBrace(p, t);
  if (c === '\\mathbb') return parseBlackboard(p, t);
  if (c === '\\boxed' || c === '\\cancel' || c === '\\bcancel') {
    p.next();
    const r = p.argumentRange();
    return regroup(p.sub(r.from, r.to).parseWhole(), t, r.span);
  }
  if (IGNORED_WITH_ARGUMENT.has(c)) {
    p.next();
    p.argumentRange();
    return undefined;
  }
  if (c === '\\begin') return parseEnvironment(p, t);
  if (PREFIX_OPERATORS.has(c)) return parsePrefixOperator(p, t);
  if (c === '\\|' || c === '\\lVert') return parseNorm(p, t);
  if (c in UNSUPPORTED_COMMANDS) {
    p.next();
    return unsupported(c, [], t);
  }
  throw new LatexError(`unknown command ${c}`, t);
}

function parseLeft(p: Parser, t: Token): Expr {
  p.next();
  const open = p.next();
  const inner = open.text === '.' && p.is('\\right') ? undefined : p.parseExprOrIndicator();
  if (!p.is('\\right')) throw new LatexError(`expected \\right to close \\left${open.text}`, p.spanHere());
  p.next();
  const close = p.next();
  if (!inner) throw new LatexError('empty \\left. \\right', span(t, close));
  if (open.text === '|' || open.text === '\\vert' || open.text === '\\lvert') {
    return { kind: 'call', fn: 'abs', generic: false, primes: 0, args: [inner], span: span(t, close) };
  }
  if (open.text === '\\|' || open.text === '\\lVert' || open.text === '\\Vert') {
    return { kind: 'norm', arg: inner, span: span(t, close) };
  }
  return regroup(inner, t, close);
}

function parseSqrt(p: Parser, t: Token): Expr {
  p.next();
  let root: Expr | undefined;
  if (p.is('[')) {
    p.next();
    root = p.parseExpr();
    p.expect(']', '] after the root index');
  }
  const r = p.argumentRange();
  const radicand = p.sub(r.from, r.to).parseWhole();
  const s = span(t, r.span);
  if (!root) return { kind: 'call', fn: 'sqrt', generic: false, primes: 0, args: [radicand], span: s };
  const one: Expr = { kind: 'number', value: 1, span: root.span };
  return { kind: 'binary', op: '^', left: radicand, right: { kind: 'binary', op: '/', left: one, right: root, span: root.span }, span: s };
}

/** `\hat{y}`, `\mathcal{L}`: a new symbol named by its LaTeX. */
function parseDecorated(p: Parser, t: Token): Expr {
  p.next();
  const r = p.argumentRange();
  let [from, to] = [r.from, r.to];
  // `\mathbf{\mathbf{z}}` is `\mathbf{z}`
  while (p.toks[from]?.text === t.text && p.toks[from + 1]?.text === '{' && p.matchingBrace(from + 1) === to - 1)
    [from, to] = [from + 2, to - 1];
  const inner = rawText(p, from, to);
  // `\hat{y_1}` is `\hat{y}_1`: the accent is on the letter, the subscript says which one
  const parsed = /_/.test(inner) ? tryParse(p, from, to) : undefined;
  const scripted = parsed?.kind === 'symbol' ? /^([a-zA-Z]|\\[a-zA-Z]+)(_.+)$/.exec(parsed.name) : null;
  if (scripted) return parseSymbolTail(p, `${t.text}{${scripted[1]}}${scripted[2]}`, { ...t, end: r.span.end });
  return parseSymbolTail(p, `${t.text}{${inner}}`, { ...t, end: r.span.end });
}

/** `\text{sigmoid}(z)` is a function; `\mathrm{x}` a symbol; other text is an annotation. */
function parseText(p: Parser, t: Token): Atom {
  const call = parseWordCall(p, t);
  if (call) return call;
  p.next();
  const r = p.argumentRange();
  const word = p.ctx.src.slice(r.span.start + 1, r.span.end - 1).trim();
  if (/^[a-zA-Z]$/.test(word) && word !== 'd') return parseSymbolTail(p, word, { ...t, end: r.span.end });
  if (/^[a-zA-Z]{2,}$/.test(word) && opensArgument(p, 0)) {
    throw new LatexError(`unknown function ${word}`, { start: t.start, end: r.span.end });
  }
  // `\text{Gradient descent on } (-\log P)`: words before more math make the row prose (words at its end annotate it)
  if (/\p{L}{2,}\s+\p{L}{2,}/u.test(word) && !p.atEnd())
    throw new LatexError(`this is a sentence (“${word.slice(0, 40)}”), not an equation`, { start: t.start, end: r.span.end });
  return undefined;
}

/** `\underbrace{X}_{\delta}` means X and defines δ; a text label is only a note. */
function parseBrace(p: Parser, t: Token): Expr {
  p.next();
  const r = p.argumentRange();
  const inner = p.sub(r.from, r.to).parseWhole();
  const script = t.text === '\\underbrace' ? '_' : '^';
  if (!p.is(script)) return regroup(inner, t, r.span);
  p.next();
  const lr = p.argumentRange();
  const s = span(t, lr.span);
  const label = labelSymbol(p, lr.from, lr.to);
  return label ? { kind: 'labelled', expr: inner, label, span: s } : regroup(inner, t, lr.span);
}

function labelSymbol(p: Parser, from: number, to: number): Extract<Expr, { kind: 'symbol' }> | undefined {
  try {
    const e = p.sub(from, to).parseWhole();
    return e.kind === 'symbol' ? e : undefined;
  } catch {
    return undefined;
  }
}

/** `\mathbb{1}[z > 0]` is an indicator; `\mathbb{R}` a symbol. */
function parseBlackboard(p: Parser, t: Token): Expr {
  p.next();
  const r = p.argumentRange();
  const letter = rawText(p, r.from, r.to);
  if (letter === '1' && (p.is('[') || p.is('(') || p.is('\\left') || p.is('_'))) {
    const same = sameEntryCondition(p, t);
    if (same) return same;
    if (p.is('_')) p.next();
    const arg = parseAtom(p);
    if (!arg || typeof arg === 'function' || arg.kind !== 'indicator') {
      throw new LatexError('\\mathbb{1} needs a condition such as [z > 0]', span(t, p.spanHere()));
    }
    return { ...arg, span: join(t, arg.span) };
  }
  return parseSymbolTail(p, `\\mathbb{${letter}}`, { ...t, end: r.span.end });
}

/**
 * `\mathbb{1}(x_j = x_k)`: the indicator that two entries of one vector are the same entry, j = k (the Kronecker
 * delta δ_{jk}), an index condition the entry-by-entry reading settles. Undefined (the parser where it was) otherwise.
 */
function sameEntryCondition(p: Parser, t: Token): Expr | undefined {
  if (!p.is('(')) return undefined;
  const m = /^\(\s*([A-Za-z\\{}]+?)_\{?([a-z])\}?\s*=\s*([A-Za-z\\{}]+?)_\{?([a-z])\}?\s*\)/.exec(p.ctx.src.slice(p.peek()!.start));
  if (!m || m[1] !== m[3]) return undefined;
  const save = p.pos;
  const end = p.peek()!.start + m[0].length;
  while (p.peek() && p.peek()!.end <= end) p.next();
  if (p.toks[p.pos - 1]?.text !== ')') {
    p.pos = save;
    return undefined;
  }
  const at = { start: t.start, end };
  const sym = (name: string): Expr => ({ kind: 'symbol', name, span: at });
  return { kind: 'indicator', op: '=', left: sym(m[2]), right: sym(m[4]), span: at };
}

function parseNorm(p: Parser, t: Token): Expr {
  p.next();
  p.normDepth++;
  const inner = p.parseExpr();
  p.normDepth--;
  const close = p.next();
  if (close.text !== '\\|' && close.text !== '\\rVert') throw new LatexError('expected \\| to close the norm', close);
  return { kind: 'norm', arg: inner, span: span(t, close) };
}
