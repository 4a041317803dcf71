/**
 * The *derivcheck* log: internal errors with their stacks (always), and the timing of live checks, for finding where the time between a keystroke and its diagnostic goes: with the setting
 * `derivcheck.trace.timing` on, one line per check goes to the *derivcheck* output channel (a log channel, so VS Code
 * also keeps it in its logs folder, where `npm run bench:editor` reads it). Nothing is recorded otherwise.
 */
import * as vscode from 'vscode';
import { type NoteReport, internalErrors } from '../src/index';

export interface CheckTiming {
  readonly note: string;
  readonly claims: number;
  /** Wall-clock times (ms since the epoch) of the edit's arrival and of the diagnostics' publication. */
  readonly editedAt: number;
  readonly publishedAt: number;
  /** From the edit to the start of the check (the settling time and any wait for the extension host). */
  readonly waitedMs: number;
  readonly readMs: number;
  readonly checkMs: number;
  readonly publishMs: number;
  readonly listenersMs: number;
}

let channel: vscode.LogOutputChannel | undefined;

/** Whether timings are wanted (read fresh: the setting may change at any time). */
export function tracing(): boolean {
  return vscode.workspace.getConfiguration('derivcheck').get<boolean>('trace.timing', false);
}

const log = (): vscode.LogOutputChannel => (channel ??= vscode.window.createOutputChannel('derivcheck', { log: true }));

export function trace(t: CheckTiming): void {
  log().info(`check timing ${JSON.stringify(t)}`);
}

/** Internal errors already logged: a cached verdict brings its error back on every keystroke. */
const logged = new Set<string>();

/** Logs a check's internal errors with their stacks, each once (the claims themselves show as unverifiable). */
export function logInternalErrors(report: Pick<NoteReport, 'claims' | 'errors'>, name: string): void {
  for (const line of internalErrors(report, name)) {
    if (logged.has(line)) continue;
    if (logged.size > 1000) logged.clear();
    logged.add(line);
    log().error(line);
  }
}

export function disposeTrace(): void {
  channel?.dispose();
  channel = undefined;
  logged.clear();
}
