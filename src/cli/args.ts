/** Command-line arguments of `derivcheck`. */

export interface CliOptions {
  readonly format: Format;
  readonly seed?: number;
  readonly samples?: number;
  readonly tolerance?: number;
  readonly timeLimitMs: number;
  readonly paths: readonly string[];
  readonly help: boolean;
  readonly version: boolean;
}

/** The CLI's time box per claim: generous, since nobody is typing (the editor's is 250 ms). */
export const CLI_TIME_LIMIT_MS = 2000;

export const USAGE = `Usage: derivcheck [--format text|json|sarif|junit|github] [--seed N] [--samples K] [--tolerance T] [--time-limit MS] <file|dir>...
       derivcheck export --numpy [-o OUT.py] <note>    (the note as NumPy code that checks its claims)
       derivcheck --lsp    (a language server on stdin/stdout for any LSP editor; --stdio works too)

Checks the derivative claims, chain rules and = … = steps in study notes (Markdown, Obsidian
Excalidraw drawings, Jupyter notebooks). Directories are searched for .md, .excalidraw.md and
.ipynb files (skipping .git, node_modules and .obsidian); other files are read when they look
like notes.

Options:
  --format F          text: compiler-style lines (default); json: one JSON object; sarif: SARIF 2.1.0
                      (GitHub code scanning); junit: JUnit XML, a test case per claim; github: GitHub
                      Actions annotations
  --seed N            seed of the random sample points (default 1)
  --samples K         sample points per claim (default 5)
  --tolerance T       relative tolerance when comparing two sides (default 1e-6)
  --time-limit MS     time box per claim; a claim that takes longer is unverifiable
                      ("took too long") (default ${CLI_TIME_LIMIT_MS}; the editor uses 250)
  -h, --help          show this help
  -v, --version       show the version

Exit status: 0 no claim refuted, 1 some claim refuted, 2 usage error or an unreadable file.`;

export const FORMATS = ['text', 'json', 'sarif', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** Parses argv (without node and the script); throws an Error with a message for a usage error. */
export function parseArgs(argv: readonly string[]): CliOptions {
  let format: Format = 'text';
  let seed: number | undefined;
  let samples: number | undefined;
  let tolerance: number | undefined;
  let timeLimitMs = CLI_TIME_LIMIT_MS;
  let help = false;
  let version = false;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') ? splitInline(argv[i]) : [argv[i], undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--format': {
        const v = value();
        const known = FORMATS.find((f) => f === v);
        if (!known) throw new Error(`--format must be one of ${FORMATS.join(', ')}, not ${v}`);
        format = known;
        break;
      }
      case '--seed':
        seed = integer(flag, value(), 0);
        break;
      case '--samples':
        samples = integer(flag, value(), 1);
        break;
      case '--tolerance': {
        const v = Number(value());
        if (!(v > 0 && v < 1)) throw new Error('--tolerance must be a number between 0 and 1');
        tolerance = v;
        break;
      }
      case '--time-limit':
        timeLimitMs = integer(flag, value(), 1);
        break;
      case '-h':
      case '--help':
        help = true;
        break;
      case '-v':
      case '--version':
        version = true;
        break;
      case '--':
        paths.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (flag.startsWith('-') && flag !== '-') throw new Error(`unknown option ${flag}`);
        paths.push(argv[i]);
    }
  }
  if (!help && !version && paths.length === 0) throw new Error('no file or directory given');
  return { format, seed, samples, tolerance, timeLimitMs, paths, help, version };
}

function splitInline(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

function integer(flag: string, v: string, min: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > 2 ** 31) throw new Error(`${flag} must be a whole number of at least ${min}, not ${v}`);
  return n;
}
