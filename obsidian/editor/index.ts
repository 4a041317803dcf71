/**
 * derivcheck's live checks in Obsidian's editor, as a CodeMirror 6 extension: each note is checked after a pause in
 * typing (one claim cache per editor, a newer edit abandons a running check), refuted claims become lint
 * diagnostics with the core's quick fix, and each math block that holds claims gets a badge (Live Preview hides
 * underlines under rendered math). It imports no `obsidian`, so it runs in jsdom and in a plain browser.
 */
import { Compartment, type Extension } from '@codemirror/state';
import { type EditorView, ViewPlugin } from '@codemirror/view';
import { linter } from '@codemirror/lint';
import type { ClaimReport, HostSettings, NoteReport } from '../../src/index';
import { badgeField, badgeTheme } from './badges';
import { Checker, refreshEffect } from './checker';

export interface EditorHost {
  /** The current settings, read fresh (src/present/settings.ts: liveChecks, delayMs, showUnverifiable, markers 'all'|'refuted'|'off', check options). */
  settings(): HostSettings;
  /** The vault path of the note an editor shows (the plugin uses Obsidian's editorInfoField), or undefined when it shows no note. */
  notePath(view: EditorView): string | undefined;
  /** Open the explanation of a claim (a badge click, the "Explain" lint action). */
  explain(path: string, report: NoteReport, claim: ClaimReport): void;
  /** Called after each completed check of an editor's note (the plugin keeps its index and status). Optional. */
  checked?(path: string, report: NoteReport): void;
}

/** The extension for `registerEditorExtension`: live checks, their diagnostics and quick fixes, and the badges. */
export function derivcheckEditor(host: EditorHost): Extension {
  const lint = new Compartment();
  const lintWith = (delay: number): Extension =>
    linter((view) => view.plugin(checker)?.lint() ?? [], {
      delay,
      needsRefresh: (update) => update.view.plugin(checker)?.wantsRefresh(update) ?? false,
    });
  const checker = ViewPlugin.define(
    (view) =>
      new Checker(view, host, (ms) => {
        // (the lint delay is part of the linter's configuration: a new delay reconfigures it, which re-checks too)
        view.dispatch({ effects: lint.reconfigure(lintWith(ms)) });
      }),
  );
  const delay = host.settings().delayMs;
  return [checker, lint.of(lintWith(delay)), badgeField, badgeTheme];
}

/**
 * Checks an editor's note again now that the settings changed (the plugin calls it for every open editor after
 * saving its settings; an editor also notices a change by itself at its next update).
 */
export function refreshDerivcheck(view: EditorView): void {
  view.dispatch({ effects: refreshEffect.of(null) });
}
