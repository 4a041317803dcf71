/**
 * Functions of a whole vector or matrix, not entry by entry (those are `functions.ts`): one entry each, with the
 * words a note writes them with. The network engine evaluates them (verify/vector/tensorOps.ts).
 */

export interface TensorFunction {
  /** The name in expression trees. */
  readonly name: string;
  /** Spellings: `\text{diag}(v)`, `\operatorname{Tr}(M)`, `softmax(z)` (matched without case). */
  readonly words: readonly string[];
  /** What it is, for messages: "diag(…), a diagonal matrix". */
  readonly what: string;
  /** Its value in NumPy, a Python expression in `u`, when the export can write it. */
  readonly numpy?: string;
}

export const TENSOR_FUNCTIONS: readonly TensorFunction[] = [
  { name: 'softmax', words: ['softmax'], what: 'softmax' },
  {
    name: 'diag',
    words: ['diag'],
    what: 'diag(…), a diagonal matrix',
    numpy: 'np.diagflat(u) if min(np.shape(u)) == 1 else np.diag(u).reshape(-1, 1)',
  },
  { name: 'trace', words: ['tr', 'trace'], what: 'the trace Tr(…)', numpy: 'np.trace(u)' },
  // (no words: the parser makes it of `\begin{bmatrix}` with numbers in every cell)
  { name: 'matrix', words: [], what: 'a matrix of numbers written out' },
];

export const TENSOR_FUNCTION_BY_NAME: ReadonlyMap<string, TensorFunction> = new Map(TENSOR_FUNCTIONS.map((f) => [f.name, f]));
