/** The test bundle's entry: the plugin, and the `obsidian` it was bundled with (the stand-in). */
export { default as DerivcheckPlugin } from '../../obsidian/main';
export * as obsidian from 'obsidian';
