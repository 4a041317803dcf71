/** Coverage (#11), worked numeric examples: values given in words and code, steps that write their own numbers, carried slips. */
import { strict as assert } from 'assert';
import { check } from './helpers';

/** A tiny network with its numbers given in code spans, as notes in Markdown often do. */
const NET = [
  'A single input `x = 1.0`, a weight `w1 = 0.5` and a second weight `w2 = 0.5`.',
  '$$z_1 = x \\cdot w_1 = 1.0 \\cdot 0.5 = 0.5$$',
  '$$z_2 = z_1 w_2 = 0.25, \\quad a_2 = \\sigma(z_2) \\approx 0.5622$$',
  '$$L = \\frac{1}{2} a_2^2$$',
].join('\n\n');

const byStart = (note: string, start: string): { verdict: string; message: string } => {
  const c = check(note).find((x) => x.latex.trim().startsWith(start));
  assert.ok(c, `no claim ${start}`);
  return c;
};

describe('worked examples', () => {
  it('reads values given in code spans (`x = 1.0`, `w1 = 0.5`)', () => {
    const r = byStart(NET, '= 1.0 \\cdot 0.5');
    assert.equal(r.verdict, 'verified', r.message);
  });

  it('takes a number a step writes for an input the note gives nowhere else (η in w − η g = 0.5 − 0.1 g)', () => {
    // ∂L/∂w₂ = a₂·σ'(z₂)·z₁ = 0.5622·0.2461·0.5 = 0.0692
    const ok = byStart(
      `${NET}\n\n$$w_2 = w_2 - \\eta \\frac{\\partial L}{\\partial w_2} = 0.5 - 0.1 \\cdot 0.0692 = 0.49308$$`,
      '= 0.5 - 0.1',
    );
    assert.equal(ok.verdict, 'verified', ok.message);
    assert.match(ok.message, /η = 0\.1/);
  });

  it('reports a step that carries an earlier wrong number forward, and says so', () => {
    const note = `${NET}\n\n$$\\frac{\\partial L}{\\partial w_2} = 0.21$$\n\n$$w_2 = w_2 - \\eta \\frac{\\partial L}{\\partial w_2} = 0.5 - 0.1 \\cdot 0.21 = 0.479$$`;
    const r = byStart(note, '= 0.5 - 0.1');
    assert.equal(r.verdict, 'refuted', r.message);
    assert.match(r.message, /it uses 0\.21 for ∂L\/∂w₂, which is 0\.069\d* here, as an earlier step wrote it: a slip carried forward/);
  });

  it('does not take an update rule’s result (the next value of a weight) for the value the example computes with', () => {
    const note = `${NET}\n\n$$w_2 = w_2 - 0.1 \\frac{\\partial L}{\\partial w_2} = 0.4931$$\n\n$$z_2 = z_1 w_2 = 0.5 \\cdot 0.5$$`;
    const r = byStart(note, '= 0.5 \\cdot 0.5');
    assert.equal(r.verdict, 'verified', r.message);
  });

  it('judges a step that writes a value as the note stated it with that value (the note’s rounding carried faithfully)', () => {
    // σ(0.25) = 0.56218; the note states 0.5622 and computes on with it
    const r = byStart(
      `${NET}\n\n$$\\frac{\\partial L}{\\partial a_2} = a_2 = 0.5622$$\n\n$$E = 1 - a_2 = 1 - 0.5622 = 0.4378$$`,
      '= 1 - 0.5622',
    );
    assert.equal(r.verdict, 'verified', r.message);
  });
});

describe('results the note computes from its example numbers', () => {
  it('does not refute E_total = E_1 + E_2 = ½(out_1 − t_1)² + … where E_1, E_2 are numbers computed at the example', () => {
    const note = [
      '$$net_1 = w_1 x + b, \\quad out_1 = \\sigma(net_1), \\quad net_2 = w_2 x + b, \\quad out_2 = \\sigma(net_2)$$',
      '$E_1 = \\frac{1}{2}(0.7513 - 0.01)^2 = 0.2748$',
      '$E_2 = \\frac{1}{2}(0.7729 - 0.99)^2 = 0.0236$',
      '$$E_{total} = E_1 + E_2 = \\frac{1}{2}(out_1 - 0.01)^2 + \\frac{1}{2}(out_2 - 0.99)^2$$',
    ].join('\n\n');
    const claim = check(note).find((c) => c.latex.includes('(out_1'));
    assert.ok(claim);
    assert.equal(claim.verdict, 'unverifiable', claim.message);
    assert.match(claim.message, /a number the note computes from its example/);
  });
});

describe('matrices of numbers written out', () => {
  const W = '\\begin{bmatrix} 0.15 & 0.2 \\\\ 0.25 & 0.3 \\end{bmatrix}';
  const X = '\\begin{bmatrix} 0.05 \\\\ 0.1 \\end{bmatrix}';

  it('checks a step of a worked example with matrices, to the rounding of its printed results', () => {
    const [right] = check(
      `$$z = ${W} ${X} + \\begin{bmatrix} 0.35 \\\\ 0.35 \\end{bmatrix} = \\begin{bmatrix} 0.3775 \\\\ 0.3925 \\end{bmatrix}$$`,
    );
    assert.equal(right.verdict, 'verified', right.message);
    assert.match(right.message, /to the rounding they are printed with/);
    const [rounded] = check(
      `$$c = \\begin{bmatrix} 0.5933 \\\\ 0.5969 \\end{bmatrix}^T \\begin{bmatrix} 0.4 \\\\ 0.45 \\end{bmatrix} = 0.5059$$`,
    );
    assert.equal(rounded.verdict, 'verified', rounded.message);
  });

  it('reports a wrong entry, without refuting on printed matrices yet', () => {
    const [slip] = check(`$$a = ${W} ${X} = \\begin{bmatrix} 0.0275 \\\\ 0.0525 \\end{bmatrix}$$`);
    assert.equal(slip.verdict, 'unverifiable');
    assert.match(slip.message, /entry 2,1 is 0.0425 on the left and 0.0525 on the right/);
  });

  it('reads a total that goes through computed numbers by the relation its chain goes on to state (Mazur in matrix form)', () => {
    const note = [
      '$[w_5, w_6, b_2] = [0.40, 0.45, 0.60]$ and $[h_1, h_2] = [0.59, 0.60]$',
      '$net_{o1} = w_5 \\times h_1 + w_6 \\times h_2 + b_2$',
      '$out_{o_1} = \\sigma(net_{o1})$',
      '$E_{o1} = \\frac{1}{2} (0.7514 - 0.01)^2 = 0.2748$',
      '$E_{total} = E_{o1} = \\frac{1}{2} (out_{o1} - t_1)^2$',
      '$\\frac{\\partial E_{total}}{\\partial w_5} = (out_{o1} - t_1) \\times out_{o1} (1 - out_{o1}) \\times h_1$',
      '$\\frac{\\partial E_{total}}{\\partial w_5} = (out_{o1} - t_1) \\times out_{o1} (1 - out_{o1}) \\times h_2$',
    ].join('\n\n');
    const [right, slip] = check(note).slice(-2);
    assert.equal(right.verdict, 'verified', right.message);
    assert.equal(slip.verdict, 'refuted', slip.message);
  });

  it('does not refute a relation between given numbers that holds to their rounding, nor verify sides that are 0 everywhere', () => {
    const rounded = check("Given $z = 0.15$ and $a = 0.5374$.\n\n$$\\sigma'(z) = a(1 - a)$$")[0];
    assert.notEqual(rounded.verdict, 'refuted', rounded.message);
    assert.equal(check("Given $z = 0.15$ and $a = 0.5374$.\n\n$$\\sigma'(z) = a(1 + a)$$")[0].verdict, 'refuted');
    // h read as the zero function makes both sides vanish: no verdict either way
    const vanishing = check(
      '$$h(x) = 0$$\n\n$$L = \\frac{1}{2}(t - h(x) w)^2$$\n\n$$\\frac{\\partial L}{\\partial w} = (t - h(x) w) h(x)$$',
    ).pop();
    assert.equal(vanishing?.verdict, 'unverifiable', vanishing?.message);
    assert.match(vanishing?.message ?? '', /both sides are 0 at every sample point/);
  });

  it('checks a named matrix against the numbers it is computed from, through the definitions of the example', () => {
    const note = [
      '$$H = \\begin{bmatrix} 2 & -1 \\end{bmatrix} \\begin{bmatrix} 0.5 & 1 \\\\ 0.25 & 2 \\end{bmatrix} + \\begin{bmatrix} 0 & 1 \\end{bmatrix}$$',
      '$$G = \\sigma(H)$$',
      '$$G = \\begin{bmatrix} 0.6792 & 0.7311 \\end{bmatrix}$$',
      '$$O = G V$$ with $$V = \\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}$$',
      '$$O = \\begin{bmatrix} 2.1414 \\end{bmatrix}$$',
      '$$O = \\begin{bmatrix} 2.2414 \\end{bmatrix}$$',
    ].join('\n\n');
    const claims = check(note);
    const [g, o, slip] = [
      claims.find((c) => c.latex.includes('0.6792')),
      claims.find((c) => c.latex.includes('2.1414')),
      claims.find((c) => c.latex.includes('2.2414')),
    ];
    assert.equal(g?.verdict, 'verified', g?.message);
    assert.equal(o?.verdict, 'verified', o?.message);
    // (a matrix written out is reported, not refuted yet)
    assert.equal(slip?.verdict, 'unverifiable', slip?.message);
    assert.match(slip?.message ?? '', /more than the rounding of its numbers explains/);
  });

  it('holds a result of numbers alone to its printed digits, and computes on with the values the note states', () => {
    // a digit slipped into a long result: wrong in its seventh digit, whatever the tolerance for random points
    const slip = check('$$g = 0.74136507 \\cdot 0.186815602 \\cdot 0.593269992 = 0.0821671041$$').pop();
    assert.notEqual(slip?.verdict, 'verified', slip?.message);
    assert.equal(check('$$g = 0.74136507 \\cdot 0.186815602 \\cdot 0.593269992 = 0.0821670407$$').pop()?.verdict, 'verified');
    // the note's sigmoid lost its minus but its stated value is right: the step after it is not refuted for using it
    const note = [
      '$w_1 = 0.15$, $i_1 = 0.05$, $b_1 = 0.35$, $w_5 = 0.4$',
      '$$net_{h1} = w_1 i_1 + b_1 = 0.3575$$',
      '$$out_{h1} = \\frac{1}{1 + e^{net_{h1}}} = 0.588434$$',
      '$$net_{o1} = w_5 out_{h1}$$',
      '$$\\frac{\\partial net_{o1}}{\\partial w_5} = out_{h1} = 0.588434$$',
    ].join('\n\n');
    const last = check(note).pop();
    assert.notEqual(last?.verdict, 'refuted', last?.message);
  });

  it('reads a chain that defines its head again as defining its function again (z = f(x, y) = xy after x + y)', () => {
    const note = [
      '## Addition',
      '$$z = f(x, y) = x + y$$',
      '$$\\frac{\\partial z}{\\partial x} = 1$$',
      '## Product',
      '$$z = f(x, y) = xy$$',
      '$$\\frac{\\partial z}{\\partial x} = \\frac{\\partial (xy)}{\\partial x} = y$$',
    ].join('\n\n');
    const claims = check(note);
    assert.deepEqual(
      claims.filter((c) => c.verdict === 'refuted').map((c) => c.latex),
      [],
    );
    assert.equal(claims[claims.length - 1].verdict, 'verified', claims[claims.length - 1].message);
  });

  it('reads a bare output name as its only entry (ŷ beside ŷ_1), says so, and never refutes on it', () => {
    const note = [
      '$$\\hat{y_1} = w_5 a_1 + w_6 a_2$$',
      'The prediction is $\\hat{y} = 0.4943$, so the loss is',
      '$$L = (y_1 - \\hat{y})^2$$',
      '$$\\frac{\\partial L}{\\partial w_5} = \\frac{\\partial L}{\\partial \\hat{y_1}} \\cdot \\frac{\\partial \\hat{y_1}}{\\partial w_5} = -2(y_1 - \\hat{y_1}) a_1$$',
      '$$\\frac{\\partial L}{\\partial w_5} = 2(y_1 - \\hat{y_1}) a_1$$',
    ].join('\n\n');
    const claims = check(note);
    const chain = claims.filter((c) => c.latex.includes('\\partial w_5} = \\frac'));
    assert.equal(chain[0]?.verdict, 'verified', chain[0]?.message);
    assert.match(chain[0]?.message ?? '', /was read as .*, its only entry in the note/);
    const slip = claims[claims.length - 1];
    assert.equal(slip.verdict, 'unverifiable', slip.message);
  });

  it("takes the values a step writes into its inputs as the example's values (Mazur without a table of inputs)", () => {
    const note = [
      '$net_{h1} = w_1 * i_1 + b_1 = 0.15 * 0.05 + 0.35 = 0.3575$',
      '$out_{h1} = \\sigma(net_{h1})$',
      '$\\frac{\\partial out_{h1}}{\\partial w_1} = out_{h1}(1 - out_{h1}) i_1$',
      '$\\frac{\\partial out_{h1}}{\\partial w_1} = 0.588434 (1 - 0.588434) \\cdot 0.05 = 0.0121090$',
      '$\\frac{\\partial out_{h1}}{\\partial w_1} = 0.588434 (1 - 0.588434) \\cdot 0.05 = 0.0242180$',
    ].join('\n\n');
    const claims = check(note);
    const [right, slip] = [claims.find((c) => c.latex.includes('0.0121090')), claims.find((c) => c.latex.includes('0.0242180'))];
    assert.equal(right?.verdict, 'verified', right?.message);
    // (the substitution into the derivative is judged at w₁ = 0.15, i₁ = 0.05, which only the first chain's step gives)
    const substituted = claims.find((c) => c.latex.startsWith('\\frac{\\partial out_{h1}}{\\partial w_1} = 0.588434'));
    assert.equal(substituted?.verdict, 'verified', substituted?.message);
    assert.match(substituted?.message ?? '', /i₁ = 0.05/);
    assert.equal(slip?.verdict, 'refuted', slip?.message);
  });
});
