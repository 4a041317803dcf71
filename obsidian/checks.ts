/**
 * The plugin's checks outside the editor (Reading mode, Verify Gradient, drawings, the vault check): one report per
 * note path, judged with that note's own claim cache, so that checking a note again after an edit judges only the
 * claims whose definitions the edit reached.
 */
import { type ClaimReport, ClaimCache, type HostSettings, type NoteReport, checkNote } from '../src/index';

interface Checked {
  readonly text: string;
  readonly report: NoteReport;
}

export class NoteChecks {
  private readonly caches = new Map<string, ClaimCache>();
  private readonly latest = new Map<string, Checked>();

  constructor(private readonly settings: () => HostSettings) {}

  /** The note's report for this text: the last one if the text is unchanged, else a new check. */
  check(path: string, text: string): NoteReport {
    const last = this.latest.get(path);
    if (last && last.text === text) return last.report;
    let cache = this.caches.get(path);
    if (!cache) this.caches.set(path, (cache = new ClaimCache()));
    const report = checkNote(path, text, this.settings().check, cache);
    this.latest.set(path, { text, report });
    return report;
  }

  /** A report the editor made (its own cache): kept so that commands need not check again. */
  remember(path: string, text: string, report: NoteReport): void {
    this.latest.set(path, { text, report });
  }

  /** The last report of a note, if it was checked. */
  reportOf(path: string): NoteReport | undefined {
    return this.latest.get(path)?.report;
  }

  /** Forgets a note (deleted or renamed). */
  forget(path: string): void {
    this.caches.delete(path);
    this.latest.delete(path);
  }

  /** Forgets every verdict (the settings changed: samples, tolerance, seed change every verdict). */
  clear(): void {
    this.caches.clear();
    this.latest.clear();
  }
}

/** The claim an explanation should start from: the first refuted one, else the first. */
export function firstWorthExplaining(claims: readonly ClaimReport[]): ClaimReport | undefined {
  return claims.find((c) => c.verdict === 'refuted') ?? claims[0];
}
