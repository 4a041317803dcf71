/**
 * A CodeMirror editor in jsdom for the Obsidian editor's unit tests: the browser globals CodeMirror reads, set
 * from one JSDOM window and restored afterwards, and an EditorView with derivcheck's extension and a fake host.
 */
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { type ClaimReport, type HostSettings, type NoteReport, DEFAULT_SETTINGS } from '../../../src/index';
import { type EditorHost, derivcheckEditor } from '../../../obsidian/editor/index';

export { installDom } from '../../support/dom';

export interface FakeHost extends EditorHost {
  /** What the settings say now (tests change it). */
  current: HostSettings;
  path: string | undefined;
  readonly explained: { path: string; claim: ClaimReport }[];
  /** The text of each completed check. */
  readonly checks: { path: string; report: NoteReport }[];
}

export function fakeHost(settings: Partial<HostSettings> = {}): FakeHost {
  const host: FakeHost = {
    current: { ...DEFAULT_SETTINGS, delayMs: 10, ...settings },
    path: 'notes/seed.md',
    explained: [],
    checks: [],
    settings: () => host.current,
    notePath: () => host.path,
    explain: (path, _report, claim) => host.explained.push({ path, claim }),
    checked: (path, report) => host.checks.push({ path, report }),
  };
  return host;
}

export function editorWith(text: string, host: EditorHost): EditorView {
  const parent = document.createElement('div');
  document.body.append(parent);
  return new EditorView({ state: EditorState.create({ doc: text, extensions: [derivcheckEditor(host)] }), parent });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until `ready()` holds (polling), or fails with `what` after `ms`. */
export async function until(ready: () => boolean, what: string, ms = 10000): Promise<void> {
  const end = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}
