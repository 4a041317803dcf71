/**
 * The CLI's formats for other tools: SARIF 2.1.0 (GitHub code scanning), JUnit XML (one test case per claim) and
 * GitHub Actions workflow commands (annotations on the changed files). Text and JSON are in report.ts.
 */
import { type ClaimReport, REASONS, REASON_CODES } from '../index';
import type { FileResult } from './report';

declare const DERIVCHECK_VERSION: string;
const VERSION = typeof DERIVCHECK_VERSION === 'string' ? DERIVCHECK_VERSION : '0.0.0';
/** Where the tool is described: its npm page (the package the README's CI workflow installs). */
const INFO = 'https://www.npmjs.com/package/derivcheck';

/** The rules results refer to: a reason code each (refuted ones are errors, unverifiable ones notes), from the registry. */
const LEVEL = { refuted: 'error', unverifiable: 'note' } as const;
const RULES = REASON_CODES.filter((code) => REASONS[code].verdict !== 'verified').map((code) => {
  const info = REASONS[code];
  const name = code
    .split(/[/-]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
  return {
    id: code,
    name,
    shortDescription: { text: `${info.verdict === 'refuted' ? 'Refuted' : 'Unverifiable'}: ${info.title}.` },
    fullDescription: { text: info.description },
    help: {
      text: `${info.description} See "Reason codes" in derivcheck's README.`,
      markdown: `${info.description}\n\nSee [Reason codes](${INFO}#reason-codes) in derivcheck's README.`,
    },
    helpUri: `${INFO}#reason-codes`,
    defaultConfiguration: { level: LEVEL[info.verdict as 'refuted' | 'unverifiable'] },
  };
});

/** A claim's place: a notebook cell's claims point at the notebook file (the line within the cell said in the message). */
function region(c: ClaimReport): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  const l = c.location;
  return {
    startLine: l.start.line,
    startColumn: l.start.column,
    endLine: l.end.line,
    endColumn: Math.max(l.end.column, l.start.column + (l.end.line === l.start.line ? 1 : 0)),
  };
}

const where = (c: ClaimReport): string =>
  c.location.cell !== undefined ? `cell ${c.location.cell + 1}, line ${c.location.start.line}: ` : '';
const expected = (c: ClaimReport): string => (c.verdict === 'refuted' && c.expected ? ` Expected: ${c.expected}` : '');

/** SARIF 2.1.0: one run, a rule per verdict, a result per refuted or unverifiable claim. */
export function toSarif(files: readonly FileResult[]): string {
  const results = files.flatMap((f) =>
    (f.report?.claims ?? [])
      .filter((c): c is ClaimReport & { verdict: 'refuted' | 'unverifiable' } => c.verdict !== 'verified')
      .map((c) => ({
        ruleId: c.code,
        ruleIndex: RULES.findIndex((r) => r.id === c.code),
        level: LEVEL[c.verdict],
        message: { text: `${where(c)}${c.message}.${expected(c)}` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: uriOf(f.path) },
              region: c.location.cell !== undefined ? { startLine: 1 } : region(c),
            },
          },
        ],
      })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      { tool: { driver: { name: 'derivcheck', version: VERSION, semanticVersion: VERSION, informationUri: INFO, rules: RULES } }, results },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

/** A path as SARIF wants it: a relative URI reference, or a `file:` URI for an absolute path (each segment escaped). */
function uriOf(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const encoded = slashed
    .split('/')
    .map((seg, i) => (i === 0 && /^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg)))
    .join('/');
  if (slashed.startsWith('/')) return `file://${encoded}`;
  return /^[A-Za-z]:\//.test(slashed) ? `file:///${encoded}` : encoded;
}

// eslint-disable-next-line no-control-regex -- XML 1.0 cannot hold these control characters at all
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const xml = (s: string): string =>
  s.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!).replace(NOT_IN_XML, '');

/** JUnit XML: a test suite per file, a test case per claim (refuted: a failure; unverifiable: skipped). */
export function toJunit(files: readonly FileResult[]): string {
  const suites = files.map((f) => {
    const claims = f.report?.claims ?? [];
    const cases = claims.map((c) => {
      const name = `${where(c) || `line ${c.location.start.line}: `}${c.latex.replace(/\s+/g, ' ').trim()}`;
      const body =
        c.verdict === 'refuted'
          ? `<failure type="${c.code}" message="${xml(c.message)}">${xml(`${c.message}.${expected(c)}`)}</failure>`
          : c.verdict === 'unverifiable'
            ? `<skipped message="${xml(c.message)}"/>`
            : '';
      return `    <testcase classname="${xml(f.path)}" name="${xml(name)}" file="${xml(f.path)}" line="${c.location.start.line}">${body}</testcase>`;
    });
    const error = f.error
      ? [`    <testcase classname="${xml(f.path)}" name="read the note"><error message="${xml(f.error)}"/></testcase>`]
      : [];
    const count = (v: string): number => claims.filter((c) => c.verdict === v).length;
    return `  <testsuite name="${xml(f.path)}" tests="${claims.length + error.length}" failures="${count('refuted')}" errors="${error.length}" skipped="${count('unverifiable')}">\n${[...cases, ...error].join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="derivcheck">\n${suites.join('\n')}\n</testsuites>`;
}

/** GitHub Actions workflow commands: `::error file=…,line=…,col=…::message` per refuted claim, `::notice` per unverifiable one. */
export function toGithub(files: readonly FileResult[]): string {
  // (workflow commands escape %, CR and LF in messages, and also `,` and `:` in properties)
  const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string): string => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const lines: string[] = [];
  for (const f of files) {
    if (f.error) lines.push(`::error file=${prop(f.path)},line=1,title=${prop('derivcheck: unreadable note')}::${data(f.error)}`);
    for (const c of f.report?.claims ?? []) {
      if (c.verdict === 'verified') continue;
      const l = c.location;
      const at =
        l.cell !== undefined ? 'line=1' : `line=${l.start.line},col=${l.start.column},endLine=${l.end.line},endColumn=${l.end.column}`;
      lines.push(
        `::${c.verdict === 'refuted' ? 'error' : 'notice'} file=${prop(f.path)},${at},title=${prop(`derivcheck: ${c.code}`)}::${data(`${where(c)}${c.message}.${expected(c)}`)}`,
      );
    }
  }
  return lines.join('\n');
}
