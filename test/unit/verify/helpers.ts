/** Checks a note given as Markdown text and returns its claims' verdicts in a compact form. */
import * as path from 'path';
import { readFileSync } from 'fs';
import { type ClaimReport, checkNote } from '../../../src/verify/checkNote';

export function check(markdown: string, name = 'note.md'): ClaimReport[] {
  return [...checkNote(name, markdown).claims];
}

/** `verdict: claim source` for each claim, whitespace collapsed. */
export function verdicts(markdown: string): string[] {
  return check(markdown).map((c) => `${c.verdict}: ${c.latex.replace(/\s+/g, ' ')}`);
}

export const fixture = (name: string): string => path.join(__dirname, '../../../../test/fixtures', name);
export const readFixture = (name: string): string => readFileSync(fixture(name), 'utf8');
