/** The test bundle's entry: the plugin, and the `obsidian` it was bundled with (the stand-in). */
export { default as DerivcheckPlugin } from '../../obsidian/main';
export * as obsidian from 'obsidian';
// (CodeMirror as bundled with the plugin: one copy, so that its extensions are recognised)
export { EditorState } from '@codemirror/state';
export { EditorView } from '@codemirror/view';
