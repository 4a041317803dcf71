/** Token clean-up before a block is split into statements: alignment marks and environments, struck-out terms. */
import { MATRIX_DEPTH_CLOSE, MATRIX_DEPTH_OPEN, closingBrace, skipLineSpacing } from './connectives';
import { ALIGNMENT_ENVIRONMENTS, IGNORED_WITH_ARGUMENT } from './notation';
import type { Token } from './tokens';

const SIZED_OPEN = new Set(['\\left', '\\bigl', '\\Bigl', '\\biggl', '\\Biggl', '\\big', '\\Big', '\\bigg', '\\Bigg']);
const SIZED_CLOSE = new Set(['\\right', '\\bigr', '\\Bigr', '\\biggr', '\\Biggr', '\\big', '\\Big', '\\bigg', '\\Bigg']);

/** Removes `\begin{aligned}`/`\end{aligned}` and the `&` alignment marks outside matrices. */
export function stripAlignment(tokens: Token[]): Token[] {
  const out: Token[] = [];
  let matrixDepth = 0;
  let brackets = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if ((t.text === '\\begin' || t.text === '\\end') && tokens[i + 1]?.text === '{') {
      let close = i + 2;
      while (close < tokens.length && tokens[close].text !== '}') close++;
      const name = tokens
        .slice(i + 2, close)
        .map((x) => x.text)
        .join('');
      if (ALIGNMENT_ENVIRONMENTS.has(name) && matrixDepth === 0) {
        out.push({ ...t, text: '\\\\', start: t.start, end: tokens[Math.min(close, tokens.length - 1)].end });
        i = close;
        continue;
      }
      matrixDepth += t.text === '\\begin' ? 1 : -1;
      matrixDepth = Math.max(0, matrixDepth);
    }
    if (t.text === '&' && matrixDepth === 0) continue;
    // a row break inside sized brackets (`{1 \over 2}\Bigg( … \\ +& … \Bigg)`) only breaks the line
    if (SIZED_OPEN.has(t.text) && MATRIX_DEPTH_OPEN.has(tokens[i + 1]?.text ?? '')) brackets++;
    if (SIZED_CLOSE.has(t.text) && MATRIX_DEPTH_CLOSE.has(tokens[i + 1]?.text ?? '')) brackets = Math.max(0, brackets - 1);
    if (t.text === '\\\\' && brackets > 0 && matrixDepth === 0) {
      i = skipLineSpacing(tokens, i);
      continue;
    }
    // `\tag{7}`, `\label{eq:…}`, `\require{cancel}`, `\color{red}`: not math, wherever they stand
    if (IGNORED_WITH_ARGUMENT.has(t.text) && tokens[i + 1]?.text === '{') {
      const close = closingBrace(tokens, i + 1);
      // a horizontal space stays a space (it may set two equations apart)
      if (t.text === '\\hspace') out.push({ ...t, text: '\\enspace', end: tokens[close].end });
      i = close;
      continue;
    }
    out.push(t);
    if (t.text === '\\\\') i = skipLineSpacing(tokens, i);
  }
  return out;
}

const STRIKES = new Set(['\\cancel', '\\bcancel', '\\xcancel', '\\sout']);

/**
 * `y \cancel{- y h} - h \cancel{+ y h}`: struck-out terms are still terms of the sum (they cancel each other), so
 * the strike and its braces go and what it holds stays in place. `\cancelto{0}{x}` keeps x.
 */
export function unwrapStrikes(tokens: Token[]): Token[] {
  if (!tokens.some((t) => STRIKES.has(t.text) || t.text === '\\cancelto')) return tokens;
  const drop = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].text;
    if (!STRIKES.has(t) && t !== '\\cancelto') continue;
    let open = i + 1;
    if (t === '\\cancelto' && tokens[open]?.text === '{') {
      const close = closingBrace(tokens, open);
      for (let k = open; k <= close; k++) drop.add(k);
      open = close + 1;
    }
    if (tokens[open]?.text !== '{') continue;
    drop.add(i).add(open).add(closingBrace(tokens, open));
  }
  return tokens.filter((_, i) => !drop.has(i));
}
