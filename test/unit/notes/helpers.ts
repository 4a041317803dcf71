/** Shared helpers for the note reader tests. */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { MathBlock, NotePart } from '../../../src/notes';

/** The text of a file in `test/fixtures`. */
export function fixture(name: string): string {
  return fs.readFileSync(fixturePath(name), 'utf8');
}

/** The path of a file in `test/fixtures` (tests run from `out/test/unit/notes`). */
export function fixturePath(name: string): string {
  return path.join(__dirname, '../../../../test/fixtures', name);
}

/** Asserts `text[offsets[i]] === latex[i]` for every character, and a well-formed end entry. */
export function assertOffsetsExact(block: MathBlock, text: string): void {
  assert.equal(block.offsets.length, block.latex.length + 1, `offsets length of ${JSON.stringify(block.latex)}`);
  for (let i = 0; i < block.latex.length; i++) {
    assert.equal(text[block.offsets[i]], block.latex[i], `char ${i} of ${JSON.stringify(block.latex)}`);
    if (i > 0) assert.ok(block.offsets[i] > block.offsets[i - 1], `offsets increase in ${JSON.stringify(block.latex)}`);
  }
  assert.equal(block.offsets[block.latex.length], block.offsets[block.latex.length - 1] + 1);
}

/** Asserts the invariant for every block of a document, each against its own part. */
export function assertAllExact(blocks: readonly MathBlock[], parts: readonly NotePart[]): void {
  for (const block of blocks) assertOffsetsExact(block, parts[block.part].text);
}
