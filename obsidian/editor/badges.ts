/**
 * Badges: Live Preview renders a `$$` block in place of its source, hiding the underlines, so each math block that
 * holds claims gets a small badge right after its closing delimiter (side 1: after the rendered block, never
 * inside it): ✓ every claim verified, ✗ some refuted, ? otherwise. Its title gives the counts; a click explains
 * the block's first refuted claim (else its first). The `markers` setting picks all blocks, refuted ones, or none.
 */
import { type Range, StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, WidgetType } from '@codemirror/view';
import type { ClaimReport, HostSettings, MathBlock } from '../../src/index';
import { firstWorthExplaining } from '../checks';
import type { CheckedText } from './checker';
import type { EditorHost } from './index';

export type Mark = 'verified' | 'refuted' | 'unverifiable';
export const SYMBOL: Record<Mark, string> = { verified: '✓', refuted: '✗', unverifiable: '?' };

/** The badges of the latest check (replaced by each check, moved by the edits since). */
export const setBadges = StateEffect.define<readonly Range<Decoration>[]>();

export const badgeField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(badges, tr) {
    for (const e of tr.effects) if (e.is(setBadges)) return Decoration.set(e.value, true);
    return tr.docChanged ? badges.map(tr.changes) : badges;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** The badges for a check: one per math block with claims (a Markdown note's; a drawing's blocks have no place here). */
export function badgesFor(checked: CheckedText, s: HostSettings, host: Pick<EditorHost, 'explain'>): Range<Decoration>[] {
  const { report, doc, path } = checked;
  if (!s.liveChecks || s.markers === 'off' || report.document.kind !== 'markdown') return [];
  const byBlock = new Map<number, ClaimReport[]>();
  for (const c of report.claims) {
    const list = byBlock.get(c.claim.at.block) ?? [];
    list.push(c);
    byBlock.set(c.claim.at.block, list);
  }
  const text = report.document.parts[0]?.text ?? '';
  const out: Range<Decoration>[] = [];
  for (const [index, claims] of byBlock) {
    const block = report.document.blocks[index];
    if (!block || block.part !== 0) continue;
    const mark = markOf(claims);
    if (s.markers === 'refuted' && mark !== 'refuted') continue;
    const target = firstWorthExplaining(claims)!;
    const at = Math.min(afterBlock(text, block), doc.length);
    const widget = new BadgeWidget(mark, titleOf(claims), () => host.explain(path, report, target));
    out.push(Decoration.widget({ widget, side: 1 }).range(at));
  }
  return out;
}

/** A group of claims' mark: ✗ if one is refuted, ✓ if all are verified, else ? (the live and the Reading-mode badges alike). */
export function markOf(claims: readonly ClaimReport[]): Mark {
  if (claims.some((c) => c.verdict === 'refuted')) return 'refuted';
  return claims.every((c) => c.verdict === 'verified') ? 'verified' : 'unverifiable';
}

/** `derivcheck: 1 refuted, 2 verified · click to explain` */
function titleOf(claims: readonly ClaimReport[]): string {
  const count = (v: Mark): number => claims.filter((c) => c.verdict === v).length;
  const counts = (['refuted', 'verified', 'unverifiable'] as const).filter((v) => count(v) > 0).map((v) => `${count(v)} ${v}`);
  return `derivcheck: ${counts.join(', ')} · click to explain`;
}

const CLOSER: Record<string, string> = { $$: '$$', $: '$', '\\[': '\\]', '\\(': '\\)', '```math': '```' };

/** Just past a block's closing delimiter (a fence: the end of its line); the end of its LaTeX if none is found. */
export function afterBlock(text: string, block: MathBlock): number {
  const end = block.offsets[block.latex.length] ?? block.offsets[block.offsets.length - 1] ?? 0;
  const close = CLOSER[block.delimiter];
  if (!close) return end;
  const at = text.indexOf(close, end);
  // (only blank space and a quote's `>` may stand between the LaTeX and its closing delimiter)
  if (at < 0 || !/^[\s>]*$/.test(text.slice(end, at))) return end;
  const after = at + close.length;
  if (!block.delimiter.startsWith('```')) return after;
  const eol = text.indexOf('\n', after);
  return eol < 0 ? text.length : eol;
}

/** What a badge's DOM shows and does (kept with the DOM, so that a redrawn badge reuses it). */
const actionOf = new WeakMap<HTMLElement, () => void>();

class BadgeWidget extends WidgetType {
  constructor(
    readonly mark: Mark,
    readonly title: string,
    readonly explain: () => void,
  ) {
    super();
  }

  /** Never equal: every check brings a new report to explain, and `updateDOM` redraws in place. */
  eq(): boolean {
    return false;
  }

  toDOM(view: EditorView): HTMLElement {
    const dom = view.dom.ownerDocument.createElement('span');
    dom.setAttribute('role', 'button');
    // (a click explains; it must not move the cursor into the block, which would show its source)
    dom.addEventListener('mousedown', (e) => e.preventDefault());
    dom.addEventListener('click', (e) => {
      e.preventDefault();
      actionOf.get(dom)?.();
    });
    this.updateDOM(dom);
    return dom;
  }

  updateDOM(dom: HTMLElement): boolean {
    dom.className = `cm-derivcheck-badge cm-derivcheck-badge-${this.mark}`;
    dom.textContent = SYMBOL[this.mark];
    dom.title = this.title;
    dom.setAttribute('aria-label', this.title);
    actionOf.set(dom, this.explain);
    return true;
  }

  ignoreEvent(): boolean {
    return true;
  }
}

/** The badges' look, in Obsidian's colours where it has them. */
export const badgeTheme = EditorView.baseTheme({
  '.cm-derivcheck-badge': {
    display: 'inline-block',
    marginLeft: '0.5em',
    padding: '0 0.45em',
    minWidth: '1em',
    textAlign: 'center',
    border: '1px solid currentColor',
    borderRadius: '0.7em',
    fontSize: '0.8em',
    lineHeight: '1.4',
    fontFamily: 'var(--font-interface, system-ui, sans-serif)',
    verticalAlign: 'middle',
    cursor: 'pointer',
    userSelect: 'none',
  },
  '.cm-derivcheck-badge-verified': { color: 'var(--text-success, var(--color-green, #2e7d32))' },
  '.cm-derivcheck-badge-refuted': { color: 'var(--text-error, var(--color-red, #c62828))', fontWeight: '600' },
  '.cm-derivcheck-badge-unverifiable': { color: 'var(--text-muted, #6b6b6b)' },
  '.cm-derivcheck-code': { marginLeft: '0.25em', fontSize: '0.85em', opacity: '0.8' },
});
