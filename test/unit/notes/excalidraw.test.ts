import { strict as assert } from 'assert';
import { compressToBase64 } from 'lz-string';
import { isExcalidraw, LineIndex, readExcalidraw } from '../../../src/notes';
import { assertOffsetsExact, fixture } from './helpers';

const SEED_000 = '000_bb3cef3bd377dd45.txt';
const SEED_002 = '002_13cd1b4069b30e52.txt';
const FILE_A = 'a'.repeat(40);
const FILE_B = 'b'.repeat(40);

/** An Excalidraw note with the given text elements, embedded files and drawing fence. */
function note(textElements: string, embeddedFiles: string, drawing: string): string {
  return [
    '---',
    '',
    'excalidraw-plugin: parsed',
    'tags: [excalidraw]',
    '',
    '---',
    '',
    '# Excalidraw Data',
    '',
    '## Text Elements',
    textElements,
    '## Embedded Files',
    embeddedFiles,
    '%%',
    '## Drawing',
    drawing,
    '%%',
    '',
  ].join('\n');
}

/** A ```compressed-json fence as the plugin writes it: base64 broken into lines. */
function compressedFence(scene: unknown): string {
  const data = compressToBase64(JSON.stringify(scene));
  return ['```compressed-json', ...(data.match(/.{1,64}/g) ?? []), '```'].join('\n');
}

function element(type: string, id: string, y: number, x: number, extra: Record<string, unknown> = {}): object {
  return { type, id, x, y, width: 100, height: 20, ...extra };
}

describe('readExcalidraw', () => {
  it('reads the 3 formulas of seed 000 with their places, ordered by the drawing', () => {
    const text = fixture(SEED_000);
    const { blocks, errors } = readExcalidraw(text, 0);
    assert.deepEqual(errors, []);
    assert.equal(blocks.length, 3);
    for (const block of blocks) assertOffsetsExact(block, text);
    const lines = new LineIndex(text);
    assert.deepEqual(
      blocks.map((block) => lines.positionAt(block.offsets[0])),
      [
        { line: 14, column: 45 },
        { line: 21, column: 45 },
        { line: 27, column: 45 },
      ],
    );
    assert.ok(blocks[0].latex.startsWith('\\because \\,\nL = \\frac{1}{n}\\sum^n_1 (y - a)^2 ,\\quad\n'));
    assert.ok(blocks[0].latex.endsWith('\\frac {2(a-y)}{n}'));
    assert.equal(
      blocks[2].latex,
      '\\delta_{out} = \\frac {\\partial L}{\\partial z}\n= \\frac {\\partial L}{\\partial a} \\frac {\\partial a}{\\partial z}',
    );
    assert.deepEqual(
      blocks.map((block) => [block.delimiter, block.display, block.part]),
      Array(3).fill(['excalidraw', true, 0]),
    );
    assert.deepEqual(
      blocks.map((block) => block.drawing?.elementId),
      ['q2kqnDHf', 'glhETZdb', 'Gm27oSwR'],
    );
    assert.deepEqual(
      blocks.map((block) => Math.round(block.drawing?.y ?? 0)),
      [-261, -175, -84],
    );
    assert.deepEqual(
      blocks.map((block) => Math.round(block.drawing?.width ?? 0)),
      [642, 640, 188],
    );
  });

  it('reads the 3 formulas of seed 002; its Korean text elements hold no math', () => {
    const text = fixture(SEED_002);
    const { blocks, errors } = readExcalidraw(text, 0);
    assert.deepEqual(errors, []);
    for (const block of blocks) assertOffsetsExact(block, text);
    const lines = new LineIndex(text);
    assert.deepEqual(
      blocks.map((block) => lines.positionAt(block.offsets[0]).line),
      [18, 22, 30],
    );
    assert.deepEqual(
      blocks.map((block) => block.drawing?.elementId),
      ['Gi0UtTnS', '78UYc8DK', 'wuLbsaea'],
    );
    assert.ok(blocks[2].latex.endsWith('\\frac {\\partial{(aw + b)}}{\\partial b} = 1'));
  });

  it('orders by the drawing, top to bottom then left to right, and puts unplaced math last', () => {
    const scene = {
      elements: [
        element('image', 'imgA', 50, 0, { fileId: FILE_A }),
        element('text', 'txt1', -10, 300),
        element('text', 'txt2', -10, 100),
        element('image', 'gone', -99, 0, { fileId: FILE_B, isDeleted: true }),
      ],
    };
    const text = note(
      'first $x$ ^txt1\n\nsecond\nline $y$ ^txt2\n\nno place $z$ ^nowhere\n',
      `${FILE_A}: $$a = 1$$\n\n${FILE_B}: $$b = 2$$\n`,
      compressedFence(scene),
    );
    const { blocks, errors } = readExcalidraw(text, 2);
    assert.deepEqual(errors, []);
    for (const block of blocks) assertOffsetsExact(block, text);
    assert.deepEqual(
      blocks.map((block) => [block.latex, block.delimiter, block.drawing?.elementId]),
      [
        ['y', '$', 'txt2'],
        ['x', '$', 'txt1'],
        ['a = 1', 'excalidraw', 'imgA'],
        ['z', '$', undefined],
        ['b = 2', 'excalidraw', undefined],
      ],
    );
    assert.deepEqual(
      blocks.map((block) => block.part),
      [2, 2, 2, 2, 2],
    );
    assert.equal(blocks[0].offsets[0], text.indexOf('$y$') + 1);
  });

  it('skips embedded images and reads a plain ```json drawing', () => {
    const scene = { elements: [element('image', 'img', 5, 6, { fileId: FILE_A })] };
    const drawing = ['```json', JSON.stringify(scene, null, 2), '```'].join('\n');
    const text = note('', `${FILE_B}: [[Pasted Image 1.png]]\n\n${FILE_A}: $$\\sigma(z)\n= s$$\n`, drawing);
    const { blocks, errors } = readExcalidraw(text, 0);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      blocks.map((block) => [block.latex, block.drawing]),
      [['\\sigma(z)\n= s', { elementId: 'img', x: 6, y: 5, width: 100, height: 20 }]],
    );
  });

  it('reports drawing data that cannot be decompressed, and still reads the formulas in file order', () => {
    const text = fixture(SEED_000);
    const bodyStart = text.indexOf('```compressed-json\n') + '```compressed-json\n'.length;
    const broken = [
      text.slice(0, bodyStart) + 'not*base64!!\n' + text.slice(bodyStart),
      text.slice(0, bodyStart + 300) + text.slice(text.indexOf('\n```', bodyStart + 300)),
      note('', `${FILE_A}: $$x$$\n`, '```compressed-json\n' + compressToBase64('{"elements": [') + '\n```'),
    ];
    for (const variant of broken) {
      const { blocks, errors } = readExcalidraw(variant, 0);
      assert.equal(errors.length, 1);
      assert.match(errors[0].message, /^the drawing data could not be decompressed: /);
      assert.equal(variant.slice(errors[0].offset - 19, errors[0].offset), '```compressed-json\n');
      assert.ok(blocks.length > 0 && blocks.every((block) => block.drawing === undefined));
      const starts = blocks.map((block) => block.offsets[0]);
      assert.deepEqual(
        starts,
        [...starts].sort((a, b) => a - b),
      );
    }
    assert.equal(readExcalidraw(broken[0], 0).blocks.length, 3);
  });

  it('reports a formula without its closing $$ and reads the others', () => {
    const text = note('', `${FILE_A}: $$x = 1\n\n${FILE_B}: $$y = 2$$\n`, '');
    const { blocks, errors } = readExcalidraw(text, 0);
    assert.deepEqual(
      blocks.map((block) => block.latex),
      ['y = 2'],
    );
    assert.deepEqual(errors, [
      { part: 0, offset: text.indexOf('$$x'), message: `the formula of embedded file ${FILE_A} has no closing $$` },
    ]);
  });

  it('reads a CRLF copy of seed 000 the same way', () => {
    const lf = readExcalidraw(fixture(SEED_000), 0);
    const text = fixture(SEED_000).replace(/\n/g, '\r\n');
    const crlf = readExcalidraw(text, 0);
    assert.deepEqual(crlf.errors, []);
    for (const block of crlf.blocks) assertOffsetsExact(block, text);
    assert.deepEqual(
      crlf.blocks.map((block) => [block.latex, block.drawing]),
      lf.blocks.map((block) => [block.latex, block.drawing]),
    );
  });
});

describe('isExcalidraw', () => {
  it('recognizes the Excalidraw seeds by their front matter, and not a Markdown note', () => {
    assert.equal(isExcalidraw(fixture(SEED_000)), true);
    assert.equal(isExcalidraw(fixture(SEED_002)), true);
    assert.equal(isExcalidraw(fixture('004_9679d27c93839c2b.txt')), false);
    assert.equal(isExcalidraw('---\ntags: [math]\n---\n# Excalidraw Data\n'), false);
  });

  it('recognizes a note without front matter by its data headings', () => {
    assert.equal(isExcalidraw('# Excalidraw Data\n\n## Text Elements\n%%\n## Drawing\n```json\n{}\n```\n%%'), true);
  });
});
