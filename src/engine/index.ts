/** The network engine: float64 tensors, a reverse-mode autodiff tape, and finite-difference checks. */
export { type Shape, ShapeError, Tensor, shapeText } from './tensor';
export { Var, backward, constant, gradient, leaf } from './autodiff';
export { add, div, matmul, mean, mul, neg, pow, scale, sub, sumAll, sumOverColumns, sumOverRows, transpose } from './ops';
export {
  type ElementwiseRule,
  ELEMENTWISE_RULES,
  abs,
  elementwise,
  exp,
  leakyRelu,
  log,
  relu,
  sigmoid,
  softmax,
  sqrt,
  step,
  tanh,
} from './elementwise';
export { bce, halfMse, l2, mse, softmaxCrossEntropy } from './losses';
export { transposeValues } from './kernels';
export { diag, trace } from './matrixFunctions';
export {
  CENTRAL_STEP,
  DIRECTIONAL_FLOOR,
  DIRECTIONAL_STEP,
  DIRECTIONAL_TOLERANCE,
  type DirectionalCheckResult,
  type DirectionalComparison,
  centralDifference,
  directionalCheck,
} from './finiteDifference';
