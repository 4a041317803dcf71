/**
 * Python identifiers for a note's names: `w_2` stays `w_2`, `\hat{y}` is `y_hat`, `Z^{[1]}` is `Z_1`, `\lambda` is
 * `lambda_` (a keyword). Each note name gets one identifier, never shared with another name or with the export's own.
 */

const KEYWORDS: ReadonlySet<string> = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);

/** Accents written after the letter they decorate (`\hat{y}` → `y_hat`); fonts are dropped (`\mathcal{L}` → `L`). */
const ACCENTS: Readonly<Record<string, string>> = {
  hat: 'hat',
  widehat: 'hat',
  bar: 'bar',
  overline: 'bar',
  tilde: 'tilde',
  widetilde: 'tilde',
  dot: 'dot',
  ddot: 'ddot',
  vec: 'vec',
  check: 'check',
  breve: 'breve',
};

/** The identifier a LaTeX name reads as, before any clash is resolved. */
export function identifierOf(latex: string): string {
  const accented = latex.replace(/\\([a-zA-Z]+)\s*\{([^{}]*)\}/g, (_whole, command: string, inner: string) =>
    ACCENTS[command] ? `${inner}_${ACCENTS[command]}` : inner,
  );
  const words = accented
    .replace(/\\([a-zA-Z]+)/g, '$1')
    .replace(/'/g, '_prime')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const id = words === '' ? 'value' : /^[0-9]/.test(words) ? `v_${words}` : words;
  return KEYWORDS.has(id) ? `${id}_` : id;
}

/** Hands out identifiers: the same name always gets the same one, two names never do, reserved words are avoided. */
export class Identifiers {
  private readonly byName = new Map<string, string>();
  private readonly taken: Set<string>;

  constructor(reserved: Iterable<string>) {
    this.taken = new Set(reserved);
  }

  /** The identifier of a note name. */
  of(name: string): string {
    const known = this.byName.get(name);
    if (known) return known;
    const id = this.fresh(identifierOf(name));
    this.byName.set(name, id);
    return id;
  }

  /** Identifiers for a new scope (a function's parameters): none of these, nor each other. */
  child(): Identifiers {
    return new Identifiers([...this.taken]);
  }

  /** A new identifier from a wished-for one (`dC_dw_2`, then `dC_dw_2_2`, …). */
  fresh(wish: string): string {
    let id = wish;
    for (let n = 2; this.taken.has(id); n++) id = `${wish}_${n}`;
    this.taken.add(id);
    return id;
  }
}
