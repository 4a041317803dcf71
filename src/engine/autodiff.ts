/**
 * The tape: reverse-mode autodiff over 2-D tensors, after karpathy/micrograd. Each op builds its output Var
 * with the parents it was computed from and a backward step that maps the output's gradient to one gradient
 * per parent; `backward` runs those steps in reverse topological order, summing what reaches each node.
 */
import { zipWith } from './kernels';
import { ShapeError, Tensor, shapeText } from './tensor';

/** Maps ∂L/∂output to ∂L/∂parent, one tensor per parent, each of that parent's shape (undefined: not needed). */
export type BackwardStep = (grad: Tensor) => readonly (Tensor | undefined)[];

/** A node on the tape. */
export class Var {
  /** ∂output/∂this after `backward(output)`; undefined for constants and nodes outside that graph. */
  grad: Tensor | undefined;

  constructor(
    readonly value: Tensor,
    readonly parents: readonly Var[],
    private readonly step: BackwardStep | undefined,
    /** True for leaves and for every node computed from one; constants and their results are not differentiated. */
    readonly requiresGrad: boolean,
  ) {}

  /** Adds this node's gradient, passed through its backward step, to its parents' gradients. */
  pushGradient(): void {
    if (!this.step || !this.grad) return;
    const grads = this.step(this.grad);
    this.parents.forEach((p, k) => {
      const g = grads[k];
      if (p.requiresGrad && g) p.grad = zipWith(p.grad ?? Tensor.zeros(p.value.rows, p.value.cols), g, (x, y) => x + y);
    });
  }
}

/** A variable to differentiate with respect to. */
export function leaf(t: Tensor): Var {
  return new Var(t, [], undefined, true);
}

/** A value held fixed (inputs, targets): it gets no gradient. */
export function constant(t: Tensor): Var {
  return new Var(t, [], undefined, false);
}

/** Records an op's output: its value, the Vars it came from and its backward step. */
export function record(value: Tensor, parents: readonly Var[], step: BackwardStep): Var {
  return new Var(
    value,
    parents,
    step,
    parents.some((p) => p.requiresGrad),
  );
}

/** Nodes that need a gradient and reach `output`, parents before children (iterative, so deep graphs are fine). */
function topologicalOrder(output: Var): Var[] {
  const order: Var[] = [];
  if (!output.requiresGrad) return order;
  const seen = new Set<Var>([output]);
  const stack = [{ node: output, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next === top.node.parents.length) {
      order.push(top.node);
      stack.pop();
      continue;
    }
    const parent = top.node.parents[top.next++];
    if (parent.requiresGrad && !seen.has(parent)) {
      seen.add(parent);
      stack.push({ node: parent, next: 0 });
    }
  }
  return order;
}

/** Runs the backward pass from a 1×1 output; returns the nodes that received a gradient. */
function propagate(output: Var): Var[] {
  if (!output.value.isScalar()) {
    throw new ShapeError(`backward: the output must be 1×1 (a loss), not ${shapeText(output.value.shape)}`);
  }
  const order = topologicalOrder(output);
  for (const node of order) node.grad = Tensor.zeros(node.value.rows, node.value.cols);
  if (output.requiresGrad) output.grad = Tensor.scalar(1);
  for (let i = order.length - 1; i >= 0; i--) order[i].pushGradient();
  return order;
}

/**
 * Fills `grad` of every node that needs one with ∂output/∂node. Grads are reset first, so calling it again
 * (or on another graph sharing leaves) recomputes rather than accumulates across calls.
 */
export function backward(output: Var): void {
  propagate(output);
}

/** ∂output/∂wrt, by a backward pass; zeros of wrt's shape when output does not depend on wrt. */
export function gradient(output: Var, wrt: Var): Tensor {
  if (!wrt.requiresGrad) throw new Error('gradient: wrt is a constant; make it with leaf() to differentiate by it');
  const reached = propagate(output).includes(wrt);
  return reached && wrt.grad ? wrt.grad : Tensor.zeros(wrt.value.rows, wrt.value.cols);
}
