/**
 * The function registry: one entry per function the checker knows, with everything about it together — how notes
 * spell it, its derivative for the symbolic path (mathjs syntax in `u`), its value and first two derivatives on
 * numbers (the tensor path and finite differences), its kink, and how messages show it. Adding an activation is
 * one entry here; `test/unit/functions.test.ts` checks every entry's forms agree.
 */

export interface FunctionEntry {
  /** Canonical name: the parser's, mathjs's and the engine's. */
  readonly name: string;
  /** LaTeX commands that apply it: `\tanh`. */
  readonly commands?: readonly string[];
  /** Words that name it, in any case (`sigmoid`, `ReLU`), and words that must match case exactly (`Sig`). */
  readonly words?: readonly string[];
  readonly exactWords?: readonly string[];
  /** Written as a word, it may take its argument without brackets (`log a`, like `\log a`). */
  readonly bareArgument?: boolean;
  /** d/du of f(u) in mathjs syntax (other registry functions and mathjs's own may appear). */
  readonly derivative: string;
  /** f, f′ and f″ on numbers. */
  readonly f: (x: number) => number;
  readonly d1: (x: number) => number;
  readonly d2: (x: number) => number;
  /** Not differentiable at 0: sample points keep away from it, and both sides of it are sampled. */
  readonly kinked?: boolean;
  /** mathjs does not know it: imported from `f`. */
  readonly custom?: boolean;
  /** Its value in NumPy, a Python expression in `u` (an array or a float): what `derivcheck export --numpy` writes. */
  readonly numpy: string;
  /** How messages show it (`σ`), and LaTeX given its argument's LaTeX. */
  readonly text: string;
  readonly latex: (arg: string) => string;
}

/** The logistic function, without overflow for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

const sech2 = (x: number): number => 1 / Math.cosh(x) ** 2;
const LEAK = 0.01;
/** erf(x): its Taylor series for |x| < 3, the continued fraction of erfc beyond (well under 1e-12 either way). */
function erf(x: number): number {
  const ax = Math.abs(x);
  if (ax < 3) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 60; n++) {
      term *= (-x * x) / n;
      sum += term / (2 * n + 1);
      if (Math.abs(term) < 1e-17) break;
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  let f = 0;
  for (let n = 60; n >= 1; n--) f = n / 2 / (ax + f);
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f);
  return Math.sign(x) * (1 - erfc);
}
const phi = (x: number): number => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
const Phi = (x: number): number => 0.5 * (1 + erf(x / Math.SQRT2));
const cmd =
  (name: string) =>
  (a: string): string =>
    `\\${name}\\left(${a}\\right)`;
const op =
  (name: string) =>
  (a: string): string =>
    `\\operatorname{${name}}\\left(${a}\\right)`;

export const FUNCTIONS: readonly FunctionEntry[] = [
  // σ′ = σ(1 − σ), σ″ = σ′(1 − 2σ)
  {
    name: 'sigmoid',
    commands: ['\\sigma'],
    words: ['sigmoid', 'logistic'],
    exactWords: ['Sig', 'sig'],
    derivative: 'sigmoid(u) * (1 - sigmoid(u))',
    f: sigmoid,
    d1: (x) => sigmoid(x) * sigmoid(-x),
    d2: (x) => sigmoid(x) * sigmoid(-x) * (1 - 2 * sigmoid(x)),
    custom: true,
    numpy: 'np.exp(-np.logaddexp(0.0, -u))',
    text: 'σ',
    latex: (a) => `\\sigma\\left(${a}\\right)`,
  },
  // ReLU′ = 1[u > 0]
  {
    name: 'relu',
    words: ['relu'],
    derivative: 'step(u)',
    f: (x) => (x > 0 ? x : 0),
    d1: (x) => (x > 0 ? 1 : 0),
    d2: () => 0,
    kinked: true,
    custom: true,
    numpy: 'np.maximum(u, 0.0)',
    text: 'ReLU',
    latex: op('ReLU'),
  },
  // the indicator 1[u > 0]: flat on both sides of its jump
  {
    name: 'step',
    words: ['step', 'heaviside'],
    derivative: '0',
    f: (x) => (x > 0 ? 1 : 0),
    d1: () => 0,
    d2: () => 0,
    kinked: true,
    custom: true,
    numpy: 'np.heaviside(u, 0.0)',
    text: '1',
    latex: (a) => `\\mathbb{1}\\left[${a} > 0\\right]`,
  },
  // leaky ReLU with slope 0.01: 1 or 0.01
  {
    name: 'leakyrelu',
    words: ['leakyrelu', 'lrelu'],
    derivative: `step(u) + ${LEAK} * (1 - step(u))`,
    f: (x) => (x > 0 ? x : LEAK * x),
    d1: (x) => (x > 0 ? 1 : LEAK),
    d2: () => 0,
    kinked: true,
    custom: true,
    numpy: `np.where(u > 0, u, ${LEAK} * u)`,
    text: 'LeakyReLU',
    latex: op('LeakyReLU'),
  },
  // ELU (α = 1): eᵘ − 1 below 0
  {
    name: 'elu',
    words: ['elu'],
    derivative: 'step(u) + (1 - step(u)) * exp(u)',
    f: (x) => (x > 0 ? x : Math.exp(x) - 1),
    d1: (x) => (x > 0 ? 1 : Math.exp(x)),
    d2: (x) => (x > 0 ? 0 : Math.exp(x)),
    kinked: true,
    custom: true,
    numpy: 'np.where(u > 0, u, np.expm1(np.minimum(u, 0.0)))',
    text: 'ELU',
    latex: op('ELU'),
  },
  // softplus = ln(1 + eᵘ), whose derivative is σ
  {
    name: 'softplus',
    words: ['softplus'],
    derivative: 'sigmoid(u)',
    f: (x) => (x > 30 ? x : Math.log1p(Math.exp(x))),
    d1: sigmoid,
    d2: (x) => sigmoid(x) * sigmoid(-x),
    custom: true,
    numpy: 'np.logaddexp(0.0, u)',
    text: 'softplus',
    latex: op('softplus'),
  },
  // swish / SiLU = u σ(u): σ + uσ(1 − σ)
  {
    name: 'swish',
    words: ['swish', 'silu'],
    derivative: 'sigmoid(u) + u * sigmoid(u) * (1 - sigmoid(u))',
    f: (x) => x * sigmoid(x),
    d1: (x) => sigmoid(x) + x * sigmoid(x) * sigmoid(-x),
    d2: (x) => sigmoid(x) * sigmoid(-x) * (2 + x * (1 - 2 * sigmoid(x))),
    custom: true,
    numpy: 'u * np.exp(-np.logaddexp(0.0, -u))',
    text: 'swish',
    latex: op('swish'),
  },
  // softsign = u / (1 + |u|): 1 / (1 + |u|)²
  {
    name: 'softsign',
    words: ['softsign'],
    derivative: '1 / (1 + abs(u))^2',
    f: (x) => x / (1 + Math.abs(x)),
    d1: (x) => 1 / (1 + Math.abs(x)) ** 2,
    d2: (x) => (-2 * Math.sign(x)) / (1 + Math.abs(x)) ** 3,
    custom: true,
    numpy: 'u / (1 + np.abs(u))',
    text: 'softsign',
    latex: op('softsign'),
  },
  // GELU = u Φ(u): Φ(u) + u φ(u)
  {
    name: 'gelu',
    words: ['gelu'],
    derivative: 'gelu1(u)',
    f: (x) => x * Phi(x),
    d1: (x) => Phi(x) + x * phi(x),
    d2: (x) => phi(x) * (2 - x * x),
    custom: true,
    numpy: 'u * 0.5 * (1 + np.vectorize(math.erf)(u / np.sqrt(2.0)))',
    text: 'GELU',
    latex: op('GELU'),
  },
  // tanh′ = 1 − tanh² (sech², accurate where tanh ≈ ±1), tanh″ = −2 tanh sech²
  {
    name: 'tanh',
    commands: ['\\tanh'],
    words: ['tanh'],
    bareArgument: true,
    derivative: '1 - tanh(u)^2',
    f: Math.tanh,
    d1: sech2,
    d2: (x) => -2 * Math.tanh(x) * sech2(x),
    numpy: 'np.tanh(u)',
    text: 'tanh',
    latex: cmd('tanh'),
  },
  {
    name: 'sinh',
    commands: ['\\sinh'],
    words: ['sinh'],
    bareArgument: true,
    derivative: 'cosh(u)',
    f: Math.sinh,
    d1: Math.cosh,
    d2: Math.sinh,
    numpy: 'np.sinh(u)',
    text: 'sinh',
    latex: cmd('sinh'),
  },
  {
    name: 'cosh',
    commands: ['\\cosh'],
    words: ['cosh'],
    bareArgument: true,
    derivative: 'sinh(u)',
    f: Math.cosh,
    d1: Math.sinh,
    d2: Math.cosh,
    numpy: 'np.cosh(u)',
    text: 'cosh',
    latex: cmd('cosh'),
  },
  // (eᵘ)′ = eᵘ
  {
    name: 'exp',
    commands: ['\\exp'],
    words: ['exp'],
    bareArgument: true,
    derivative: 'exp(u)',
    f: Math.exp,
    d1: Math.exp,
    d2: Math.exp,
    numpy: 'np.exp(u)',
    text: 'exp',
    latex: (a) => `e^{${a}}`,
  },
  // (ln u)′ = 1/u
  {
    name: 'log',
    commands: ['\\log', '\\ln'],
    words: ['log', 'ln'],
    bareArgument: true,
    derivative: '1 / u',
    f: Math.log,
    d1: (x) => 1 / x,
    d2: (x) => -1 / (x * x),
    numpy: 'np.log(u)',
    text: 'ln',
    latex: cmd('log'),
  },
  // (√u)′ = 1/(2√u)
  {
    name: 'sqrt',
    words: ['sqrt'],
    derivative: '1 / (2 * sqrt(u))',
    f: Math.sqrt,
    d1: (x) => 1 / (2 * Math.sqrt(x)),
    d2: (x) => -1 / (4 * x * Math.sqrt(x)),
    numpy: 'np.sqrt(u)',
    text: '√',
    latex: (a) => `\\sqrt{${a}}`,
  },
  {
    name: 'sin',
    commands: ['\\sin'],
    words: ['sin'],
    bareArgument: true,
    derivative: 'cos(u)',
    f: Math.sin,
    d1: Math.cos,
    d2: (x) => -Math.sin(x),
    numpy: 'np.sin(u)',
    text: 'sin',
    latex: cmd('sin'),
  },
  {
    name: 'cos',
    commands: ['\\cos'],
    words: ['cos'],
    bareArgument: true,
    derivative: '-sin(u)',
    f: Math.cos,
    d1: (x) => -Math.sin(x),
    d2: (x) => -Math.cos(x),
    numpy: 'np.cos(u)',
    text: 'cos',
    latex: cmd('cos'),
  },
  // tan′ = 1/cos², tan″ = 2 tan/cos²
  {
    name: 'tan',
    commands: ['\\tan'],
    words: ['tan'],
    bareArgument: true,
    derivative: '1 / cos(u)^2',
    f: Math.tan,
    d1: (x) => 1 / Math.cos(x) ** 2,
    d2: (x) => (2 * Math.tan(x)) / Math.cos(x) ** 2,
    numpy: 'np.tan(u)',
    text: 'tan',
    latex: cmd('tan'),
  },
  // |u|′ = sign(u), away from 0
  {
    name: 'abs',
    words: ['abs'],
    derivative: 'abs(u) / u',
    f: Math.abs,
    d1: Math.sign,
    d2: () => 0,
    kinked: true,
    numpy: 'np.abs(u)',
    text: 'abs',
    latex: (a) => `\\left|${a}\\right|`,
  },
];

/** Entries by canonical name. */
export const FUNCTION_BY_NAME: ReadonlyMap<string, FunctionEntry> = new Map(FUNCTIONS.map((f) => [f.name, f]));

/** GELU′ as a function of its own, so that mathjs can evaluate the derivative the symbolic path builds. */
export const HELPERS: Readonly<Record<string, (x: number) => number>> = {
  gelu1: (x) => Phi(x) + x * phi(x),
  gelu2: (x) => phi(x) * (2 - x * x),
};
