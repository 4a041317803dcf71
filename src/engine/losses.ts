/** Losses, each a 1×1 Var. Prediction and target must have the same shape (no broadcasting). */
import { type Var, constant, record } from './autodiff';
import { isRowDistribution, log } from './elementwise';
import { columnLogSoftmax } from './kernels';
import { add, mean, mul, neg, pow, requireSameShape, scale, sub, sumAll, transpose } from './ops';
import { Tensor } from './tensor';

/** Mean over all entries of (pred − target)². */
export function mse(pred: Var, target: Var): Var {
  requireSameShape('mse', pred, target);
  return mean(pow(sub(pred, target), 2));
}

/** ½ · mse: the mean over all entries of ½(pred − target)². */
export function halfMse(pred: Var, target: Var): Var {
  requireSameShape('halfMse', pred, target);
  return scale(mse(pred, target), 0.5);
}

/** Binary cross-entropy: mean over all entries of −(y·log p + (1 − y)·log(1 − p)), for p in (0, 1). */
export function bce(p: Var, y: Var): Var {
  requireSameShape('bce', p, y);
  const one = constant(Tensor.scalar(1));
  return neg(mean(add(mul(y, log(p)), mul(sub(one, y), log(sub(one, p))))));
}

/** Σ w² over all entries (no ½). */
export function l2(w: Var): Var {
  return sumAll(pow(w, 2));
}

/**
 * Mean over columns (samples) of −Σₖ yₖ log softmax(z)ₖ, fused and stable (log softmax = z − max − log Σ exp(z − max)).
 * Columns are the distributions, as in `softmax`; a 1×n row is one distribution.
 */
export function softmaxCrossEntropy(logits: Var, y: Var): Var {
  requireSameShape('softmaxCrossEntropy', logits, y);
  return isRowDistribution(logits) ? columnCrossEntropy(transpose(logits), transpose(y)) : columnCrossEntropy(logits, y);
}

/** softmaxCrossEntropy with the distributions as columns. */
function columnCrossEntropy(z: Var, y: Var): Var {
  const { rows, cols } = z.value;
  const logS = columnLogSoftmax(z.value);
  let total = 0;
  for (let i = 0; i < logS.size; i++) total -= y.value.data[i] * logS.data[i];
  return record(Tensor.scalar(total / cols), [z, y], (g) => {
    const c = g.data[0] / cols;
    const ySums = new Float64Array(cols);
    for (let i = 0; i < y.value.size; i++) ySums[i % cols] += y.value.data[i];
    const dz = Tensor.zeros(rows, cols);
    const dy = Tensor.zeros(rows, cols);
    // ∂/∂z of −Σₖ yₖ log sₖ is s·Σₖyₖ − y (s − y for one-hot y); ∂/∂y is −log s
    for (let i = 0; i < dz.size; i++) {
      dz.data[i] = c * (Math.exp(logS.data[i]) * ySums[i % cols] - y.value.data[i]);
      dy.data[i] = -c * logS.data[i];
    }
    return [dz, dy];
  });
}
