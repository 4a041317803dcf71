/**
 * The page script of the Obsidian side view's browser test: the view's content (obsidian/viewContent.ts, bundled
 * with esbuild by the test) in two sidebar leaves, driven from the test through `window.derivcheckTest`. Obsidian's
 * MathJax (its `renderMath`) exists only inside Obsidian, so this stand-in typesets with KaTeX, as VS Code's panel does.
 */
import { typesetWithKatex } from '../../media/katex';
import type { ClaimReport, Explanation } from '../../src/index';
import { type ClaimGroup, ViewContent, type ViewContentHost } from '../../obsidian/viewContent';

/** What the view asked of its host, for the test to read. */
export type HostCall =
  | { readonly call: 'reveal'; readonly symbol?: string }
  | { readonly call: 'newSamplePoint' }
  /** `group` and `index`: where the claim passed is (by identity) in the groups shown, -1 if it is none of them. */
  | { readonly call: 'openClaim'; readonly path: string; readonly group: number; readonly index: number; readonly line: number };

export interface ObsidianViewTest {
  readonly calls: HostCall[];
  explain(explanation: Explanation, notePath: string): void;
  showClaims(title: string, groups: ClaimGroup[]): void;
  claimGone(reason: string): void;
}

const calls: HostCall[] = [];
let shownGroups: readonly ClaimGroup[] = [];
const host: ViewContentHost = {
  reveal: (symbol) => calls.push({ call: 'reveal', symbol }),
  newSamplePoint: () => calls.push({ call: 'newSamplePoint' }),
  openClaim: (path: string, claim: ClaimReport) => {
    const group = shownGroups.findIndex((g) => g.claims.includes(claim));
    const index = group < 0 ? -1 : shownGroups[group].claims.indexOf(claim);
    calls.push({ call: 'openClaim', path, group, index, line: claim.location.start.line });
  },
  tex: typesetWithKatex,
};
const explanationView = new ViewContent(document.getElementById('explanation')!, host);
const listView = new ViewContent(document.getElementById('claims')!, host);

const api: ObsidianViewTest = {
  calls,
  explain: (explanation, notePath) => explanationView.explain(explanation, notePath, true),
  showClaims: (title, groups) => {
    shownGroups = groups;
    listView.showClaims(title, groups);
  },
  claimGone: (reason) => explanationView.claimGone(reason),
};
(window as unknown as { derivcheckTest: ObsidianViewTest }).derivcheckTest = api;
