/** Superscripts, subscripts and primes: symbol names (`w_{2}`, `a^{(h)}`), powers, transposes. */
import type { Expr, SymbolNode, Span } from './ast';
import { LatexError, type Parser, join } from './parser';
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

/** `^{[1]}`, `^{(h)}`: a layer or sample index, part of the name. Optionally followed by T: `^{[1]T}`. */
function layerIndex(raw: string): { index: string; transpose: boolean } | undefined {
  const m = /^(\[[^\]]*\]|\([^)]*\))(T|\\top|\\intercal)?$/.exec(raw);
  return m ? { index: m[1], transpose: m[2] !== undefined } : undefined;
}

/** Reads a symbol's subscript and layer index after its base; the symbol's name is canonical LaTeX. */
export function parseSymbolTail(p: Parser, base: string, first: Token): Expr {
  let sub: string | undefined;
  let layer: string | undefined;
  let transpose = false;
  let end = first.end;
  for (;;) {
    const t = p.peek();
    if (t?.text === '_' && sub === undefined) {
      p.next();
      const r = p.argumentRange();
      sub = rawText(p, r.from, r.to);
      end = r.span.end;
    } else if (t?.text === '^' && layer === undefined && !transpose) {
      const save = p.pos;
      p.next();
      const r = p.argumentRange();
      const found = layerIndex(rawText(p, r.from, r.to));
      if (!found) {
        p.pos = save;
        break;
      }
      layer = found.index;
      transpose = found.transpose;
      end = r.span.end;
    } else break;
  }
  let name = base;
  if (sub !== undefined) name += sub.length === 1 ? `_${sub}` : `_{${sub}}`;
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
      e = { kind: 'unsupported', reason: `${text}: a subscript on ${e.kind === 'number' ? 'a number' : 'an expression'}`, children: [e], span: s };
    } else if (t.text === "'") {
      p.next();
      e = { kind: 'unsupported', reason: 'a prime on a variable (only functions take primes here, as in σ′(z))', children: [e], span: join(e.span, t) };
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
