/** A compact text form of parse trees, so tests can compare whole trees in one line. */
import type { Expr } from '../../../src/latex/ast';
import { parseBlock } from '../../../src/latex/statements';

export function show(e: Expr | undefined): string {
  if (!e) return '?';
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'symbol':
      return e.name;
    case 'binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'negate':
      return `-${show(e.arg)}`;
    case 'call':
      return `${e.fn}${"'".repeat(e.primes)}${e.generic ? '?' : ''}[${e.args.map(show).join(', ')}]`;
    case 'indicator':
      return `1[${show(e.left)} ${e.op} ${show(e.right)}]`;
    case 'derivative':
      return `d(${show(e.of)})/d(${show(e.wrt)})`;
    case 'labelled':
      return `{${show(e.expr)} as ${e.label.name}}`;
    case 'transpose':
      return `T(${show(e.arg)})`;
    case 'sum':
      return `SUM${e.index ? `_${e.index}` : ''}${e.upper ? `^${show(e.upper)}` : ''}(${show(e.body)})`;
    case 'shorthand':
      return `d(${e.of.name})`;
    case 'norm':
      return `NORM(${show(e.arg)})`;
    case 'unsupported':
      return `UNSUPPORTED(${e.children.map(show).join(', ')})`;
  }
}

/** The parts of the first statement of a block, shown. */
export function parts(latex: string): string[] {
  const [s] = parseBlock(latex);
  return s ? s.parts.map((p) => (p.error ? `ERROR: ${p.error}` : show(p.expr))) : [];
}

/** One expression, shown. */
export function expr(latex: string): string {
  const p = parts(latex);
  if (p.length !== 1) throw new Error(`expected one part, got ${p.length}: ${p.join(' | ')}`);
  return p[0];
}
