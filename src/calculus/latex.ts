/** mathjs trees back to LaTeX in the note's own symbols, lightly tidied (no `·1`, `+0`, `^{2-1}`). */
import { type MathNode, TIDY_DEPTH, isCall, isPrintable, isSymbol, math, treeDepth } from './math';
import { displayName } from '../latex/notation';
import { FUNCTION_BY_NAME } from '../functions';

/** Functions mathjs would print otherwise (σ as sigmoid, the indicator as step, ln as log). */
const SHOWN_BY_NAME: ReadonlySet<string> = new Set([
  'sigmoid',
  'relu',
  'step',
  'log',
  'leakyrelu',
  'elu',
  'softplus',
  'swish',
  'softsign',
  'gelu',
]);
import { RULES, parseGenericName } from './rules';

/** Removes the trivial parts differentiation leaves (`1·x`, `x + 0`, `(2 − 1)`) without reshaping the rest. */
export function tidy(node: MathNode): MathNode {
  if (!isPrintable(node) || treeDepth(node, TIDY_DEPTH) > TIDY_DEPTH) return node;
  return math.simplifyCore(math.simplifyConstant(math.simplifyCore(node)));
}

const MARK = '\u0001';
export const TOO_LARGE_TEXT = '(an expression too large to show)';
const TOO_LARGE_LATEX = '\\text{(an expression too large to show)}';
const primes = (n: number): string => (n <= 3 ? "'".repeat(n) : `^{(${n})}`);

/**
 * LaTeX for a tree; `latexOfSymbol` names the note's symbols (`s_3` → `w_2`). Functions print as the rule
 * table says (σ, ReLU, 1[·]); generic functions as g, g′, g″.
 */
export function toLatex(node: MathNode, latexOfSymbol: (id: string) => string | undefined): string {
  if (!isPrintable(node)) return TOO_LARGE_LATEX;
  const handler = (n: MathNode, options: object): string | undefined => {
    if (isSymbol(n)) {
      const name = latexOfSymbol(n.name);
      return name === undefined ? undefined : `${MARK}${name}`;
    }
    if (!isCall(n) || n.args.length !== 1) return undefined;
    const arg = n.args[0].toTex(options);
    const rule = RULES[n.fn.name];
    // mathjs writes its own functions well; the registry's others (σ, ReLU, the indicator) and ln its way
    if (rule && (FUNCTION_BY_NAME.get(n.fn.name)?.custom || n.fn.name === 'log')) return rule.latex(arg);
    const g = parseGenericName(n.fn.name);
    if (g) return `${g.fn}${primes(g.primes)}\\left(${arg}\\right)`;
    return undefined;
  };
  // a space only where a command would run into a name (`\cdot A_1`, not `\cdotA_1`)
  // (\u0001 is the handler's own mark after a command)
  return node.toTex({ handler, parenthesis: 'auto', implicit: 'hide' }).replace(MARK_AFTER_COMMAND, '$1 ').replace(MARKS, '');
}

// eslint-disable-next-line no-control-regex -- the mark is a control character on purpose: no note contains one
const MARKS = /\u0001/g;
// eslint-disable-next-line no-control-regex -- (as above)
const MARK_AFTER_COMMAND = /(\\[a-zA-Z]+)\u0001(?=[a-zA-Z])/g;

/** LaTeX of a tidied tree. */
export function tidyLatex(node: MathNode, latexOfSymbol: (id: string) => string | undefined): string {
  return toLatex(tidy(node), latexOfSymbol);
}

/** Plain text for a tidied tree, for messages: `σ(z₂) (1 - σ(z₂))`. */
export function toText(node: MathNode, textOfSymbol: (id: string) => string | undefined): string {
  if (!isPrintable(node)) return TOO_LARGE_TEXT;
  const handler = (n: MathNode, options: object): string | undefined => {
    if (isSymbol(n)) return textOfSymbol(n.name);
    if (!isCall(n) || n.args.length !== 1) return undefined;
    const g = parseGenericName(n.fn.name);
    const name = g
      ? `${displayName(g.fn)}${'′'.repeat(g.primes)}`
      : SHOWN_BY_NAME.has(n.fn.name)
        ? FUNCTION_BY_NAME.get(n.fn.name)?.text
        : undefined;
    if (!name) return undefined;
    const arg = n.args[0].toString(options);
    return n.fn.name === 'step' ? `[${arg} > 0]` : `${name}(${arg})`;
  };
  return tidy(node)
    .toString({ handler, parenthesis: 'auto', implicit: 'hide' })
    .replace(/ \* /g, '·')
    .replace(/ \^ /g, '^')
    .replace(/ - /g, ' − ');
}
