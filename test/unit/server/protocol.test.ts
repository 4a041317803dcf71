/**
 * The language server over real LSP: `node dist/cli.js --stdio` spawned, spoken to with vscode-jsonrpc. Opens the
 * seed-004 note, finds its refuted claim, applies the quick fix and sees the diagnostic go; hovers, definitions,
 * document symbols, notebooks held as JSON, settings, broken notes, and a clean shutdown.
 */
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import {
  type CodeAction,
  type Diagnostic,
  DiagnosticSeverity,
  type DocumentSymbol,
  type Hover,
  type Location,
  type MarkupContent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, root } from './lspClient';

const SEED_004 = readFileSync(path.join(root, 'test/fixtures/004_9679d27c93839c2b.txt'), 'utf8');
const NOTE_URI = 'file:///notes/seed-004.md';

describe('language server (LSP over stdio)', function () {
  this.timeout(60000);
  let client: LspClient;
  let version = 1;

  const open = (uri: string, text: string, languageId = 'markdown'): Promise<void> =>
    client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  const change = (uri: string, text: string): Promise<void> =>
    client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
  const refutedOn = (line: number) => (ds: readonly Diagnostic[]) =>
    ds.some((d) => d.range.start.line === line && d.severity === DiagnosticSeverity.Error);
  const request = <R>(method: string, params: unknown): Promise<R> => client.connection.sendRequest<R>(method, params);

  const started: LspClient[] = [];
  const start = (args?: readonly string[]): LspClient => {
    const c = LspClient.start(args);
    started.push(c);
    return c;
  };
  beforeEach(() => {
    client = start();
    version = 1;
  });
  afterEach(() => {
    // (every server started is ended, so that nothing keeps mocha running)
    for (const c of started.splice(0)) {
      if (c.child.exitCode === null) c.child.kill();
      c.connection.dispose();
    }
  });

  it('initializes with its capabilities and shuts down cleanly (exit status 0)', async () => {
    const result = (await client.initialize()) as { capabilities: Record<string, unknown>; serverInfo: { name: string } };
    assert.equal(result.serverInfo.name, 'derivcheck');
    assert.deepEqual(result.capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });
    for (const feature of ['hoverProvider', 'definitionProvider', 'documentSymbolProvider'])
      assert.equal(result.capabilities[feature], true, feature);
    assert.equal(await client.stop(), 0);
  });

  it('flags the refuted claim of seed 004 on line 19, fixes it with the preferred quick fix, and the diagnostic goes', async () => {
    await client.initialize();
    await open(NOTE_URI, SEED_004);
    const diagnostics = await client.diagnosticsWhen(NOTE_URI, refutedOn(18));
    const refuted = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
    assert.equal(refuted.length, 1);
    const [d] = refuted;
    assert.equal(d.source, 'derivcheck');
    assert.match(String(d.code), /^refuted/);
    assert.equal(d.range.start.character, 2, 'the claim starts after its $$');
    assert.match(typeof d.message === 'string' ? d.message : d.message.value, /σ\(x\)\(1 − σ\(x\)\) should be ∂A₂\/∂z₂/);
    assert.ok(
      d.relatedInformation?.some((r) => /A₁ is defined here/.test(r.message) && r.location.range.start.line === 8),
      'links to the definition of A_1',
    );
    // the unverifiable chain on line 15 is a hint
    assert.ok(
      diagnostics.some((h) => h.range.start.line === 14 && h.severity === DiagnosticSeverity.Hint && /^unverifiable/.test(String(h.code))),
    );
    assert.deepEqual(client.statuses.at(-1), { uri: NOTE_URI, text: '✓ 7 ✗ 1 ? 1' });

    const actions = await request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: NOTE_URI },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1);
    const fix = preferred[0];
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.diagnostics, [d]);
    assert.match(fix.title, /^Replace \\sigma\(x\)\(1-\\sigma\(x\)\) with /);
    assert.ok(actions.some((a) => a.title === 'Ignore this formula (derivcheck-ignore)'));
    const edits = fix.edit?.changes?.[NOTE_URI];
    assert.ok(edits && edits.length === 1);
    const fixed = TextDocument.applyEdits(TextDocument.create(NOTE_URI, 'markdown', 1, SEED_004), edits);
    const line19 = fixed.split('\n')[18];
    assert.ok(!line19.includes('\\sigma(x)'), line19);
    assert.ok(line19.includes('A_2'), line19);

    await change(NOTE_URI, fixed);
    const after = await client.diagnosticsWhen(NOTE_URI, (ds) => !refutedOn(18)(ds));
    assert.deepEqual(
      after.filter((x) => x.severity === DiagnosticSeverity.Error),
      [],
    );
    assert.equal(client.diagnostics.get(NOTE_URI)?.version, version, 'published for the edited version');
    assert.equal(await client.stop(), 0);
  });

  it('hovers a symbol (its definition, the verdict, its value) and a claim (verdict, expected, numbers)', async () => {
    await client.initialize();
    await open(NOTE_URI, SEED_004);
    await client.diagnosticsWhen(NOTE_URI, refutedOn(18));
    const line = SEED_004.split('\n')[18];
    const onA1 = { line: 18, character: line.indexOf('A_1') };
    const symbol = await request<Hover>('textDocument/hover', { textDocument: { uri: NOTE_URI }, position: onA1 });
    const text = (symbol.contents as MarkupContent).value;
    assert.equal((symbol.contents as MarkupContent).kind, 'markdown');
    assert.match(text, /\*\*A₁\*\* — defined on line 9/);
    assert.match(text, /A_1 = \\text\{Relu\}\(z_1\)/);
    assert.match(text, /✗ refuted: σ\\\(x\\\)/);
    assert.ok(symbol.range && symbol.range.start.character <= onA1.character && symbol.range.end.character > onA1.character + 2);
    assert.match(TextDocument.create(NOTE_URI, 'markdown', 1, SEED_004).getText(symbol.range), /^\(?A_1\)?$/);
    const onX = { line: 18, character: line.indexOf('\\sigma(x)') + '\\sigma('.length };
    const input = (await request<Hover>('textDocument/hover', { textDocument: { uri: NOTE_URI }, position: onX }))
      .contents as MarkupContent;
    assert.match(input.value, /^\*\*x\*\* — an input \(the note does not define it\)/);
    assert.match(input.value, /At the counterexample, x = 1\.567\./);

    const onEquals = { line: 18, character: line.indexOf('=') };
    const claim = await request<Hover>('textDocument/hover', { textDocument: { uri: NOTE_URI }, position: onEquals });
    const claimText = (claim.contents as MarkupContent).value;
    assert.match(claimText, /^\*\*✗ refuted\*\*: /);
    assert.match(claimText, /Expected:\n```latex\n2\\cdot/);
    assert.match(claimText, /claimed 0\.5496, true 0\.05134/);
    assert.match(claimText, /Engine: claimed 0\.5496, backprop 0\.05134, finite difference 0\.05134/);
    assert.equal(claim.range?.start.line, 18);

    const outside = await request<Hover | null>('textDocument/hover', {
      textDocument: { uri: NOTE_URI },
      position: { line: 12, character: 3 },
    });
    assert.equal(outside, null);
  });

  it('goes to the definition of a symbol, and lists the claims as document symbols with their verdicts', async () => {
    await client.initialize();
    await open(NOTE_URI, SEED_004);
    const line = SEED_004.split('\n')[18];
    const definitions = await request<Location[]>('textDocument/definition', {
      textDocument: { uri: NOTE_URI },
      position: { line: 18, character: line.indexOf('A_1') + 1 },
    });
    assert.deepEqual(definitions, [{ uri: NOTE_URI, range: { start: { line: 8, character: 2 }, end: { line: 8, character: 5 } } }]);

    const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: NOTE_URI } });
    assert.equal(symbols.length, 9);
    assert.deepEqual(
      symbols.map((s) => s.range.start.line + 1),
      [15, 17, 19, 23, 23, 25, 28, 30, 32],
    );
    const refuted = symbols.filter((s) => s.detail === '✗ refuted');
    assert.equal(refuted.length, 1);
    assert.equal(refuted[0].range.start.line, 18);
    assert.match(refuted[0].name, /^\\frac\{dC\}\{dw_2\} = \(A_1\)/);
    assert.equal(symbols.filter((s) => s.detail === '✓ verified').length, 7);
  });

  it('reads a notebook held as its JSON text: places in the cells map into the JSON, and the fix edits it as JSON', async () => {
    await client.initialize();
    const notebook = JSON.stringify(
      {
        cells: [
          { cell_type: 'code', source: ['x = "$y$"\n'] },
          { cell_type: 'markdown', source: ['$$C = (a - y)^2$$\n', '\n', '$$\\frac{\\partial C}{\\partial a} = 3(a - y)$$\n'] },
        ],
        metadata: {},
        nbformat: 4,
        nbformat_minor: 5,
      },
      null,
      1,
    );
    const uri = 'file:///notes/slip.ipynb';
    await open(uri, notebook, 'json');
    const [d] = (await client.diagnosticsWhen(uri, (ds) => ds.some((x) => x.severity === DiagnosticSeverity.Error))).filter(
      (x) => x.severity === DiagnosticSeverity.Error,
    );
    const doc = TextDocument.create(uri, 'json', 1, notebook);
    assert.equal(doc.getText(d.range), '\\\\frac{\\\\partial C}{\\\\partial a} = 3(a - y)', 'the range is the claim as the JSON writes it');
    const actions = await request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix?.edit?.changes?.[uri], JSON.stringify(actions));
    const fixed = TextDocument.applyEdits(doc, fix.edit.changes[uri]);
    assert.equal(JSON.parse(fixed).cells[1].source[2], '$$\\frac{\\partial C}{\\partial a} = 2\\cdot\\left(a-y\\right)$$\n');
    const ignore = actions.find((a) => a.title.startsWith('Ignore'));
    const ignored = TextDocument.applyEdits(doc, ignore?.edit?.changes?.[uri] ?? []);
    assert.equal(JSON.parse(ignored).cells[1].source[2], '<!-- derivcheck-ignore -->\n$$\\frac{\\partial C}{\\partial a} = 3(a - y)$$\n');
    await change(uri, fixed);
    await client.diagnosticsWhen(uri, (ds) => ds.every((x) => x.severity !== DiagnosticSeverity.Error));
    const onA = TextDocument.create(uri, 'json', 2, fixed).positionAt(fixed.indexOf('left(a-y') + 'left('.length);
    const hover = await request<Hover>('textDocument/hover', { textDocument: { uri }, position: onA });
    assert.match((hover.contents as MarkupContent).value, /\*\*a\*\* — an input/);
  });

  it('reads an Obsidian Excalidraw drawing: the range of each claim holds its LaTeX', async () => {
    await client.initialize();
    const drawing = readFileSync(path.join(root, 'test/fixtures/000_bb3cef3bd377dd45.txt'), 'utf8');
    const uri = 'file:///notes/loss.excalidraw.md';
    await open(uri, drawing);
    const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length >= 4, `${symbols.length} claims`);
    const doc = TextDocument.create(uri, 'markdown', 1, drawing);
    for (const symbol of symbols) assert.equal(doc.getText(symbol.range).replace(/\s+/g, ' ').trim(), symbol.name);
    assert.equal(symbols[0].range.start.line, 15);
  });

  it('takes its settings from initializationOptions and workspace settings', async () => {
    await client.initialize({ derivcheck: { showUnverifiable: false, delayMs: 0 } });
    await open(NOTE_URI, SEED_004);
    const first = await client.diagnosticsWhen(NOTE_URI, refutedOn(18));
    assert.deepEqual(
      first.map((d) => d.severity),
      [DiagnosticSeverity.Error],
      'no hint for the unverifiable claim',
    );
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { derivcheck: { showUnverifiable: true } } });
    await client.diagnosticsWhen(NOTE_URI, (ds) => ds.some((d) => d.severity === DiagnosticSeverity.Hint));
  });

  it('survives broken notes: an unclosed $$, a half-written notebook, a document that is no note, an unknown URI', async () => {
    await client.initialize();
    const unclosed = '$$C = (a - y)^2$$\n\n$$\\frac{\\partial C}{\\partial a} = 2(a - \n\nmore text $$ and \\left( \\frac{';
    await open('file:///notes/unclosed.md', unclosed);
    await open('file:///notes/half.ipynb', '{"cells": [{"cell_type": "markdown", "source": ["$$\\\\frac{', 'json');
    await open('file:///notes/plain.txt', 'no math here', 'plaintext');
    await client.diagnosticsWhen('file:///notes/unclosed.md', () => true);
    const half = await client.diagnosticsWhen('file:///notes/half.ipynb', () => true);
    assert.ok(half.every((d) => d.severity !== DiagnosticSeverity.Error));
    assert.deepEqual((await client.diagnosticsWhen('file:///notes/plain.txt', () => true)).length, 0);
    for (const uri of [
      'file:///notes/unclosed.md',
      'file:///notes/half.ipynb',
      'file:///notes/plain.txt',
      'file:///notes/never-opened.md',
    ]) {
      for (const position of [
        { line: 2, character: 10 },
        { line: 99, character: 99 },
      ]) {
        await request('textDocument/hover', { textDocument: { uri }, position });
        await request('textDocument/definition', { textDocument: { uri }, position });
        await request('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: position, end: position },
          context: { diagnostics: [] },
        });
      }
      assert.ok(Array.isArray(await request('textDocument/documentSymbol', { textDocument: { uri } })));
    }
    await change('file:///notes/unclosed.md', `${unclosed}\n$$`);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///notes/unclosed.md' } });
    await client.diagnosticsWhen('file:///notes/unclosed.md', (ds) => ds.length === 0);
    assert.equal(client.child.exitCode, null, 'still running');
    assert.equal(client.stderr, '');
    assert.equal(await client.stop(), 0);
  });

  it('starts with --lsp too, ignoring --clientProcessId', async () => {
    assert.equal(await client.stop(), 0);
    client = start(['--lsp', `--clientProcessId=${process.pid}`]);
    await client.initialize();
    await open(NOTE_URI, SEED_004);
    await client.diagnosticsWhen(NOTE_URI, refutedOn(18));
    assert.equal(await client.stop(), 0);
  });
});
