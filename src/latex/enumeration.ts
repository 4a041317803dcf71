/** `l = 1, 2, \ldots, L`, `i = 1, …, n`: an enumeration of values, read as neither a definition nor a claim. */
import { STATEMENT_SEPARATORS } from './notation';
import type { Token } from './tokens';

const ELLIPSES = new Set(['\\ldots', '\\dots', '\\cdots', '…']);

/**
 * At the `,` after `l = 1` of `l = 1, 2, \ldots, L`: the last token of the enumeration when its items are simple
 * and one is an ellipsis; else undefined.
 */
export function enumerationEnd(tokens: readonly Token[], comma: number, before: readonly Token[]): number | undefined {
  const eq = before.findIndex((t) => t.text === '=');
  if (eq < 0 || before.length - eq !== 2) return undefined;
  let ellipsis = false;
  let i = comma;
  while (i < tokens.length && tokens[i].text === ',') {
    let j = i + 1;
    const item: Token[] = [];
    while (j < tokens.length && tokens[j].text !== ',' && !STATEMENT_SEPARATORS.has(tokens[j].text)) item.push(tokens[j++]);
    const text = item.map((t) => t.text).join('');
    if (ELLIPSES.has(text) || /^\.{2,}$/.test(text)) ellipsis = true;
    else if (item.length !== 1) return undefined;
    i = j;
  }
  return ellipsis ? i - 1 : undefined;
}
