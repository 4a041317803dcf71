/**
 * Index notation in names: `y_k`, `\hat{y}_k`, `\hat{y_k}`, `z_j^{[2]}`, `W_{k,j}^{[2]}`, `w_{jk}`, `a^{(i)}_k` are
 * entries of the vector or matrix named by their stem (`y`, `\hat{y}`, `z^{[2]}`, `W^{[2]}`, `w`, `a^{(i)}`).
 */

/** A name read as an entry: the stem it belongs to, and the index letters (or numbers) in its subscript. */
export interface IndexedName {
  readonly stem: string;
  readonly indices: readonly string[];
  /** The name of the entry at given index values: `z_1^{[2]}`, `W_{1,2}^{[2]}`, `\hat{y}_3`. */
  readonly at: (values: readonly number[]) => string;
}

// base, then a subscript (`_k` or `_{…}`), then an optional superscript (`^{[2]}`, `^{(i)}`, `^l`)
const SUBSCRIPTED = /^(.+?)_(?:\{([^{}]*)\}|([a-zA-Z0-9]))((?:\^\{[^{}]*\}|\^[a-zA-Z0-9])?)$/;
// a decoration around an indexed name: `\hat{y_k}`
const DECORATED = /^(\\(?:hat|tilde|bar|overline)\{)(.+)\}$/;
// bold (or an arrow) says "vector", and `\mathbf{u}` is the vector whose entries are `u_k`
const BOLD = /^\\(?:mathbf|boldsymbol|bm|vec)\{(.+)\}$/;

/** The name without the bold that marks a vector: `\mathbf{u}` → `u`, `\boldsymbol{\delta}` → `\delta`. */
export function plainStem(name: string): string {
  const bold = BOLD.exec(name);
  if (bold) return plainStem(bold[1]);
  // `\mathbf{u}_k`, `\mathbf{W}^{[2]}`: bold base with scripts
  return name.replace(/^\\(?:mathbf|boldsymbol|bm|vec)\{([^{}]+)\}(?=[_^])/, '$1');
}

/**
 * The name as an entry, when its subscript is made of index letters only (`letters`: the note's index letters).
 * `w_1`, `E_{total}`, `out_{o1}` are names of their own, not entries.
 */
export function readIndexed(name: string, letters: ReadonlySet<string>): IndexedName | undefined {
  const bold = BOLD.exec(name);
  if (bold) return readIndexed(bold[1], letters);
  const decorated = DECORATED.exec(name);
  if (decorated) {
    const inner = readIndexed(decorated[2], letters);
    if (!inner) return undefined;
    const stem = `${decorated[1]}${inner.stem}}`;
    return { stem, indices: inner.indices, at: (values) => entryName(stem, '', values) };
  }
  const m = SUBSCRIPTED.exec(plainStem(name));
  if (!m) return undefined;
  const [, base, braced, single, sup] = m;
  const indices = splitIndices(braced ?? single, letters);
  if (!indices) return undefined;
  return { stem: base + sup, indices, at: (values) => entryName(base, sup, values) };
}

/** `k` → [k]; `k,j` and `jk` → [k, j] when every part is an index letter. */
function splitIndices(sub: string, letters: ReadonlySet<string>): string[] | undefined {
  const parts = sub.includes(',') ? sub.split(',').map((s) => s.trim()) : [...sub.replace(/\s+/g, '')];
  if (parts.length === 0 || parts.length > 2) return undefined;
  return parts.every((p) => letters.has(p)) ? parts : undefined;
}

/** The canonical name of an entry (the parser writes the subscript before the superscript, as here). */
export function entryName(base: string, sup: string, values: readonly number[]): string {
  if (base.endsWith('}') && base.includes('^{') && sup === '') {
    // a stem with its superscript inside (`z^{[2]}`): the subscript goes before the superscript
    const at = base.lastIndexOf('^{');
    return entryName(base.slice(0, at), base.slice(at), values);
  }
  const sub = values.length === 1 && values[0] < 10 ? `${values[0]}` : `{${values.join(',')}}`;
  return `${base}_${sub}${sup}`;
}

/** The name of an entry of a stem written without index (`z^{[2]}` at 1 → `z_1^{[2]}`). */
export function stemEntry(written: string, values: readonly number[]): string {
  const stem = plainStem(written);
  const decorated = DECORATED.exec(stem);
  if (decorated && !decorated[2].includes('_')) return entryName(stem, '', values);
  const sup = /(\^\{[^{}]*\}|\^[a-zA-Z0-9])$/.exec(stem);
  return sup ? entryName(stem.slice(0, sup.index), sup[1], values) : entryName(stem, '', values);
}
