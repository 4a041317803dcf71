/** Prefix operators whose operand is the rest of the term: `\sum` (with its index, range and exclusions), `\nabla`. */
import type { Expr } from './ast';
import type { Parser } from './parser';
import { span, tryParse, unsupported } from './parseTools';
import { rawText } from './scripts';
import type { Token } from './tokens';

/** `\sum_{i=1}^{n} x_i`, `\sum^n_1 x`, `\prod …`: the rest of the term is the body. */
export function parsePrefixOperator(p: Parser, t: Token): (operand: Expr) => Expr {
  if (t.text === '\\nabla') return parseGradient(p, t);
  p.next();
  let index: string | undefined;
  let upper: Expr | undefined;
  let range: string | undefined;
  let lower: number | undefined;
  let except: string | undefined;
  while (p.is('_') || p.is('^') || p.is('\\limits')) {
    const script = p.next().text;
    if (script === '\\limits') continue;
    const r = p.argumentRange();
    if (script === '^') upper = tryParse(p, r.from, r.to);
    else {
      const raw = rawText(p, r.from, r.to);
      const m = /^([a-zA-Z])\s*(?:=\s*(\d+)\s*)?$/.exec(raw) ?? /^([a-zA-Z])\s*=/.exec(raw);
      index = m?.[1];
      lower = m?.[2] === undefined ? undefined : Number(m[2]);
      // `\sum_{k \neq j}`: every k but j
      const but = /^([a-zA-Z])\s*(?:\\neq?|!=|≠)\s*([a-zA-Z])$/.exec(raw.trim());
      if (but) [index, except] = [but[1], but[2]];
      // `\sum_{i,j}`, `\sum_{i \in S}`: not a sum over one whole index, which is all that is read
      if (index === undefined && raw !== '' && !/^\d+$/.test(raw)) range = raw;
    }
  }
  if (t.text !== '\\sum') return (body) => unsupported(t.text, [body], span(t, body.span));
  if (range !== undefined) {
    return (body) => ({
      kind: 'unsupported',
      reason: `a sum over ${range} (only sums over a whole index or over samples are checked)`,
      children: [body],
      span: span(t, body.span),
    });
  }
  return (body) => ({
    kind: 'sum',
    body,
    index,
    upper,
    ...(lower !== undefined && { lower }),
    ...(except && { except }),
    span: span(t, body.span),
  });
}

/**
 * `\nabla_{\mathbf{z}} L` is ∂L/∂z (the gradient has z's shape, as the note's derivatives do); `\nabla \mathcal{L}(\theta)`
 * without a subscript differentiates by the one argument of the call.
 */
function parseGradient(p: Parser, t: Token): (operand: Expr) => Expr {
  p.next();
  let wrt: Expr | undefined;
  if (p.is('_')) {
    p.next();
    const r = p.argumentRange();
    wrt = tryParse(p, r.from, r.to);
  }
  const gradient = (operand: Expr): Expr => {
    let of = operand;
    let by = wrt ?? (of.kind === 'call' && of.args.length === 1 ? of.args[0] : undefined);
    // `\nabla \mathcal{L}(\theta)`: a name applied to a bracketed variable reads as a product; it is the cost of θ
    if (!by && of.kind === 'binary' && of.op === '*' && of.left.kind === 'symbol' && of.right.kind === 'symbol' && of.right.inner)
      [of, by] = [of.left, of.right];
    // `\nabla a^l = \frac{\partial C}{\partial a^l}`: ∇ before a variable names the cost's gradient by it, as `da` does
    // (not of a cost itself: `\nabla L` is L's gradient by a variable it does not name)
    if (!by && of.kind === 'symbol' && !/^(?:[LJCE]|\\ell|\\mathcal\{[A-Z]\})(?:[_^]|$)/.test(of.name))
      return { kind: 'shorthand', of, span: span(t, operand.span) };
    if (by?.kind !== 'symbol') return unsupported(t.text, [operand], span(t, operand.span));
    return { kind: 'derivative', of, wrt: by, partial: true, span: span(t, operand.span) };
  };
  return Object.assign(gradient, { untilSpace: true });
}
