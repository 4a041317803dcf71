/**
 * The notation table: every spelling the parser understands, as data. Adding a notation is one entry here (and a
 * function one entry of the function registry, `src/functions.ts`).
 */
import { FUNCTIONS } from '../functions';
import { TENSOR_FUNCTIONS } from '../tensorFunctions';

/** Greek letters as symbols, with the Unicode used in messages. */
export const GREEK: Readonly<Record<string, string>> = {
  '\\alpha': 'α',
  '\\beta': 'β',
  '\\gamma': 'γ',
  '\\delta': 'δ',
  '\\epsilon': 'ϵ',
  '\\varepsilon': 'ε',
  '\\zeta': 'ζ',
  '\\eta': 'η',
  '\\theta': 'θ',
  '\\vartheta': 'ϑ',
  '\\iota': 'ι',
  '\\kappa': 'κ',
  '\\lambda': 'λ',
  '\\mu': 'μ',
  '\\nu': 'ν',
  '\\xi': 'ξ',
  '\\pi': 'π',
  '\\rho': 'ρ',
  '\\sigma': 'σ',
  '\\tau': 'τ',
  '\\upsilon': 'υ',
  '\\phi': 'ϕ',
  '\\varphi': 'φ',
  '\\chi': 'χ',
  '\\psi': 'ψ',
  '\\omega': 'ω',
  '\\Gamma': 'Γ',
  '\\Delta': 'Δ',
  '\\Theta': 'Θ',
  '\\Lambda': 'Λ',
  '\\Xi': 'Ξ',
  '\\Pi': 'Π',
  '\\Sigma': 'Σ',
  '\\Phi': 'Φ',
  '\\Psi': 'Ψ',
  '\\Omega': 'Ω',
  '\\ell': 'ℓ',
};

/** Function commands: `\tanh(u)`, `\sigma(z)` (σ is a function only when applied); from the function registry. */
export const FUNCTION_COMMANDS: Readonly<Record<string, string>> = Object.fromEntries(
  FUNCTIONS.flatMap((f) => (f.commands ?? []).map((c) => [c, f.name])),
);

/**
 * Function names written as words (`sigmoid(z)`, `\text{Relu}(z)`, `\operatorname{ReLU}`, `Sig(z)`), from the
 * registry. Keys are lower case; `exact` words must match case too (so `Sig` is sigmoid but `SIG` is not).
 */
export const FUNCTION_WORDS: Readonly<Record<string, { fn: string; exact?: readonly string[] }>> = Object.fromEntries([
  ...FUNCTIONS.flatMap((f) => (f.words ?? []).map((w) => [w, { fn: f.name }])),
  ...FUNCTIONS.flatMap((f) => (f.exactWords ?? []).map((w) => [w.toLowerCase(), { fn: f.name, exact: f.exactWords }])),
  ...TENSOR_FUNCTIONS.flatMap((f) => f.words.map((w) => [w, { fn: f.name }])),
]);

/** Looks a word up in FUNCTION_WORDS. */
export function functionForWord(word: string): string | undefined {
  const entry = FUNCTION_WORDS[word.toLowerCase()];
  if (!entry) return undefined;
  if (entry.exact && !entry.exact.includes(word)) return undefined;
  return entry.fn;
}

/** The longest function word is this long: the parser looks no further ahead. */
export const LONGEST_FUNCTION_WORD = Math.max(...Object.keys(FUNCTION_WORDS).map((w) => w.length));

/** Letters that, applied to parentheses, are an unknown (generic) differentiable function: `g(z)`, `f(x)`. */
export const GENERIC_FUNCTION_LETTERS: ReadonlySet<string> = new Set(['f', 'g', 'h', 'F', 'G', 'H', '\\phi', '\\varphi', '\\psi']);

/** Accents and fonts that make a new symbol out of a letter: `\hat{y}`, `\mathcal{L}`. */
export const DECORATIONS: ReadonlySet<string> = new Set([
  '\\hat',
  '\\widehat',
  '\\bar',
  '\\overline',
  '\\tilde',
  '\\widetilde',
  '\\dot',
  '\\ddot',
  '\\vec',
  '\\mathbf',
  '\\boldsymbol',
  '\\bm',
  '\\mathcal',
  '\\mathscr',
  '\\mathit',
  '\\mathsf',
  '\\mathfrak',
  '\\check',
  '\\breve',
]);

/** Commands whose argument is text: a function name, a subscript word, or an annotation. */
export const TEXT_COMMANDS: ReadonlySet<string> = new Set([
  '\\text',
  '\\textrm',
  '\\textit',
  '\\textbf',
  '\\textsf',
  '\\textnormal',
  '\\mathrm',
  '\\operatorname',
  '\\mbox',
]);

/** Spacing and style commands that mean nothing to the math. */
export const IGNORED_COMMANDS: ReadonlySet<string> = new Set([
  '\\,',
  '\\;',
  '\\:',
  '\\!',
  '\\ ',
  '\\>',
  '\\space',
  '\\enspace',
  '\\thinspace',
  '\\medspace',
  '\\thickspace',
  '\\displaystyle',
  '\\textstyle',
  '\\scriptstyle',
  '\\limits',
  '\\nolimits',
  '\\big',
  '\\Big',
  '\\bigg',
  '\\Bigg',
  '\\bigl',
  '\\bigr',
  '\\Bigl',
  '\\Bigr',
  '\\biggl',
  '\\biggr',
  '\\nonumber',
  '\\notag',
]);

/** Spacing commands that take an argument (`\hspace{1em}`): skipped with it. */
export const IGNORED_WITH_ARGUMENT: ReadonlySet<string> = new Set([
  '\\hspace',
  '\\vspace',
  '\\label',
  '\\tag',
  '\\color',
  '\\require',
  '\\textcolor',
]);

/** Explicit multiplication signs. */
export const MULTIPLY: ReadonlySet<string> = new Set(['\\cdot', '\\times', '*', '\\ast', '\\centerdot']);

/** Derivative operators: `\partial`, `d` (also `\mathrm{d}`), and `\delta` written for ∂. */
export const DERIVATIVE_OPERATORS: ReadonlySet<string> = new Set(['\\partial', 'd', '\\delta']);

/** What separates statements inside one block. */
export const STATEMENT_SEPARATORS: ReadonlySet<string> = new Set([
  ',',
  ';',
  '\\quad',
  '\\qquad',
  '\\because',
  '\\therefore',
  '\\\\',
  '\\newline',
  // `… \Rightarrow \frac{\partial L}{\partial w} = …`: an implication between equations sets them apart
  '\\Rightarrow',
  '\\implies',
  '\\Longrightarrow',
  '\\iff',
  '\\Leftrightarrow',
]);

/** Relations other than `=`: a statement with one of these is not an equation chain. */
export const OTHER_RELATIONS: ReadonlySet<string> = new Set([
  '\\equiv',
  '\\neq',
  '\\ne',
  '\\leq',
  '\\le',
  '\\geq',
  '\\ge',
  '<',
  '>',
  '\\rightarrow',
  '\\to',
  '\\Leftarrow',
  '\\impliedby',
  '\\in',
  '\\notin',
  '\\sim',
  '\\propto',
  '\\subset',
  '\\subseteq',
  '\\mapsto',
  '\\longrightarrow',
  '\\longleftarrow',
  '\\leftrightarrow',
  '\\lt',
  '\\gt',
  '\\cong',
  '\\simeq',
]);

/** Comparisons inside an indicator `(z > 0)`. */
export const COMPARISONS: Readonly<Record<string, '>' | '<' | '>=' | '<='>> = {
  '>': '>',
  '<': '<',
  '\\gt': '>',
  '\\lt': '<',
  '\\geq': '>=',
  '\\ge': '>=',
  '\\leq': '<=',
  '\\le': '<=',
};

/** Constructs that parse but are not checked, with the reason shown to the user (`\sum`, `\odot` and norms have rules of their own). */
export const UNSUPPORTED_COMMANDS: Readonly<Record<string, string>> = {
  '\\prod': '\\prod (products over indices are not checked yet)',
  '\\int': '\\int (integrals are not checked)',
  '\\lim': '\\lim (limits are not checked)',
  '\\nabla': '\\nabla of something that is not a function of one variable (write \\nabla_w L)',
  '\\odot': '\\odot with nothing on its left',
  '\\otimes': '\\otimes (tensor products are not checked)',
  '\\circ': '\\circ (composition or elementwise products are not checked yet)',
  '\\cdots': '\\cdots (an elided expression cannot be checked)',
  '\\ldots': '\\ldots (an elided expression cannot be checked)',
  '\\dots': '\\dots (an elided expression cannot be checked)',
  '\\infty': '\\infty (limits are not checked)',
  '\\pm': '\\pm (two expressions in one)',
  '\\mp': '\\mp (two expressions in one)',
};

/** Environments that are just alignment around equations: their rows are statements. */
export const ALIGNMENT_ENVIRONMENTS: ReadonlySet<string> = new Set([
  'equation',
  'equation*',
  'align',
  'align*',
  'aligned',
  'gather',
  'gather*',
  'gathered',
  'split',
  'alignat',
  'alignat*',
  'alignedat',
  'multline',
  'multline*',
  'eqnarray',
  'eqnarray*',
]);

/** Unicode subscript digits for readable messages: w_2 → w₂. */
const SUBSCRIPT_DIGITS: Readonly<Record<string, string>> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
};

const DECORATION_UNICODE: Readonly<Record<string, (s: string) => string>> = {
  '\\hat': (s) => `${s}\u0302`,
  '\\widehat': (s) => `${s}\u0302`,
  '\\bar': (s) => `${s}\u0304`,
  '\\overline': (s) => `${s}\u0304`,
  '\\tilde': (s) => `${s}\u0303`,
  '\\dot': (s) => `${s}\u0307`,
  '\\mathcal': (s) => (({ L: 'ℒ', J: '𝒥', C: '𝒞' }) as Record<string, string>)[s] ?? s,
};

const DISPLAY_CACHE = new Map<string, string>();

/** A symbol's canonical LaTeX name as readable Unicode for messages: `\delta_{out}` → δ_out, `w_2` → w₂. */
export function displayName(name: string): string {
  let shown = DISPLAY_CACHE.get(name);
  if (shown === undefined) {
    shown = computeDisplayName(name);
    if (DISPLAY_CACHE.size < 10000) DISPLAY_CACHE.set(name, shown);
  }
  return shown;
}

function computeDisplayName(name: string): string {
  let s = name.replace(/\\([a-zA-Z]+)\{([^{}]*)\}/g, (m, cmd: string, arg: string) => {
    const f = DECORATION_UNICODE[`\\${cmd}`];
    return f ? f(displayName(arg)) : m;
  });
  s = s.replace(/\\[a-zA-Z]+/g, (cmd) => GREEK[cmd] ?? cmd);
  const subscript = (_m: string, digits: string): string => [...digits].map((d) => SUBSCRIPT_DIGITS[d]).join('');
  s = s.replace(/_\{(\d+)\}/g, subscript).replace(/_(\d+)/g, subscript);
  s = s.replace(/_\{([^{}]*)\}/g, '_$1');
  s = s.replace(/\^\{([^{}]*)\}/g, '^$1');
  return s;
}
