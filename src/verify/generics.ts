/**
 * Claims about a function the note leaves generic (`g`, `f`): tried with several unrelated smooth instances. A claim
 * that holds for random instances is verified; one whose two sides differ by the same amount (or in the same ratio)
 * whatever the instance fails for every g, and can be refuted; anything else may hold only for a particular g.
 */
import type { Converted } from './convert';
import type { JudgeContext, Point } from './judge';
import { closeValues } from './policy';
import { genericInstance, makeRng } from './sampling';

const INSTANCES = 3;
const MAX_ORDER = 4;

/** Whether the sides differ at `bad` independently of the generic functions' instances (so for every instance). */
export function failsForEveryInstance(left: Converted, right: Converted, bad: Point, ctx: JudgeContext): boolean {
  const plan = ctx.pass.plan([left.node, right.node, ...[...left.derivatives, ...right.derivatives].flatMap((d) => [d.of, d.value])]);
  if (plan.generics.length === 0) return false;
  const l = left.node.compile();
  const r = right.node.compile();
  const rng = makeRng(ctx.options.seed * 7919 + 17);
  const differences: number[] = [bad.left - bad.right];
  const ratios: number[] = [bad.left / bad.right];
  for (let k = 0; k < INSTANCES; k++) {
    const scope = { ...bad.scope };
    for (const id of plan.generics) {
      const g = genericInstance(rng);
      for (let n = 0; n <= MAX_ORDER; n++) scope[`gen_${id}_${n}`] = g(n);
    }
    ctx.pass.run(scope, plan);
    const lv = l.evaluate(scope) as number;
    const rv = r.evaluate(scope) as number;
    if (!Number.isFinite(lv) || !Number.isFinite(rv)) return false;
    differences.push(lv - rv);
    ratios.push(lv / rv);
  }
  const tol = Math.max(ctx.options.tolerance, 1e-9) * 10;
  const same = (xs: readonly number[]): boolean => xs.every((x) => Number.isFinite(x) && closeValues(x, xs[0], tol));
  // the instances must matter to the sides at all, or nothing was tried
  const moved = new Set(differences.map((d) => d.toPrecision(8))).size > 1 || new Set(ratios.map((x) => x.toPrecision(8))).size > 1;
  return (
    (same(differences) && Math.abs(differences[0]) > tol) ||
    (same(ratios) && !closeValues(ratios[0], 1, tol) && (moved || same(differences)))
  );
}
