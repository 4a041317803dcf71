import { strict as assert } from 'assert';
import { checkNote } from '../../../src/verify/checkNote';

/** The course's two-layer network with MNIST's sizes declared: 784 inputs, 128 hidden units, 10 outputs, 64 samples. */
const MNIST = `
$$W^{[1]} \\in \\mathbb{R}^{128 \\times 784}, \\quad W^{[2]} \\in \\mathbb{R}^{10 \\times 128}, \\quad X \\in \\mathbb{R}^{784 \\times 64}$$
$$Z^{[1]} = W^{[1]} X + b^{[1]}, \\quad A^{[1]} = \\tanh(Z^{[1]})$$
$$Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \\quad A^{[2]} = \\sigma(Z^{[2]})$$
$$J = -\\frac{1}{m}\\sum \\left(Y \\odot \\log A^{[2]} + (1 - Y) \\odot \\log(1 - A^{[2]})\\right)$$
$$dZ^{[2]} = A^{[2]} - Y$$
$$dW^{[2]} = \\frac{1}{m} dZ^{[2]} A^{[1]T}, \\qquad db^{[2]} = \\frac{1}{m}\\sum dZ^{[2]}$$
$$dZ^{[1]} = W^{[2]T} dZ^{[2]} \\odot (1 - (A^{[1]})^2)$$
$$dW^{[1]} = \\frac{1}{m} dZ^{[1]} X^T, \\qquad db^{[1]} = \\frac{1}{m}\\sum dZ^{[1]}$$
`;

/** A generous time box: these tests are about verdicts on wide tensors, not about this machine's speed. */
const SLOW_OK = { timeLimitMs: 60_000 };

describe('wide and many tensors', () => {
  it('verifies a backward pass with MNIST-sized declared shapes (wide products do not saturate σ or tanh)', () => {
    const claims = checkNote('mnist.md', MNIST, SLOW_OK).claims;
    assert.equal(claims.length, 6);
    for (const c of claims) assert.equal(c.verdict, 'verified', `${c.latex}: ${c.message}`);
    assert.match(claims[4].message, /W\^\[1\] 128×784/);
  });

  it('still refutes the slips at those sizes', () => {
    const slipped = MNIST.replace('dW^{[1]} = \\frac{1}{m} dZ^{[1]} X^T', 'dW^{[1]} = dZ^{[1]} X^T').replace(
      'db^{[2]} = \\frac{1}{m}\\sum dZ^{[2]}',
      'db^{[2]} = \\frac{1}{m}\\sum A^{[2]}',
    );
    const byLatex = new Map(checkNote('mnist.md', slipped, SLOW_OK).claims.map((c) => [c.latex, c]));
    assert.equal(byLatex.get('dW^{[1]} = dZ^{[1]} X^T')?.verdict, 'refuted');
    assert.equal(byLatex.get('db^{[2]} = \\frac{1}{m}\\sum A^{[2]}')?.verdict, 'refuted');
    assert.equal(byLatex.get('dZ^{[2]} = A^{[2]} - Y')?.verdict, 'verified');
  });

  it('gives every network of a long note small sizes of its own (40 networks, none refuted)', () => {
    const nets: string[] = [];
    for (let g = 1; g <= 40; g++) {
      const l = (n: string, k: number): string => `${n}^{[${k}]}_{${g}}`;
      nets.push(
        `$$${l('Z', 1)} = ${l('W', 1)} X_{${g}} + ${l('b', 1)}, \\quad ${l('A', 1)} = \\tanh(${l('Z', 1)})$$`,
        `$$${l('Z', 2)} = ${l('W', 2)} ${l('A', 1)} + ${l('b', 2)}, \\quad ${l('A', 2)} = \\sigma(${l('Z', 2)})$$`,
        `$$J_{${g}} = -\\frac{1}{m}\\sum \\left(Y_{${g}} \\odot \\log ${l('A', 2)} + (1 - Y_{${g}}) \\odot \\log(1 - ${l('A', 2)})\\right)$$`,
        `$$d${l('Z', 2)} = ${l('A', 2)} - Y_{${g}}, \\quad d${l('W', 1)} = \\frac{1}{m} d${l('Z', 1)} X_{${g}}^T$$`,
        `$$d${l('Z', 1)} = ${l('W', 2)}^T d${l('Z', 2)} \\odot (1 - (${l('A', 1)})^2)$$`,
      );
    }
    const claims = checkNote('many.md', nets.join('\n')).claims;
    assert.equal(claims.length, 120);
    for (const c of claims) assert.equal(c.verdict, 'verified', `${c.latex}: ${c.message}`);
    const sizes = claims.flatMap((c) => [...c.message.matchAll(/(\d+)×(\d+)/g)].flatMap((m) => [Number(m[1]), Number(m[2])]));
    assert.ok(Math.max(...sizes) <= 13, `largest size ${Math.max(...sizes)}`);
  });

  it('says unverifiable, not refuted, when the values overflow', () => {
    const note = `$$W \\in \\mathbb{R}^{3 \\times 4}, \\quad X \\in \\mathbb{R}^{4 \\times 5}$$
$$Z = W X, \\quad A = \\exp(900 Z)$$
$$\\frac{\\partial A}{\\partial Z} = 900 A$$
$$A \\odot A = \\exp(1800 Z)$$`;
    const [derivative, identity] = checkNote('overflow.md', note).claims;
    assert.equal(derivative.verdict, 'unverifiable', derivative.message);
    assert.equal(identity.verdict, 'unverifiable', identity.message);
    assert.match(identity.message, /not finite/);
  });
});
