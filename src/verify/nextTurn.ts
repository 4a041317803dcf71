/**
 * Gives the event loop back between slices of a check, wherever the core runs: Node and Electron have
 * `setImmediate`; a browser, a webview and Obsidian on mobile do not, and get a MessageChannel message (a zero
 * timeout would be clamped to 4 ms after a few nested calls).
 */
type Immediate = (callback: () => void) => unknown;

let post: ((callback: () => void) => void) | undefined;

export function nextTurn(): Promise<void> {
  post ??= pickPost();
  return new Promise((resolve) => post!(resolve));
}

function pickPost(): (callback: () => void) => void {
  const immediate = (globalThis as { setImmediate?: Immediate }).setImmediate;
  if (typeof immediate === 'function') return (callback) => void immediate(callback);
  if (typeof MessageChannel !== 'function') return (callback) => void setTimeout(callback, 0);
  // (typed as a browser's: the core's types are Node's, whose MessagePort has no onmessage)
  const channel = new MessageChannel() as unknown as {
    port1: { onmessage: (() => void) | null };
    port2: { postMessage(message: null): void };
  };
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return (callback) => {
    queue.push(callback);
    channel.port2.postMessage(null);
  };
}
