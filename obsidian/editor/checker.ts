/**
 * One editor's live checks: its claim cache, the check of its current text (in slices, abandoned when a newer
 * edit or a newer check comes), and what the latest finished check found (for the badges and the quick fixes).
 */
import { StateEffect, type Text } from '@codemirror/state';
import { type EditorView, type ViewUpdate, logException } from '@codemirror/view';
import type { Diagnostic } from '@codemirror/lint';
import {
  type HostSettings,
  type NoteReport,
  ClaimCache,
  LIMITS,
  checkDocumentInSlices,
  readNote,
  tooLargeForLiveMessage,
} from '../../src/index';
import { badgesFor, setBadges } from './badges';
import { diagnosticsFor } from './diagnostics';
import type { EditorHost } from './index';

/** A finished check: the text it read (the editor's doc, as it was), the note's path and the report. */
export interface CheckedText {
  readonly doc: Text;
  readonly path: string;
  readonly report: NoteReport;
}

/** Asks for a check now (the settings changed). */
export const refreshEffect = StateEffect.define<null>();

export class Checker {
  private readonly cache = new ClaimCache();
  /** Bumped by every edit and every new check: a check of an older generation stops at its next slice. */
  private generation = 0;
  private destroyed = false;
  /** The settings object last seen, and what it said (a new object that says the same is no change). */
  private seen: HostSettings;
  private seenKey: string;
  private delay: number;
  latest?: CheckedText;

  constructor(
    private readonly view: EditorView,
    private readonly host: EditorHost,
    private readonly setDelay: (ms: number) => void,
  ) {
    this.seen = host.settings();
    this.seenKey = JSON.stringify(this.seen);
    this.delay = this.seen.delayMs;
  }

  update(update: ViewUpdate): void {
    if (update.docChanged) this.generation++;
  }

  destroy(): void {
    this.destroyed = true;
    this.generation++;
  }

  /** Whether an update asks for a new check: a refresh, or settings that say something new. */
  wantsRefresh(update: ViewUpdate): boolean {
    const refresh = update.transactions.some((tr) => tr.effects.some((e) => e.is(refreshEffect)));
    const s = this.host.settings();
    if (s !== this.seen) {
      this.seen = s;
      const key = JSON.stringify(s);
      if (key !== this.seenKey) {
        this.seenKey = key;
        if (s.delayMs !== this.delay) {
          this.delay = s.delayMs;
          // (not while this update is applied: a reconfiguration is a transaction of its own)
          setTimeout(() => !this.destroyed && this.setDelay(s.delayMs), 0);
        }
        return true;
      }
    }
    return refresh;
  }

  /** The lint source: checks the editor's text and resolves to its diagnostics (never, for a check overtaken by a newer one). */
  async lint(): Promise<readonly Diagnostic[]> {
    const generation = ++this.generation;
    const doc = this.view.state.doc;
    // (what follows may dispatch: never inside the update that started the lint)
    await Promise.resolve();
    const stale = (): boolean => this.destroyed || this.generation !== generation || this.view.state.doc !== doc;
    if (stale()) return overtaken();
    const s = this.host.settings();
    const path = s.liveChecks ? this.host.notePath(this.view) : undefined;
    if (path === undefined || doc.length > LIMITS.liveNoteChars) {
      this.show(undefined, s);
      return path === undefined ? [] : [tooLarge(doc.length)];
    }
    const report = await checkDocumentInSlices(readNote(path, doc.toString()), s.check, this.cache, stale);
    if (!report || stale()) return overtaken();
    const checked: CheckedText = { doc, path, report };
    this.show(checked, s);
    try {
      this.host.checked?.(path, report);
    } catch (e) {
      logException(this.view.state, e, 'derivcheck: checked');
    }
    return diagnosticsFor(checked, s, this.host);
  }

  /** Records a finished check (or none) and shows its badges. */
  private show(checked: CheckedText | undefined, s: HostSettings): void {
    if (!checked && !this.latest) return;
    this.latest = checked;
    this.view.dispatch({ effects: setBadges.of(checked ? badgesFor(checked, s, this.host) : []) });
  }
}

/** A check overtaken by a newer edit or check: its result is never shown (the newer check's is). */
function overtaken(): Promise<never> {
  return new Promise<never>(() => undefined);
}

/** The one diagnostic a note too large to check while typing gets, at its top. */
function tooLarge(chars: number): Diagnostic {
  return { from: 0, to: 0, severity: 'info', source: 'derivcheck', message: tooLargeForLiveMessage(chars) };
}
