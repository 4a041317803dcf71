/** Function applications: `\sigma(z)`, `\text{Relu}(z)`, `Sig(z)`, `g'(z)`, `\tanh^2(u)`, `\max(0, z)`, `\log x`. */
import type { Expr, Span } from './ast';
import { opensArgument } from './atoms';
import { LONGEST_FUNCTION_WORD, TEXT_COMMANDS, functionForWord } from './notation';
import { LatexError, type Parser, span } from './parser';
import type { Token } from './tokens';

/** A function word at `t` (`sigmoid(`, `\text{Relu}(`, `\operatorname{ReLU}(`) followed by its argument, or undefined. */
export function parseWordCall(p: Parser, t: Token): Expr | undefined {
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
    const fn = functionForWord(letters.slice(0, len).map((l) => l.text).join(''));
    if (fn && opensArgument(p, len)) {
      for (let k = 0; k < len - 1; k++) p.next();
      return parseCall(p, t, fn, false);
    }
  }
  return undefined;
}

/** A function name token at the parser's position, then primes and arguments. */
export function parseCall(p: Parser, t: Token, fn: string, generic: boolean): Expr {
  p.next();
  return finishCall(p, t, fn, generic);
}

function finishCall(p: Parser, t: Token, fn: string, generic: boolean): Expr {
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
  const { args, end } = parseArguments(p, t);
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
function parseArguments(p: Parser, name: Token): { args: Expr[]; end: Span } {
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
  if (name.type !== 'command') throw new LatexError(`${name.text} needs an argument in parentheses`, name);
  const arg = p.parseFactorOrNothing();
  if (!arg || typeof arg === 'function') throw new LatexError(`${name.text} needs an argument`, name);
  return { args: [arg], end: arg.span };
}

/** `\exp`, `\log`, `\tanh^2`, `\sigma'` and `\max(0, z)` (which is ReLU). */
export function parseFunctionCommand(p: Parser, t: Token, fn: string): Expr {
  if (p.peek(1)?.text === '_') {
    throw new LatexError(`${t.text} with a subscript (a log base, say) is not supported`, t);
  }
  const call = parseCall(p, t, fn, false);
  if (fn !== 'max' && fn !== 'min') return call;
  const c = call.kind === 'call' ? call : undefined;
  const zero = c?.args.findIndex((a) => a.kind === 'number' && a.value === 0) ?? -1;
  if (c && fn === 'max' && c.args.length === 2 && zero >= 0 && c.primes === 0) {
    return { ...c, fn: 'relu', args: [c.args[1 - zero]] };
  }
  return { kind: 'unsupported', reason: `${t.text} of ${c?.args.length ?? 0} arguments (only \\max(0, z), ReLU, is understood)`, children: c?.args ?? [], span: call.span };
}
