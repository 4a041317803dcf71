/**
 * The language server's settings: from the client's `initializationOptions` and its workspace settings (section
 * `derivcheck`, pushed with didChangeConfiguration or pulled with workspace/configuration), checked and defaulted
 * by the core's settings table, as every host's are.
 */
import { type HostSettings, type SettingKey, readSettings } from '../src/index';

export interface ServerSettings extends HostSettings {
  /** What the client has given so far, key by key (a later message may give only some keys). */
  readonly given: Readonly<Record<string, unknown>>;
}

export const DEFAULT_SETTINGS: ServerSettings = { ...readSettings(() => undefined), given: {} };

/**
 * Settings given by a client over the current ones: `{ derivcheck: { … } }` or the section itself. Keys it leaves
 * out keep what was given before; a value that is not of its setting's kind and size gets the default.
 */
export function withClientSettings(current: ServerSettings, given: unknown): ServerSettings {
  const raw = record(record(given).derivcheck ?? given);
  const merged = { ...current.given, ...raw };
  return { ...readSettings((key: SettingKey) => merged[key]), given: merged };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
