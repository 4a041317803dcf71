/**
 * The messages between the extension host and the chain webview: one discriminated union each way, handled with
 * an exhaustive switch on `type` on both sides. Only plain data crosses: LaTeX strings and numbers, never HTML.
 */
import type { Explanation } from '../src/index';

export type { Explanation, GraphNode } from '../src/index';

/** Host → webview. */
export type HostMessage =
  /** A claim to explain (sent on open, on a new sample point, and whenever the note changes); `fresh`: another claim than the one shown. */
  | { readonly type: 'explain'; readonly explanation: Explanation; readonly notePath: string; readonly fresh: boolean }
  /** The claim is gone from the note (deleted or no longer parsed). */
  | { readonly type: 'claimGone'; readonly reason: string };

/** Webview → host. */
export type WebviewMessage =
  /** The webview script has loaded and can take messages. */
  | { readonly type: 'ready' }
  /** Draw a new random sample point. */
  | { readonly type: 'newSamplePoint' }
  /** Show where a symbol is defined (or the claim itself when `symbol` is absent). */
  | { readonly type: 'reveal'; readonly symbol?: string };

/** For the `default:` of an exhaustive switch: a compile error if a message type is left out. */
export function assertNever(x: never): never {
  throw new Error(`unexpected message: ${JSON.stringify(x)}`);
}
