/**
 * What a hover says, as Markdown, for any host: on a symbol, its definition and the verdict of the claim it stands
 * in (with its value at the claim's point); on a claim, its verdict, the expected expression and the numbers.
 */
import { displayName } from '../latex/notation';
import type { ClaimReport } from '../verify/checkNote';
import type { HoverInfo } from '../verify/navigate';
import { symbolTitle } from '../verify/navigate';

export const VERDICT_TITLE = { verified: '✓ verified', refuted: '✗ refuted', unverifiable: '? unverifiable' } as const;

/** The hover on a symbol: its name, where it is defined (and how), and the verdict of its claim. */
export function symbolHoverMarkdown(info: HoverInfo): string {
  let md = `**${escapeMarkdown(symbolTitle(info.symbol))}**`;
  const def = info.symbol.definitions[0];
  if (def) {
    md += ` — defined on line ${def.location.start.line}${def.location.cell !== undefined ? ` of cell ${def.location.cell + 1}` : ''}`;
    md += codeBlock(def.latex);
  } else {
    md += ' — an input (the note does not define it)\n\n';
  }
  if (info.claim) {
    md += `\n\n${VERDICT_TITLE[info.claim.verdict]}: ${escapeMarkdown(info.claim.message)}`;
    if (info.value !== undefined)
      md += `\n\nAt the ${info.claim.verdict === 'refuted' ? 'counterexample' : 'sample point'}, ${escapeMarkdown(symbolTitle(info.symbol))} = ${formatNumber(info.value)}.`;
  }
  return md;
}

/** The hover on a claim: its verdict and message, what the left side should be, and the two sides' values. */
export function claimHoverMarkdown(c: ClaimReport): string {
  let md = `**${VERDICT_TITLE[c.verdict]}**: ${escapeMarkdown(c.message)}`;
  if (c.wrongFactor)
    md += `\n\nThe wrong factor should be ${escapeMarkdown(c.wrongFactor.derivativeLatex)}:${codeBlock(c.wrongFactor.expectedLatex)}`;
  if (c.expected) md += `\n\nExpected:${codeBlock(c.expected)}`;
  if (c.counterexample) {
    const point = Object.entries(c.counterexample.point).map(
      ([name, value]) => `${escapeMarkdown(displayName(name))} = ${formatNumber(value)}`,
    );
    md += `\n\nAt ${point.join(', ')}: claimed ${formatNumber(c.counterexample.claimed)}, true ${formatNumber(c.counterexample.actual)}.`;
  }
  const e = c.engine;
  if (e?.backprop !== undefined && e.finiteDifference !== undefined) {
    md += `\n\nEngine: ${e.claimed !== undefined ? `claimed ${formatNumber(e.claimed)}, ` : ''}backprop ${formatNumber(e.backprop)}, finite difference ${formatNumber(e.finiteDifference)}.`;
  }
  return md;
}

/** A fenced LaTeX block, as VS Code's `appendCodeblock` writes it. */
function codeBlock(latex: string): string {
  return `\n\`\`\`latex\n${latex}\n\`\`\`\n`;
}

/** Markdown's special characters as text (a note's symbol names and messages are not Markdown). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

/** A number with four significant digits, in exponent form when very small or large. */
function formatNumber(x: number): string {
  return Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? String(Number(x.toPrecision(4))) : x.toExponential(3);
}
