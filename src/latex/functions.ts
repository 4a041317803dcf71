/** Function applications: `\sigma(z)`, `\text{Relu}(z)`, `Sig(z)`, `g'(z)`, `\tanh^2(u)`, `\max(0, z)`, `\log x`. */
import type { Expr, Span } from './ast';
import { LONGEST_FUNCTION_WORD, TEXT_COMMANDS, functionForWord } from './notation';
import type { Parser } from './parser';
import { LatexError, letterRun, opensArgument, span } from './parseTools';
import { rawText } from './scripts';
import { numpyName, parseNumpyCall } from './numpy';
import { FUNCTIONS } from '../functions';
import type { Token } from './tokens';

/** A function word at `t` (`sigmoid(`, `\text{Relu}(`, `\operatorname{ReLU}(`) followed by its argument, or undefined. */
export function parseWordCall(p: Parser, t: Token): Expr | undefined {
  const numpy = numpyName(p);
  if (numpy) return parseNumpyCall(p, t, numpy.name, numpy.length);
  if (TEXT_COMMANDS.has(t.text)) {
    if (p.peek(1)?.text !== '{') return undefined;
    const open = p.pos + 1;
    const close = p.matchingBrace(open);
    const word = p.ctx.src.slice(p.toks[open].end, p.toks[close].start).trim();
    const fn = functionForWord(word);
    if (!fn) return undefined;
    const save = p.pos;
    p.pos = close + 1;
    if (!opensArgument(p, 0)) {
      p.pos = save;
      return undefined;
    }
    return finishCall(p, t, fn, false);
  }
  const letters: Token[] = [];
  for (let k = 0; k < LONGEST_FUNCTION_WORD; k++) {
    const n = p.peek(k);
    if (!n || n.type !== 'letter' || (k > 0 && n.spaceBefore)) break;
    letters.push(n);
  }
  for (let len = letters.length; len >= 2; len--) {
    const fn = functionForWord(
      letters
        .slice(0, len)
        .map((l) => l.text)
        .join(''),
    );
    if (fn && opensArgument(p, len)) {
      for (let k = 0; k < len - 1; k++) p.next();
      return parseCall(p, t, fn, false);
    }
  }
  // `log a_2`, `exp z` without a backslash: a function word standing alone applies to the factor after it
  const run = letterRun(p);
  const fn = functionForWord(run.map((l) => l.text).join(''));
  if (fn === 'log' && p.peek(run.length)?.text === '_' && p.peek(run.length)?.start === run[run.length - 1].end) {
    for (let k = 0; k < run.length; k++) p.next();
    return parseLogBase(p, t);
  }
  if (fn && BARE_ARGUMENT_WORDS.has(fn) && startsArgument(p, run.length)) {
    for (let k = 0; k < run.length - 1; k++) p.next();
    p.next();
    return finishCall(p, t, fn, false, true);
  }
  return undefined;
}

/** Functions that, like `\log x`, take their argument without parentheses when written as a word. */
const BARE_ARGUMENT_WORDS: ReadonlySet<string> = new Set(FUNCTIONS.filter((f) => f.bareArgument).map((f) => f.name));

/** Can the token `k` ahead be the argument of a bare function word (a letter, number, group or command)? */
function startsArgument(p: Parser, k: number): boolean {
  const n = p.peek(k);
  if (!n) return false;
  return (
    n.type === 'letter' || n.type === 'number' || n.text === '{' || n.text === '^' || (n.type === 'command' && !n.text.startsWith('\\,'))
  );
}

/**
 * A generic function letter at the parser's position with its decorations, if an argument follows: `g(z)`,
 * `g'(z)`, `g^{[1]}(Z^{[1]})`, `g^{[1]'}(Z)`, `g'^{[1]}(Z)`, `g^{[1]\\prime}(Z)`, `f_L'(Z_L)`. The layer and the
 * subscript are part of the function's name; undefined (and nothing read) if no argument follows.
 */
export function parseGenericCall(p: Parser, t: Token, base: string): Expr | undefined {
  const save = p.pos;
  p.next();
  let primes = 0;
  let layer = '';
  let sub = '';
  for (;;) {
    if (p.is("'")) {
      p.next();
      primes++;
    } else if (p.is('^') && !layer) {
      p.next();
      const r = p.argumentRange();
      const raw = rawText(p, r.from, r.to);
      const m = /^((?:\[[^\]]*\])?)((?:'|\\prime)*)$/.exec(raw);
      if (!m || raw === '') return restoreTo(p, save);
      layer = m[1];
      primes += (m[2].match(/'|\\prime/g) ?? []).length;
      if (!layer && primes === 0) return restoreTo(p, save);
    } else if (p.is('_') && !sub && !layer && primes === 0) {
      p.next();
      const r = p.argumentRange();
      sub = rawText(p, r.from, r.to);
    } else break;
  }
  // `h_\\theta(x)` is a call; `h_1(1 - h_1)` is one too here, and becomes a product where h_1 is a variable of the note
  if (!opensArgument(p, 0)) return restoreTo(p, save);
  let fn = base;
  if (sub) fn += sub.length === 1 ? `_${sub}` : `_{${sub}}`;
  if (layer) fn += `^{${layer}}`;
  const { args, end } = parseArguments(p, t);
  return { kind: 'call', fn, generic: true, primes, args, span: span(t, end) };
}

function restoreTo(p: Parser, save: number): undefined {
  p.pos = save;
  return undefined;
}

/**
 * `\log_2 x`, `log_e(x)`, `\log_{10}(x)` with the parser at the `_`: the logarithm to that base, ln x / ln b
 * (`e` is the natural one).
 */
export function parseLogBase(p: Parser, t: Token): Expr {
  p.next();
  const r = p.argumentRange();
  const base = p.sub(r.from, r.to).parseWhole();
  const { args, end } = parseArguments(p, t, true);
  const log: Expr = { kind: 'call', fn: 'log', generic: false, primes: 0, args, span: span(t, end) };
  if (base.kind === 'symbol' && base.name === 'e') return log;
  const ln: Expr = { kind: 'call', fn: 'log', generic: false, primes: 0, args: [base], span: base.span };
  return { kind: 'binary', op: '/', left: log, right: ln, span: log.span };
}

/** A function name token at the parser's position, then primes and arguments. */
export function parseCall(p: Parser, t: Token, fn: string, generic: boolean): Expr {
  p.next();
  return finishCall(p, t, fn, generic);
}

function finishCall(p: Parser, t: Token, fn: string, generic: boolean, bareArgument = false): Expr {
  let primes = 0;
  let power: Expr | undefined;
  for (;;) {
    if (p.is("'")) {
      p.next();
      primes++;
    } else if (p.is('^')) {
      p.next();
      const r = p.argumentRange();
      const primeCount = countPrimes(p, r.from, r.to);
      if (primeCount > 0) primes += primeCount;
      else power = p.sub(r.from, r.to).parseWhole();
    } else break;
  }
  const { args, end } = parseArguments(p, t, bareArgument);
  const call: Expr = { kind: 'call', fn, generic, primes, args, span: span(t, end) };
  return power ? { kind: 'binary', op: '^', left: call, right: power, span: call.span } : call;
}

function countPrimes(p: Parser, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    if (p.toks[i].text !== '\\prime' && p.toks[i].text !== "'") return 0;
    n++;
  }
  return n;
}

/** `(a, b)`, `[a]`, `\left(a\right)`, or (for commands such as `\log x`) a single factor. */
function parseArguments(p: Parser, name: Token, bare = false): { args: Expr[]; end: Span } {
  const open = p.peek();
  const isLeft = open?.text === '\\left';
  if (open && (open.text === '(' || open.text === '[' || isLeft)) {
    p.next();
    const opener = isLeft ? p.next().text : open.text;
    const args: Expr[] = [p.parseExpr()];
    while (p.is(',')) {
      p.next();
      args.push(p.parseExpr());
    }
    if (isLeft) p.expect('\\right', `\\right to close the arguments of ${name.text}`);
    const close = p.expect(opener === '[' ? ']' : ')', `${opener === '[' ? ']' : ')'} to close the arguments of ${name.text}`);
    return { args, end: close };
  }
  if (open?.text === '{') {
    const r = p.argumentRange();
    return { args: [p.sub(r.from, r.to).parseWhole()], end: r.span };
  }
  if (name.type !== 'command' && !bare) throw new LatexError(`${name.text} needs an argument in parentheses`, name);
  const factor = p.parseFactorOrNothing();
  // (`\log \sum_j e^{x_j}`: an operator's term is the argument)
  const arg = typeof factor === 'function' ? p.applyOperator(factor) : factor;
  if (!arg) throw new LatexError(`${name.text} needs an argument`, name);
  return { args: [arg], end: arg.span };
}

/** `\exp`, `\log`, `\tanh^2`, `\sigma'` and `\max(0, z)` (which is ReLU). */
export function parseFunctionCommand(p: Parser, t: Token, fn: string): Expr {
  if (p.peek(1)?.text === '_') {
    if (fn === 'log') {
      p.next();
      return parseLogBase(p, t);
    }
    throw new LatexError(`${t.text} with a subscript is not supported`, t);
  }
  const call = parseCall(p, t, fn, false);
  if (fn !== 'max' && fn !== 'min') return call;
  const c = call.kind === 'call' ? call : undefined;
  const zero = c?.args.findIndex((a) => a.kind === 'number' && a.value === 0) ?? -1;
  if (c && fn === 'max' && c.args.length === 2 && zero >= 0 && c.primes === 0) {
    return { ...c, fn: 'relu', args: [c.args[1 - zero]] };
  }
  return {
    kind: 'unsupported',
    reason: `${t.text} of ${c?.args.length ?? 0} arguments (only \\max(0, z), ReLU, is understood)`,
    children: c?.args ?? [],
    span: call.span,
  };
}
