/**
 * The vault check: every note of the vault checked in turn, with a progress notice, the results grouped by note in
 * the side view. A note checked here is checked again when it changes (its claim cache judges only the claims an
 * edit reached), and the list follows.
 */
import type { App, TFile } from 'obsidian';
import type { NoteReport } from '../src/index';
import type { ClaimGroup } from './viewContent';

export type { ClaimGroup } from './viewContent';

export interface VaultHost {
  readonly app: App;
  report(path: string, text: string): NoteReport;
  /** Progress, shown in a notice: `done` of `total` notes. */
  progress(done: number, total: number): void;
  show(groups: readonly ClaimGroup[]): void;
}

/** The files a vault check reads: Markdown notes (Excalidraw drawings are Markdown too) and notebooks. */
export function noteFiles(app: App): TFile[] {
  return app.vault.getFiles().filter((f) => f.extension === 'md' || f.extension === 'ipynb');
}

/** Checks every note; yields to the UI between notes. Returns the groups shown (notes with claims, refuted ones first). */
export async function checkVault(host: VaultHost): Promise<ClaimGroup[]> {
  const files = noteFiles(host.app);
  const groups: ClaimGroup[] = [];
  for (const [i, file] of files.entries()) {
    host.progress(i, files.length);
    const group = await checkFile(host, file);
    if (group) groups.push(group);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  host.progress(files.length, files.length);
  const sorted = sortGroups(groups);
  host.show(sorted);
  return sorted;
}

/** One note's group, or none (no claims, unreadable). */
export async function checkFile(host: Pick<VaultHost, 'app' | 'report'>, file: TFile): Promise<ClaimGroup | undefined> {
  let text: string;
  try {
    text = await host.app.vault.cachedRead(file);
  } catch {
    return undefined;
  }
  const claims = host.report(file.path, text).claims;
  return claims.length > 0 ? { path: file.path, claims } : undefined;
}

/** Notes with refuted claims first, then by path. */
export function sortGroups(groups: readonly ClaimGroup[]): ClaimGroup[] {
  const refuted = (g: ClaimGroup): number => (g.claims.some((c) => c.verdict === 'refuted') ? 0 : 1);
  return [...groups].sort((a, b) => refuted(a) - refuted(b) || a.path.localeCompare(b.path));
}

/** The groups with one note's group replaced (or dropped when it has no claims now). */
export function withGroup(groups: readonly ClaimGroup[], path: string, group: ClaimGroup | undefined): ClaimGroup[] {
  return sortGroups([...groups.filter((g) => g.path !== path), ...(group ? [group] : [])]);
}
