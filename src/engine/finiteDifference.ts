/**
 * Finite-difference checks of gradients: per-entry central differences for small tensors, and a directional
 * check (torch.autograd.gradcheck's "fast mode") whose cost does not grow with the tensor's size.
 * The functions f must not modify or keep the tensor they are given.
 */
import { zipWith } from './kernels';
import { ShapeError, Tensor, shapeText } from './tensor';

/** centralDifference's default step, relative to each entry: h·max(1, |xᵢ|). */
export const CENTRAL_STEP = 1e-6;

/**
 * directionalCheck's step along a unit direction, relative to x: 1e-5·max(1, max|xᵢ|). Near the float64
 * optimum for central differences (about ∛ε ≈ 6e-6), where truncation (h²f‴/6) and rounding (ε|f|/h) balance.
 */
export const DIRECTIONAL_STEP = 1e-5;

/**
 * directionalCheck's tolerance on |directional − predicted| / max(|directional|, |predicted|, floor), with
 * floor = DIRECTIONAL_FLOOR·max(1, |f(x)|). So a direction agrees when the two differ by at most 1e-5 relative,
 * or by at most 1e-8·max(1, |f(x)|) absolute — several times the ~1e-10·|f| rounding noise of the differences
 * at this step, so a true gradient of (near) zero is not rejected over noise.
 */
export const DIRECTIONAL_TOLERANCE = 1e-5;

/** See DIRECTIONAL_TOLERANCE. */
export const DIRECTIONAL_FLOOR = 1e-3;

/** ∂f/∂xᵢⱼ for every entry by central differences (2·size evaluations of f). */
export function centralDifference(f: (x: Tensor) => number, x: Tensor, h = CENTRAL_STEP): Tensor {
  const probe = x.clone();
  const out = Tensor.zeros(x.rows, x.cols);
  for (let i = 0; i < x.size; i++) {
    const xi = x.data[i];
    const step = h * Math.max(1, Math.abs(xi));
    probe.data[i] = xi + step;
    const up = f(probe);
    const upAt = probe.data[i];
    probe.data[i] = xi - step;
    const down = f(probe);
    out.data[i] = (up - down) / (upAt - probe.data[i]); // divide by the steps as stored in float64, not as intended
    probe.data[i] = xi;
  }
  return out;
}

/** One direction of a directional check: the finite difference along u and ⟨claimed gradient, u⟩. */
export interface DirectionalComparison {
  readonly directional: number;
  readonly predicted: number;
}

/** The outcome of directionalCheck. */
export interface DirectionalCheckResult {
  readonly agrees: boolean;
  readonly worstRelativeError: number;
  readonly checks: DirectionalComparison[];
}

/**
 * Checks a claimed gradient of f at x along random unit directions u: (f(x + hu) − f(x − hu))/2h against
 * ⟨claimed, u⟩, with DIRECTIONAL_STEP and DIRECTIONAL_TOLERANCE. 2·directions + 1 evaluations of f.
 * Any NaN (in f or the claim) means disagreement.
 */
export function directionalCheck(
  f: (x: Tensor) => number,
  x: Tensor,
  claimedGradient: Tensor,
  rng: () => number,
  directions = 3,
): DirectionalCheckResult {
  if (claimedGradient.rows !== x.rows || claimedGradient.cols !== x.cols) {
    const shapes = `the claimed gradient is ${shapeText(claimedGradient.shape)} but x is ${shapeText(x.shape)}`;
    throw new ShapeError(`directionalCheck: ${shapes}`);
  }
  if (!Number.isInteger(directions) || directions < 1) {
    throw new RangeError(`directionalCheck: ${directions} directions (need a whole number ≥ 1)`);
  }
  const h = DIRECTIONAL_STEP * Math.max(1, x.maxAbs());
  const floor = DIRECTIONAL_FLOOR * Math.max(1, Math.abs(f(x)));
  const checks: DirectionalComparison[] = [];
  for (let n = 0; n < directions; n++) {
    const u = randomUnitDirection(x.rows, x.cols, rng);
    const up = f(zipWith(x, u, (xi, ui) => xi + h * ui));
    const down = f(zipWith(x, u, (xi, ui) => xi - h * ui));
    checks.push({ directional: (up - down) / (2 * h), predicted: dot(claimedGradient, u) });
  }
  const errors = checks.map((c) => Math.abs(c.directional - c.predicted) / Math.max(Math.abs(c.directional), Math.abs(c.predicted), floor));
  const worstRelativeError = Math.max(...errors);
  return { agrees: worstRelativeError <= DIRECTIONAL_TOLERANCE, worstRelativeError, checks };
}

/** A direction uniform on the unit sphere (Frobenius norm 1): normalised Gaussian entries (Box–Muller). */
function randomUnitDirection(rows: number, cols: number, rng: () => number): Tensor {
  const u = Tensor.zeros(rows, cols);
  for (let i = 0; i < u.size; i++) u.data[i] = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const norm = u.frobeniusNorm();
  return norm > 0 ? u.map((v) => v / norm) : randomUnitDirection(rows, cols, rng);
}

function dot(a: Tensor, b: Tensor): number {
  let s = 0;
  for (let i = 0; i < a.size; i++) s += a.data[i] * b.data[i];
  return s;
}
