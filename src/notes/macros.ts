/**
 * The note's own LaTeX macros, as KaTeX, MathJax and Obsidian read them: `\newcommand{\R}{\mathbb{R}}`,
 * `\renewcommand`, `\providecommand`, `\def\par#1#2{\frac{\partial #1}{\partial #2}}`, `\gdef`,
 * `\DeclareMathOperator{\diag}{diag}`. A definition holds from where it is written to the end of the note; it is
 * taken out of its block, and every later use is replaced by its body. Each character of an expansion keeps the
 * place it comes from: an argument's characters their own, the body's the place of the macro's name.
 */
import type { MathBlock } from './types';

interface Macro {
  readonly params: number;
  readonly body: string;
  /** The first argument's default, for `\newcommand{\x}[2][a]{…}`. */
  readonly optional?: string;
}

/** A string with the source offset of each character, and whether it came from a macro's body. */
interface Located {
  readonly text: string;
  readonly at: readonly number[];
  readonly made?: readonly boolean[];
}

/** Expansion stops after this many macro uses in one block (a macro that expands to itself stops too). */
const MAX_EXPANSIONS = 2000;
const MAX_LENGTH = 100_000;

/** The blocks with the note's macro definitions taken out and its macros expanded, in note order. */
export function expandMacros(blocks: readonly MathBlock[]): MathBlock[] {
  if (!blocks.some((b) => /\\(newcommand|renewcommand|providecommand|g?def|DeclareMathOperator)/.test(b.latex))) return [...blocks];
  const macros = new Map<string, Macro>();
  // (a block that held only definitions is no math of its own)
  return blocks.flatMap((block) => {
    const source: Located = { text: block.latex, at: block.offsets.slice(0, block.latex.length), made: block.fromMacro };
    const stripped = takeDefinitions(source, macros);
    const expanded = macros.size > 0 ? expand(stripped, macros) : stripped;
    if (expanded.text === block.latex) return [block];
    if (expanded.text.trim() === '') return [];
    const end = block.offsets[block.latex.length] ?? (block.offsets[block.latex.length - 1] ?? 0) + 1;
    // offsets never go back (a body's characters after an argument sit where the argument ended)
    const offsets = [...expanded.at, end];
    for (let i = 1; i < offsets.length; i++) offsets[i] = Math.max(offsets[i], offsets[i - 1]);
    return [{ ...block, latex: expanded.text, offsets, fromMacro: expanded.made ?? expanded.text.split('').map(() => false) }];
  });
}

const DEFINERS = /\\(newcommand|renewcommand|providecommand|DeclareMathOperator\*?|gdef|def)(?![a-zA-Z])/g;

/** Reads every definition in the text into `macros` and returns the text without them. */
function takeDefinitions(source: Located, macros: Map<string, Macro>): Located {
  const { text } = source;
  const keep: boolean[] = new Array(text.length).fill(true);
  for (const m of text.matchAll(DEFINERS)) {
    const start = m.index ?? 0;
    if (!keep[start]) continue;
    const read = m[1].startsWith('Declare')
      ? readOperator(text, start + m[0].length)
      : m[1].endsWith('def')
        ? readDef(text, start + m[0].length)
        : readNewcommand(text, start + m[0].length);
    if (!read) continue;
    if (m[1] !== 'providecommand' || !macros.has(read.name)) macros.set(read.name, read.macro);
    for (let i = start; i < read.end; i++) keep[i] = false;
  }
  return filter(source, keep);
}

function filter(source: Located, keep: readonly boolean[]): Located {
  let text = '';
  const at: number[] = [];
  const made: boolean[] = [];
  for (let i = 0; i < source.text.length; i++) {
    if (!keep[i]) continue;
    text += source.text[i];
    at.push(source.at[i]);
    made.push(source.made?.[i] ?? false);
  }
  return { text, at, made };
}

type Read = { name: string; macro: Macro; end: number };

/** `{\name}[n][default]{body}` or `\name[n]{body}` after `\newcommand`. */
function readNewcommand(text: string, from: number): Read | undefined {
  let i = skipSpace(text, from);
  const braced = text[i] === '{';
  const nameMatch = /^\\([a-zA-Z]+|.)/.exec(text.slice(braced ? skipSpace(text, i + 1) : i));
  if (!nameMatch) return undefined;
  i = (braced ? skipSpace(text, i + 1) : i) + nameMatch[0].length;
  if (braced) {
    i = skipSpace(text, i);
    if (text[i] !== '}') return undefined;
    i++;
  }
  let params = 0;
  let optional: string | undefined;
  i = skipSpace(text, i);
  const count = /^\[\s*(\d)\s*\]/.exec(text.slice(i));
  if (count) {
    params = Number(count[1]);
    i = skipSpace(text, i + count[0].length);
    if (text[i] === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) return undefined;
      optional = text.slice(i + 1, close);
      i = skipSpace(text, close + 1);
    }
  }
  const body = group(text, i);
  return body && { name: nameMatch[0], macro: { params, body: body.inner, optional }, end: body.end };
}

/** `\name#1#2{body}` after `\def` or `\gdef`. */
function readDef(text: string, from: number): Read | undefined {
  const m = /^\s*(\\(?:[a-zA-Z]+|.))((?:#\d)*)\s*/.exec(text.slice(from));
  if (!m) return undefined;
  const body = group(text, from + m[0].length);
  return body && { name: m[1], macro: { params: m[2].length / 2, body: body.inner }, end: body.end };
}

/** `{\name}{text}` after `\DeclareMathOperator`. */
function readOperator(text: string, from: number): Read | undefined {
  const name = group(text, skipSpace(text, from));
  const word = name && group(text, skipSpace(text, name.end));
  if (!name || !word || !/^\\[a-zA-Z]+$/.test(name.inner.trim())) return undefined;
  return { name: name.inner.trim(), macro: { params: 0, body: `\\operatorname{${word.inner}}` }, end: word.end };
}

/** The balanced `{…}` group starting at `i`: its inside and the offset after it. */
function group(text: string, i: number): { inner: string; end: number } | undefined {
  if (text[i] !== '{') return undefined;
  let depth = 0;
  for (let k = i; k < text.length; k++) {
    if (text[k] === '\\') {
      k++;
      continue;
    }
    if (text[k] === '{') depth++;
    else if (text[k] === '}' && --depth === 0) return { inner: text.slice(i + 1, k), end: k + 1 };
  }
  return undefined;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** Every use of a macro replaced by its body, again and again (macros may use macros), within limits. */
function expand(source: Located, macros: ReadonlyMap<string, Macro>): Located {
  let current = source;
  for (let uses = 0; uses < MAX_EXPANSIONS; uses++) {
    const next = expandFirst(current, macros);
    if (!next || next.text.length > MAX_LENGTH) return current;
    current = next;
  }
  return current;
}

/** The text with its first macro use expanded, or undefined if it has none. */
function expandFirst(source: Located, macros: ReadonlyMap<string, Macro>): Located | undefined {
  const { text, at } = source;
  const made = source.made ?? text.split('').map(() => false);
  for (const m of text.matchAll(/\\([a-zA-Z]+|[^a-zA-Z\s])/g)) {
    const start = m.index ?? 0;
    // `\\par` inside `\\\\par`: the first backslash escapes the second
    if (start > 0 && text[start - 1] === '\\' && !precededByEscape(text, start - 1)) continue;
    const macro = macros.get(m[0]);
    if (!macro) continue;
    let i = start + m[0].length;
    const args: Located[] = [];
    if (macro.optional !== undefined) {
      if (text[skipSpace(text, i)] === '[') {
        const open = skipSpace(text, i);
        const close = text.indexOf(']', open);
        if (close < 0) return undefined;
        args.push({ text: text.slice(open + 1, close), at: at.slice(open + 1, close), made: made.slice(open + 1, close) });
        i = close + 1;
      } else
        args.push({
          text: macro.optional,
          at: macro.optional.split('').map(() => at[start]),
          made: macro.optional.split('').map(() => true),
        });
    }
    while (args.length < macro.params) {
      const arg = argument(text, skipSpace(text, i));
      if (!arg) return undefined;
      args.push({ text: text.slice(arg.from, arg.to), at: at.slice(arg.from, arg.to), made: made.slice(arg.from, arg.to) });
      i = arg.end;
    }
    const body = substitute(macro.body, args, at[start]);
    // a macro name run into a letter (`\Rx`) is another name; a body ending in a command gets a space after it
    const gap =
      /\\[a-zA-Z]+$/.test(body.text) && /^[a-zA-Z]/.test(text.slice(i))
        ? { text: ' ', at: [at[start]], made: [true] }
        : { text: '', at: [], made: [] };
    return {
      text: text.slice(0, start) + body.text + gap.text + text.slice(i),
      at: [...at.slice(0, start), ...body.at, ...gap.at, ...at.slice(i)],
      made: [...made.slice(0, start), ...(body.made ?? []), ...gap.made, ...made.slice(i)],
    };
  }
  return undefined;
}

function precededByEscape(text: string, i: number): boolean {
  let n = 0;
  for (let k = i - 1; k >= 0 && text[k] === '\\'; k--) n++;
  return n % 2 === 1;
}

/** One argument: a `{…}` group (its inside) or a single token. */
function argument(text: string, i: number): { from: number; to: number; end: number } | undefined {
  if (i >= text.length) return undefined;
  const g = group(text, i);
  if (g) return { from: i + 1, to: g.end - 1, end: g.end };
  const command = /^\\([a-zA-Z]+|.)/.exec(text.slice(i));
  const length = command ? command[0].length : 1;
  return { from: i, to: i + length, end: i + length };
}

/** The body with `#1`…`#9` replaced by the arguments; the body's own characters are placed at the macro's name. */
function substitute(body: string, args: readonly Located[], place: number): Located {
  let text = '';
  const at: number[] = [];
  const made: boolean[] = [];
  for (let k = 0; k < body.length; k++) {
    const n = body[k] === '#' ? Number(body[k + 1]) : NaN;
    if (n >= 1 && n <= args.length) {
      const arg = args[n - 1];
      text += arg.text;
      at.push(...arg.at);
      made.push(...arg.text.split('').map((_, i) => arg.made?.[i] ?? false));
      k++;
      continue;
    }
    text += body[k];
    at.push(place);
    made.push(true);
  }
  return { text, at, made };
}
