/**
 * Math written as plain text, in a note with no math delimiters at all (blog posts and READMEs do this):
 * `* a_h1 = σ(o1) = 1/(1+exp(-h1))`, `δE_total/δw5 = δE1/δa_o1 * δa_o1/δo1 * δo1/δw5`. A line is math when it has an
 * `=` and nothing but names, numbers, operators and function words; a line of prose never is.
 */

// what a plain-text equation is made of: names (with `_` and digits), numbers, operators, brackets, Greek letters
const CHARS = /^[A-Za-z0-9_^*/+\-().,=\s·×−σδ∂ηαλθμεπ′']+$/;
const FUNCTION_WORDS = new Set(['exp', 'log', 'ln', 'sigmoid', 'tanh', 'relu', 'ReLU', 'max', 'min', 'sqrt', 'sin', 'cos']);

/** Where the math of one line of text starts and ends (after a list marker), if the line is an equation. */
export function plainEquation(line: string): { start: number; end: number } | undefined {
  const marker = /^\s*(?:[*+-]|\d+[.)])\s+/.exec(line);
  const start = marker ? marker[0].length : line.length - line.trimStart().length;
  const text = line.slice(start).trimEnd();
  if (!text.includes('=') || /==|:\/\/|=>|<=|>=/.test(text) || !CHARS.test(text)) return undefined;
  // every word is a short name, an indexed name (`E_total`, `a_h1`), or a function word
  for (const word of text.match(/[A-Za-z0-9_]+/g) ?? []) {
    const letters = word.replace(/[^A-Za-z]/g, '');
    if (letters.length > 3 && !word.includes('_') && !/\d/.test(word) && !FUNCTION_WORDS.has(word)) return undefined;
  }
  const [left, right] = [text.slice(0, text.indexOf('=')).trim(), text.slice(text.indexOf('=') + 1).trim()];
  if (left === '' || right === '') return undefined;
  return { start, end: start + text.length };
}
