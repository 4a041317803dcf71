/**
 * A recursive-descent parser from LaTeX tokens to an expression tree with spans. Precedence, lowest first:
 * `+ -`, then products (`\cdot`, `\times`, `/`, juxtaposition), then unary minus, then powers and scripts.
 * Atoms (fractions, functions, symbols, …) are in atoms.ts.
 */
import type { Expr, Span } from './ast';
import { parseAtom, type Atom } from './atoms';
import { LatexError, join, span, unsupported } from './parseTools';
import { absorbIntoSum } from './sumTerms';
import { COMPARISONS, DECORATIONS, IGNORED_COMMANDS, MULTIPLY } from './notation';
import { parseScripts } from './scripts';
import type { Token } from './tokens';

/** What the parser noticed that looks like OCR damage; any of these keeps a statement from being refuted. */
export interface ParseContext {
  readonly src: string;
  readonly suspicions: string[];
}

const SPACES = new Set(['\\ ', '\\,', '\\;', '\\:', '\\enspace', '\\quad']);
const CLOSERS = new Set([')', ']', '}', '\\right', '\\end', '&', '=', ',', ';', '|', '\\rVert']);
const BINARY_UNSUPPORTED = new Set(['\\odot', '\\otimes', '\\circ', '\\pm', '\\mp']);

/** Parses the tokens `toks[from..to)`. Sub-parsers share the context. */
export class Parser {
  pos: number;
  /** Inside `\|…\|`: a `\|` closes the norm instead of starting a factor. */
  normDepth = 0;
  /** How many `||…||` norms (written with two bars) are open. */
  pipeNormDepth = 0;

  constructor(
    readonly ctx: ParseContext,
    readonly toks: readonly Token[],
    readonly from: number,
    readonly to: number,
  ) {
    this.pos = from;
  }

  /** A parser over another range of the same tokens. */
  sub(from: number, to: number): Parser {
    return new Parser(this.ctx, this.toks, from, to);
  }

  peek(k = 0): Token | undefined {
    this.skipIgnored();
    let i = this.pos;
    for (let n = 0; n < k && i < this.to; n++) i = this.nextMeaningful(i + 1);
    return i < this.to ? this.toks[i] : undefined;
  }

  is(text: string): boolean {
    return this.peek()?.text === text;
  }

  atEnd(): boolean {
    return this.peek() === undefined;
  }

  next(): Token {
    const t = this.peek();
    if (!t) throw new LatexError('unexpected end of expression', this.spanHere());
    this.pos++;
    return t;
  }

  expect(text: string, what: string): Token {
    const t = this.peek();
    if (t?.text !== text) throw new LatexError(`expected ${what}${t ? ` before ${t.text}` : ''}`, this.spanHere());
    return this.next();
  }

  /** Span of the next token (or the end of the range). */
  spanHere(): Span {
    const t = this.toks[Math.min(this.pos, this.to - 1)];
    if (!t) return { start: 0, end: 0 };
    return this.pos < this.to ? { start: t.start, end: t.end } : { start: t.end, end: t.end };
  }

  /** Index just past the `}` matching the `{` at token index `open`. */
  matchingBrace(open: number): number {
    let depth = 0;
    for (let i = open; i < this.to; i++) {
      const t = this.toks[i].text;
      if (t === '{') depth++;
      else if (t === '}') depth--;
      if (depth === 0) return i;
    }
    throw new LatexError('unbalanced braces: a { is never closed', { start: this.toks[open].start, end: this.toks[open].end });
  }

  /** Reads a macro argument: a `{…}` group or a single token. Returns the token range inside. */
  argumentRange(): { from: number; to: number; span: Span } {
    const t = this.peek();
    if (!t) throw new LatexError('missing argument', this.spanHere());
    if (t.text === '{') {
      const open = this.pos;
      const close = this.matchingBrace(open);
      this.pos = close + 1;
      return { from: open + 1, to: close, span: { start: t.start, end: this.toks[close].end } };
    }
    if (t.text === '}') throw new LatexError('unexpected }', { start: t.start, end: t.end });
    // `\nabla_\mathbf{x}`, `x_\mathbf{1}`: an unbraced argument that is a font or accent takes its own argument along
    const next = this.toks[this.pos + 1];
    if (DECORATIONS.has(t.text) && next && this.pos + 1 < this.to) {
      const from = this.pos;
      const last = next.text === '{' ? this.matchingBrace(this.pos + 1) : this.pos + 1;
      this.pos = last + 1;
      return { from, to: last + 1, span: { start: t.start, end: this.toks[last].end } };
    }
    this.pos++;
    return { from: this.pos - 1, to: this.pos, span: { start: t.start, end: t.end } };
  }

  /** The whole range as one expression; anything left over is an error. */
  parseWhole(): Expr {
    const e = this.parseExpr();
    const t = this.peek();
    if (t) throw new LatexError(`unexpected ${t.text}`, { start: t.start, end: t.end });
    return e;
  }

  /** Sum of terms. */
  parseExpr(): Expr {
    let left: Expr | undefined;
    const first = this.peek();
    if (first && (first.text === '-' || first.text === '+')) {
      this.next();
      const term = this.parseTerm();
      left = first.text === '-' ? { kind: 'negate', arg: term, span: span(first, term.span) } : term;
    }
    left ??= this.parseTerm();
    for (;;) {
      const t = this.peek();
      if (!t) break;
      if (t.text === '+' || t.text === '-') {
        this.next();
        const right = this.parseTerm();
        // `\sum_k t^{(k)} \log p^{(k)} + (1 - t^{(k)}) \log(1 - p^{(k)})`: a term that uses the index is in the sum
        const absorbed = absorbIntoSum(left, t.text, right);
        if (absorbed) {
          left = absorbed;
          continue;
        }
        left = { kind: 'binary', op: t.text, left, right, span: join(left.span, right.span) };
      } else if (BINARY_UNSUPPORTED.has(t.text) && (t.text === '\\pm' || t.text === '\\mp')) {
        this.next();
        const right = this.parseTerm();
        left = unsupported(t.text, [left, right], join(left.span, right.span));
      } else break;
    }
    return left;
  }

  /** Products: explicit signs, `/`, and juxtaposition. */
  parseTerm(): Expr {
    this.termDepth++;
    try {
      return this.parseTermHere();
    } finally {
      this.termDepth--;
    }
  }

  private parseTermHere(): Expr {
    let left = this.parseFactorOrNothing();
    while (left === undefined && this.startsFactor()) left = this.parseFactorOrNothing();
    if (left === undefined) throw new LatexError('empty expression', this.spanHere());
    if (typeof left === 'function' && !endsAtSpace(left)) return left(this.operandOf(left));
    let acc: Expr = typeof left === 'function' ? left(this.operandOf(left)) : left;
    for (;;) {
      const t = this.peek();
      if (!t) break;
      let op: '*' | '/' | 'hadamard' | 'unsupported' | undefined;
      if (MULTIPLY.has(t.text)) op = '*';
      else if (t.text === '\\odot') op = 'hadamard';
      else if (t.text === '/' || t.text === '\\div') op = '/';
      else if (BINARY_UNSUPPORTED.has(t.text) && t.text !== '\\pm' && t.text !== '\\mp' && t.text !== '\\odot') op = 'unsupported';
      // `\nabla_a C \odot \sigma'(z^L)`: a gradient's operand ends at an elementwise product too
      if (op === 'hadamard' && this.spaceEnds === this.termDepth) break;
      if (op) this.next();
      else if (!this.startsFactor()) break;
      const spaced = !op && this.spacedBefore();
      // `\nabla_{\mathbf s} H \ \mathbf J_{\mathbf x}(\mathbf s)`: a gradient's operand ends at an explicit space
      if (spaced && this.spaceEnds === this.termDepth) break;
      const parsed = this.parseFactorOrNothing();
      // `0 \ (s < 0)`: a condition set apart after a value, as in the rows of a case distinction
      const right =
        spaced && parsed !== undefined && typeof parsed !== 'function' && parsed.kind === 'indicator'
          ? { ...parsed, condition: true }
          : parsed;
      if (right === undefined) {
        if (op) throw new LatexError(`nothing after ${t.text}`, { start: t.start, end: t.end });
        continue;
      }
      const r = typeof right === 'function' ? right(this.operandOf(right)) : right;
      const s = join(acc.span, r.span);
      const applied = !op ? nameApplied(acc, r, s) : undefined;
      if (applied) {
        acc = applied;
        continue;
      }
      acc =
        op === 'unsupported'
          ? unsupported(t.text, [acc, r], s)
          : {
              kind: 'binary',
              op: op ?? '*',
              left: acc,
              right: r,
              span: s,
              ...((t.text === '*' || t.text === '\\ast') && op === '*' && { asterisk: true }),
            };
      if (typeof right === 'function' && !endsAtSpace(right)) break;
    }
    return acc;
  }

  /** A prefix operator applied to the rest of its term (`\log \sum_j e^{x_j}`: the sum is the log's argument). */
  applyOperator(op: (operand: Expr) => Expr): Expr {
    return op(this.operandOf(op));
  }

  /** The rest of a term, as the operand of `\frac{\partial}{\partial w}` or `\sum` (up to an explicit space, for `\nabla`). */
  private operandOf(op: (operand: Expr) => Expr): Expr {
    const outer = this.spaceEnds;
    // (the operand's own term, not the brackets inside it)
    if (endsAtSpace(op)) this.spaceEnds = this.termDepth + 1;
    try {
      return this.parseTerm();
    } finally {
      this.spaceEnds = outer;
    }
  }

  /** The depth of the term being read, and the one an explicit space ends (a gradient's operand). */
  private termDepth = 0;
  private spaceEnds = -1;

  /** Unary minus, then an atom with its scripts. `undefined` for an annotation that means nothing. */
  parseFactorOrNothing(): Expr | ((operand: Expr) => Expr) | undefined {
    const t = this.peek();
    if (t && (t.text === '-' || t.text === '+')) {
      this.next();
      const f = this.parseFactorOrNothing();
      if (f === undefined || typeof f === 'function') throw new LatexError(`nothing after ${t.text}`, { start: t.start, end: t.end });
      return t.text === '-' ? { kind: 'negate', arg: f, span: span(t, f.span) } : f;
    }
    const atom: Atom = parseAtom(this);
    if (atom === undefined || typeof atom === 'function') return atom;
    return parseScripts(this, atom);
  }

  /** Can the next token begin a factor (so juxtaposition means multiplication)? */
  startsFactor(): boolean {
    const t = this.peek();
    if (!t) return false;
    // (`\frac{1}{2}||v||^2`: two bars open a norm, outside one)
    const next = this.peek(1);
    if (t.text === '|' && this.pipeNormDepth === 0 && next?.text === '|' && next.start === t.end) return true;
    if (CLOSERS.has(t.text) || t.text in COMPARISONS || MULTIPLY.has(t.text)) return false;
    if (t.text === '\\|' && this.normDepth > 0) return false;
    if (t.text === '+' || t.text === '-' || t.text === '/' || t.text === '^' || t.text === '_') return false;
    if (t.text === '\\div' || BINARY_UNSUPPORTED.has(t.text)) return false;
    if (t.text === "'" || t.text === '!' || t.text === ':') return false;
    return true;
  }

  /** `(…)` content: an expression, or a comparison `z_1 > 0` (an indicator). */
  parseExprOrIndicator(): Expr {
    const left = this.parseExpr();
    const t = this.peek();
    const op = t ? COMPARISONS[t.text] : undefined;
    if (!t || !op) return left;
    this.next();
    const right = this.parseExpr();
    return { kind: 'indicator', op, left, right, span: join(left.span, right.span) };
  }

  /** Whether an explicit space (`\ `, `\,`, `\;`) stands right before the next meaningful token. */
  private spacedBefore(): boolean {
    this.skipIgnored();
    const before = this.toks[this.pos - 1];
    return this.pos - 1 >= this.from && before !== undefined && SPACES.has(before.text);
  }

  private skipIgnored(): void {
    while (this.pos < this.to && IGNORED_COMMANDS.has(this.toks[this.pos].text)) this.pos++;
  }

  private nextMeaningful(i: number): number {
    while (i < this.to && IGNORED_COMMANDS.has(this.toks[i].text)) i++;
    return i;
  }
}

/**
 * A name applied to a bracket that is no product: `s(\mathbf x)_i` (and `s(\mathbf x)_i^2`), entry i of s, which the note
 * writes as a function of the vector x (the symbol s_i, whatever the note defines it as); `\mathbf J_{\mathbf x}(\mathbf s)`,
 * the Jacobian ∂s/∂x.
 */
function nameApplied(left: Expr, right: Expr, s: Span): Expr | undefined {
  // (the name may be the last factor so far: `- s(\mathbf x)_i s(\mathbf x)_j`)
  if (left.kind === 'negate') {
    const inner = nameApplied(left.arg, right, s);
    return inner && ({ kind: 'negate', arg: inner, span: s } as Expr);
  }
  if (left.kind === 'binary' && left.op === '*' && !left.grouped) {
    const inner = nameApplied(left.right, right, join(left.right.span, right.span));
    return inner && { ...left, right: inner, span: s };
  }
  if (left.kind === 'symbol') {
    const jacobian = jacobianOf(left, right, s);
    if (jacobian) return jacobian;
  }
  if (left.kind !== 'symbol' || /[_^]/.test(left.name)) return undefined;
  const power = right.kind === 'binary' && right.op === '^' ? right : undefined;
  const sub = power ? power.left : right;
  if (
    sub.kind !== 'unsupported' ||
    !sub.subscript ||
    !/^[a-z]$/.test(sub.subscript) ||
    sub.children[0]?.kind !== 'symbol' ||
    sub.children[0].inner === undefined
  )
    return undefined;
  const entry: Expr = { kind: 'symbol', name: `${left.name}_${sub.subscript}`, span: { start: left.span.start, end: sub.span.end } };
  return power ? { ...power, left: entry, span: s } : entry;
}

/** A prefix operator whose operand ends at an explicit space (`\nabla`), so the term goes on after it. */
const endsAtSpace = (op: (operand: Expr) => Expr): boolean => (op as { untilSpace?: boolean }).untilSpace === true;

// `\mathbf J_{\mathbf x}`: the Jacobian by x (bold J, a variable as its subscript)
const JACOBIAN = /^\\(?:mathbf|boldsymbol|bm)\{J\}_(?:\{\s*)?(?:\\(mathbf|boldsymbol|bm)\s*\{?\s*([A-Za-z])\s*\}?|([A-Za-z]))(?:\s*\})?$/;

/** `\mathbf J_{\mathbf x}(\mathbf s)`: the Jacobian of s by x, ∂s/∂x (in the numerator layout, a row per entry of s). */
function jacobianOf(left: Expr & { kind: 'symbol' }, right: Expr, s: Span): Expr | undefined {
  const m = JACOBIAN.exec(left.name);
  if (!m || right.inner === undefined || right.kind === 'unsupported') return undefined;
  const name = m[1] ? `\\${m[1]}{${m[2]}}` : m[3];
  const wrt: Expr & { kind: 'symbol' } = { kind: 'symbol', name, span: left.span };
  return { kind: 'derivative', of: right, wrt, partial: true, span: s };
}
