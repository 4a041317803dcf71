/** Fractions and the derivatives written as fractions: `\frac{\partial L}{\partial w}`, `\frac{d}{dx}[…]`, `\partial L/\partial w`. */
import type { Expr, SymbolNode } from './ast';
import type { Atom } from './atoms';
import { DERIVATIVE_OPERATORS, TEXT_COMMANDS, displayName } from './notation';
import type { Parser } from './parser';
import { LatexError, span } from './parseTools';
import type { Token } from './tokens';

/** If a derivative operator starts at token `i`, the index just past it. */
function operatorEnd(p: Parser, i: number, to: number): number | undefined {
  const t = p.toks[i];
  if (!t || i >= to) return undefined;
  const next = p.toks[i + 1];
  if (t.text === '\\partial') return i + 1;
  if (t.text === 'd' && i + 1 < to) return i + 1;
  // δ is an operator only when a variable follows it directly, not when it is the symbol δ_out.
  if (t.text === '\\delta' && i + 1 < to && next?.text !== '_' && next?.text !== '^') return i + 1;
  if (TEXT_COMMANDS.has(t.text) && next?.text === '{' && p.toks[i + 2]?.text === 'd' && p.toks[i + 3]?.text === '}') {
    return i + 4;
  }
  return undefined;
}

/** An operator standing alone as a whole numerator: `\frac{\partial}{…}`, `\frac{d}{…}`. */
function isBareOperator(p: Parser, from: number, to: number): boolean {
  const end = operatorEnd(p, from, to + 1);
  return end === to || (to - from === 1 && DERIVATIVE_OPERATORS.has(p.toks[from].text));
}

/**
 * Parses `[from, to)` as exactly one symbol, or returns undefined. A letter raised to a letter names a variable
 * here (`\frac{dE}{dz_1^a}`: ∂ with respect to a power means nothing, so z_1^a is "z_1, activated").
 */
function singleSymbol(p: Parser, from: number, to: number): SymbolNode | undefined {
  try {
    const e = p.sub(from, to).parseWhole();
    if (e.kind === 'symbol') return e;
    const label = superscriptLabel(e) ?? layerLabel(e);
    return label ? { kind: 'symbol', name: label, span: e.span } : undefined;
  } catch {
    return undefined;
  }
}

/** `z_1^a` read as one name, `z_1^{a}`: a symbol raised to a single letter; undefined for anything else. */
export function superscriptLabel(e: Expr): string | undefined {
  if (e.kind !== 'binary' || e.op !== '^' || e.left.kind !== 'symbol' || e.right.kind !== 'symbol') return undefined;
  return /^[A-Za-z]$/.test(e.right.name) ? `${e.left.name}^{${e.right.name}}` : undefined;
}

/** `W^2` read as one name, `W^{2}` (layer 2): a symbol raised to a whole number; undefined for anything else. */
export function layerLabel(e: Expr): string | undefined {
  if (e.kind !== 'binary' || e.op !== '^' || e.left.kind !== 'symbol' || e.right.kind !== 'number') return undefined;
  return Number.isInteger(e.right.value) && e.right.value > 0 && e.right.value < 100 ? `${e.left.name}^{${e.right.value}}` : undefined;
}

/** `\frac{N}{D}`: a derivative when D is an operator and one variable, else a quotient. */
export function parseFraction(p: Parser): Atom {
  const head = p.next();
  const num = p.argumentRange();
  const den = p.argumentRange();
  return fraction(p, num, den, span(head, den.span));
}

type Range = { from: number; to: number; span: { start: number; end: number } };

/**
 * `{a \over b}`, `{\partial E \over \partial w}` (plain TeX, as MathJax renders it) at the parser's `{`: the fraction
 * of what stands before and after `\over`; undefined (nothing read) if the group has no `\over` at its top level.
 */
export function parseOver(p: Parser): Atom | undefined {
  const open = p.pos;
  const close = p.matchingBrace(open);
  let depth = 0;
  let over = -1;
  for (let i = open + 1; i < close; i++) {
    const t = p.toks[i].text;
    if (t === '{') depth++;
    else if (t === '}') depth--;
    else if (depth === 0 && t === '\\over') over = over < 0 ? i : over;
  }
  if (over < 0) return undefined;
  p.pos = close + 1;
  const whole = { start: p.toks[open].start, end: p.toks[close].end };
  const num: Range = { from: open + 1, to: over, span: whole };
  const den: Range = { from: over + 1, to: close, span: whole };
  if (num.from >= num.to || den.from >= den.to) throw new LatexError('\\over needs something on both sides', whole);
  return fraction(p, num, den, whole);
}

function fraction(p: Parser, num: Range, den: Range, whole: { start: number; end: number }): Atom {
  const denOp = operatorEnd(p, den.from, den.to);
  const wrt = denOp !== undefined ? singleSymbol(p, denOp, den.to) : undefined;
  if (denOp !== undefined && wrt) {
    if (isBareOperator(p, num.from, num.to)) {
      return (operand: Expr) =>
        derivative(p, operand, wrt, { start: whole.start, end: operand.span.end }, p.toks[den.from].text === '\\partial');
    }
    const numOp = operatorEnd(p, num.from, num.to);
    if (numOp !== undefined && p.toks[numOp]?.text === '^') {
      return { kind: 'unsupported', reason: 'a second derivative (not checked)', children: [], span: whole };
    }
    if (numOp !== undefined) return derivative(p, p.sub(numOp, num.to).parseWhole(), wrt, whole, p.toks[den.from].text === '\\partial');
    if (p.toks[den.from].text === '\\partial') {
      p.ctx.suspicions.push(`${p.ctx.src.slice(whole.start, whole.end)} has ∂ below but not above (OCR?)`);
    }
  } else if (denOp !== undefined && p.toks[den.from].text === '\\partial') {
    return {
      kind: 'unsupported',
      reason: 'a derivative with respect to more than one variable (second derivatives are not checked)',
      children: [],
      span: whole,
    };
  }
  const ocr = ocrDerivative(p, num, den);
  if (ocr) return { kind: 'unsupported', reason: ocr, children: [], span: whole };
  const top = p.sub(num.from, num.to).parseWhole();
  const bottom = p.sub(den.from, den.to).parseWhole();
  return { kind: 'binary', op: '/', left: top, right: bottom, span: whole };
}

/** `\frac{JL}{Jb}`: both parts start with the same letter and the bottom is that letter and one variable. */
function ocrDerivative(p: Parser, num: { from: number; to: number }, den: { from: number; to: number }): string | undefined {
  const a = p.toks[num.from];
  const b = p.toks[den.from];
  if (!a || !b || num.to - num.from < 2 || a.type !== 'letter' || a.text !== b.text) return undefined;
  if (!singleSymbol(p, den.from + 1, den.to)) return undefined;
  const text = p.ctx.src.slice(a.start, p.toks[den.to - 1].end);
  const message = `\\frac{${text.split('}')[0]}…} looks like a derivative with “${a.text}” written for ∂ (OCR?)`;
  p.ctx.suspicions.push(message);
  return message;
}

function derivative(p: Parser, of: Expr, wrt: SymbolNode, s: { start: number; end: number }, partial: boolean): Expr {
  if (of.kind === 'symbol' && of.name === wrt.name) {
    p.ctx.suspicions.push(
      `∂${displayName(of.name)}/∂${displayName(wrt.name)} is a derivative of a variable with respect to itself (a transcription slip?)`,
    );
  }
  return partial ? { kind: 'derivative', of, wrt, span: s, partial } : { kind: 'derivative', of, wrt, span: s };
}

/** `\partial L / \partial w` or `dC/dw`, at the operator token `t`; undefined if that is not what follows. */
export function parseDerivativeSlash(p: Parser, t: Token): Expr | undefined {
  const save = p.pos;
  p.next();
  const of = p.peek();
  if (!of || (of.spaceBefore && t.text === 'd')) return restore(p, save);
  // `δE_total/δw5` in plain-text notes: δ as ∂, but `δ_j` and `δ^l` are a variable's name
  if (t.text === '\\delta' && (of.text === '_' || of.text === '^' || of.spaceBefore)) return restore(p, save);
  const top = slashOperand(p);
  if (!top || !p.is('/')) return restore(p, save);
  p.next();
  const op2 = p.peek();
  if (
    !op2 ||
    (t.text === '\\delta'
      ? op2.text !== '\\delta'
      : (op2.text !== '\\partial' && op2.text !== 'd') || (t.text === '\\partial') !== (op2.text === '\\partial'))
  ) {
    return restore(p, save);
  }
  p.next();
  const wrt = slashOperand(p);
  if (!wrt || wrt.kind !== 'symbol') return restore(p, save);
  return derivative(p, top, wrt, span(t, wrt.span), t.text !== 'd');
}

function slashOperand(p: Parser): Expr | undefined {
  try {
    const t = p.peek();
    if (!t || t.text === '/') return undefined;
    const atom = p.parseFactorOrNothing();
    return atom && typeof atom !== 'function' ? atom : undefined;
  } catch {
    return undefined;
  }
}

function restore(p: Parser, save: number): undefined {
  p.pos = save;
  return undefined;
}

const SHORTHAND_LETTERS = new Set(['W', 'w', 'Z', 'z', 'A', 'a', 'b', 'B']);

/** Course shorthand: `dW^{[2]}` = ∂J/∂W^{[2]}, `dz`, `db` — vectorised, not checked here. */
export function parseShorthand(p: Parser, t: Token): Expr | undefined {
  const n = p.peek(1);
  if (!n || n.spaceBefore || n.type !== 'letter' || !SHORTHAND_LETTERS.has(n.text)) return undefined;
  p.next();
  const target = p.parseFactorOrNothing();
  if (!target || typeof target === 'function') throw new LatexError('d without a variable', t);
  if (target.kind !== 'symbol') {
    const name = p.ctx.src.slice(t.start, target.span.end);
    return { kind: 'unsupported', reason: `course shorthand ${name} of an expression`, children: [target], span: span(t, target.span) };
  }
  return { kind: 'shorthand', of: target, span: span(t, target.span) };
}

/**
 * `\partial z = a - y`, `\partial w_1 = x_1 \partial z` (computation-graph notes): ∂z names ∂L/∂z, as `dz` does in
 * course shorthand. Only for the letters course shorthand takes, and a variable right after the ∂.
 */
export function parsePartialShorthand(p: Parser, t: Token): Expr | undefined {
  const n = p.peek(1);
  if (!n || n.type !== 'letter' || !SHORTHAND_LETTERS.has(n.text)) return undefined;
  const save = p.pos;
  p.next();
  const target = p.parseFactorOrNothing();
  if (!target || typeof target === 'function' || target.kind !== 'symbol') {
    p.pos = save;
    return undefined;
  }
  return { kind: 'shorthand', of: target, span: span(t, target.span) };
}
