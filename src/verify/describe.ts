/** Short readable text for expressions in messages: ∂C/∂w₂, σ(z₂)(1−σ(z₂)). */
import type { Expr } from '../latex/ast';
import { displayName } from '../latex/notation';
import { FUNCTION_BY_NAME } from '../functions';

const textOf = (fn: string): string | undefined => FUNCTION_BY_NAME.get(fn)?.text;
const PRECEDENCE = { '+': 1, '-': 1, '*': 2, hadamard: 2, '/': 2, '^': 3 } as const;

function precedence(e: Expr): number {
  if (e.kind === 'binary') return PRECEDENCE[e.op];
  if (e.kind === 'negate') return 1.5;
  return 4;
}

function wrap(e: Expr, min: number): string {
  const s = text(e);
  return precedence(e) < min ? `(${s})` : s;
}

function text(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return Number.isInteger(e.value) ? String(e.value) : String(+e.value.toPrecision(6));
    case 'symbol':
      return displayName(e.name);
    case 'negate':
      return `−${wrap(e.arg, 2)}`;
    case 'binary': {
      const p = PRECEDENCE[e.op];
      if (e.op === '*') {
        // a quotient inside a product gets brackets: (1/m)·A
        const l = e.left.kind === 'binary' && e.left.op === '/' ? `(${text(e.left)})` : wrap(e.left, p);
        const r = wrap(e.right, p);
        // juxtapose a number or a bracket with what follows (2a, a(1 − a)); otherwise a dot keeps names apart
        const tight = /^[0-9.]+$/.test(l) ? !/^[0-9.]/.test(r) : /^\(/.test(r) || /\)$/.test(l);
        return `${l}${tight ? '' : '·'}${r}`;
      }
      if (e.op === '^') return `${wrap(e.left, 4)}^${wrap(e.right, 4)}`;
      if (e.op === 'hadamard') return `${wrap(e.left, p)} ⊙ ${wrap(e.right, p)}`;
      const sign = e.op === '-' ? ' − ' : ` ${e.op} `;
      return `${wrap(e.left, p)}${sign}${wrap(e.right, e.op === '+' ? p : p + 1)}`;
    }
    case 'call':
      if (e.fn === 'matrix' && e.rows)
        return `[${Array.from({ length: e.rows }, (_, i) =>
          e.args
            .slice((i * e.args.length) / e.rows!, ((i + 1) * e.args.length) / e.rows!)
            .map(text)
            .join(', '),
        ).join('; ')}]`;
      return `${(!e.generic && textOf(e.fn)) || displayName(e.fn)}${'′'.repeat(e.primes)}(${e.args.map(text).join(', ')})`;
    case 'indicator':
      return `[${text(e.left)} ${e.op} ${text(e.right)}]`;
    case 'derivative': {
      const of = e.of.kind === 'symbol' ? text(e.of) : `(${text(e.of)})`;
      return `∂${of}/∂${displayName(e.wrt.name)}`;
    }
    case 'labelled':
      return text(e.expr);
    case 'transpose':
      return `${wrap(e.arg, 4)}ᵀ`;
    case 'sum':
      return `Σ${e.index ? `_${e.index}${e.except ? `≠${e.except}` : ''}` : ''} ${wrap(e.body, 2)}`;
    case 'shorthand':
      return `d${displayName(e.of.name)}`;
    case 'norm':
      return `‖${text(e.arg)}‖`;
    case 'unsupported':
      return '…';
  }
}

/** An expression as short Unicode text, cut at `max` characters. */
export function describe(e: Expr, max = 80): string {
  const s = text(e);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
