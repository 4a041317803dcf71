/**
 * Live checks: each open note is re-checked after a pause in typing (debounced; a newer edit replaces a pending
 * check), with a per-note claim cache so only what an edit reaches is judged again. Results become diagnostics and
 * are announced to the CodeLens, status bar and chain panel. Diagnostics go when the note closes.
 */
import * as vscode from 'vscode';
import {
  type ClaimReport,
  type NoteReport,
  ClaimCache,
  LIMITS,
  checkDocument,
  checkDocumentInSlices,
  displayName,
  tooLargeForLiveMessage,
  diagnosticFor,
} from '../src/index';
import { type Settings, settings } from './config';
import { type OpenNote, noteOf, notebookNote, toRange, toSeverity } from './notes';
import { disposeTrace, logInternalErrors, trace, tracing } from './trace';

export interface CheckedNote {
  readonly note: OpenNote;
  readonly report: NoteReport;
}

interface NoteState {
  note: OpenNote;
  readonly cache: ClaimCache;
  timer?: ReturnType<typeof setTimeout>;
  result?: CheckedNote;
  /** Bumped by every edit: a check started for an older generation stops at its next slice. */
  generation: number;
  /** When the latest edit came (for the timing trace). */
  editedAt?: number;
}

const MAX_RELATED = 6;
/** How long typing must pause before a check starts (its result still waits for the whole pause). */
const SETTLE_MS = 120;

export class LiveChecker implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('derivcheck');
  private readonly states = new Map<string, NoteState>();
  private readonly checked = new vscode.EventEmitter<CheckedNote>();
  /** Fires after every check of a note. */
  readonly onDidCheck = this.checked.event;
  private readonly settingsChanged = new vscode.EventEmitter<void>();
  /** Fires when derivcheck's settings change (after results are dropped or re-checks scheduled). */
  readonly onDidChangeSettings = this.settingsChanged.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      this.diagnostics,
      this.checked,
      this.settingsChanged,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document, settings(e.document.uri).delayMs);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.close(d.uri.toString(), [d.uri])),
      vscode.workspace.onDidOpenNotebookDocument((nb) => this.scheduleNote(notebookNote(nb), 0)),
      vscode.workspace.onDidChangeNotebookDocument((e) => this.scheduleNote(notebookNote(e.notebook), settings(e.notebook.uri).delayMs)),
      vscode.workspace.onDidCloseNotebookDocument((nb) => this.close(nb.uri.toString(), notebookNote(nb).documents())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('derivcheck')) return;
        this.recheckAll();
        this.settingsChanged.fire();
      }),
    );
    this.recheckAll();
  }

  /** Schedules a check of the note a document belongs to. */
  schedule(doc: vscode.TextDocument, delayMs: number): void {
    const note = noteOf(doc);
    if (note) this.scheduleNote(note, delayMs);
  }

  private scheduleNote(note: OpenNote, delayMs: number): void {
    if (!settings(note.uri).liveChecks) return;
    const state = this.stateOf(note);
    if (state.timer) clearTimeout(state.timer);
    const editedAt = performance.now();
    state.editedAt = editedAt;
    const generation = ++state.generation;
    // the check starts once typing settles and runs during the rest of the pause; what it finds is shown when the
    // pause is over (a newer edit abandons it at its next slice, and whatever it judged stays in the cache)
    state.timer = setTimeout(
      () => {
        state.timer = undefined;
        void this.checkInSlices(state, generation, editedAt + delayMs);
      },
      Math.min(delayMs, SETTLE_MS),
    );
  }

  private stateOf(note: OpenNote): NoteState {
    let state = this.states.get(note.key);
    if (!state) {
      state = { note, cache: new ClaimCache(), generation: 0 };
      this.states.set(note.key, state);
    }
    state.note = note;
    return state;
  }

  /** Checks the note a document belongs to now (commands use this rather than wait for the debounce). */
  checkNow(doc: vscode.TextDocument): CheckedNote | undefined {
    const note = noteOf(doc);
    return note && this.checkNoteNow(note);
  }

  /** Checks a notebook now (Verify Workspace uses this for notebooks, so that their verdicts stand on their cells). */
  checkNotebookNow(notebook: vscode.NotebookDocument): CheckedNote | undefined {
    return this.checkNoteNow(notebookNote(notebook));
  }

  private checkNoteNow(note: OpenNote): CheckedNote | undefined {
    const state = this.stateOf(note);
    if (state.timer) clearTimeout(state.timer);
    state.timer = undefined;
    state.generation++;
    if (this.tooLarge(state)) return undefined;
    const s = settings(state.note.uri);
    return this.finish(state, checkDocument(state.note.read(), s.check, state.cache));
  }

  /** Why the note of a document is not checked here, if it is too large. */
  tooLargeNotice(doc: vscode.TextDocument): string | undefined {
    const chars = noteOf(doc)?.size() ?? 0;
    return chars > LIMITS.liveNoteChars ? tooLargeForLiveMessage(chars) : undefined;
  }

  /** A note too large to check while typing gets one notice at its top instead of diagnostics. */
  private tooLarge(state: NoteState): boolean {
    const chars = state.note.size();
    if (chars <= LIMITS.liveNoteChars) return false;
    state.result = undefined;
    const notice = tooLargeNotice(chars);
    state.note.documents().forEach((uri, i) => this.diagnostics.set(uri, i === 0 ? [notice] : []));
    return true;
  }

  /** The latest result for the note of a document, if it was checked. */
  resultFor(doc: vscode.TextDocument): CheckedNote | undefined {
    const note = noteOf(doc);
    return note ? this.states.get(note.key)?.result : undefined;
  }

  /** Every note checked and still open, with its latest result (for the claims view). */
  allResults(): CheckedNote[] {
    return [...this.states.values()].flatMap((s) => (s.result ? [s.result] : []));
  }

  /** The claims of a note that stand in the given document. */
  claimsIn(checked: CheckedNote, uri: vscode.Uri): ClaimReport[] {
    return checked.report.claims.filter((c) => checked.note.documentOf(c.location.part)?.toString() === uri.toString());
  }

  /** A live check: in slices that give the editor back, abandoned when a newer edit comes. */
  private async checkInSlices(state: NoteState, generation: number, showAt: number): Promise<void> {
    if (this.tooLarge(state)) return;
    const started = performance.now();
    const document = state.note.read();
    const read = performance.now();
    const current = (): boolean => state.generation === generation && this.states.get(state.note.key) === state;
    const report = await checkDocumentInSlices(document, settings(state.note.uri).check, state.cache, () => !current());
    if (!report || !current()) return;
    const checked = performance.now();
    // (quiet while typing: nothing is shown before the pause is over)
    if (showAt > checked) await new Promise((resolve) => setTimeout(resolve, showAt - checked));
    if (!current()) return;
    let published = 0;
    this.finish(state, report, () => (published = performance.now()));
    if (tracing()) {
      const done = performance.now();
      const wall = Date.now() - done;
      trace({
        note: state.note.uri.path,
        claims: report.claims.length,
        editedAt: wall + (state.editedAt ?? started),
        publishedAt: wall + published,
        waitedMs: started - (state.editedAt ?? started),
        readMs: read - started,
        checkMs: checked - read,
        publishMs: published - Math.max(checked, showAt),
        listenersMs: done - published,
      });
    }
  }

  /** Records and publishes a result, then tells the listeners (`onPublished` between the two, for the trace). */
  private finish(state: NoteState, report: NoteReport, onPublished?: () => void): CheckedNote {
    const s = settings(state.note.uri);
    const result: CheckedNote = { note: state.note, report };
    state.result = result;
    logInternalErrors(report, state.note.uri.path);
    if (s.liveChecks) this.publish(result, s);
    onPublished?.();
    this.checked.fire(result);
    return result;
  }

  private publish(checked: CheckedNote, s: Settings): void {
    const byDocument = new Map<string, { uri: vscode.Uri; items: vscode.Diagnostic[] }>();
    for (const uri of checked.note.documents()) byDocument.set(uri.toString(), { uri, items: [] });
    const put = (part: number, d: vscode.Diagnostic): void => {
      const uri = checked.note.documentOf(part);
      if (!uri) return;
      const entry = byDocument.get(uri.toString()) ?? { uri, items: [] };
      entry.items.push(d);
      byDocument.set(uri.toString(), entry);
    };
    for (const c of checked.report.claims) {
      const data = diagnosticFor(c, s);
      if (!data) continue;
      const d = new vscode.Diagnostic(toRange(c.location), data.message, toSeverity(data.severity));
      d.source = 'derivcheck';
      d.code = data.code;
      d.relatedInformation = this.related(checked, c);
      put(c.location.part, d);
    }
    for (const e of checked.report.errors) {
      if (!e.location) continue;
      const d = new vscode.Diagnostic(toRange(e.location), e.message, vscode.DiagnosticSeverity.Warning);
      d.source = 'derivcheck';
      put(e.location.part, d);
    }
    for (const { uri, items } of byDocument.values()) this.diagnostics.set(uri, items);
  }

  /** Links to the definitions a verdict used. */
  private related(checked: CheckedNote, c: ClaimReport): vscode.DiagnosticRelatedInformation[] {
    const out: vscode.DiagnosticRelatedInformation[] = [];
    for (const symbol of c.uses.slice(0, MAX_RELATED)) {
      const def = checked.report.model.definitions.get(symbol);
      if (!def) continue;
      const at = checked.report.locate(def.at);
      const uri = checked.note.documentOf(at.part);
      if (uri)
        out.push(new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(at)), `${displayName(symbol)} is defined here`));
    }
    return out;
  }

  private close(key: string, uris: vscode.Uri[]): void {
    const state = this.states.get(key);
    if (state?.timer) clearTimeout(state.timer);
    this.states.delete(key);
    for (const uri of uris) this.diagnostics.delete(uri);
  }

  private recheckAll(): void {
    const live = settings().liveChecks;
    if (!live) {
      // nothing stale stays behind: no diagnostics, and no results for lenses and the status bar to show
      this.diagnostics.clear();
      for (const s of this.states.values()) s.result = undefined;
    }
    for (const doc of vscode.workspace.textDocuments) {
      const note = noteOf(doc);
      if (note && live) this.scheduleNote(note, 0);
    }
  }

  dispose(): void {
    disposeTrace();
    for (const s of this.states.values()) if (s.timer) clearTimeout(s.timer);
    for (const d of this.subscriptions) d.dispose();
  }
}

/** The one diagnostic a note too large to check in the editor gets, at its top. */
export function tooLargeNotice(chars: number): vscode.Diagnostic {
  const notice = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), tooLargeForLiveMessage(chars), vscode.DiagnosticSeverity.Information);
  notice.source = 'derivcheck';
  return notice;
}
