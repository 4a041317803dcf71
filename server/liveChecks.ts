/**
 * Live checks of the open notes, as the VS Code extension runs them: a note is checked again once typing settles
 * (a newer edit abandons a check at its next time slice, and what it judged stays in the note's claim cache, so
 * only what an edit reaches is judged again), and its result is published when the pause is over. A note too large
 * to check while typing gets one notice instead.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type NoteFile, type NoteReport, ClaimCache, LIMITS, checkDocument, checkDocumentInSlices } from '../src/index';
import { isNote, noteFileOf } from './documents';
import type { ServerSettings } from './settings';

export interface CheckedNote {
  readonly uri: string;
  /** The document version that was checked. */
  readonly version: number;
  readonly file: NoteFile;
  readonly report: NoteReport;
}

/** What a check ends in: a result, a note too large to check here (its size), or no note at all. */
export type Outcome =
  | { readonly kind: 'checked'; readonly checked: CheckedNote }
  | { readonly kind: 'tooLarge'; readonly chars: number }
  | { readonly kind: 'notANote' };

interface NoteState {
  readonly cache: ClaimCache;
  /** Bumped by every edit: a check started for an older generation stops at its next slice. */
  generation: number;
  timer?: ReturnType<typeof setTimeout>;
  /** The document version the latest outcome is for, and its result if it was checked. */
  version?: number;
  result?: CheckedNote;
}

/** How long typing must pause before a check starts (its result still waits for the whole pause). */
const SETTLE_MS = 120;

export class LiveChecks {
  private readonly states = new Map<string, NoteState>();

  constructor(
    private readonly documentOf: (uri: string) => TextDocument | undefined,
    private readonly settings: () => ServerSettings,
    private readonly publish: (uri: string, outcome: Outcome) => void,
    private readonly reportError: (error: unknown) => void,
  ) {}

  /** Checks a document's note after `delayMs` (0: at once, in slices), replacing a check already waiting. */
  schedule(uri: string, delayMs: number): void {
    const state = this.stateOf(uri);
    if (state.timer) clearTimeout(state.timer);
    const generation = ++state.generation;
    const showAt = performance.now() + delayMs;
    state.timer = setTimeout(
      () => {
        state.timer = undefined;
        this.checkInSlices(uri, state, generation, showAt).catch(this.reportError);
      },
      Math.min(delayMs, SETTLE_MS),
    );
  }

  /** The result for a document's current text: the latest one if it is still current, else checked now (and published). */
  current(uri: string): CheckedNote | undefined {
    const doc = this.documentOf(uri);
    const state = this.states.get(uri);
    if (!doc) return undefined;
    if (state?.version === doc.version) return state.result;
    const outcome = this.checkNow(doc);
    return outcome.kind === 'checked' ? outcome.checked : undefined;
  }

  /** Whether a document was scheduled since it was opened. */
  isOpen(uri: string): boolean {
    return this.states.has(uri);
  }

  /** Forgets a closed document. */
  close(uri: string): void {
    const state = this.states.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    this.states.delete(uri);
  }

  /** Checks every open note again (after the settings changed). */
  recheckAll(): void {
    for (const uri of this.states.keys()) this.schedule(uri, 0);
  }

  dispose(): void {
    for (const state of this.states.values()) if (state.timer) clearTimeout(state.timer);
    this.states.clear();
  }

  private stateOf(uri: string): NoteState {
    let state = this.states.get(uri);
    if (!state) {
      state = { cache: new ClaimCache(), generation: 0 };
      this.states.set(uri, state);
    }
    return state;
  }

  private checkNow(doc: TextDocument): Outcome {
    const state = this.stateOf(doc.uri);
    if (state.timer) clearTimeout(state.timer);
    state.timer = undefined;
    state.generation++;
    const refused = this.refusal(doc);
    if (refused) return this.finish(doc.uri, state, refused, doc.version);
    const file = noteFileOf(doc);
    const report = checkDocument(file.document, this.settings().check, state.cache);
    return this.finish(doc.uri, state, { kind: 'checked', checked: { uri: doc.uri, version: doc.version, file, report } });
  }

  private async checkInSlices(uri: string, state: NoteState, generation: number, showAt: number): Promise<void> {
    const current = (): boolean => state.generation === generation && this.states.get(uri) === state;
    const doc = this.documentOf(uri);
    if (!doc || !current()) return;
    const refused = this.refusal(doc);
    if (refused) {
      this.finish(uri, state, refused, doc.version);
      return;
    }
    const version = doc.version;
    const file = noteFileOf(doc);
    const report = await checkDocumentInSlices(file.document, this.settings().check, state.cache, () => !current());
    if (!report || !current()) return;
    // (quiet while typing: nothing is shown before the pause is over)
    const wait = showAt - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (current()) this.finish(uri, state, { kind: 'checked', checked: { uri, version, file, report } });
  }

  /** Why a document is not checked: it holds no note, or one too large to check while typing. */
  private refusal(doc: TextDocument): Outcome | undefined {
    const chars = doc.getText().length;
    if (chars > LIMITS.liveNoteChars) return { kind: 'tooLarge', chars };
    return isNote(doc) ? undefined : { kind: 'notANote' };
  }

  private finish(
    uri: string,
    state: NoteState,
    outcome: Outcome,
    version = outcome.kind === 'checked' ? outcome.checked.version : undefined,
  ): Outcome {
    state.version = version;
    state.result = outcome.kind === 'checked' ? outcome.checked : undefined;
    this.publish(uri, outcome);
    return outcome;
  }
}
