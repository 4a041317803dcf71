/** The extension's settings, read fresh each time they are needed: the core's table (src/present/settings.ts) and VS Code's own extras. */
import * as vscode from 'vscode';
import { type HostSettings, readSettings } from '../src/index';

export interface Settings extends HostSettings {
  /** `information`: unverifiable claims are listed in the Problems panel (VS Code does not list hints there). */
  readonly unverifiableInProblems: boolean;
  /** Which claims get a CodeLens (the core's markers, as VS Code names them). */
  readonly codeLens: HostSettings['markers'];
}

export function settings(scope?: vscode.Uri): Settings {
  const c = vscode.workspace.getConfiguration('derivcheck', scope);
  // (checked and defaulted by the core's table: a hand-edited settings.json may hold anything)
  const host = readSettings((key) => c.get(key === 'markers' ? 'codeLens' : key));
  return { ...host, codeLens: host.markers, unverifiableInProblems: c.get<string>('problems.showUnverifiable', 'off') === 'information' };
}
