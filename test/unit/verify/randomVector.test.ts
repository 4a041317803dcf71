import { strict as assert } from 'assert';
import { checkNote } from '../../../src/verify/checkNote';
import { makeRng } from '../../../src/verify/sampling';

/**
 * Random networks in the course's vectorised notation, each with its correct backward pass: depth 1–3, any mix of
 * tanh, σ and ReLU, the cost averaged over m (with 1/m in dW and db) or summed (without), several networks in one
 * note. None of it may be refuted.
 */
function randomCourseNote(rng: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
  const networks = 1 + Math.floor(rng() * 2);
  const lines: string[] = [];
  for (let g = 1; g <= networks; g++) {
    const layers = 1 + Math.floor(rng() * 3);
    const averaged = rng() < 0.7;
    const l = (n: string, k: number): string => `${n}^{[${k}]}_{${g}}`;
    const acts: string[] = [];
    for (let k = 1; k <= layers; k++) {
      const input = k === 1 ? `X_{${g}}` : l('A', k - 1);
      const act = k === layers ? 'sigma' : pick(['tanh', 'sigma', 'relu']);
      acts.push(act);
      const f = act === 'sigma' ? '\\sigma' : act === 'tanh' ? '\\tanh' : '\\operatorname{ReLU}';
      lines.push(`$$${l('Z', k)} = ${l('W', k)} ${input} + ${l('b', k)}, \\quad ${l('A', k)} = ${f}(${l('Z', k)})$$`);
    }
    const out = l('A', layers);
    const mean = averaged ? '\\frac{1}{m}' : '';
    lines.push(`$$J_{${g}} = -${mean}\\sum \\left(Y_{${g}} \\odot \\log ${out} + (1 - Y_{${g}}) \\odot \\log(1 - ${out})\\right)$$`);
    lines.push(`$$d${l('Z', layers)} = ${out} - Y_{${g}}$$`);
    for (let k = layers; k >= 1; k--) {
      const input = k === 1 ? `X_{${g}}` : l('A', k - 1);
      lines.push(`$$d${l('W', k)} = ${mean} d${l('Z', k)} ${input}^T, \\quad d${l('b', k)} = ${mean}\\sum d${l('Z', k)}$$`);
      if (k > 1) {
        const a = l('A', k - 1);
        const z = l('Z', k - 1);
        const prime = { sigma: `${a} \\odot (1 - ${a})`, tanh: `(1 - (${a})^2)`, relu: `[${z} > 0]` }[
          acts[k - 2] as 'sigma' | 'tanh' | 'relu'
        ];
        lines.push(`$$d${z} = ${l('W', k)}^T d${l('Z', k)} \\odot ${prime}$$`);
      }
    }
    lines.push(`$$${l('W', 1)} := ${l('W', 1)} - \\alpha\\, d${l('W', 1)}$$`);
  }
  return lines.join('\n');
}

describe('random vectorised networks: the course backward pass', () => {
  it('is never refuted, and nearly always verified', () => {
    const rng = makeRng(77);
    let verified = 0;
    let total = 0;
    for (let i = 0; i < 30; i++) {
      const note = randomCourseNote(rng);
      for (const c of checkNote('course.md', note).claims) {
        total++;
        assert.notEqual(c.verdict, 'refuted', `${c.latex}: ${c.message}\n${note}`);
        if (c.verdict === 'verified') verified++;
      }
    }
    assert.ok(verified > 0.95 * total, `verified ${verified} of ${total}`);
  });
});
