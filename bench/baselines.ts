/**
 * What a user would otherwise do, on the same claims: (1) the naive path, mathjs's `derivative` with its default
 * simplify on the fully expanded expression, and `simplify` of the claimed side; (2) SymPy's `diff` and
 * `simplify(lhs - rhs) == 0`, where Debian's python3-sympy is installed.
 */
import { execFileSync } from 'child_process';
import { existsSync, writeFileSync } from 'fs';
import * as path from 'path';
import { buildModel } from '../src/model/build';
import { readNote } from '../src/notes/readNote';
import { type MathNode, call, math, neg, num, op, symbolNames } from '../src/calculus/math';
import { convertExpr } from '../src/verify/convert';
import { NoteEnvironment } from '../src/verify/environment';
import { percentile, time } from './stats';

export interface BaselineClaim {
  readonly lhs: MathNode;
  readonly wrt: string;
  readonly rhs: MathNode;
}

/**
 * Replaces intermediates by their definitions (recursively, but never the variable differentiated by, `keep`) and σ
 * by its formula: what mathjs or SymPy can take.
 */
function expand(node: MathNode, env: NoteEnvironment, keep: string): MathNode {
  return node.transform((n) => {
    const name = (n as { name?: string; isSymbolNode?: boolean }).isSymbolNode ? (n as unknown as { name: string }).name : undefined;
    if (name) {
      const def = name !== keep && env.nameOf(name) !== undefined ? env.definitionOf(name) : undefined;
      return def ? expand(def, env, keep) : n;
    }
    const f = n as unknown as { isFunctionNode?: boolean; fn?: { name: string }; args?: MathNode[] };
    if (f.isFunctionNode && f.fn?.name === 'sigmoid') {
      return op('/', num(1), op('+', num(1), call('exp', [neg(expand(f.args![0], env, keep))]))); // σ(u) = 1/(1 + e^{−u})
    }
    return n;
  });
}

/** The derivative claims of a note, expanded down to its inputs. */
export function baselineClaims(text: string): BaselineClaim[] {
  const model = buildModel(readNote('bench.md', text).blocks);
  const env = new NoteEnvironment(model);
  const out: BaselineClaim[] = [];
  for (const c of model.claims) {
    const left = c.left.expr;
    if (c.kind !== 'derivative' || left?.kind !== 'derivative' || !c.right.expr) continue;
    try {
      const wrt = env.idOf(left.wrt.name);
      out.push({ lhs: expand(convertExpr(left.of, env).node, env, wrt), wrt, rhs: expand(convertExpr(c.right.expr, env).node, env, wrt) });
    } catch {
      // a claim the baselines cannot take is left out of both
    }
  }
  return out;
}

export interface BaselineTimes {
  readonly claims: number;
  readonly p50: number;
  readonly p95: number;
}

/** The naive mathjs path: derivative (default simplify) of the expanded left side, simplify of the right. */
export function naiveMathjs(claims: readonly BaselineClaim[]): BaselineTimes {
  const times = claims.map(
    (c) =>
      time(() => {
        const d = math.derivative(c.lhs, c.wrt);
        const r = math.simplify(c.rhs);
        const scope: Record<string, number> = {};
        for (const s of new Set([...symbolNames(c.lhs), ...symbolNames(c.rhs)])) scope[s] = 0.3 + 0.01 * s.length;
        return Math.abs((d.evaluate(scope) as number) - (r.evaluate(scope) as number));
      }).ms,
  );
  return { claims: claims.length, p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

const PYTHON = ['/usr/bin/python3', 'python3'];
/** Seconds SymPy may spend on one claim; a claim that hits it counts at the limit (so SymPy's p95 is a lower bound). */
export const SYMPY_LIMIT_S = 5;

/** SymPy's diff and simplify on the same claims, or undefined when SymPy is not installed. */
export function sympy(
  claims: readonly BaselineClaim[],
  workDir: string,
): (BaselineTimes & { python: string; timedOut: number }) | undefined {
  const python = PYTHON.find((p) => (p.startsWith('/') ? existsSync(p) : true) && canImportSympy(p));
  if (!python) return undefined;
  const toPy = (n: MathNode): string => n.toString().replace(/\^/g, '**');
  const data = claims.map((c) => ({ lhs: toPy(c.lhs), wrt: c.wrt, rhs: toPy(c.rhs) }));
  const script = path.join(workDir, 'sympy_baseline.py');
  writeFileSync(
    script,
    `import json, signal, sys, time
import sympy
claims = json.load(open(sys.argv[1]))
limit = int(sys.argv[2])
def give_up(*_):
    raise TimeoutError()
signal.signal(signal.SIGALRM, give_up)
out = []
for c in claims:
    t = time.perf_counter()
    signal.alarm(limit)
    try:
        lhs = sympy.diff(sympy.sympify(c["lhs"]), sympy.Symbol(c["wrt"]))
        ok = sympy.simplify(lhs - sympy.sympify(c["rhs"])) == 0
    except TimeoutError:
        pass  # counted at the limit: a lower bound of SymPy's time
    signal.alarm(0)
    out.append((time.perf_counter() - t) * 1000)
print(json.dumps(out))
`,
  );
  const input = path.join(workDir, 'sympy_claims.json');
  writeFileSync(input, JSON.stringify(data));
  const times = JSON.parse(execFileSync(python, [script, input, String(SYMPY_LIMIT_S)], { encoding: 'utf8', timeout: 900000 })) as number[];
  const timedOut = times.filter((t) => t >= SYMPY_LIMIT_S * 1000).length;
  return { claims: claims.length, p50: percentile(times, 0.5), p95: percentile(times, 0.95), python, timedOut };
}

function canImportSympy(python: string): boolean {
  try {
    execFileSync(python, ['-c', 'import sympy'], { stdio: 'ignore', timeout: 20000 });
    return true;
  } catch {
    return false;
  }
}
