/**
 * A CodeMirror editor in jsdom for the Obsidian editor's unit tests: the browser globals CodeMirror reads, set
 * from one JSDOM window and restored afterwards, and an EditorView with derivcheck's extension and a fake host.
 */
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { JSDOM } from 'jsdom';
import { type ClaimReport, type HostSettings, type NoteReport, DEFAULT_SETTINGS } from '../../../src/index';
import { type EditorHost, derivcheckEditor } from '../../../obsidian/editor/index';

const GLOBALS = [
  'window',
  'document',
  'navigator',
  'MutationObserver',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'getComputedStyle',
  'getSelection',
  'Node',
  'Element',
  'HTMLElement',
  'Text',
  'DocumentFragment',
  'Range',
  'Event',
  'MouseEvent',
  'KeyboardEvent',
  'InputEvent',
] as const;

/** Sets the browser globals from a fresh JSDOM window; the function it returns puts the old ones back. */
export function installDom(): () => void {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  const scope = globalThis as Record<string, unknown>;
  const saved = GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const);
  const window = dom.window as unknown as Record<string, unknown>;
  for (const name of GLOBALS) {
    const value = name === 'window' ? dom.window : window[name];
    Object.defineProperty(scope, name, {
      value: typeof value === 'function' && /^[a-z]/.test(name) ? (value as (...a: unknown[]) => unknown).bind(dom.window) : value,
      configurable: true,
      writable: true,
    });
  }
  return () => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(scope, name, descriptor);
      else delete scope[name];
    }
    dom.window.close();
  };
}

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
