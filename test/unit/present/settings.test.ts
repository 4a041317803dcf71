import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS, SETTINGS, readSettings } from '../../../src/index';

const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8'));
const contributed: Record<string, { default: unknown; minimum?: number; maximum?: number; enum?: string[]; description: string }> =
  pkg.contributes.configuration.properties;
/** VS Code calls its markers CodeLenses. */
const vscodeKey = (key: string): string => `derivcheck.${key === 'markers' ? 'codeLens' : key}`;

describe('settings every host offers', () => {
  it('the VS Code extension contributes each with the same default, bounds and choices', () => {
    for (const spec of SETTINGS) {
      const c = contributed[vscodeKey(spec.key)];
      assert.ok(c, `${vscodeKey(spec.key)} is not contributed`);
      assert.equal(c.default, spec.default, spec.key);
      if (spec.kind === 'number') {
        assert.equal(c.maximum, spec.max, spec.key);
        if (c.minimum !== undefined) assert.equal(c.minimum, spec.min, spec.key);
      }
      if (spec.kind === 'choice') assert.deepEqual(c.enum, spec.choices, spec.key);
      // (the marker and the panel are named as each host names them)
      if (spec.key !== 'markers' && spec.key !== 'panel.followCursor') assert.equal(c.description, spec.description, spec.key);
    }
  });

  it('reads what a user stored, keeping only values of the right kind and size', () => {
    const stored: Record<string, unknown> = {
      liveChecks: false,
      delayMs: 250.4,
      samples: 0,
      tolerance: 'tight',
      seed: 7,
      markers: 'refuted',
      'panel.followCursor': 1,
    };
    const s = readSettings((key) => stored[key]);
    assert.equal(s.liveChecks, false);
    assert.equal(s.delayMs, 250, 'a whole number of milliseconds');
    assert.equal(s.check.samples, DEFAULT_SETTINGS.check.samples, 'at least one sample point');
    assert.equal(s.check.tolerance, 1e-6, 'not a number: the default');
    assert.equal(s.check.seed, 7);
    assert.equal(s.markers, 'refuted');
    assert.equal(s.panelFollowsCursor, false, 'not a boolean: the default');
    assert.deepEqual(
      readSettings(() => undefined),
      DEFAULT_SETTINGS,
    );
  });
});
