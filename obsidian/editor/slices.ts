/**
 * The core's checks in slices give the event loop back with `setImmediate`, which Obsidian's desktop app (Electron
 * with Node) has but a browser, Obsidian on mobile and the tests' Chromium page do not: there it is supplied, once,
 * by a MessageChannel (no 4 ms clamping, unlike a zero timeout).
 */

type Immediate = (callback: () => void) => unknown;

export function allowSlices(): void {
  const scope = globalThis as { setImmediate?: Immediate };
  if (typeof scope.setImmediate === 'function') return;
  if (typeof MessageChannel !== 'function') {
    scope.setImmediate = (callback) => setTimeout(callback, 0);
    return;
  }
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  scope.setImmediate = (callback) => {
    queue.push(callback);
    channel.port2.postMessage(null);
    return undefined;
  };
}
