/**
 * The language server's settings: from the client's `initializationOptions` and its workspace settings (section
 * `derivcheck`, pushed with didChangeConfiguration or pulled with workspace/configuration), checked and defaulted
 * as the VS Code extension's are.
 */
import type { CheckOptions } from '../src/index';

export interface ServerSettings {
  /** Pause after the last edit before a note is checked again (milliseconds). */
  readonly delayMs: number;
  /** Show unverifiable claims (as hints). */
  readonly showUnverifiable: boolean;
  readonly check: Required<CheckOptions>;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  delayMs: 400,
  showUnverifiable: true,
  check: { samples: 5, tolerance: 1e-6, seed: 1, timeLimitMs: 250 },
};

/**
 * Settings given by a client over the current ones: `{ derivcheck: { … } }` or the section itself; keys that are
 * missing or not numbers (booleans) of a sensible size keep their value.
 */
export function withClientSettings(current: ServerSettings, given: unknown): ServerSettings {
  const raw = record(record(given).derivcheck ?? given);
  const number = (key: string, fallback: number, min: number, max: number): number => {
    const v = raw[key];
    return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : fallback;
  };
  const { check } = current;
  return {
    delayMs: Math.round(number('delayMs', current.delayMs, 0, 10_000)),
    showUnverifiable: typeof raw.showUnverifiable === 'boolean' ? raw.showUnverifiable : current.showUnverifiable,
    check: {
      samples: Math.round(number('samples', check.samples, 1, 100)),
      tolerance: number('tolerance', check.tolerance, Number.MIN_VALUE, 0.1),
      seed: Math.round(number('seed', check.seed, 0, 2 ** 31)),
      timeLimitMs: Math.round(number('timeLimitMs', check.timeLimitMs, 1, 60_000)),
    },
  };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
