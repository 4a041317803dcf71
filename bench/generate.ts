/** Notes of any size for the benchmark: scalar networks, vectorised (course-notation) networks, deep chains. */

/** One scalar network of `layers` layers, with its local derivatives, chain rules and one slip; names carry `g`. */
function scalarGroup(g: number, layers: number): { text: string; claims: number } {
  const lines: string[] = [];
  const s = (name: string, k: number): string => `${name}_{${g},${k}}`;
  lines.push(`## Network ${g}`, '');
  for (let k = 1; k <= layers; k++) {
    const input = k === 1 ? `x_{${g}}` : s('a', k - 1);
    lines.push(`$$${s('z', k)} = ${s('w', k)} ${input} + ${s('b', k)}, \\quad ${s('a', k)} = \\sigma(${s('z', k)})$$`);
  }
  lines.push(`$$C_{${g}} = (${s('a', layers)} - y_{${g}})^2$$`, '');
  let claims = 0;
  for (let k = 1; k <= layers; k++) {
    const input = k === 1 ? `x_{${g}}` : s('a', k - 1);
    lines.push(
      `Layer ${k}: $\\frac{\\partial ${s('a', k)}}{\\partial ${s('z', k)}} = ${s('a', k)}(1 - ${s('a', k)})$ and $\\frac{\\partial ${s('z', k)}}{\\partial ${s('w', k)}} = ${input}$.`,
    );
    const factors = [`\\frac{\\partial C_{${g}}}{\\partial ${s('a', layers)}}`];
    for (let j = layers; j > k; j--)
      factors.push(`\\frac{\\partial ${s('a', j)}}{\\partial ${s('z', j)}}`, `\\frac{\\partial ${s('z', j)}}{\\partial ${s('a', j - 1)}}`);
    factors.push(`\\frac{\\partial ${s('a', k)}}{\\partial ${s('z', k)}}`, `\\frac{\\partial ${s('z', k)}}{\\partial ${s('w', k)}}`);
    lines.push(`$$\\frac{\\partial C_{${g}}}{\\partial ${s('w', k)}} = ${factors.join(' ')}$$`, '');
    claims += 3;
  }
  lines.push(`A slip: $\\frac{\\partial C_{${g}}}{\\partial ${s('a', layers)}} = ${s('a', layers)} - y_{${g}}$`, '');
  return { text: lines.join('\n'), claims: claims + 1 };
}

/** One network in the course's vectorised notation: dZ, dW, db per layer, and an update rule. */
function vectorGroup(g: number, layers: number): { text: string; claims: number } {
  const l = (name: string, k: number): string => `${name}^{[${k}]}_{${g}}`;
  const lines: string[] = [`## Batch network ${g}`, ''];
  for (let k = 1; k <= layers; k++) {
    const input = k === 1 ? `X_{${g}}` : l('A', k - 1);
    const act = k === layers ? `\\sigma(${l('Z', k)})` : `\\tanh(${l('Z', k)})`;
    lines.push(`$$${l('Z', k)} = ${l('W', k)} ${input} + ${l('b', k)}, \\quad ${l('A', k)} = ${act}$$`);
  }
  const out = l('A', layers);
  lines.push(`$$J_{${g}} = -\\frac{1}{m}\\sum \\left(Y_{${g}} \\odot \\log ${out} + (1 - Y_{${g}}) \\odot \\log(1 - ${out})\\right)$$`, '');
  lines.push(`$$d${l('Z', layers)} = ${out} - Y_{${g}}$$`);
  let claims = 1;
  for (let k = layers; k >= 1; k--) {
    const input = k === 1 ? `X_{${g}}` : l('A', k - 1);
    lines.push(`$$d${l('W', k)} = \\frac{1}{m} d${l('Z', k)} ${input}^T, \\qquad d${l('b', k)} = \\frac{1}{m}\\sum d${l('Z', k)}$$`);
    if (k > 1) lines.push(`$$d${l('Z', k - 1)} = ${l('W', k)}^T d${l('Z', k)} \\odot (1 - (${l('A', k - 1)})^2)$$`);
    claims += k > 1 ? 3 : 2;
  }
  lines.push(`$$${l('W', 1)} := ${l('W', 1)} - \\alpha\\, d${l('W', 1)}$$`, '');
  return { text: lines.join('\n'), claims: claims + 1 };
}

function repeat(
  group: (g: number, layers: number) => { text: string; claims: number },
  claims: number,
  layers: number,
): { text: string; claims: number } {
  const parts: string[] = [];
  let n = 0;
  for (let g = 1; n < claims; g++) {
    const one = group(g, layers);
    parts.push(one.text);
    n += one.claims;
  }
  return { text: parts.join('\n'), claims: n };
}

/** A scalar note with about `claims` claims (4-layer networks). */
export const scalarNote = (claims: number): { text: string; claims: number } => repeat(scalarGroup, claims, 4);
/** A vectorised note with about `claims` claims (2-layer batch networks). */
export const vectorNote = (claims: number): { text: string; claims: number } => repeat(vectorGroup, claims, 2);
/** One scalar network `layers` deep: the chain rule from its output to its first weight goes through every layer. */
export const deepChain = (layers: number): { text: string; claims: number } => scalarGroup(1, layers);

/** The course's two-layer network at MNIST's declared sizes (784 inputs, 128 hidden units, 10 outputs, 64 samples). */
export const mnistNote = (): { text: string; claims: number } => ({
  text: [
    '$$W^{[1]} \\in \\mathbb{R}^{128 \\times 784}, \\quad W^{[2]} \\in \\mathbb{R}^{10 \\times 128}, \\quad X \\in \\mathbb{R}^{784 \\times 64}$$',
    '$$Z^{[1]} = W^{[1]} X + b^{[1]}, \\quad A^{[1]} = \\tanh(Z^{[1]})$$',
    '$$Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \\quad A^{[2]} = \\sigma(Z^{[2]})$$',
    '$$J = -\\frac{1}{m}\\sum \\left(Y \\odot \\log A^{[2]} + (1 - Y) \\odot \\log(1 - A^{[2]})\\right)$$',
    '$$dZ^{[2]} = A^{[2]} - Y$$',
    '$$dW^{[2]} = \\frac{1}{m} dZ^{[2]} A^{[1]T}, \\qquad db^{[2]} = \\frac{1}{m}\\sum dZ^{[2]}$$',
    '$$dZ^{[1]} = W^{[2]T} dZ^{[2]} \\odot (1 - (A^{[1]})^2)$$',
    '$$dW^{[1]} = \\frac{1}{m} dZ^{[1]} X^T, \\qquad db^{[1]} = \\frac{1}{m}\\sum dZ^{[1]}$$',
  ].join('\n'),
  claims: 6,
});
