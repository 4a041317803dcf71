/**
 * What a symbol's name says about its role, by the conventions of neural-network notes: `m`, `n`, `\alpha`,
 * `\eta`, `\lambda` are scalars; `b` is a bias column; `W`, `U`, `V` are weight matrices (a product with one on the
 * left is a matrix product); lowercase letters are vectors; `y`, `Y`, `t` are labels. Each rule is a table entry.
 */
import type { Expr } from '../../latex/ast';
import type { DimShape, Dims } from './dims';

/** The letter a canonical name starts with: `W^{[1]}` → W, `\alpha_2` → \alpha, `\hat{y}` → y. */
export function baseLetter(name: string): string {
  const decorated = /^\\[a-zA-Z]+\{\\?([a-zA-Z]+)\}/.exec(name);
  if (decorated) return decorated[1];
  return /^\\?[a-zA-Z]+|^./.exec(name)?.[0] ?? name;
}

const SCALAR_BASES = new Set(['m', 'n', 'N', 'M', '\\alpha', '\\eta', '\\lambda', '\\gamma', '\\epsilon', '\\beta']);
const BIAS_BASES = new Set(['b', 'B']);
const WEIGHT_BASES = new Set(['W', 'U', 'V', '\\Theta', '\\Omega']);
/** Costs are numbers, labels sit beside what they label: neither is a matrix that multiplies a vector. */
const NOT_MATRICES = new Set(['Y', 'T', 'J', 'L', 'C', 'E']);

/** A capital (`X`, `A`, `\\Phi`) on the left of a product is a matrix (a data or design matrix), as weights are. */
function isCapital(base: string): boolean {
  return (/^[A-Z]$/.test(base) || /^\\[A-Z][a-z]+$/.test(base)) && !NOT_MATRICES.has(base);
}
const LABEL_BASES = new Set(['y', 'Y', 't', 'T']);

/** Scalars by name, when written bare (`\alpha_2` is an activation, `\alpha` a learning rate). */
export function isScalarName(name: string): boolean {
  return SCALAR_BASES.has(name);
}

export function isBiasName(name: string): boolean {
  return BIAS_BASES.has(baseLetter(name));
}

export function isLabelName(name: string): boolean {
  return LABEL_BASES.has(baseLetter(name));
}

/** A lowercase name with no layer of its own is read as a column vector when nothing says otherwise. */
export function isLowercase(name: string): boolean {
  const b = baseLetter(name);
  return /^[a-z]$/.test(b) || /^\\[a-z]+$/.test(b);
}

/** Is the left factor of a product a matrix (so the product is a matrix product)? */
export function isMatrixLike(e: Expr, shapeOf: (name: string) => DimShape | undefined, dims: Dims): boolean {
  switch (e.kind) {
    case 'transpose':
      return true;
    case 'symbol': {
      const s = shapeOf(e.name);
      const declared = s && (dims.sizeOf(s.r) ?? 1) > 1 && (dims.sizeOf(s.c) ?? 1) > 1;
      return WEIGHT_BASES.has(baseLetter(e.name)) || isCapital(baseLetter(e.name)) || !!declared;
    }
    case 'shorthand':
      return WEIGHT_BASES.has(baseLetter(e.of.name));
    case 'binary':
      return e.op === '*' && (isMatrixLike(e.left, shapeOf, dims) || isMatrixLike(e.right, shapeOf, dims));
    case 'labelled':
      return isMatrixLike(e.expr, shapeOf, dims);
    case 'call':
      // diag(v) is a matrix, and so is a matrix of numbers written out with several rows and columns
      return e.fn === 'diag' || (e.fn === 'matrix' && (e.rows ?? 1) > 1 && e.args.length / (e.rows ?? 1) > 1);
    default:
      return false;
  }
}

/** `\mathbf{1}`, `\boldsymbol{1}`, `\mathbb{1}`, `\vec{1}` written alone: the vector (or matrix) of ones, of the shape it is used with. */
export const isOnes = (name: string): boolean => /^\\(?:mathbf|boldsymbol|bm|mathbb|vec)\{1\}$/.test(name);
