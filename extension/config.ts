/** The extension's settings, read fresh each time they are needed. */
import * as vscode from 'vscode';
import type { CheckOptions } from '../src/verify/types';

export interface Settings {
  readonly liveChecks: boolean;
  readonly delayMs: number;
  readonly showUnverifiable: boolean;
  readonly check: Required<CheckOptions>;
}

export function settings(scope?: vscode.Uri): Settings {
  const c = vscode.workspace.getConfiguration('derivcheck', scope);
  return {
    liveChecks: c.get<boolean>('liveChecks', true),
    delayMs: Math.max(0, c.get<number>('delayMs', 400)),
    showUnverifiable: c.get<boolean>('showUnverifiable', true),
    check: {
      samples: Math.max(1, Math.round(c.get<number>('samples', 5))),
      tolerance: c.get<number>('tolerance', 1e-6),
      seed: Math.round(c.get<number>('seed', 1)),
      timeLimitMs: Math.max(1, Math.round(c.get<number>('timeLimitMs', 250))),
    },
  };
}
