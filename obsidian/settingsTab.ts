/** The settings tab: the settings every derivcheck host offers (src/present/settings.ts), one control each. */
import { type App, type Plugin, PluginSettingTab, Setting } from 'obsidian';
import { SETTINGS, type SettingKey } from '../src/index';

export interface SettingsStore {
  /** What the user stored for a key (anything: data.json may be hand-edited). */
  stored(key: SettingKey): unknown;
  /** Stores a value and applies the settings. */
  store(key: SettingKey, value: unknown): Promise<void>;
}

export class DerivcheckSettingTab extends PluginSettingTab {
  constructor(
    app: App,
    plugin: Plugin,
    private readonly settings: SettingsStore,
  ) {
    super(app, plugin);
  }

  display(): void {
    const { containerEl } = this;
    containerEl.replaceChildren();
    for (const spec of SETTINGS) {
      const setting = new Setting(containerEl).setName(spec.name).setDesc(spec.description);
      const stored = this.settings.stored(spec.key);
      switch (spec.kind) {
        case 'boolean':
          setting.addToggle((t) =>
            t.setValue(typeof stored === 'boolean' ? stored : spec.default).onChange((v) => this.settings.store(spec.key, v)),
          );
          break;
        case 'number':
          setting.addText((t) =>
            t
              .setPlaceholder(String(spec.default))
              .setValue(typeof stored === 'number' ? String(stored) : '')
              // (an empty or out-of-range value keeps the default: readSettings checks every value)
              .onChange((v) => this.settings.store(spec.key, v.trim() === '' ? undefined : Number(v))),
          );
          break;
        case 'choice':
          setting.addDropdown((d) =>
            d
              .addOptions(Object.fromEntries(spec.choices.map((c) => [c, c])))
              .setValue(typeof stored === 'string' && (spec.choices as readonly string[]).includes(stored) ? stored : spec.default)
              .onChange((v) => this.settings.store(spec.key, v)),
          );
          break;
      }
    }
  }
}
