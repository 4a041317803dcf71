import { strict as assert } from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { checkNote } from '../../src/verify/checkNote';

const EXAMPLES = path.join(__dirname, '../../../examples');

/** The deliberate slips of the bundled examples (what `npm start` shows): each refuted, nothing else. */
const SLIPS = [
  'generic-activation.ipynb[cell 4]:5',
  'logistic-regression.md:17',
  'two-layer-network.md:27',
  'two-layer-network.md:36',
  'vectorised-two-layer.md:25',
  'vectorised-two-layer.md:26',
  'weight-decay.md:13',
];

describe('the bundled examples', () => {
  const reports = readdirSync(EXAMPLES)
    .sort()
    .map((name) => ({ name, report: checkNote(name, readFileSync(path.join(EXAMPLES, name), 'utf8')) }));
  const at = (name: string, c: { location: { start: { line: number }; cell?: number } }): string =>
    `${name}${c.location.cell !== undefined ? `[cell ${c.location.cell + 1}]` : ''}:${c.location.start.line}`;

  it('refute exactly their deliberate slips', () => {
    const refuted = reports.flatMap(({ name, report }) => report.claims.filter((c) => c.verdict === 'refuted').map((c) => at(name, c)));
    assert.deepEqual(refuted, SLIPS);
  });
  it('verify everything else', () => {
    const other = reports.flatMap(({ name, report }) =>
      report.claims.filter((c) => c.verdict === 'unverifiable').map((c) => `${at(name, c)} ${c.message}`),
    );
    assert.deepEqual(other, []);
  });
});
