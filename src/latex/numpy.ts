/**
 * NumPy calls written into formulas, as course notes do: `\frac{1}{m} np.sum(dZ^{[2]}, axis=1, keepdims=True)`,
 * `\text{np.sum}(dZ)`, `np.dot(W, A)`, `np.multiply(dA, g'(Z))`, `np.exp(Z)`, `np.maximum(0, Z)`.
 */
import { TEXT_COMMANDS } from './notation';
import type { Expr } from './ast';
import type { Parser } from './parser';
import { LatexError, span } from './parseTools';
import type { Token } from './tokens';

const ELEMENTWISE: Readonly<Record<string, string>> = { exp: 'exp', log: 'log', tanh: 'tanh', sqrt: 'sqrt', abs: 'abs' };
const NAMES = new Set(['sum', 'dot', 'matmul', 'multiply', 'maximum', 'square', 'transpose', ...Object.keys(ELEMENTWISE)]);

/** The NumPy function named at the parser's position (`np` `.` `sum`, or `\text{np.sum}`), and how many tokens it takes. */
export function numpyName(p: Parser): { name: string; length: number } | undefined {
  const t = p.peek();
  if (t?.type === 'command' && p.peek(1)?.text === '{') {
    const close = p.matchingBrace(p.pos + 1);
    const word = /^np\.(\w+)$/.exec(p.ctx.src.slice(p.toks[p.pos + 1].end, p.toks[close].start).trim())?.[1];
    return word && NAMES.has(word) && p.toks[close + 1]?.text === '(' ? { name: word, length: close - p.pos + 1 } : undefined;
  }
  if (t?.text !== 'n' || p.peek(1)?.text !== 'p' || p.peek(2)?.text !== '.') return undefined;
  let word = '';
  let k = 3;
  for (; p.peek(k)?.type === 'letter'; k++) word += p.peek(k)!.text;
  return NAMES.has(word) && p.peek(k)?.text === '(' ? { name: word, length: k } : undefined;
}

/** Parses the call whose name `numpyName` found; keyword arguments (`axis=1`) are read, not parsed as math. */
export function parseNumpyCall(p: Parser, t: Token, name: string, length: number): Expr {
  for (let k = 0; k < length; k++) p.next();
  p.expect('(', `( after np.${name}`);
  const args: Expr[] = [];
  const keywords = new Map<string, string>();
  while (!p.is(')')) {
    const keyword = keywordAt(p);
    if (keyword) keywords.set(keyword.name, keyword.value);
    else args.push(p.parseExpr());
    if (!p.is(',')) break;
    p.next();
  }
  const close = p.expect(')', `) to close np.${name}`);
  const s = span(t, close);
  const [a, b] = args;
  if (!a) throw new LatexError(`np.${name} needs an argument`, s);
  if (name === 'sum') {
    const axis = keywords.get('axis');
    // axis=1 adds across each row (a column remains), axis=0 down each column (a row remains)
    const mode = axis === '1' || axis === '-1' ? 'columns' : axis === '0' ? 'rows' : axis === undefined ? 'all' : undefined;
    if (!mode) throw new LatexError(`np.sum with axis=${axis}`, s);
    return { kind: 'sum', body: a, axis: mode, span: s };
  }
  if (name === 'transpose') return { kind: 'transpose', arg: a, span: s };
  if (name === 'square') return { kind: 'binary', op: '^', left: a, right: { kind: 'number', value: 2, span: s }, span: s };
  if (name in ELEMENTWISE) return { kind: 'call', fn: ELEMENTWISE[name], generic: false, primes: 0, args: [a], span: s };
  if (!b) throw new LatexError(`np.${name} needs two arguments`, s);
  if (name === 'maximum' && a.kind === 'number' && a.value === 0)
    return { kind: 'call', fn: 'relu', generic: false, primes: 0, args: [b], span: s };
  if (name === 'maximum') throw new LatexError('np.maximum of something other than 0', s);
  return { kind: 'binary', op: name === 'multiply' ? 'hadamard' : '*', left: a, right: b, span: s };
}

/** `axis=1`, `keepdims=True`: a name, `=`, and a value up to the next `,` or `)`. */
function keywordAt(p: Parser): { name: string; value: string } | undefined {
  let k = 0;
  let name = '';
  // (`\text{axis}=1`, `\text{keepdims}=\text{True}`: the words may be set as text)
  const word = (at: number): { text: string; length: number } | undefined => {
    const t = p.peek(at);
    if (t?.type === 'letter') return { text: t.text, length: 1 };
    if (t && TEXT_COMMANDS.has(t.text) && p.peek(at + 1)?.text === '{') {
      let n = at + 2;
      let text = '';
      while (p.peek(n) && p.peek(n)!.text !== '}') text += p.peek(n++)!.text;
      return p.peek(n) ? { text, length: n - at + 1 } : undefined;
    }
    return undefined;
  };
  for (let w = word(k); w; w = word(k)) {
    name += w.text;
    k += w.length;
  }
  if (name === '' || p.peek(k)?.text !== '=') return undefined;
  let value = '';
  for (k++; p.peek(k) && p.peek(k)!.text !== ',' && p.peek(k)!.text !== ')'; k++)
    value += TEXT_COMMANDS.has(p.peek(k)!.text) || p.peek(k)!.text === '{' || p.peek(k)!.text === '}' ? '' : p.peek(k)!.text;
  for (let i = 0; i < k; i++) p.next();
  return { name, value: value.trim() };
}
