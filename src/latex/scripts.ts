/** Superscripts, subscripts and primes: symbol names (`w_{2}`, `a^{(h)}`), powers, transposes. */
import { type Expr, type SymbolNode, type Span, symbolsOf } from './ast';
import type { Parser } from './parser';
import { LatexError, join } from './parseTools';
import { TEXT_COMMANDS } from './notation';
import type { Token } from './tokens';

const TRANSPOSE = new Set(['T', '\\top', '\\intercal', '\\mathsf{T}', '\\mathrm{T}', '\\text{T}', '\\mathbf{T}']);

/** The tokens of a range as compact text: `\text{out}` → `out`, braces and spaces dropped. */
export function rawText(p: Parser, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const t = p.toks[i];
    if (TEXT_COMMANDS.has(t.text) && p.toks[i + 1]?.text === '{') {
      const close = p.matchingBrace(i + 1);
      out += p.ctx.src.slice(p.toks[i + 1].end, p.toks[close].start).trim();
      i = close;
      continue;
    }
    if (t.text === '{' || t.text === '}') continue;
    const sep = t.type === 'command' && i + 1 < to && /[a-zA-Z]$/.test(t.text) && /^[a-zA-Z]/.test(p.toks[i + 1].text) ? ' ' : '';
    out += t.text + sep;
  }
  return out;
}

/**
 * `^{[1]}`, `^{(h)}`, `^{[L](i)}`: layer and sample indexes, part of the name; optionally followed by T
 * (`^{[1]T}`). Nielsen's bare layer letters `^{l}`, `^{L-1}` are layers too (a power of the loss L means nothing).
 */
const VERSION_LABEL = /^(\+|\*|\\ast|\\star|new|old|\(new\)|\(old\))$/;

function layerIndex(raw: string): { index: string; transpose: boolean } | undefined {
  // (`W^{[l]^T}` writes the transpose as a superscript of the layer)
  const m = /^((?:\[[^\]]*\]|\([^)]*\))+)(?:\^?\{?(T|\\top|\\intercal)\}?)?$/.exec(raw);
  // `^{(1-1)}`, `^{(2)}` over a number… is arithmetic: a power; `^{(i)}`, `^{(1)}`, `^{(t-1)}` name a sample or step
  if (m && /^\(\d+(\.\d+)?[-+*/]\d+(\.\d+)?\)$/.test(m[1])) return undefined;
  if (m) return { index: m[1], transpose: m[2] !== undefined };
  const bare = /^([lL](?:[+-]\d)?)(T|\\top)?$/.exec(raw);
  return bare ? { index: bare[1], transpose: bare[2] !== undefined } : undefined;
}

/**
 * What is written right after a one-letter subscript, without a space: digits (`y_o1` is y_{o1}) or letters
 * (`E_Total` is E_{Total}); the writer meant them as part of the subscript.
 */
function subscriptWordTail(p: Parser, first: Token): string {
  let tail = '';
  let end = first.end;
  let count = 0;
  const digits = p.peek()?.type === 'number';
  for (let k = 0; ; k++) {
    const n = p.peek(k);
    const fits = digits ? n?.type === 'number' && /^\d+$/.test(n.text) : n?.type === 'letter' && /^[A-Za-z]$/.test(n.text);
    if (!n || !fits || n.start !== end) break;
    tail += n.text;
    end = n.end;
    count++;
    if (digits) break;
  }
  const after = p.peek(count);
  const scripted = after !== undefined && after.start === end && (after.text === '_' || after.text === '^');
  // `w_ix_i` is w_i·x_i: only a word of three letters or more, not followed by a script of its own
  if (count === 0 || (!digits && (tail.length < 2 || scripted))) return '';
  for (let k = 0; k < count; k++) p.next();
  return tail;
}

/** Reads a symbol's subscript and layer index after its base; the symbol's name is canonical LaTeX. */
export function parseSymbolTail(p: Parser, base: string, first: Token): Expr {
  let sub: string | undefined;
  let layer: string | undefined;
  let transpose = false;
  let end = first.end;
  const digits = p.peek();
  if (digits?.type === 'number' && /^\d+$/.test(digits.text) && digits.start === first.end && /^\\?[A-Za-z]+$/.test(base)) {
    // `w1` is w₁ (a number written after a name is its index; a coefficient comes first, as in 2w)
    p.next();
    sub = digits.text;
    end = digits.end;
  }
  for (;;) {
    const t = p.peek();
    if (t?.text === '_' && sub === undefined) {
      p.next();
      const r = p.argumentRange();
      sub = rawText(p, r.from, r.to);
      end = r.span.end;
      const single = r.to - r.from === 1 && p.toks[r.from].type === 'letter' && p.toks[r.from].end === end;
      const tail = single ? subscriptWordTail(p, p.toks[r.from]) : '';
      if (tail) {
        sub += tail;
        end = p.toks[p.pos - 1].end;
      }
    } else if (t?.text === '_' && sub !== undefined && /^[A-Za-z]$/.test(sub) && layer === undefined && t.start === end) {
      // `a_o_1` (what `a\_o_1` escapes in Markdown): the output neuron o₁'s a, a_{o_1}
      p.next();
      const r = p.argumentRange();
      sub = `${sub}_${rawText(p, r.from, r.to)}`;
      end = r.span.end;
    } else if (
      t?.text === '[' &&
      layer === undefined &&
      sub === undefined &&
      t.start === end &&
      p.peek(1)?.type === 'number' &&
      /^\d$/.test(p.peek(1)!.text) &&
      p.peek(2)?.text === ']'
    ) {
      // `W[1]`, `Z[2]` (the layer written as code does): W^{[1]}
      layer = `[${p.peek(1)!.text}]`;
      end = p.peek(2)!.end;
      p.next();
      p.next();
      p.next();
    } else if (t?.text === '^' && layer === undefined && !transpose) {
      const save = p.pos;
      p.next();
      const r = p.argumentRange();
      const raw = rawText(p, r.from, r.to);
      // `A^{[1]2}` (the course's square of A^{[1]}): the layer, then a power
      const squared = /^(\[[^\]]*\])(\d+)$/.exec(raw);
      if (squared) {
        const symbol: SymbolNode = {
          kind: 'symbol',
          name: `${nameOf(base, sub)}^{${squared[1]}}`,
          span: { start: first.start, end: r.span.end },
        };
        const power: Expr = { kind: 'number', value: Number(squared[2]), span: r.span };
        return { kind: 'binary', op: '^', left: symbol, right: power, span: symbol.span };
      }
      // `w^{+}`, `W^{new}`, `W^{\text{old}}`: which version of w, as in an update rule
      // (`\delta_k^{\text{end}}`: a word written as text is a label too)
      const word = TEXT_COMMANDS.has(p.toks[r.from]?.text ?? '') && /^[A-Za-z]{2,}$/.test(raw);
      const found = layerIndex(raw) ?? (VERSION_LABEL.test(raw) || word ? { index: raw, transpose: false } : undefined);
      if (!found) {
        p.pos = save;
        break;
      }
      layer = found.index;
      transpose = found.transpose;
      end = r.span.end;
    } else break;
  }
  let name = nameOf(base, sub);
  if (layer !== undefined) name += `^{${layer}}`;
  const symbol: SymbolNode = { kind: 'symbol', name, span: { start: first.start, end } };
  return transpose ? { kind: 'transpose', arg: symbol, span: symbol.span } : symbol;
}

/** Powers, transposes, primes and stray subscripts after an atom. */
export function parseScripts(p: Parser, atom: Expr): Expr {
  let e = atom;
  for (;;) {
    const t = p.peek();
    if (!t) return e;
    if (t.text === '^') {
      p.next();
      e = superscript(p, e);
    } else if (t.text === '_') {
      p.next();
      const r = p.argumentRange();
      const s = join(e.span, r.span);
      const text = p.ctx.src.slice(e.span.start, r.span.end);
      if (e.kind === 'number') p.ctx.suspicions.push(`${text} is a number with a subscript (OCR?)`);
      e = {
        kind: 'unsupported',
        reason: `${text}: a subscript on ${e.kind === 'number' ? 'a number' : 'an expression'}`,
        children: [e],
        span: s,
        subscript: rawText(p, r.from, r.to),
      };
    } else if (t.text === "'" && e.kind === 'symbol' && !e.name.endsWith("'")) {
      // `w_1'`: a name of its own (the new w₁ of an update rule, say); a derivative needs its variable written
      p.next();
      e = { ...e, name: `${e.name}'`, span: join(e.span, t) };
    } else if (t.text === "'") {
      p.next();
      // `\left\{ f(g(x)) \right\}'`: a bracket of one variable, primed, is its derivative by that variable
      const only = e.inner ? [...symbolsOf(e)] : [];
      if (only.length === 1) {
        const wrt: SymbolNode = { kind: 'symbol', name: only[0], span: e.span };
        e = { kind: 'derivative', of: e, wrt, partial: false, span: join(e.span, t) };
        continue;
      }
      e = {
        kind: 'unsupported',
        reason: 'a prime on a variable (only functions take primes here, as in σ′(z))',
        children: [e],
        span: join(e.span, t),
      };
    } else if (t.text === '!') {
      p.next();
      e = { kind: 'unsupported', reason: 'a factorial', children: [e], span: join(e.span, t) };
    } else return e;
  }
}

function superscript(p: Parser, base: Expr): Expr {
  const r = p.argumentRange();
  const raw = rawText(p, r.from, r.to);
  const s: Span = join(base.span, r.span);
  if (TRANSPOSE.has(raw) || layerIndex(raw)?.transpose) {
    return { kind: 'transpose', arg: base, span: s };
  }
  if (raw.startsWith('\\prime') || raw === "'") {
    throw new LatexError('a prime on an expression (only functions take primes here)', s);
  }
  const exponent = p.sub(r.from, r.to).parseWhole();
  return { kind: 'binary', op: '^', left: base, right: exponent, span: s };
}

/** A symbol's canonical name from its base and subscript: `w` and `2` give `w_2`, `E` and `Total` give `E_{Total}`. */
function nameOf(base: string, sub0: string | undefined): string {
  // (`out_{o_1}` is Mazur's `out_{o1}`: a subscript's own subscript number is part of its name)
  // (and `E_{Total}` is `E_{total}`: a word's capital is no other name)
  const sub = sub0?.replace(/^([A-Za-z]+)_\{?(\d+)\}?$/, '$1$2').replace(/^[A-Z][a-z]{2,}$/, (w) => w.toLowerCase());
  return sub === undefined ? base : sub.length === 1 ? `${base}_${sub}` : `${base}_{${sub}}`;
}
