/**
 * Excalidraw drawings open in Excalidraw's own view, where no editor extension runs: "Check this drawing" lists the
 * drawing's claims in the side view, and a click on one selects and zooms to its element when the Excalidraw
 * plugin's ExcalidrawAutomate is there (otherwise the drawing is just opened).
 */
import type { App, TFile, View } from 'obsidian';
import type { ClaimReport, NoteReport } from '../src/index';

/** The part of ExcalidrawAutomate this plugin uses (the Excalidraw plugin's scripting API). */
export interface ExcalidrawAutomate {
  setView(view: View): unknown;
  getViewElements(): readonly { readonly id: string; readonly fileId?: string }[];
  selectElementsInView(elements: readonly { readonly id: string }[]): void;
  viewZoomToElements(selectElements: boolean, elements: readonly { readonly id: string }[]): void;
}

/** Whether a file is an Obsidian Excalidraw drawing (by its name, as the Excalidraw plugin names them). */
export function isDrawing(file: TFile | null | undefined): file is TFile {
  return !!file && file.extension === 'md' && file.basename.endsWith('.excalidraw');
}

/** The drawing element a claim's formula belongs to (a text element, or the image of an embedded formula). */
export function elementOf(report: NoteReport, claim: ClaimReport): string | undefined {
  return report.document.blocks[claim.claim.at.block]?.drawing?.elementId;
}

/** ExcalidrawAutomate, if the Excalidraw plugin is installed and enabled. */
export function excalidrawAutomate(scope: unknown = globalThis): ExcalidrawAutomate | undefined {
  const ea = (scope as { ExcalidrawAutomate?: Partial<ExcalidrawAutomate> }).ExcalidrawAutomate;
  return ea && typeof ea.setView === 'function' && typeof ea.getViewElements === 'function' && typeof ea.viewZoomToElements === 'function'
    ? (ea as ExcalidrawAutomate)
    : undefined;
}

/**
 * Shows a claim's element in its drawing: the drawing opened (or brought forward), then, with ExcalidrawAutomate,
 * the element selected and zoomed to. Returns whether the element was found.
 */
export async function revealInDrawing(app: App, file: TFile, elementId: string | undefined, ea = excalidrawAutomate()): Promise<boolean> {
  const open = app.workspace.getLeavesOfType('excalidraw').find((leaf) => (leaf.view as { file?: TFile }).file?.path === file.path);
  const leaf = open ?? app.workspace.getLeaf(false);
  if (!open) await leaf.openFile(file);
  await app.workspace.revealLeaf(leaf);
  if (!ea || !elementId) return false;
  ea.setView(leaf.view);
  const elements = ea.getViewElements().filter((e) => e.id === elementId || e.fileId === elementId);
  if (elements.length === 0) return false;
  ea.selectElementsInView(elements);
  ea.viewZoomToElements(true, elements);
  return true;
}
