/**
 * A small stand-in for the parts of Obsidian's API the plugin uses, for loading the plugin in Node (with jsdom for
 * the DOM): the test bundle maps `obsidian` to this file. Each class `implements` the same members of the real
 * type definitions (the `obsidian` package), so a stand-in that drifts from Obsidian's API fails to compile. It
 * records what the plugin registers and lets a test drive the workspace and the vault.
 */
import { type Extension, StateField } from '@codemirror/state';
import type * as O from 'obsidian';

/** Members as Obsidian types their parameters (a fluent `this` result is the stand-in's own). */
type Fluent<T, K extends keyof T> = { [P in K]: T[P] extends (...args: infer A) => unknown ? (...args: A) => unknown : T[P] };

export class Component implements Pick<O.Component, 'registerEvent' | 'register' | 'load' | 'unload'> {
  private readonly cleanups: (() => unknown)[] = [];
  load(): void {}
  unload(): void {
    for (const c of this.cleanups.splice(0)) c();
  }
  register(cb: () => unknown): void {
    this.cleanups.push(cb);
  }
  registerEvent(ref: O.EventRef): void {
    this.cleanups.push(() => (ref as unknown as { off(): void }).off());
  }
}

/** A minimal event emitter with Obsidian's `on(name, callback)` → EventRef. */
class Events {
  private readonly handlers = new Map<string, Set<(...args: unknown[]) => unknown>>();
  on(name: string, callback: (...args: never[]) => unknown): O.EventRef {
    const set = this.handlers.get(name) ?? new Set();
    this.handlers.set(name, set);
    const cb = callback as (...args: unknown[]) => unknown;
    set.add(cb);
    return { off: () => set.delete(cb) } as unknown as O.EventRef;
  }
  trigger(name: string, ...args: unknown[]): void {
    for (const cb of this.handlers.get(name) ?? []) cb(...args);
  }
}

export class TFile implements Pick<O.TFile, 'path' | 'name' | 'basename' | 'extension'> {
  readonly name: string;
  readonly basename: string;
  readonly extension: string;
  constructor(readonly path: string) {
    this.name = path.split('/').pop()!;
    const dot = this.name.lastIndexOf('.');
    this.basename = dot > 0 ? this.name.slice(0, dot) : this.name;
    this.extension = dot > 0 ? this.name.slice(dot + 1) : '';
  }
}

export class Vault extends Events implements Pick<O.Vault, 'getFiles' | 'getMarkdownFiles' | 'cachedRead' | 'read' | 'getFileByPath'> {
  private readonly texts = new Map<string, { file: TFile; text: string }>();
  /** Adds or changes a file; a change triggers `modify`, as Obsidian does after a save. */
  write(path: string, text: string): TFile {
    const known = this.texts.get(path);
    const file = known?.file ?? new TFile(path);
    this.texts.set(path, { file, text });
    if (known) this.trigger('modify', file);
    return file;
  }
  getFiles(): O.TFile[] {
    return [...this.texts.values()].map((t) => t.file as unknown as O.TFile);
  }
  getMarkdownFiles(): O.TFile[] {
    return this.getFiles().filter((f) => f.extension === 'md');
  }
  async cachedRead(file: O.TFile): Promise<string> {
    return this.read(file);
  }
  async read(file: O.TFile): Promise<string> {
    const t = this.texts.get(file.path);
    if (!t) throw new Error(`no such file: ${file.path}`);
    return t.text;
  }
  getFileByPath(path: string): O.TFile | null {
    return (this.texts.get(path)?.file as unknown as O.TFile) ?? null;
  }
}

/** The editor of a Markdown view: a text and a cursor. */
export class StandInEditor implements Pick<O.Editor, 'getValue' | 'posToOffset' | 'getCursor' | 'setCursor'> {
  private cursor: O.EditorPosition = { line: 0, ch: 0 };
  constructor(public text: string) {}
  getValue(): string {
    return this.text;
  }
  posToOffset(pos: O.EditorPosition): number {
    const lines = this.text.split('\n');
    return lines.slice(0, pos.line).reduce((n, l) => n + l.length + 1, 0) + pos.ch;
  }
  getCursor(): O.EditorPosition {
    return this.cursor;
  }
  setCursor(pos: O.EditorPosition | number, ch?: number): void {
    this.cursor = typeof pos === 'number' ? { line: pos, ch: ch ?? 0 } : pos;
  }
}

export class View extends Component implements Pick<O.View, 'app' | 'leaf' | 'containerEl' | 'getViewType' | 'getDisplayText' | 'getIcon'> {
  app: O.App;
  containerEl: HTMLElement = document.createElement('div');
  constructor(public leaf: O.WorkspaceLeaf) {
    super();
    this.app = (leaf as unknown as WorkspaceLeaf).app as unknown as O.App;
  }
  getViewType(): string {
    return 'empty';
  }
  getDisplayText(): string {
    return '';
  }
  getIcon(): O.IconName {
    return 'document';
  }
  protected async onOpen(): Promise<void> {}
  protected async onClose(): Promise<void> {}
  /** What Obsidian does when a view is put in a leaf. */
  async open(): Promise<void> {
    await this.onOpen();
  }
}

export class ItemView extends View implements Pick<O.ItemView, 'contentEl'> {
  contentEl: HTMLElement = document.createElement('div');
  constructor(leaf: O.WorkspaceLeaf) {
    super(leaf);
    this.containerEl.append(document.createElement('div'), this.contentEl);
  }
}

export class MarkdownView extends View implements Pick<O.MarkdownView, 'editor' | 'file' | 'getViewType'> {
  editor: O.Editor;
  constructor(
    leaf: O.WorkspaceLeaf,
    public file: O.TFile | null,
    text: string,
  ) {
    super(leaf);
    this.editor = new StandInEditor(text) as unknown as O.Editor;
  }
  getViewType(): string {
    return 'markdown';
  }
}

export class WorkspaceLeaf implements Pick<O.WorkspaceLeaf, 'view' | 'openFile' | 'setViewState'> {
  view: O.View;
  constructor(
    readonly app: App,
    readonly side: 'main' | 'right',
  ) {
    this.view = new View(this as unknown as O.WorkspaceLeaf) as unknown as O.View;
  }
  async openFile(file: O.TFile, openState?: O.OpenViewState): Promise<void> {
    const text = await this.app.vault.read(file);
    const view = new MarkdownView(this as unknown as O.WorkspaceLeaf, file, text);
    const line = (openState?.eState as { line?: number } | undefined)?.line;
    if (line !== undefined) view.editor.setCursor({ line, ch: 0 });
    this.view = view as unknown as O.View;
    this.app.workspace.active = this;
  }
  async setViewState(state: O.ViewState): Promise<void> {
    const create = this.app.viewCreators.get(state.type);
    if (!create) throw new Error(`no view type ${state.type}`);
    const view = create(this as unknown as O.WorkspaceLeaf);
    this.view = view;
    await (view as unknown as View).open();
  }
}

export class Workspace
  extends Events
  implements Pick<O.Workspace, 'getLeavesOfType' | 'getRightLeaf' | 'getLeaf' | 'revealLeaf' | 'getActiveFile' | 'updateOptions'>
{
  /** How often the editors were told to reconfigure. */
  reconfigured = 0;
  readonly leaves: WorkspaceLeaf[] = [];
  active?: WorkspaceLeaf;
  constructor(private readonly app: App) {
    super();
  }
  getLeavesOfType(viewType: string): O.WorkspaceLeaf[] {
    return this.leaves.filter((l) => l.view.getViewType() === viewType) as unknown as O.WorkspaceLeaf[];
  }
  getRightLeaf(): O.WorkspaceLeaf | null {
    const leaf = new WorkspaceLeaf(this.app, 'right');
    this.leaves.push(leaf);
    return leaf as unknown as O.WorkspaceLeaf;
  }
  getLeaf(): O.WorkspaceLeaf {
    let leaf = this.leaves.find((l) => l.side === 'main');
    if (!leaf) this.leaves.push((leaf = new WorkspaceLeaf(this.app, 'main')));
    return leaf as unknown as O.WorkspaceLeaf;
  }
  async revealLeaf(): Promise<void> {}
  updateOptions(): void {
    this.reconfigured++;
  }
  getActiveFile(): O.TFile | null {
    return ((this.active?.view as unknown as MarkdownView | undefined)?.file as O.TFile | undefined) ?? null;
  }
}

export class App {
  readonly vault = new Vault();
  readonly workspace: Workspace = new Workspace(this);
  readonly viewCreators = new Map<string, O.ViewCreator>();
}

export class Plugin
  extends Component
  implements
    Pick<
      O.Plugin,
      | 'addCommand'
      | 'registerView'
      | 'registerEditorExtension'
      | 'registerMarkdownPostProcessor'
      | 'addSettingTab'
      | 'loadData'
      | 'saveData'
    >
{
  readonly commands: O.Command[] = [];
  readonly editorExtensions: Extension[] = [];
  readonly postProcessors: O.MarkdownPostProcessor[] = [];
  readonly settingTabs: O.PluginSettingTab[] = [];
  data: unknown = null;
  constructor(
    public app: O.App,
    public manifest: O.PluginManifest,
  ) {
    super();
  }
  addCommand(command: O.Command): O.Command {
    this.commands.push(command);
    return command;
  }
  registerView(type: string, viewCreator: O.ViewCreator): void {
    (this.app as unknown as App).viewCreators.set(type, viewCreator);
  }
  registerEditorExtension(extension: Extension): void {
    this.editorExtensions.push(extension);
  }
  registerMarkdownPostProcessor(postProcessor: O.MarkdownPostProcessor): O.MarkdownPostProcessor {
    this.postProcessors.push(postProcessor);
    return postProcessor;
  }
  addSettingTab(settingTab: O.PluginSettingTab): void {
    this.settingTabs.push(settingTab);
  }
  async loadData(): Promise<unknown> {
    return this.data;
  }
  async saveData(data: unknown): Promise<void> {
    this.data = JSON.parse(JSON.stringify(data));
  }
}

export class Notice implements Fluent<O.Notice, 'setMessage' | 'hide'> {
  /** Every notice shown, newest last, with its message as it ended. */
  static readonly shown: Notice[] = [];
  hidden = false;
  constructor(
    public message: string | DocumentFragment,
    readonly duration?: number,
  ) {
    Notice.shown.push(this);
  }
  setMessage(message: string | DocumentFragment): this {
    this.message = message;
    return this;
  }
  hide(): void {
    this.hidden = true;
  }
}

export abstract class PluginSettingTab implements Pick<O.PluginSettingTab, 'containerEl' | 'display'> {
  containerEl: HTMLElement = document.createElement('div');
  constructor(
    readonly app: O.App,
    readonly plugin: O.Plugin,
  ) {}
  abstract display(): void;
}

/** A control of a setting: its value and the change handler the plugin gave it. */
class ValueControl<T> {
  value?: T;
  changed?: (value: T) => unknown;
  placeholder?: string;
  options: Record<string, string> = {};
  setValue(value: T): this {
    this.value = value;
    return this;
  }
  onChange(callback: (value: T) => unknown): this {
    this.changed = callback;
    return this;
  }
  setPlaceholder(placeholder: string): this {
    this.placeholder = placeholder;
    return this;
  }
  addOptions(options: Record<string, string>): this {
    this.options = { ...this.options, ...options };
    return this;
  }
}

export class Setting implements Fluent<O.Setting, 'setName' | 'setDesc' | 'addToggle' | 'addText' | 'addDropdown'> {
  /** Every setting made, in order. */
  static readonly made: Setting[] = [];
  name = '';
  desc = '';
  control?: { readonly kind: 'toggle' | 'text' | 'dropdown'; readonly value: ValueControl<never> };
  constructor(readonly containerEl: HTMLElement) {
    Setting.made.push(this);
  }
  setName(name: string | DocumentFragment): this {
    this.name = String(name);
    return this;
  }
  setDesc(desc: string | DocumentFragment): this {
    this.desc = String(desc);
    return this;
  }
  addToggle(cb: (component: O.ToggleComponent) => unknown): this {
    return this.add('toggle', cb);
  }
  addText(cb: (component: O.TextComponent) => unknown): this {
    return this.add('text', cb);
  }
  addDropdown(cb: (component: O.DropdownComponent) => unknown): this {
    return this.add('dropdown', cb);
  }
  private add(kind: 'toggle' | 'text' | 'dropdown', cb: (component: never) => unknown): this {
    const value = new ValueControl<never>();
    cb(value as never);
    this.control = { kind, value };
    return this;
  }
}

/** Obsidian typesets with MathJax; here the LaTeX is kept as text. */
export function renderMath(source: string, display: boolean): HTMLElement {
  const el = document.createElement(display ? 'div' : 'span');
  el.className = 'math';
  el.textContent = source;
  return el;
}

export async function finishRenderMath(): Promise<void> {}

/** The note an editor shows; a test sets it with `editorInfoField.init(() => ({ file }))`. */
export const editorInfoField = StateField.define<O.MarkdownFileInfo>({
  create: () => ({ file: null }) as unknown as O.MarkdownFileInfo,
  update: (v) => v,
});

// (the signatures the plugin calls, held to Obsidian's own)
export const _typed: {
  renderMath: typeof O.renderMath;
  finishRenderMath: typeof O.finishRenderMath;
  editorInfoField: typeof O.editorInfoField;
} = { renderMath, finishRenderMath, editorInfoField };
