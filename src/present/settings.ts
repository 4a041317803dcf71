/**
 * The settings every host offers, as one table: key, kind, default, bounds and the sentence that explains it. The
 * VS Code extension's `contributes.configuration` is held to this table by a test; the Obsidian settings tab and
 * the language server read theirs through `readSettings`, which checks and defaults what a user wrote.
 */
import type { CheckOptions } from '../verify/types';

export interface HostSettings {
  readonly liveChecks: boolean;
  readonly delayMs: number;
  readonly showUnverifiable: boolean;
  /** Which claims get a marker (a CodeLens in VS Code, a badge in Obsidian). */
  readonly markers: 'all' | 'refuted' | 'off';
  /** The open explanation follows the claim under the cursor. */
  readonly panelFollowsCursor: boolean;
  readonly check: Required<CheckOptions>;
}

type Spec =
  | { readonly key: string; readonly kind: 'boolean'; readonly default: boolean; readonly name: string; readonly description: string }
  | {
      readonly key: string;
      readonly kind: 'number';
      readonly default: number;
      readonly min: number;
      readonly max: number;
      readonly integer: boolean;
      readonly name: string;
      readonly description: string;
    }
  | {
      readonly key: string;
      readonly kind: 'choice';
      readonly default: string;
      readonly choices: readonly string[];
      readonly name: string;
      readonly description: string;
    };

/** The settings, keyed as VS Code names them (`derivcheck.<key>`). */
export const SETTINGS = [
  {
    key: 'liveChecks',
    kind: 'boolean',
    default: true,
    name: 'Live checks',
    description: 'Check notes while you type and show wrong claims as problems.',
  },
  {
    key: 'delayMs',
    kind: 'number',
    default: 400,
    min: 0,
    max: 10000,
    integer: true,
    name: 'Delay (ms)',
    description: 'How long to wait after the last keystroke before checking (milliseconds).',
  },
  {
    key: 'samples',
    kind: 'number',
    default: 5,
    min: 1,
    max: 100,
    integer: true,
    name: 'Sample points',
    description: 'Random sample points per claim.',
  },
  {
    key: 'tolerance',
    kind: 'number',
    default: 0.000001,
    min: Number.MIN_VALUE,
    max: 0.1,
    integer: false,
    name: 'Tolerance',
    description: 'Relative tolerance when comparing the two sides of a claim.',
  },
  {
    key: 'seed',
    kind: 'number',
    default: 1,
    min: 0,
    max: 2147483647,
    integer: true,
    name: 'Seed',
    description: 'Seed of the random sample points (the same seed gives the same points).',
  },
  {
    key: 'timeLimitMs',
    kind: 'number',
    default: 250,
    min: 1,
    max: 60000,
    integer: true,
    name: 'Time limit per claim (ms)',
    description:
      'Time box per claim (milliseconds): a claim that takes longer is shown as unverifiable ("took too long") instead of holding up the editor.',
  },
  {
    key: 'showUnverifiable',
    kind: 'boolean',
    default: true,
    name: 'Show unverifiable claims',
    description: 'Show claims that cannot be checked (with the reason) as hints (dotted underlines), or not at all.',
  },
  {
    key: 'markers',
    kind: 'choice',
    default: 'all',
    choices: ['all', 'refuted', 'off'],
    name: 'Markers',
    description: 'Which claims get a marker (✓ verified · explain): every claim, refuted claims only, or none.',
  },
  {
    key: 'panel.followCursor',
    kind: 'boolean',
    default: false,
    name: 'Explanation follows the cursor',
    description: 'While the explanation is open, explain the claim under the cursor as it moves.',
  },
] as const satisfies readonly Spec[];

export type SettingKey = (typeof SETTINGS)[number]['key'];

/** Settings from what a host stored (`get(key)` may return anything): each value checked, or its default. */
export function readSettings(get: (key: SettingKey) => unknown): HostSettings {
  const of = (key: SettingKey): boolean | number | string =>
    checked(
      SETTINGS.find((s) => s.key === key)!,
      get(key),
    );
  return {
    liveChecks: of('liveChecks') as boolean,
    delayMs: of('delayMs') as number,
    showUnverifiable: of('showUnverifiable') as boolean,
    markers: of('markers') as HostSettings['markers'],
    panelFollowsCursor: of('panel.followCursor') as boolean,
    check: {
      samples: of('samples') as number,
      tolerance: of('tolerance') as number,
      seed: of('seed') as number,
      timeLimitMs: of('timeLimitMs') as number,
    },
  };
}

/** A stored value if it is of the setting's kind and within its bounds (a whole number where one is wanted), else the default. */
function checked(spec: Spec, v: unknown): boolean | number | string {
  switch (spec.kind) {
    case 'boolean':
      return typeof v === 'boolean' ? v : spec.default;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && v >= spec.min && v <= spec.max
        ? spec.integer
          ? Math.round(v)
          : v
        : spec.default;
    case 'choice':
      return typeof v === 'string' && spec.choices.includes(v) ? v : spec.default;
  }
}

/** The defaults. */
export const DEFAULT_SETTINGS: HostSettings = readSettings(() => undefined);
