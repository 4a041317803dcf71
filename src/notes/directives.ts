/**
 * What a note tells derivcheck about itself: `derivcheck: off` in its front matter (the whole note is ignored),
 * `<!-- derivcheck-ignore -->` or Obsidian's `%% derivcheck-ignore %%` before a block or at the end of a line (that
 * block or line is ignored: its claims are not judged; its definitions still hold), and
 * `<!-- derivcheck-input: S -->` (or `derivcheck-inputs: [S, T]` in the front matter): S is an input of the note,
 * whatever the note writes for it, so its definitions are not used.
 */

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const OFF = /^derivcheck[ \t]*:[ \t]*["']?(off|false|ignore|no)["']?[ \t]*(?:#.*)?$/im;
const IGNORE = /<!--[ \t]*derivcheck-ignore[ \t]*-->|%%[ \t]*derivcheck-ignore[ \t]*%%/gi;

/** Offset ranges `[from, to)` of the text whose math is ignored: math that starts in one is not judged. */
export function ignoredRanges(text: string): [number, number][] {
  const front = FRONT_MATTER.exec(text);
  if (front && OFF.test(front[1])) return [[0, text.length + 1]];
  if (!/derivcheck-ignore/i.test(text)) return [];
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(IGNORE)) {
    const at = m.index ?? 0;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = (text.indexOf('\n', at) + 1 || text.length + 1) - 1;
    // (a quote's `>` before it is no text of the line)
    if (!/^[ \t>]*$/.test(text.slice(lineStart, at)) || text.slice(at + m[0].length, lineEnd).trim() !== '') {
      // on a line with math: that line
      ranges.push([lineStart, lineEnd]);
      continue;
    }
    // before a block: from the next line with text to the next blank line
    const next = /\n[ \t>]*(?=\S)/g;
    next.lastIndex = at + m[0].length;
    const found = next.exec(text);
    if (!found) continue;
    const from = found.index + 1;
    const blank = /\n[ \t>]*\r?\n/g;
    blank.lastIndex = from;
    const end = blank.exec(text);
    ranges.push([from, end ? end.index + 1 : text.length + 1]);
  }
  return ranges;
}

const INPUT = /<!--[ \t]*derivcheck-inputs?[ \t]*:([^\n]*?)-->|%%[ \t]*derivcheck-inputs?[ \t]*:([^\n]*?)%%/gi;
const FRONT_INPUTS = /^derivcheck-inputs?[ \t]*:[ \t]*\[?([^\]\n]*)\]?[ \t]*$/im;

/** The names (LaTeX) a note declares inputs, in the order written. */
export function inputNames(text: string): string[] {
  if (!/derivcheck-input/i.test(text)) return [];
  const lists: string[] = [];
  const front = FRONT_MATTER.exec(text);
  const declared = front && FRONT_INPUTS.exec(front[1]);
  if (declared) lists.push(declared[1]);
  for (const m of text.matchAll(INPUT)) lists.push(m[1] ?? m[2] ?? '');
  return lists.flatMap(splitNames);
}

/** `a_1, W^{[1]}` as its names: commas outside braces separate them. */
function splitNames(list: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of list) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      names.push(current);
      current = '';
    } else current += ch;
  }
  names.push(current);
  return names
    .map((n) =>
      n
        .trim()
        .replace(/^\$|\$$/g, '')
        .replace(/^["']|["']$/g, '')
        .trim(),
    )
    .filter((n) => n !== '');
}

/** The message for a `$$` that opens a block never closed before the next one's. */
export function unclosedMessage(): string {
  return 'this $$ is never closed, so the math after it would pair up wrongly: it is read as text until you close it';
}
