/**
 * A jsdom window installed as Node's globals for a test (the DOM the Obsidian plugin and CodeMirror read), and
 * removed again after it.
 */
import { JSDOM } from 'jsdom';

const NAMES = [
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
  'HTMLButtonElement',
  'Text',
  'DocumentFragment',
  'Range',
  'Event',
  'MouseEvent',
  'KeyboardEvent',
  'InputEvent',
] as const;

/** Installs a DOM; returns what undoes it. */
export function installDom(html = '<!doctype html><html><body></body></html>'): () => void {
  const dom = new JSDOM(html, { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  const before = new Map(NAMES.map((n) => [n, Object.getOwnPropertyDescriptor(g, n)]));
  const w = dom.window as unknown as Record<string, unknown>;
  for (const n of NAMES) {
    const value =
      n === 'window'
        ? dom.window
        : typeof w[n] === 'function' && /^[a-z]/.test(n)
          ? (w[n] as (...a: unknown[]) => unknown).bind(dom.window)
          : w[n];
    Object.defineProperty(g, n, { value, configurable: true, writable: true });
  }
  return () => {
    for (const [n, d] of before) {
      if (d) Object.defineProperty(g, n, d);
      else delete g[n];
    }
    dom.window.close();
  };
}
