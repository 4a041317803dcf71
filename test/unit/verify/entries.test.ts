/**
 * Coverage (#11), index notation: claims about entries (`\frac{\partial L}{\partial z_j} = \hat{y}_j - y_j`) checked
 * entry by entry, with the note's vector definitions (`\hat{y} = \text{softmax}(z)`, `z = W h + b`) read the same way.
 * Every case is a note written for this test in the notations real notes use; each pairs a correct claim with a slip.
 */
import { strict as assert } from 'assert';
import { check } from './helpers';

/** The verdict of the claim whose source starts with `start`. */
function verdictOf(note: string, start: string): { verdict: string; message: string } {
  const claim = check(note).find((c) => c.latex.trimStart().startsWith(start));
  assert.ok(claim, `no claim starting ${start}`);
  return { verdict: claim.verdict, message: claim.message };
}

const SOFTMAX = [
  '$$p_k = \\frac{e^{o_k}}{\\sum_{j=1}^{C} e^{o_j}}$$',
  '$$E = -\\sum_{k=1}^{C} t_k \\log p_k$$',
  '$$\\frac{\\partial p_i}{\\partial o_i} = p_i (1 - p_i)$$',
  '$$\\frac{\\partial E}{\\partial p_k} = -\\frac{t_k}{p_k}$$',
  '$$\\frac{\\partial E}{\\partial o_i} = p_i - t_i$$',
  '$$\\frac{\\partial E}{\\partial o_i} = p_i + t_i$$',
  '$$\\frac{\\partial p_k}{\\partial o_i} = -p_k p_i$$',
].join('\n\n');

const TWO_LAYER = [
  '$$\\mathbf{a} = \\sigma(V \\mathbf{x} + \\mathbf{c})$$',
  '$$\\mathbf{u} = U \\mathbf{a} + \\mathbf{d}$$',
  '$$\\mathbf{q} = \\text{softmax}(\\mathbf{u})$$',
  '$$J = -\\sum_{k} y_k \\log q_k$$',
  '$$\\frac{\\partial J}{\\partial U_{k,j}} = \\frac{\\partial J}{\\partial u_k} \\frac{\\partial u_k}{\\partial U_{k,j}}$$',
  '$$\\frac{\\partial u_k}{\\partial a_j} = U_{k,j}$$',
  '$$\\frac{\\partial J}{\\partial a_j} = \\sum_{k} (q_k - y_k) U_{k,j}$$',
  '$$\\frac{\\partial J}{\\partial a_j} = \\sum_{k} (q_k - y_k) U_{j,k}$$',
  '$$\\frac{\\partial J}{\\partial \\mathbf{d}} = \\mathbf{q} - \\mathbf{y}$$',
].join('\n\n');

describe('index notation, entry by entry', () => {
  it('checks softmax and cross-entropy written with indices, the target read as one-hot when that is what it takes', () => {
    assert.equal(verdictOf(SOFTMAX, '\\frac{\\partial p_i}{\\partial o_i}').verdict, 'verified');
    assert.equal(verdictOf(SOFTMAX, '\\frac{\\partial E}{\\partial p_k}').verdict, 'verified');
    const grad = verdictOf(SOFTMAX, '\\frac{\\partial E}{\\partial o_i} = p_i - t_i');
    assert.equal(grad.verdict, 'verified', grad.message);
    assert.match(grad.message, /i = 1…3/);
    assert.match(grad.message, /t read as a one-hot label/);
    const slip = verdictOf(SOFTMAX, '\\frac{\\partial E}{\\partial o_i} = p_i + t_i');
    assert.equal(slip.verdict, 'refuted', slip.message);
    assert.match(slip.message, /fails for every entry/);
  });

  it('does not refute a claim that holds only for some index values (j ≠ k, said in prose)', () => {
    assert.equal(verdictOf(SOFTMAX, '\\frac{\\partial p_k}{\\partial o_i} = -p_k p_i').verdict, 'unverifiable');
  });

  it('reads vector definitions (σ of a matrix product, softmax) entry by entry for claims about entries', () => {
    const chain = verdictOf(TWO_LAYER, '\\frac{\\partial J}{\\partial U_{k,j}}');
    assert.equal(chain.verdict, 'verified', chain.message);
    assert.match(chain.message, /k, j = 1…3/);
    assert.equal(verdictOf(TWO_LAYER, '\\frac{\\partial u_k}{\\partial a_j}').verdict, 'verified');
    assert.equal(verdictOf(TWO_LAYER, '\\frac{\\partial J}{\\partial a_j} = \\sum_{k} (q_k - y_k) U_{k,j}').verdict, 'verified');
    const swapped = verdictOf(TWO_LAYER, '\\frac{\\partial J}{\\partial a_j} = \\sum_{k} (q_k - y_k) U_{j,k}');
    assert.equal(swapped.verdict, 'refuted', 'the indices of U swapped');
  });

  it('checks a vector claim entry by entry in a note that writes the entries elsewhere', () => {
    const bias = verdictOf(TWO_LAYER, '\\frac{\\partial J}{\\partial \\mathbf{d}}');
    assert.equal(bias.verdict, 'verified', bias.message);
    assert.match(bias.message, /each of its entries/);
  });

  it('writes out a sum that leaves one index out (\\sum_{k \\neq j})', () => {
    const note = '$$\\sum_{k} r_k = r_j + \\sum_{k \\neq j} r_k$$\n\n$$\\sum_{k} r_k = r_j + \\sum_{k \\neq j} r_j$$';
    const claims = check(note);
    assert.deepEqual(
      claims.map((c) => c.verdict),
      ['verified', 'unverifiable'],
    );
  });

  it('does not read an index used as a value (\\sum_s \\eta(s)) as entries', () => {
    const note = '$$Z = \\sum_s \\eta(s)$$\n\n$$\\sum_s \\eta(s) \\phi(s) = Z \\sum_s \\frac{\\eta(s)}{Z} \\phi(s)$$';
    assert.notEqual(check(note)[0]?.verdict, 'refuted');
  });

  it('takes a target the note says sums to one (\\sum t_i = 1) as one-hot, whatever t meant in an earlier example', () => {
    const note = [
      '$$t = x + y$$',
      '$$p_k = \\frac{e^{o_k}}{\\sum_{j} e^{o_j}}$$',
      'The label is one-hot, so $\\sum t_i = 1$.',
      '$$-t_k + p_k \\sum_{i} t_i = -t_k + p_k$$',
    ].join('\n\n');
    const [, step] = check(note);
    assert.equal(step.verdict, 'verified', step.message);
  });
});

describe('readings found on the way', () => {
  it('reads `\\quad \\leftarrow \\text{…}` after an equation as a remark, not as an equation', () => {
    const note =
      '$$\n\\begin{aligned}\n\\frac{\\partial L}{\\partial a} &= a b + a c \\quad \\leftarrow \\text{factor } a \\text{ out} \\\\\n&= a (b + c)\n\\end{aligned}\n$$';
    const claims = check(note);
    assert.equal(claims.length, 2);
    assert.ok(
      claims.every((c) => c.verdict !== 'refuted'),
      claims.map((c) => c.message).join('\n'),
    );
    assert.equal(claims[1].verdict, 'verified');
  });

  it('does not refute a claim about a function the note defines several times in a row, as alternatives', () => {
    const note = [
      '$g(s) = \\tanh(s)$',
      '$g(s) = \\sigma(s)$',
      '$g(s) = s$',
      '$$\\frac{\\partial g(s)}{\\partial s} = 1 - \\tanh^2(s)$$',
    ].join('<br>\n');
    const last = check(note).at(-1)!;
    assert.equal(last.verdict, 'unverifiable', last.message);
    assert.match(last.message, /several times in a row/);
  });

  it('reads \\mathbf{\\mathbf{z}} as \\mathbf{z}', () => {
    const [c] = check('$$\\text{ReLU}(\\mathbf{z_1}) = \\max(0, \\mathbf{\\mathbf{z_1}})$$');
    assert.equal(c.verdict, 'verified', c.message);
  });

  it('does not refute an index free on one side only (Einstein summation: 1_j e^{x_j} δ_{jn} = e^{x_n})', () => {
    const note = '$$S = \\sum_j e^{x_j}$$\n\n$$\\frac{\\partial S}{\\partial x_n} = \\mathbf{1}_j e^{x_j} \\delta_{jn}$$\n\n$$= e^{x_n}$$';
    assert.ok(
      check(note).every((c) => c.verdict !== 'refuted'),
      check(note)
        .map((c) => c.message)
        .join('\n'),
    );
  });

  it('does not refute a claim that holds when a symbol nothing defines is 1 (a one-hot label’s y_o = 1, said in words)', () => {
    const [c] = check(
      'Here y is one-hot: its entry for the true word o is one.\n\n$$\\hat{y}_o = \\sigma(u)$$\n\n$$J = -y_o \\log(\\hat{y}_o) = -\\log(\\hat{y}_o)$$',
    );
    assert.equal(c.verdict, 'unverifiable', c.message);
    assert.match(c.message, /holds when y_o = 1/);
    const [slip] = check('$$J = -y_o \\log(\\hat{y}_o) = -2 \\log(\\hat{y}_o)$$');
    assert.notEqual(slip.verdict, 'verified');
  });

  it('does not loop when one letter names two layers (a_j before, a_k after)', () => {
    const note =
      "$$z_k = b_k + \\sum_j w_{jk} a_j$$\n\n$$a_k = g(z_k)$$\n\n$$E = \\frac{1}{2} \\sum_k (a_k - t_k)^2$$\n\n$$\\frac{\\partial E}{\\partial w_{jk}} = (a_k - t_k) g'(z_k) a_j$$";
    const claims = check(note);
    assert.ok(
      claims.every((c) => !/internal error/.test(c.message)),
      claims.map((c) => c.message).join('\n'),
    );
  });
});

describe('index notation: what the note writes beside its equations', () => {
  const NET = [
    '$$\\mathcal{L} = - \\sum_{k=1}^{K} y_k \\log \\hat{y}_k$$',
    '$$z^{[1]} = W^{[1]} x + b^{[1]}, \\quad h = \\sigma(z^{[1]}), \\quad z^{[2]} = W^{[2]} h + b^{[2]}, \\quad \\hat{y} = \\text{softmax}(z^{[2]})$$',
  ].join('\n\n');

  it('reads "the case where $j=k$" in prose as a case, not a definition of j', () => {
    const note = `${NET}\n\nWe split into the cases where $j=k$ and $j \\neq k$.\n\n$$\\frac{\\partial z_j^{[2]}}{\\partial W_{j,i}^{[2]}} = h_i$$\n\n$$\\frac{\\partial z_j^{[2]}}{\\partial W_{j,i}^{[2]}} = 2 h_i$$`;
    // (the slip is not refuted: j, free on the left only, may be summed by Einstein's convention)
    assert.deepEqual(
      check(note).map((c) => c.verdict),
      ['verified', 'unverifiable'],
    );
  });

  it('keeps the shapes the definitions give when a claim indexes a vector twice (b_{j,i} of z = W h + b)', () => {
    const note = `${NET}\n\n$$\\frac{\\partial \\mathcal{L}}{\\partial b_{j,i}^{[2]}} = \\hat{y}_j - y_j$$\n\n$$\\frac{\\partial z_j^{[2]}}{\\partial W_{j,i}^{[2]}} = h_i$$`;
    const [bias, weight] = check(note);
    assert.equal(bias.verdict, 'unverifiable', 'a bias has one index');
    assert.equal(weight.verdict, 'verified', weight.message);
  });

  it('reads cases rows that end in punctuation (`…, & \\text{if } j = k \\space.`)', () => {
    const cases =
      '\\begin{cases} \\hat{y}_k (1 - \\hat{y}_k), & \\text{if } j = k \\\\ -\\hat{y}_j \\hat{y}_k, & \\text{if } j \\neq k \\space. \\end{cases}';
    assert.equal(check(`${NET}\n\n$$\\frac{\\partial \\hat{y}_k}{\\partial z_j^{[2]}} = ${cases}$$`)[0].verdict, 'verified');
    assert.equal(
      check(`${NET}\n\n$$\\frac{\\partial \\hat{y}_k}{\\partial z_j^{[2]}} = ${cases.replace('(1 - ', '(1 + ')}$$`)[0].verdict,
      'unverifiable',
      'wrong on the diagonal only',
    );
  });
});

describe('entries of a function of a vector: s(\\mathbf x)_i', () => {
  const SOFT = '$$s(\\mathbf x)_i = \\frac{e^{x_i}}{\\sum e^{x_j}}$$';

  it('reads s(\\mathbf x)_i as entry i of s, and Σ without an index as the sum over the one free index', () => {
    const note = `${SOFT}\n\n$$\\begin{aligned} \\frac{\\partial s(\\mathbf x)_i}{\\partial x_i} &= \\frac{\\sum_j e^{x_j} e^{x_i} - e^{x_i} e^{x_i}}{(\\sum_j e^{x_j})^2} \\\\ &= s(\\mathbf x)_i - s(\\mathbf x)_i^2 \\end{aligned}$$`;
    assert.deepEqual(
      check(note).map((c) => c.verdict),
      ['verified', 'verified'],
    );
    // the guess about the sum keeps a slip from being refuted, but it does not verify
    assert.notEqual(
      check(`${SOFT}\n\n$$\\frac{\\partial s(\\mathbf x)_i}{\\partial x_i} = s(\\mathbf x)_i + s(\\mathbf x)_i^2$$`)[0].verdict,
      'verified',
    );
  });

  it('never reads an entry whose definition cannot be read entry by entry as a free input', () => {
    // (Σ over an index the definition does not say leaves s_i unreadable: the step is unverifiable, not refuted)
    const note =
      '$$s(\\mathbf x)_i = \\frac{e^{x_i}}{\\sum e^{x_j + x_k}}$$\n\n$$\\frac{\\partial s(\\mathbf x)_i}{\\partial x_i} = \\frac{e^{x_i}}{\\sum_j e^{x_j}} - s(\\mathbf x)_i^2$$';
    assert.equal(check(note)[0].verdict, 'unverifiable');
  });
});

describe('a loss written over entries, with claims about whole vectors', () => {
  const NOTE = [
    '$$\\mathcal{L} = - \\sum_{k=1}^{K} y_k \\log \\hat{y}_k$$',
    '$$z^{[1]} = W^{[1]} x + b^{[1]}, \\quad h = \\sigma(z^{[1]}), \\quad z^{[2]} = W^{[2]} h + b^{[2]}, \\quad \\hat{y} = \\text{softmax}(z^{[2]})$$',
  ].join('\n\n');
  const last = (claim: string): { verdict: string; message: string } => {
    const claims = check(`${NOTE}\n\n$$${claim}$$`);
    return claims[claims.length - 1];
  };

  it('reads the sum over k as a sum over the vectors, so vector claims reach the network', () => {
    assert.equal(last('\\frac{\\partial \\mathcal{L}}{\\partial b^{[2]}} = \\hat{y} - y').verdict, 'verified');
    assert.equal(last('\\frac{\\partial \\mathcal{L}}{\\partial W^{[2]}} = (\\hat{y} - y) h^T').verdict, 'verified');
    assert.equal(
      last('\\frac{\\partial \\mathcal{L}}{\\partial W^{[2]}} = h^T (\\hat{y} - y)').verdict,
      'refuted',
      'the transpose on the wrong factor',
    );
    // the claims in index notation still read entry by entry
    assert.equal(last('\\frac{\\partial \\mathcal{L}}{\\partial z_j^{[2]}} = \\hat{y}_j - y_j').verdict, 'verified');
  });

  it('keeps a sum whose index also picks a matrix entry (w_{jk} x_k) as it is', () => {
    const note = '$$a_j = \\sum_k w_{jk} x_k$$\n\n$$\\frac{\\partial a_j}{\\partial x_k} = w_{jk}$$';
    assert.notEqual(check(note)[0].verdict, 'refuted');
  });
});

describe('cases the prose states before a derivation', () => {
  const SOFT = '$$p_k = \\frac{e^{o_k}}{\\sum_{t=1}^{K} e^{o_t}}$$';

  it('checks a derivation under "the case when $j = k$" where j = k, and under "$j \\neq k$" where they differ', () => {
    const note = [
      SOFT,
      'We need both cases, $j = k$ and $j \\neq k$.',
      'For the case when $j = k$:',
      '$$\\frac{\\partial p_k}{\\partial o_j} = p_k (1 - p_k)$$',
      'When $j \\neq k$ the numerator is constant, because $j \\neq k$:',
      '$$\\frac{\\partial p_k}{\\partial o_j} = -p_j p_k$$',
      '$$\\frac{\\partial p_k}{\\partial o_j} = p_j p_k$$',
    ].join('\n\n');
    const claims = check(note);
    assert.deepEqual(
      claims.map((c) => c.verdict),
      ['verified', 'verified', 'unverifiable'],
    );
    assert.match(claims[0].message, /where j = k \(the case the prose states\)/);
    assert.match(claims[1].message, /where j ≠ k/);
  });

  it('states no case where the prose names both, and never refutes on a case read from the prose', () => {
    const both = `${SOFT}\n\nWe split into $j = k$ and $j \\neq k$.\n\n$$\\frac{\\partial p_k}{\\partial o_j} = p_k (1 - p_k)$$`;
    assert.equal(check(both)[0].verdict, 'unverifiable');
  });
});

describe('index notation in a note of row vectors', () => {
  it('reads \\mathbf y \\log \\mathbf s^\\top as a dot product of rows when that is what makes the entries meet, never refuting so', () => {
    const def = '$$s_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}$$\n\n';
    const [dot] = check(`${def}$$H = -\\sum_{i=1}^n y_i \\log s_i = -\\mathbf y \\log \\mathbf s^\\top$$`);
    assert.equal(dot.verdict, 'verified', dot.message);
    assert.match(dot.message, /its vectors read as rows/);
    const [outer] = check(`${def}$$H = -\\sum_{i=1}^n y_i \\log s_i = -\\mathbf y \\log \\mathbf s$$`);
    assert.notEqual(outer.verdict, 'verified', outer.message);
  });
});

describe('the Kronecker delta and the indicator of equal entries', () => {
  const SOFT = '$$s_k = \\frac{e^{x_k}}{\\sum_{j=1}^{C} e^{x_j}}$$\n\n';

  it('reads δ_{jk} (and \\mathbb{1}(x_j = x_k)) as 1 where j = k, else 0, never as a free value', () => {
    const step = (term: string): string => `${SOFT}$$a_k = \\frac{1}{\\sum_{j=1}^{C} e^{x_j}} \\sum_{j=1}^{C} e^{x_j} ${term} = s_k$$`;
    for (const term of ['\\delta_{jk}', '\\mathbb{1}(x_j = x_k)']) {
      const claims = check(step(term));
      assert.equal(claims[claims.length - 1].verdict, 'verified', `${term}: ${claims[claims.length - 1].message}`);
    }
  });

  it("does not refute a sum after a minus sign read over the next term (the minus may be the first term's only)", () => {
    const note = `${SOFT}$$\\frac{\\partial L}{\\partial x_k} = -\\sum_{i=1}^{C} y_i (\\delta_{ik} - s_k) = - \\sum_{i=1}^{C} y_i \\delta_{ik} + y_i s_k$$`;
    const claims = check(note);
    assert.notEqual(claims[claims.length - 1].verdict, 'refuted');
  });

  it('reads a Σ without its index over its free letter, and a sum over a letter the claim leaves free over its first term only', () => {
    const note = [
      'The output of softmax is $$r(\\mathbf v)_i$$:',
      '$$r(\\mathbf v)_i = \\frac{e^{v_i}}{\\sum e^{v_k}}$$',
      '$$\\frac{e^{v_i + c}}{\\sum e^{v_k + c}} = \\frac{e^{v_i}e^c}{\\sum e^{v_k}e^c} = \\frac{e^{v_i}}{\\sum e^{v_k}}$$',
      // (kramdown writes inline math as $$…$$ inside a sentence: the case it states holds in the display after it)
      'Its derivative by an input $$v_k$$, where $$k \\neq i$$, has a constant numerator:',
      '$$\\frac{\\partial r(\\mathbf v)_i}{\\partial v_k} = \\frac{\\sum_k e^{v_k} \\cdot 0 - e^{v_i} e^{v_k}}{(\\sum_k e^{v_k})^2} = - r(\\mathbf v)_i r(\\mathbf v)_k$$',
    ].join('\n\n');
    const claims = check(note);
    assert.deepEqual(
      claims.map((c) => c.verdict),
      ['verified', 'verified', 'verified', 'verified'],
    );
    assert.match(claims[2].message, /Σ over k read as covering its first term only/);
    assert.match(claims[2].message, /where k ≠ i \(the case the prose states\)/);
    // the slip: a lost minus on the off-diagonal entry, under either reading of the sum
    const slip = note.replace('= - r(\\mathbf v)_i r(\\mathbf v)_k', '= r(\\mathbf v)_i r(\\mathbf v)_k');
    assert.notEqual(check(slip)[3].verdict, 'verified');
  });

  it('reads a definition with an index its head lacks (u = e^{z_k} of a quotient rule) at each instance’s value of it', () => {
    const note = [
      '$$\\hat{q} = \\text{softmax}(o)$$',
      'By the quotient rule, with $u = e^{o_k}$ and $v = \\sum_{t=1}^{K} e^{o_t}$:',
      '$$\\frac{\\partial \\hat{q}_k}{\\partial o_j} = \\frac{v \\frac{\\partial u}{\\partial o_j} - u \\frac{\\partial v}{\\partial o_j}}{v^2}$$',
      '$$\\frac{\\partial \\hat{q}_k}{\\partial o_j} = \\frac{v \\frac{\\partial u}{\\partial o_j} + u \\frac{\\partial v}{\\partial o_j}}{v^2}$$',
    ].join('\n\n');
    const [right, slip] = check(note).slice(-2);
    assert.equal(right.verdict, 'verified', right.message);
    assert.match(right.message, /j, k = 1…3/);
    assert.equal(slip.verdict, 'refuted', slip.message);
  });

  it("reads Nielsen's ∇_a C as the gradient by a^L where the note has no a of its own, and says so", () => {
    const note = ['$$C = \\frac{1}{2}\\sum_j (y_j - a^L_j)^2$$', '$$\\nabla_a C = (a^L - y)$$', '$$\\nabla_a C = (y - a^L)$$'].join('\n\n');
    const [right, slip] = check(note).slice(-2);
    assert.equal(right.verdict, 'verified', right.message);
    assert.match(right.message, /the derivative by a was read as one by a\^L/);
    // (a reading: the sign slip is not verified, and not refuted on it either)
    assert.equal(slip.verdict, 'unverifiable', slip.message);
  });

  it('settles ∂x_j/∂x_k = 0 for different entries of one input vector, never for entries of two vectors', () => {
    const note = [
      '$$\\frac{\\partial \\log \\sum_{j=1}^{C} e^{x_j}}{\\partial x_k} = \\frac{1}{\\sum_{j=1}^{C} e^{x_j}} \\sum_{j=1}^{C} e^{x_j} \\frac{\\partial x_j}{\\partial x_k} = \\frac{e^{x_k}}{\\sum_{j=1}^{C} e^{x_j}}$$',
    ].join('\n\n');
    assert.deepEqual(
      check(note).map((c) => c.verdict),
      ['verified', 'verified'],
    );
    // a_i may be a function of z_i the note does not write: no zero is settled, nothing refuted
    const other = check('$$\\frac{\\partial a_i}{\\partial z_i} = a_i(1 - a_i)$$')[0];
    assert.notEqual(other.verdict, 'refuted', other.message);
  });

  it('does not refute a step that holds for one-hot targets, nor verify what holds of labels only as they are drawn', () => {
    const step = check('$$\\frac{\\partial E}{\\partial a_0} = (t_0 + t_1 + t_2) y_0 - t_0 = y_0 - t_0$$').pop();
    assert.equal(step?.verdict, 'unverifiable', step?.message);
    assert.match(step?.message ?? '', /sum to 1/);
    const drawn = check('Let $s = \\text{softmax}(x)$ and $\\mathcal{L} = -\\sum_i y_i \\log s_i$.\n\n$$\\sum_{i=1}^C y_k = 1$$').pop();
    assert.notEqual(drawn?.verdict, 'verified', drawn?.message);
  });

  it('holds the case a sentence states for the inline claims of that sentence', () => {
    const note =
      '$$\\hat{q} = \\text{softmax}(o)$$\n\nWhen $j \\neq k$, the term $\\frac{\\partial u}{\\partial o_j} = 0$, because $u = e^{o_k}$.';
    const claim = check(note).find((c) => c.latex.includes('\\partial u'));
    assert.equal(claim?.verdict, 'verified', claim?.message);
    assert.match(claim?.message ?? '', /where j ≠ k \(the case the prose states\)/);
    // without the case it does not hold for every j and k: not verified
    assert.notEqual(check(note.replace('When $j \\neq k$, the', 'The')).find((c) => c.latex.includes('\\partial u'))?.verdict, 'verified');
  });
});
