/**
 * derivcheck for Obsidian: a thin adapter on the core (src/index.ts). Live checks in the editor (a CodeMirror
 * extension), badges in Reading mode, the explanation in a side view, Verify Gradient, "Check this drawing" for
 * Excalidraw, a vault check, and a settings tab. Nothing here needs Node or Electron: it runs on mobile too.
 */
import { EditorView } from '@codemirror/view';
import { type Editor, type MarkdownFileInfo, MarkdownView, Notice, Plugin, type TFile, editorInfoField } from 'obsidian';
import { type ClaimReport, type HostSettings, type NoteReport, type SettingKey, claimAt, explainClaim, readSettings } from '../src/index';
import { NoteChecks, firstWorthExplaining } from './checks';
import { derivcheckEditor } from './editor';
import { elementOf, isDrawing, revealInDrawing } from './excalidraw';
import { addReadingBadge } from './reading';
import { DerivcheckSettingTab } from './settingsTab';
import { type ClaimGroup, checkFile, checkVault, withGroup } from './vault';
import { DerivcheckView, VIEW_TYPE_DERIVCHECK } from './view';

/** What the side view shows now: one claim explained, or a list (a drawing's claims, the vault's). */
type Shown =
  | { readonly kind: 'claim'; readonly path: string; readonly report: NoteReport; readonly claim: ClaimReport; seed: number }
  | { readonly kind: 'list'; readonly title: string; groups: readonly ClaimGroup[]; readonly vault: boolean };

export default class DerivcheckPlugin extends Plugin {
  private stored: Record<string, unknown> = {};
  settings: HostSettings = readSettings(() => undefined);
  private checks = new NoteChecks(() => this.settings);
  private shown?: Shown;

  async onload(): Promise<void> {
    const data: unknown = await this.loadData();
    this.stored = typeof data === 'object' && data !== null ? { ...(data as Record<string, unknown>) } : {};
    this.settings = readSettings((key) => this.stored[key]);
    this.registerView(VIEW_TYPE_DERIVCHECK, (leaf) => new DerivcheckView(leaf, this.viewHost));
    this.registerEditorExtension(
      derivcheckEditor({
        settings: () => this.settings,
        notePath: (view) => view.state.field(editorInfoField, false)?.file?.path,
        explain: (path, report, claim) => void this.explain(path, report, claim),
        checked: (path, report) => this.checks.remember(path, report.document.parts[0]?.text ?? '', report),
      }),
    );
    this.registerEditorExtension(EditorView.updateListener.of((update) => update.selectionSet && this.cursorMoved(update.view)));
    this.registerMarkdownPostProcessor((el, ctx) =>
      addReadingBadge(el, ctx, {
        settings: () => this.settings,
        report: (path, text) => this.checks.check(path, text),
        explain: (path, report, claim) => void this.explain(path, report, claim),
      }),
    );
    this.addCommand({
      id: 'verify-gradient',
      name: 'Verify Gradient',
      editorCallback: (editor, ctx) => void this.verifyGradient(editor, ctx),
    });
    this.addCommand({
      id: 'check-drawing',
      name: 'Check this drawing',
      checkCallback: (checking) => {
        const file = this.app.workspace.getActiveFile();
        if (!isDrawing(file)) return false;
        if (!checking) void this.checkDrawing(file);
        return true;
      },
    });
    this.addCommand({ id: 'check-vault', name: 'Check every note of the vault', callback: () => void this.checkVault() });
    this.addSettingTab(
      new DerivcheckSettingTab(this.app, this, { stored: (key) => this.stored[key], store: (key, value) => this.store(key, value) }),
    );
    this.registerEvent(this.app.vault.on('modify', (file) => void this.noteChanged(file as TFile)));
    this.registerEvent(this.app.vault.on('delete', (file) => this.checks.forget(file.path)));
  }

  /** Explains the claim at the cursor (else the first refuted one, else the first). */
  async verifyGradient(editor: Editor, ctx: MarkdownView | MarkdownFileInfo): Promise<void> {
    const path = ctx.file?.path;
    if (!path) return;
    const report = this.checks.check(path, editor.getValue());
    const claim = claimAt(report, { part: 0, offset: editor.posToOffset(editor.getCursor()) }) ?? firstWorthExplaining(report.claims);
    if (!claim) {
      new Notice('derivcheck: this note has no claims to verify (no equations with a derivative or a step).');
      return;
    }
    await this.explain(path, report, claim);
  }

  /** With *Explanation follows the cursor*, the open explanation moves to the claim the cursor moves onto. */
  private cursorMoved(view: EditorView): void {
    const shown = this.shown;
    if (!this.settings.panelFollowsCursor || shown?.kind !== 'claim') return;
    const path = view.state.field(editorInfoField, false)?.file?.path;
    const report = path && this.checks.reportOf(path);
    if (!path || !report || this.app.workspace.getLeavesOfType(VIEW_TYPE_DERIVCHECK).length === 0) return;
    const claim = claimAt(report, { part: 0, offset: view.state.selection.main.head });
    const same = claim && shown.path === path && claim.location.startOffset === shown.claim.location.startOffset;
    if (claim && !same) void this.explain(path, report, claim, 0, false);
  }

  /** Lists a drawing's claims in the side view. */
  async checkDrawing(file: TFile): Promise<void> {
    const group = await checkFile({ app: this.app, report: (path, text) => this.checks.check(path, text) }, file);
    await this.showList({ kind: 'list', title: `Claims in ${file.basename}`, groups: group ? [group] : [], vault: false });
    if (!group) new Notice('derivcheck: this drawing has no claims to verify.');
  }

  /** Checks every note of the vault, with a progress notice, and lists the results. */
  async checkVault(): Promise<ClaimGroup[]> {
    const notice = new Notice('derivcheck: checking the vault…', 0);
    const groups = await checkVault({
      app: this.app,
      report: (path, text) => this.checks.check(path, text),
      progress: (done, total) => notice.setMessage(`derivcheck: checked ${done} of ${total} notes…`),
      show: () => undefined,
    });
    notice.hide();
    const refuted = groups.reduce((n, g) => n + g.claims.filter((c) => c.verdict === 'refuted').length, 0);
    new Notice(`derivcheck: ${groups.length} notes with claims, ${refuted} refuted.`);
    await this.showList({ kind: 'list', title: 'Vault check', groups, vault: true });
    return groups;
  }

  /** A note changed: checked again if the side view lists it (its cache judges only the claims the edit reached). */
  private async noteChanged(file: TFile): Promise<void> {
    const shown = this.shown;
    if (shown?.kind !== 'list' || !(shown.vault || shown.groups.some((g) => g.path === file.path))) return;
    const group = await checkFile({ app: this.app, report: (path, text) => this.checks.check(path, text) }, file);
    if (this.shown !== shown) return;
    shown.groups = withGroup(shown.groups, file.path, group);
    (await this.view())?.showClaims(shown.title, shown.groups);
  }

  /** Explains a claim in the side view (opened and shown, unless `reveal` is false: the cursor moved it). */
  private async explain(path: string, report: NoteReport, claim: ClaimReport, seed = 0, reveal = true): Promise<void> {
    this.shown = { kind: 'claim', path, report, claim, seed };
    (await this.view(reveal))?.explain(explainClaim(report, claim, seed), path, seed === 0);
  }

  private async showList(shown: Extract<Shown, { kind: 'list' }>): Promise<void> {
    this.shown = shown;
    (await this.view())?.showClaims(shown.title, shown.groups);
  }

  /** The side view, opened in the right sidebar if it is not open yet, and brought forward when `reveal`. */
  private async view(reveal = true): Promise<DerivcheckView | undefined> {
    const { workspace } = this.app;
    let leaf = workspace.getLeavesOfType(VIEW_TYPE_DERIVCHECK)[0];
    if (!leaf) {
      const right = workspace.getRightLeaf(false);
      if (!right) return undefined;
      await right.setViewState({ type: VIEW_TYPE_DERIVCHECK, active: true });
      leaf = right;
    }
    if (reveal) await workspace.revealLeaf(leaf);
    return leaf.view instanceof DerivcheckView ? leaf.view : undefined;
  }

  private readonly viewHost = {
    reveal: (symbol?: string): void => {
      const shown = this.shown;
      if (shown?.kind !== 'claim') return;
      const place = symbol
        ? explainClaim(shown.report, shown.claim, shown.seed).definitions.find((d) => d.symbol === symbol)?.place
        : undefined;
      void this.openAt(shown.path, place?.line ?? shown.claim.location.start.line);
    },
    newSamplePoint: (): void => {
      const shown = this.shown;
      if (shown?.kind === 'claim') void this.explain(shown.path, shown.report, shown.claim, shown.seed + 1);
    },
    openClaim: (path: string, claim: ClaimReport): void => void this.openClaim(path, claim),
  };

  /** Opens a listed claim: a drawing's element selected (with ExcalidrawAutomate), a note at the claim's line. */
  private async openClaim(path: string, claim: ClaimReport): Promise<void> {
    const file = this.app.vault.getFileByPath(path);
    if (!file) return;
    const report = this.checks.reportOf(path);
    if (isDrawing(file)) {
      await revealInDrawing(this.app, file, report && elementOf(report, claim));
      return;
    }
    await this.openAt(path, claim.location.start.line);
    if (report) await this.explain(path, report, claim);
  }

  /** Opens a note with the cursor at a line (1-based). */
  private async openAt(path: string, line: number): Promise<void> {
    const file = this.app.vault.getFileByPath(path);
    if (!file) return;
    const leaf = this.app.workspace.getLeaf(false);
    await leaf.openFile(file, { eState: { line: line - 1 } });
    if (leaf.view instanceof MarkdownView) leaf.view.editor.setCursor({ line: line - 1, ch: 0 });
  }

  private async store(key: SettingKey, value: unknown): Promise<void> {
    if (value === undefined) delete this.stored[key];
    else this.stored[key] = value;
    this.settings = readSettings((k) => this.stored[k]);
    // (samples, tolerance and the seed change every verdict; the next check judges every claim again)
    this.checks.clear();
    // (open editors reconfigure, and their checks see the new settings at once)
    this.app.workspace.updateOptions();
    await this.saveData(this.stored);
  }
}
