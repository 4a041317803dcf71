/**
 * The page script of the Obsidian editor's browser test: an EditorView with derivcheck's extension (bundled with
 * esbuild by the test) and a fake host that records what it is asked, driven through `window.derivcheckEditorTest`.
 * A stand-in for Live Preview renders each `$$` block the cursor is not in with KaTeX (Obsidian renders with
 * MathJax), so the badges are seen where Obsidian would leave them: after a rendered block.
 */
import { type EditorState, type Range, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, WidgetType } from '@codemirror/view';
import { forEachDiagnostic, forceLinting } from '@codemirror/lint';
import katex from 'katex';
import { DEFAULT_SETTINGS } from '../../src/index';
import { derivcheckEditor } from '../../obsidian/editor/index';

export interface ExplainCall {
  readonly path: string;
  readonly code: string;
  readonly line: number;
}

export interface ShownDiagnostic {
  readonly line: number;
  readonly column: number;
  readonly severity: string;
  readonly message: string;
}

export interface ObsidianEditorTest {
  readonly explained: ExplainCall[];
  checks: number;
  /** Opens a note with the cursor at the start of a line (1-based). */
  mount(text: string, cursorLine: number): void;
  lint(): void;
  errors(): ShownDiagnostic[];
  /** The window coordinates of a place on a line (1-based line and column). */
  coords(line: number, column: number): { x: number; y: number };
  text(): string;
}

class MathWidget extends WidgetType {
  constructor(readonly latex: string) {
    super();
  }
  eq(other: MathWidget): boolean {
    return other.latex === this.latex;
  }
  toDOM(): HTMLElement {
    const dom = document.createElement('span');
    dom.className = 'math-block-stand-in';
    katex.render(this.latex, dom, { displayMode: true, throwOnError: false });
    return dom;
  }
}

/** Live Preview, roughly: every `$$…$$` the selection is not in is shown rendered, its source hidden. */
function rendered(state: EditorState): DecorationSet {
  const text = state.doc.toString();
  const head = state.selection.main.head;
  const out: Range<Decoration>[] = [];
  for (const m of text.matchAll(/\$\$([\s\S]*?)\$\$/g)) {
    const from = m.index;
    const to = from + m[0].length;
    if (head >= from && head <= to) continue;
    out.push(Decoration.replace({ widget: new MathWidget(m[1]) }).range(from, to));
  }
  return Decoration.set(out);
}

const livePreview = StateField.define<DecorationSet>({
  create: rendered,
  update: (deco, tr) => (tr.docChanged || tr.selection ? rendered(tr.state) : deco),
  provide: (field) => EditorView.decorations.from(field),
});

let view: EditorView | undefined;
const api: ObsidianEditorTest = {
  explained: [],
  checks: 0,
  mount(text, cursorLine) {
    view?.destroy();
    const parent = document.getElementById('editor')!;
    view = new EditorView({
      doc: text,
      parent,
      extensions: [
        EditorView.lineWrapping,
        livePreview,
        derivcheckEditor({
          settings: () => ({ ...DEFAULT_SETTINGS, delayMs: 50 }),
          notePath: () => 'Backprop/004 chain rule.md',
          explain: (path, _report, claim) => api.explained.push({ path, code: claim.code, line: claim.location.start.line }),
          checked: () => void api.checks++,
        }),
      ],
    });
    view.dispatch({ selection: { anchor: view.state.doc.line(cursorLine).from } });
  },
  lint: () => forceLinting(view!),
  errors() {
    const out: ShownDiagnostic[] = [];
    forEachDiagnostic(view!.state, (d, from) => {
      const line = view!.state.doc.lineAt(from);
      out.push({ line: line.number, column: from - line.from + 1, severity: d.severity, message: d.message });
    });
    return out;
  },
  coords(line, column) {
    const pos = view!.state.doc.line(line).from + column - 1;
    const rect = view!.coordsAtPos(pos)!;
    return { x: rect.left + 2, y: (rect.top + rect.bottom) / 2 };
  },
  text: () => view!.state.doc.toString(),
};
(window as unknown as { derivcheckEditorTest: ObsidianEditorTest }).derivcheckEditorTest = api;
