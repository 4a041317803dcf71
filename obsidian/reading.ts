/**
 * Reading mode: a badge (✓ / ✗ / ?) on each rendered section whose source holds claims, from the note's report.
 * `getSectionInfo` maps the rendered element back to its source lines; a click opens the explanation.
 */
import type { MarkdownPostProcessorContext } from 'obsidian';
import { type ClaimReport, type HostSettings, type NoteReport, statusText } from '../src/index';
import { firstWorthExplaining } from './checks';
import { SYMBOL, markOf } from './editor/badges';

export interface ReadingHost {
  settings(): HostSettings;
  /** The report of a note's text (checked once per text). */
  report(path: string, text: string): NoteReport;
  explain(path: string, report: NoteReport, claim: ClaimReport): void;
}

/** Adds the section's badge, if its lines hold claims the `markers` setting shows. */
export function addReadingBadge(
  el: HTMLElement,
  ctx: Pick<MarkdownPostProcessorContext, 'getSectionInfo' | 'sourcePath'>,
  host: ReadingHost,
): void {
  const s = host.settings();
  if (!s.liveChecks || s.markers === 'off') return;
  const info = ctx.getSectionInfo(el);
  if (!info) return;
  const report = host.report(ctx.sourcePath, info.text);
  // (locations count lines from 1, sections from 0)
  const claims = report.claims.filter((c) => c.location.start.line - 1 >= info.lineStart && c.location.start.line - 1 <= info.lineEnd);
  const shown = s.markers === 'refuted' ? claims.filter((c) => c.verdict === 'refuted') : claims;
  if (shown.length === 0 || el.querySelector(':scope > .derivcheck-badge')) return;
  el.append(badge(claims, () => host.explain(ctx.sourcePath, report, firstWorthExplaining(claims)!)));
}

/** The badge of a group of claims: ✗ if one is refuted, ✓ if all are verified, else ?. */
export function badge(claims: readonly ClaimReport[], open: () => void): HTMLElement {
  const verdict = markOf(claims);
  const b = document.createElement('button');
  b.className = `derivcheck-badge derivcheck-${verdict}`;
  b.textContent = SYMBOL[verdict];
  b.title = `derivcheck: ${statusText(claims)}. Click to explain.`;
  b.setAttribute('aria-label', b.title);
  b.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    open();
  });
  return b;
}
