/**
 * Coverage (#11), the general layer: course notes that write `Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}` once for every
 * layer, checked on a network of three layers written out from it; per-sample sums over the matrices; a shorthand the
 * note defines itself.
 */
import { strict as assert } from 'assert';
import { check } from './helpers';

const GENERAL = ['$$Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$$', '$$A^{[l]} = g^{[l]}(Z^{[l]})$$', '$$A^{[L]} = \\sigma(Z^{[L]})$$'].join(
  '\n\n',
);

function last(note: string): { verdict: string; message: string; assumption?: string } {
  const claims = check(note);
  return claims[claims.length - 1];
}

describe('the general layer [l]', () => {
  it('checks the backward formulas at every layer of a written-out network', () => {
    for (const claim of [
      "dZ^{[l]} = dA^{[l]} * g^{[l]'}(Z^{[l]})",
      'dW^{[l]} = \\frac{1}{m} dZ^{[l]} A^{[l-1]T}',
      'db^{[l]} = \\frac{1}{m} np.sum(dZ^{[l]}, axis=1, keepdims=True)',
      'dA^{[l-1]} = W^{[l]T} dZ^{[l]}',
    ]) {
      const r = last(`${GENERAL}\n\n$$${claim}$$`);
      assert.equal(r.verdict, 'verified', `${claim}: ${r.message}`);
      assert.match(r.message, /at each layer \(l = 1, 2, 3 of a network of 3 layers/);
    }
    assert.notEqual(last(`${GENERAL}\n\n$$dA^{[l-1]} = W^{[l]} dZ^{[l]}$$`).verdict, 'verified', 'the missing transpose');
  });

  it('checks the output layer [L] with its own definition, under the loss that fits it', () => {
    const r = last(`${GENERAL}\n\n$$dZ^{[L]} = A^{[L]} - Y$$`);
    assert.equal(r.verdict, 'verified', r.message);
    assert.match(r.message, /binary cross-entropy/);
  });

  it('reads a cost summed over per-sample names (a^{[L](i)}, y^{(i)}) as a sum over the matrices', () => {
    const note = `${GENERAL}\n\n$$J = -\\frac{1}{m}\\sum_{i=1}^{m} \\left[y^{(i)} \\log a^{[L](i)} + (1 - y^{(i)}) \\log(1 - a^{[L](i)})\\right]$$\n\n$$dZ^{[L]} = A^{[L]} - Y$$`;
    const r = last(note);
    assert.equal(r.verdict, 'verified', r.message);
    assert.equal(r.assumption, undefined, 'the cost is the note’s own');
  });

  it('follows the note’s own meaning of its shorthand (dZ = ∂J/∂Z, without the factor m)', () => {
    const note = `${GENERAL}\n\n$$J = \\frac{1}{2m}\\sum_{i=1}^{m}(a^{[L](i)} - y^{(i)})^2$$\n\n$$dZ^{[l]} = \\frac{\\partial J}{\\partial Z^{[l]}}$$\n\n$$dW^{[l]} = \\frac{\\partial J}{\\partial W^{[l]}} = dZ^{[l]} A^{[l-1]T}$$`;
    const r = last(note);
    assert.equal(r.verdict, 'verified', r.message);
    const double = last(note.replace('= dZ^{[l]} A^{[l-1]T}', '= \\frac{1}{m} dZ^{[l]} A^{[l-1]T}'));
    assert.notEqual(double.verdict, 'verified', 'with dZ = ∂J/∂Z, a further 1/m is a slip');
  });
});

describe('a general layer with another letter, claims of concrete layers', () => {
  const NETWORK = [
    '$$\\mathbf{a}^{(n)} = \\sigma(\\mathbf{z}^{(n)}), \\quad \\mathbf{z}^{(n)} = \\mathbf{W}^{(n)}\\mathbf{a}^{(n-1)} + \\mathbf{b}^{(n)}$$',
    '$$C = \\frac{1}{N}\\sum_k C_k$$',
  ].join('\n\n');
  const d = (f: string, v: string): string => `\\frac{\\partial ${f}}{\\partial ${v}}`;
  const [a3, a2, a1, z3, z2, z1, W2, W1] = ['a^{(3)}', 'a^{(2)}', 'a^{(1)}', 'z^{(3)}', 'z^{(2)}', 'z^{(1)}', 'W^{(2)}', 'W^{(1)}'].map(
    (n) => `\\mathbf{${n[0]}}${n.slice(1)}`,
  );

  it('reads (n) as the layer where a definition steps to n-1, and checks a^{(3)}, W^{(3)} in the network written out', () => {
    assert.equal(last(`${NETWORK}\n\n$$${d(a3, a2)} = \\sigma'(${z3}) \\mathbf{W}^{(3)}$$`).verdict, 'verified');
    const slip = last(`${NETWORK}\n\n$$${d(a3, a2)} = \\sigma'(${z2}) \\mathbf{W}^{(3)}$$`);
    assert.equal(slip.verdict, 'refuted');
    assert.doesNotMatch(slip.message, /at layer/, 'a claim of a concrete layer has no layer to name');
    // a per-sample index never steps to i-1: (i) stays a name
    assert.equal(last('$$z^{(i)} = w x^{(i)} + b$$\n\n$$\\frac{\\partial z^{(2)}}{\\partial w} = x^{(2)}$$').verdict, 'unverifiable');
  });

  it('verifies a chain of Jacobians by its links, with the per-example costs C_k left unwritten', () => {
    for (const chain of [
      `${d('C', a3)}${d(a3, a2)}${d(a2, z2)}${d(z2, W2)}`,
      `${d('C', a3)}\\left(${d(a3, a2)}${d(a2, a1)}\\right)${d(a1, z1)}${d(z1, W1)}`,
    ]) {
      const r = last(`${NETWORK}\n\n$$${d('C', chain.includes(W2) ? W2 : W1)} = ${chain}$$`);
      assert.equal(r.verdict, 'verified', r.message);
      assert.match(r.message, /the chain rule: every path/);
      assert.equal(r.assumption, 'for any C');
    }
    // a link from the wrong layer breaks the chain
    assert.notEqual(last(`${NETWORK}\n\n$$${d('C', W2)} = ${d('C', a3)}${d(a3, z3)}${d(z2, W2)}$$`).verdict, 'verified');
  });
});

describe('the general layer with g left generic and the note’s own dZ = ∂J/∂Z', () => {
  const NOTE = [
    'Forward: $$Z^{[l]} = W^{[l]}A^{[l-1]} + b^{[l]}$$, $$A^{[l]} = g(Z^{[l]})$$, and $$A^{[L]} = Z^{[L]}$$, where',
    '$$X = \\begin{bmatrix} \\vdots & \\cdots & \\vdots \\\\ x^{(1)} & \\cdots & x^{(m)} \\\\ \\vdots & \\cdots & \\vdots \\end{bmatrix}$$ holds the samples as columns and $$A^{[0]} = X$$.',
    'The loss: $$\\mathcal{J} = \\frac{1}{2m}\\sum_{i=1}^{m}(a^{[L](i)} - y^{(i)})^2$$',
    'Write $$dZ^{[l]} = \\frac{\\partial \\mathcal{J}}{\\partial Z^{[l]}}$$.',
  ].join('\n\n');

  it('refutes the double 1/m (a difference every instance of g leaves alike), and verifies the right form', () => {
    const claims = check(
      `${NOTE}\n\n$$\\frac{\\partial \\mathcal{J}}{\\partial W^{[l]}} = \\frac{1}{m} dZ^{[l]} A^{[l-1]T}$$\n\n$$\\frac{\\partial \\mathcal{J}}{\\partial W^{[l]}} = dZ^{[l]} A^{[l-1]T}$$`,
    );
    const [slip, right] = claims.slice(-2);
    assert.equal(slip.verdict, 'refuted', slip.message);
    assert.equal(right.verdict, 'verified', right.message);
  });

  it("refutes the double 1/m under a cross-entropy of a generic output (instances kept inside the log's domain)", () => {
    const note = [
      'Forward: $Z^{[l]} = W^{[l]}A^{[l-1]} + b^{[l]}$ with $A^{[0]} = X$, and $A^{[l]} = g(Z^{[l]})$.',
      // (the per-sample names of the last layer, with only the general layer's matrices written)
      'The cost is $J = -\\frac{1}{m} \\sum_{i=1}^{m} [y^{(i)}\\log(a^{[L](i)}) + (1-y^{(i)})\\log(1-a^{[L](i)})]$.',
      "Write $dA^{[l]} = \\frac{\\partial J}{\\partial A^{[l]}}$ and $dZ^{[l]} = \\frac{\\partial J}{\\partial Z^{[l]}} = dA^{[l]} * g'(Z^{[l]})$.",
      '$dW^{[l]} = \\frac{\\partial J}{\\partial W^{[l]}} = dZ^{[l]} A^{[l-1]T}$',
      '$db^{[l]} = \\frac{\\partial J}{\\partial b^{[l]}} = \\frac{1}{m}\\sum_{i=1}^{m} dZ^{[l](i)}$',
    ].join('\n\n');
    const claims = check(note);
    const [dZ, dW, db] = [
      claims.find((c) => c.latex.includes("g'")),
      claims.find((c) => c.latex.includes('A^{[l-1]T}')),
      claims[claims.length - 1],
    ];
    assert.equal(dZ?.verdict, 'verified', dZ?.message);
    assert.equal(dW?.verdict, 'verified', dW?.message);
    assert.equal(db.verdict, 'refuted', db.message);
    assert.match(db.message, /fails at each layer/);
    // in the course's own convention (dZ left undefined, m ∂J/∂Z), the same 1/m is right
    const course = note.replace(/Write \$dA[^\n]*\n\n/, '').replace(/\\frac\{\\partial J\}\{\\partial b\^\{\[l\]\}\} = /, '');
    assert.ok(!course.includes('Write') && !course.includes('\\partial b'));
    const inCourse = check(course).pop();
    assert.equal(inCourse?.verdict, 'verified', inCourse?.message);
  });

  it('reads a table of conventions column by column: each column its own forward pass, its gradients checked in it', () => {
    const note = [
      '| | samples as rows | samples as columns |',
      '|---|---|---|',
      '| forward | $$Z^{[l]} = A^{[l-1]} W^{[l]} + b^{[l]}$$ $$A^{[l]} = \\phi(Z^{[l]})$$ | $$Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$$ $$A^{[l]} = \\phi(Z^{[l]})$$ |',
      "| backward | $$dZ^{[l-1]} = dZ^{[l]} W^{[l]T} \\times \\phi'(Z^{[l-1]})$$ $$dA^{[l]} = dZ^{[l]} W^{[l]T}$$ | $$dZ^{[l-1]} = W^{[l]T} dZ^{[l]} \\times \\phi'(Z^{[l-1]})$$ $$dA^{[l-1]} = W^{[l]T} dZ^{[l]}$$ |",
    ].join('\n');
    const claims = check(note);
    const find = (start: string): { verdict: string; message: string } | undefined => claims.find((c) => c.latex.startsWith(start));
    // each column's hidden-layer step, said of l = 2, 3 (there is no Z^{[0]}), for any cost
    for (const start of ['dZ^{[l-1]} = dZ^{[l]}', 'dZ^{[l-1]} = W^{[l]T}', 'dA^{[l-1]} = W^{[l]T}']) {
      const claim = find(start);
      assert.equal(claim?.verdict, 'verified', `${start}: ${claim?.message}`);
    }
    assert.match(find('dZ^{[l-1]} = dZ^{[l]}')?.message ?? '', /l = 2, 3 of a network/);
    // the slip: the layer index of dA (dZ^{[l]} W^{[l]T} has the shape of A^{[l-1]}), wrong whatever the cost is
    const slip = find('dA^{[l]} = dZ^{[l]}');
    assert.equal(slip?.verdict, 'refuted', slip?.message);
    assert.match(slip?.message ?? '', /whatever J is/);
  });

  it('refutes a factor the claim adds whatever the unwritten per-example loss is; never a shape the note does not fix', () => {
    const note = [
      'Each layer $l$ computes $$Z_l = H_{l-1} W_l$$ and $$H_l = g_l(Z_l)$$ with $H_0 = X$.',
      'The mean loss over the $N$ rows: $$\\mathcal{L} = \\frac{1}{N}\\sum_{k=1}^{N} \\ell(H_L[k], T[k])$$',
      '$$\\frac{\\partial \\mathcal{L}}{\\partial W_l} = H_{l-1}^\\top \\frac{\\partial \\mathcal{L}}{\\partial Z_l}$$',
      '$$\\frac{\\partial \\mathcal{L}}{\\partial W_l} = \\frac{1}{N} H_{l-1}^\\top \\frac{\\partial \\mathcal{L}}{\\partial Z_l}$$',
      // (T is seen only inside the unread ℓ(…): its shape is the checker's choice, so no shape of it refutes)
      '$$\\frac{\\partial \\mathcal{L}}{\\partial H_L} = H_L - T$$',
    ].join('\n\n');
    const [right, slip, output] = check(note).slice(-3);
    assert.equal(right.verdict, 'verified', right.message);
    assert.equal(slip.verdict, 'refuted', slip.message);
    assert.match(slip.message, /whatever ℒ is/);
    assert.match(slip.message, /the left side is \d+ times the right in every entry at every point/);
    assert.notEqual(output.verdict, 'refuted', output.message);
  });

  it('keeps the samples as rows where the note multiplies by the weights from the right (Z = A W), m counting them', () => {
    const note = [
      'With $m$ samples as the rows: $$Z^{[l]} = A^{[l-1]} W^{[l]} + b^{[l]}$$ and $$A^{[l]} = g(Z^{[l]})$$',
      '$$dW^{[l]} = \\frac{1}{m} A^{[l-1]T} dZ^{[l]}$$',
      '$$dA^{[l-1]} = dZ^{[l]} W^{[l]T}$$',
      '$$dA^{[l]} = dZ^{[l]} W^{[l]T}$$',
    ].join('\n\n');
    const [dW, dA, slip] = check(note).slice(-3);
    assert.equal(dW.verdict, 'verified', dW.message);
    assert.equal(dA.verdict, 'verified', dA.message);
    // (with every layer's width the batch's, as samples-as-columns would make them, the slip would pass unseen)
    assert.equal(slip.verdict, 'refuted', slip.message);
  });

  it("checks Nielsen's equations in index notation at every layer: BP3 and BP4 entry by entry, BP1a with ∇_a C", () => {
    const note = [
      'In layer $l$: $$z^l = w^l a^{l-1} + b^l$$ and $$a^l = \\sigma(z^l)$$, with the cost $$C = \\frac{1}{2}\\sum_j (y_j - a^L_j)^2$$.',
      'The error of neuron $j$: $$\\delta^l_j = \\frac{\\partial C}{\\partial z^l_j}$$',
      '$$\\frac{\\partial C}{\\partial b^l_j} = \\delta^l_j$$',
      '$$\\frac{\\partial C}{\\partial w^l_{jk}} = a^{l-1}_k \\delta^l_j$$',
      '$$\\frac{\\partial C}{\\partial w^l_{jk}} = a^{l-1}_j \\delta^l_k$$',
    ].join('\n\n');
    const [bp3, bp4, swapped] = check(note).slice(-3);
    assert.equal(bp3.verdict, 'verified', bp3.message);
    assert.match(bp3.message, /at each layer .* entry by entry/);
    assert.equal(bp4.verdict, 'verified', bp4.message);
    assert.notEqual(swapped.verdict, 'verified', swapped.message);
  });

  it('reads a matrix sketched with dots as a picture of its layout: X stays an input', () => {
    const sketch = check(NOTE).find((c) => c.latex.includes('\\vdots'));
    assert.match(sketch?.message ?? '', /a matrix sketched with dots/);
  });
});

describe("Nielsen's layers as superscripts: z^{l} = w^l a^{l-1} + b^l", () => {
  it('writes the general layer out and checks BP3 at every layer', () => {
    const note =
      '$$z^{l} = w^l a^{l-1}+b^l, \\quad a^{l} = \\sigma(z^{l}), \\quad C = \\frac{1}{2}\\|y - a^L\\|^2$$\n\n$$\\delta^{l} = \\frac{\\partial C}{\\partial z^{l}}$$\n\n';
    const right = last(`${note}$$\\frac{\\partial C}{\\partial b^l} = \\delta^l$$`);
    assert.equal(right.verdict, 'verified', right.message);
    assert.match(right.message, /at each layer/);
    assert.equal(last(`${note}$$\\frac{\\partial C}{\\partial b^l} = 2\\delta^l$$`).verdict, 'refuted');
  });
});
