/** The extension's settings, read fresh each time they are needed. */
import * as vscode from 'vscode';
import type { CheckOptions } from '../src/index';

export interface Settings {
  readonly liveChecks: boolean;
  readonly delayMs: number;
  readonly showUnverifiable: boolean;
  /** `information`: unverifiable claims are listed in the Problems panel (VS Code does not list hints there). */
  readonly unverifiableInProblems: boolean;
  /** Which claims get a CodeLens. */
  readonly codeLens: 'all' | 'refuted' | 'off';
  /** The open panel explains the claim under the cursor as it moves. */
  readonly panelFollowsCursor: boolean;
  readonly check: Required<CheckOptions>;
}

export function settings(scope?: vscode.Uri): Settings {
  const c = vscode.workspace.getConfiguration('derivcheck', scope);
  return {
    liveChecks: c.get<boolean>('liveChecks', true),
    delayMs: Math.max(0, c.get<number>('delayMs', 400)),
    showUnverifiable: c.get<boolean>('showUnverifiable', true),
    unverifiableInProblems: c.get<string>('problems.showUnverifiable', 'off') === 'information',
    panelFollowsCursor: c.get<boolean>('panel.followCursor', false),
    codeLens: oneOf(c.get<string>('codeLens', 'all'), ['all', 'refuted', 'off'] as const, 'all'),
    check: {
      samples: Math.max(1, Math.round(c.get<number>('samples', 5))),
      tolerance: c.get<number>('tolerance', 1e-6),
      seed: Math.round(c.get<number>('seed', 1)),
      timeLimitMs: Math.max(1, Math.round(c.get<number>('timeLimitMs', 250))),
    },
  };
}

/** A string setting's value if it is one of the allowed ones, else the default (a hand-edited settings.json may hold anything). */
function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return allowed.find((a) => a === value) ?? fallback;
}
