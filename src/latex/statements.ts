/**
 * Splits a block of LaTeX into statements (at top-level `,` `;` `\quad` `\because` `\therefore` `\\` and aligned
 * rows) and each statement into the parts of its `=` chain, each parsed into an expression tree. Never throws.
 */
import { cellValues, tupleAssignments } from './tuples';
import { type Expr, type Span, childrenOf } from './ast';
import { enumerationEnd } from './enumeration';
import { CONDITION_WORDS, connectiveWord, depthChange, wideSpace } from './connectives';
import { IGNORED_COMMANDS, OTHER_RELATIONS, STATEMENT_SEPARATORS, TEXT_COMMANDS } from './notation';
import { Parser, type ParseContext } from './parser';
import { LatexError } from './parseTools';
import { type Token, tokenize } from './tokens';
import { stripAlignment, unwrapStrikes } from './alignment';
import { depthOf } from '../trees';

/** One side of an `=`: its tree, or why it could not be read. */
export interface ParsedPart {
  readonly expr?: Expr;
  readonly error?: string;
  readonly span: Span;
}

export interface ParsedStatement {
  /** `P0 = P1 = …`; a statement without `=` has one part. */
  readonly parts: readonly ParsedPart[];
  /** The `=` (or `:=`) between `parts[i]` and `parts[i+1]`. */
  readonly equals: readonly Span[];
  /** Starts of the relations in `equals` (or `leadingEquals`) that are `≈`, not `=`. */
  readonly approximate?: ReadonlySet<number>;
  /** The statement starts with `=`: it continues the previous chain. */
  readonly leadingEquals?: Span;
  /** The statement ends with `=`: the next statement continues it. */
  readonly trailingEquals?: Span;
  /** The `\because` or `\therefore` that introduced it. */
  readonly connective?: 'because' | 'therefore';
  /** A relation other than `=` (`\rightarrow`, `\in`, `<`): not an equation chain. */
  readonly otherRelation?: string;
  /** An `=` was `:=` or `\leftarrow`: an assignment (an update rule when the variable is on both sides). */
  readonly assignment?: boolean;
  /** `X \in \mathbb{R}^{3\times 4}`: a declaration of X's shape. */
  readonly membership?: { readonly left: ParsedPart; readonly right: ParsedPart };
  /** Signs of OCR damage (see ParseContext). */
  readonly suspicions: readonly string[];
  /** Followed by `\text{ if }`, `where`, `for` …: the statement holds under what the note adds. */
  readonly conditioned?: boolean;
  readonly span: Span;
}

/** Parses every statement of a math block. */
export function parseBlock(latex: string): ParsedStatement[] {
  const tokens = stripAlignment(unwrapStrikes(tokenize(latex)));
  let underCondition = false;
  return splitStatements(tokens).flatMap(({ toks, connective, conditioned, isCondition }) => {
    // `[w_1, w_2] = [0.15, 0.20]`: a value for each name
    const tuple = tupleAssignments(toks);
    if (tuple) return tuple.flatMap((t) => parseStatement(latex, t, connective) ?? []);
    const s = parseStatement(latex, toks, connective);
    if (!s) return [];
    if (isCondition) {
      underCondition = true;
      return [{ ...s, otherRelation: s.otherRelation ?? 'a condition (after “if” or “when”)' }];
    }
    const after = underCondition;
    underCondition = false;
    // (`W = \begin{pmatrix} w_1 & w_2 \end{pmatrix} = \begin{pmatrix} 0.3 & 0.2 \end{pmatrix}`: each cell's value too)
    return [conditioned || after ? { ...s, conditioned: true } : s, ...cellValues(s)];
  });
}

/** Does an equation (a top-level `=` before the next separator or wide space) start at token `i`? */
function equationFollows(tokens: readonly Token[], i: number): boolean {
  let end = i;
  while (end < tokens.length && !STATEMENT_SEPARATORS.has(tokens[end].text) && wideSpace(tokens, end) === 0) end++;
  return end > i && relations(tokens.slice(i, end)).equals.length > 0;
}

interface RawStatement {
  toks: Token[];
  connective?: 'because' | 'therefore';
  /** A connective word (`\text{ if }`) follows: what comes after it qualifies this statement. */
  conditioned?: boolean;
  /** The statement after `\text{if}`, `\text{when}`: a condition. */
  isCondition?: boolean;
}

function splitStatements(tokens: readonly Token[]): RawStatement[] {
  const out: RawStatement[] = [];
  let current: RawStatement = { toks: [] };
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (depth === 0 && t.lineBreakBefore && endsEquation(currentLine(current.toks)) && startsEquation(tokens, i)) {
      out.push(current);
      current = { toks: [] };
    }
    // `… = 1\;\;\; … = -1`, `\hspace{2em}`: a wide space between two equations sets them apart, as \quad does
    const wide = depth === 0 ? wideSpace(tokens, i) : 0;
    if (wide > 0 && relations(current.toks).equals.length > 0 && equationFollows(tokens, i + wide)) {
      out.push(current);
      current = { toks: [] };
      i += wide - 1;
      continue;
    }
    // `l = 1, 2, \ldots, L`: a range of values, neither a definition nor a claim
    const range = depth === 0 && t.text === ',' ? enumerationEnd(tokens, i, current.toks) : undefined;
    if (range !== undefined) {
      current = { toks: [] };
      i = range;
      continue;
    }
    if (depth === 0 && STATEMENT_SEPARATORS.has(t.text)) {
      if (current.toks.length > 0) out.push(current);
      current = { toks: [] };
      if (t.text === '\\because') current.connective = 'because';
      if (t.text === '\\therefore') current.connective = 'therefore';
      continue;
    }
    // `x = 2 \text{ if } y > 0`, `\text{where}`, `\text{for}`: a connective word ends the equation; a condition follows
    const connective = depth === 0 ? connectiveWord(tokens, i) : undefined;
    if (connective !== undefined) {
      if (current.toks.length > 0) out.push({ ...current, conditioned: true });
      // `\text{if } y = 1 ; L = -\log \hat{y}`: what follows `if` or `when` is a condition, neither a definition nor a
      // claim, and an equation after it holds under it
      const word = tokens
        .slice(i + 2, connective)
        .map((x) => x.text)
        .join('')
        .toLowerCase();
      current = CONDITION_WORDS.has(word) ? { toks: [], isCondition: true } : { toks: [] };
      i = connective;
      continue;
    }
    const { delta, skip } = depthChange(tokens, i);
    for (let k = 0; k <= skip && i + k < tokens.length; k++) current.toks.push(tokens[i + k]);
    i += skip;
    depth = Math.max(0, depth + delta);
  }
  if (current.toks.length > 0) out.push(current);
  return out;
}

/** Tokens that leave an expression open at the end of a line, or continue one at the start of the next. */
const OPERATORS = ['=', '\\approx', '≈', '+', '-', '*', '/', '^', '_', '&', '\\cdot', '\\times', '\\div'];
const OPEN_AT_END = new Set([...OPERATORS, '(', '[', '{', '\\left', '\\frac', '\\dfrac', '\\tfrac']);
const CONTINUES_AT_START = new Set([...OPERATORS, "'", ')', ']', '}', '\\right']);

/** The tokens of a statement since its last line break. */
function currentLine(toks: readonly Token[]): readonly Token[] {
  let i = toks.length - 1;
  while (i > 0 && !toks[i].lineBreakBefore) i--;
  return toks.slice(Math.max(0, i));
}

/** A line so far that is a whole equation (an `=`, and it does not end on an operator). */
function endsEquation(toks: readonly Token[]): boolean {
  const last = toks[toks.length - 1];
  return last !== undefined && !OPEN_AT_END.has(last.text) && !OTHER_RELATIONS.has(last.text) && relations(toks).equals.length > 0;
}

/**
 * A line break inside display math separates two equations written on separate lines (Obsidian style) when the
 * next line starts a new one: it has its own `=` and does not start with an operator.
 */
function startsEquation(tokens: readonly Token[], i: number): boolean {
  if (CONTINUES_AT_START.has(tokens[i].text) || OTHER_RELATIONS.has(tokens[i].text) || STATEMENT_SEPARATORS.has(tokens[i].text))
    return false;
  let end = i + 1;
  // (the line up to a row break: `… \right] \\[4pt] &= …` is this row's end and the next row's start)
  while (end < tokens.length && !tokens[end].lineBreakBefore && !STATEMENT_SEPARATORS.has(tokens[end].text)) end++;
  const line = tokens.slice(i, end);
  const { equals } = relations(line);
  return equals.length > 0 && equals[equals.length - 1] < line.length - 1;
}

const ASSIGNMENTS = new Set(['\\leftarrow', '\\gets', '\\coloneqq']);
/** `≈` links a chain like `=`, but what follows it is rounded (`σ(0.25) ≈ 0.562`) or approximate. */
const APPROXIMATELY = new Set(['\\approx', '≈']);

/**
 * Indexes of the top-level `=` signs (a `:` right before one makes it `:=`; `\leftarrow` counts as one, for
 * update rules), whether one was an assignment, and any other relation.
 */
function relations(toks: readonly Token[]): {
  equals: number[];
  approximate: Set<number>;
  assignment: boolean;
  other?: string;
  otherAt?: number;
  remarkAt?: number;
} {
  const equals: number[] = [];
  const approximate = new Set<number>();
  let other: string | undefined;
  let otherAt: number | undefined;
  let assignment = false;
  let depth = 0;
  let remarkAt: number | undefined;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i].text;
    if (depth === 0 && APPROXIMATELY.has(t)) {
      equals.push(i);
      approximate.add(toks[i].start);
    } else if (depth === 0 && ASSIGNMENTS.has(t) && equals.length > 0) {
      // `&= -t_k + y_k s \quad \leftarrow \text{factor out } y_k`: an arrow after an equation points at a remark
      remarkAt = i;
      break;
    } else if (depth === 0 && (t === '=' || ASSIGNMENTS.has(t))) {
      equals.push(i);
      assignment ||= t !== '=' || toks[i - 1]?.text === ':';
    } else if (depth === 0 && OTHER_RELATIONS.has(t) && other === undefined) {
      other = t;
      otherAt = i;
    }
    const { delta, skip } = depthChange(toks, i);
    i += skip;
    depth = Math.max(0, depth + delta);
  }
  return { equals, approximate, assignment, other, otherAt, remarkAt };
}

function parseStatement(src: string, all: Token[], connective?: 'because' | 'therefore'): ParsedStatement | undefined {
  let toks = all;
  // `\quad \leftarrow \text{factor out } a`, set apart from the equation before it: a remark pointing back at it
  if (toks[0] && (toks[0].text === '\\leftarrow' || toks[0].text === '\\gets' || toks[0].text === '\\Leftarrow')) return undefined;
  let found = relations(toks);
  if (found.remarkAt !== undefined) {
    toks = toks.slice(0, found.remarkAt);
    found = relations(toks);
  }
  // `Z = W X + b \in \mathbb{R}^{n \times m}`: the equation, its shape said in passing
  if (
    found.other === '\\in' &&
    found.otherAt !== undefined &&
    found.equals.length > 0 &&
    found.otherAt > found.equals[found.equals.length - 1]
  ) {
    toks = toks.slice(0, found.otherAt);
    found = relations(toks);
  }
  const { equals, approximate, assignment, other, otherAt } = found;
  const ctx: ParseContext = { src, suspicions: [] };
  if (other === '\\in' && equals.length === 0 && otherAt !== undefined && otherAt > 0 && otherAt < toks.length - 1) {
    const membership = { left: parsePart(ctx, toks, 0, otherAt), right: parsePart(ctx, toks, otherAt + 1, toks.length) };
    const span = { start: toks[0].start, end: toks[toks.length - 1].end };
    return { parts: [membership.left], equals: [], connective, otherRelation: other, membership, suspicions: ctx.suspicions, span };
  }
  const bounds = [-1, ...equals, toks.length];
  const parts: ParsedPart[] = [];
  const equalSpans: Span[] = [];
  let leadingEquals: Span | undefined;
  let trailingEquals: Span | undefined;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const from = bounds[k] + 1;
    let to = bounds[k + 1];
    const eq = k + 1 < bounds.length - 1 ? toks[bounds[k + 1]] : undefined;
    const colon = eq && to > from && toks[to - 1].text === ':';
    if (colon) to--;
    const eqSpan = eq ? { start: colon ? toks[to].start : eq.start, end: eq.end } : undefined;
    if (from >= to) {
      if (k === 0 && eqSpan) leadingEquals = eqSpan;
      else if (!eq && k > 0) trailingEquals = equalSpans.pop();
      continue;
    }
    parts.push(parsePart(ctx, toks, from, to));
    if (eqSpan) equalSpans.push(eqSpan);
  }
  if (parts.length === 0) return undefined;
  const span = { start: toks[0].start, end: toks[toks.length - 1].end };
  return {
    parts,
    equals: equalSpans,
    approximate: approximate.size > 0 ? approximate : undefined,
    leadingEquals,
    trailingEquals,
    connective,
    otherRelation: other,
    assignment,
    suspicions: ctx.suspicions,
    span,
  };
}

function parsePart(ctx: ParseContext, toks: readonly Token[], from: number, to: number): ParsedPart {
  while (from < to - 1 && IGNORED_COMMANDS.has(toks[from].text)) from++;
  // a sentence's full stop at the end of display math is punctuation
  while (to > from + 1 && (IGNORED_COMMANDS.has(toks[to - 1].text) || toks[to - 1].text === '.')) to--;
  const span = { start: toks[from].start, end: toks[to - 1].end };
  const nesting = bracketNesting(toks, from, to);
  if (nesting > MAX_NESTING) return { error: `nested ${nesting} brackets deep (derivcheck reads up to ${MAX_NESTING})`, span };
  // `\text{grad} = \frac{1}{m} …`: a side that is one word written as text names a quantity
  const word =
    to - from >= 4 && TEXT_COMMANDS.has(toks[from].text) && toks[from + 1].text === '{' && toks[to - 1].text === '}'
      ? ctx.src.slice(toks[from + 2].start, toks[to - 2].end)
      : '';
  if (/^[A-Za-z]{2,}$/.test(word)) return { expr: { kind: 'symbol', name: word, span }, span };
  try {
    const expr = new Parser(ctx, toks, from, to).parseWhole();
    const depth = depthOf(expr, childrenOf, MAX_TREE_DEPTH);
    if (depth > MAX_TREE_DEPTH) return { error: `too long or too deeply nested to check (over ${MAX_TREE_DEPTH} levels)`, span };
    return { expr, span };
  } catch (e) {
    if (e instanceof LatexError) return { error: e.message, span };
    return { error: `could not read this: ${(e as Error).message}`, span };
  }
}

/** Brackets nested deeper than this are not read (50 levels, the deepest a note plausibly needs, are fine). */
export const MAX_NESTING = 100;
/** Expression trees deeper than this (a 500-term sum, x^{2}^{2}…) are not checked: the checker recurses over them. */
export const MAX_TREE_DEPTH = 400;

// (`\left(` and `\right)` count by their brackets; the strings '\left' and '\right' written with one backslash were
// 'left' and a carriage return + 'ight', which matched a word and nothing)
const OPENERS = new Set(['{', '(', '[']);
const CLOSING = new Set(['}', ')', ']']);

/** The deepest nesting of brackets in `toks[from..to)` (unbalanced ones are the parser's business). */
function bracketNesting(toks: readonly Token[], from: number, to: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = from; i < to; i++) {
    const t = toks[i].text;
    if (OPENERS.has(t)) deepest = Math.max(deepest, ++depth);
    else if (CLOSING.has(t)) depth = Math.max(0, depth - 1);
  }
  return deepest;
}
