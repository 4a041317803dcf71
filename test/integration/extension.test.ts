/** Tests inside the real extension host: activation, diagnostics, the panel, the quick fix, settings, notebooks. */
import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DerivcheckApi } from '../../extension/extension';
import { EXTENSION_ID, derivcheckDiagnostics, open, root, waitFor, workspaceFile } from './helpers';

interface CliClaim {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  verdict: string;
}

const where = (verdict: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }): string =>
  `${verdict} ${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

const verdictOf = (d: vscode.Diagnostic): string => (d.severity === vscode.DiagnosticSeverity.Error ? 'refuted' : 'unverifiable');

function cliClaims(file: vscode.Uri): CliClaim[] {
  const out = execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), '--format', 'json', file.fsPath], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).toString();
  return JSON.parse(out).files[0].claims as CliClaim[];
}

async function cliExitTolerant(file: vscode.Uri): Promise<CliClaim[]> {
  try {
    return cliClaims(file);
  } catch (e) {
    // exit status 1 (a refuted claim) still prints the JSON
    const stdout = (e as { stdout?: string }).stdout;
    if (stdout) return JSON.parse(stdout).files[0].claims as CliClaim[];
    throw e;
  }
}

describe('derivcheck in VS Code', () => {
  it('activates when a note is opened', async () => {
    await open('backprop.md');
    await waitFor('the extension to activate', () => vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
  });

  it("shows exactly the CLI's verdicts as diagnostics, at the same spans", async () => {
    const uri = workspaceFile('backprop.md');
    await open('backprop.md');
    const diagnostics = await waitFor('diagnostics', () => {
      const d = derivcheckDiagnostics(uri);
      return d.length > 0 && d;
    });
    const expected = (await cliExitTolerant(uri))
      .filter((c) => c.verdict !== 'verified')
      .map((c) => `${c.verdict} ${c.line}:${c.column}-${c.endLine}:${c.endColumn}`);
    assert.deepEqual(diagnostics.map((d) => where(verdictOf(d), d.range)).sort(), expected.sort());
    const refuted = diagnostics.find((d) => d.severity === vscode.DiagnosticSeverity.Error)!;
    assert.match(refuted.message, /should be ∂A₂\/∂z₂/);
    assert.ok(
      (refuted.relatedInformation ?? []).some((r) => /A₂ is defined here/.test(r.message)),
      'links to the definitions used',
    );
  });

  it('opens the Verify Gradient panel for the claim under the cursor', async () => {
    const editor = await open('backprop.md');
    const refuted = await waitFor('the refuted claim', () =>
      derivcheckDiagnostics(editor.document.uri).find((d) => d.severity === vscode.DiagnosticSeverity.Error),
    );
    editor.selection = new vscode.Selection(refuted.range.start, refuted.range.start);
    await vscode.commands.executeCommand('derivcheck.verifyGradient');
    const tab = await waitFor('the panel', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('derivcheck.chain')),
    );
    assert.equal(tab.label, 'Verify Gradient: ∂C/∂w₂');
    const api = vscode.extensions.getExtension<DerivcheckApi>(EXTENSION_ID)!.exports;
    await waitFor("the webview's script to say it is ready", () => api.chainPanel()?.isReady);
    assert.equal(api.chainPanel()?.claim?.location.start.line, refuted.range.start.line + 1);
  });

  it('applies the quick fix as one edit that the panel follows, and undo restores the note', async () => {
    const editor = await open('quickfix.md');
    const doc = editor.document;
    const original = doc.getText();
    const refuted = await waitFor('the refuted claim', () =>
      derivcheckDiagnostics(doc.uri).find((d) => d.severity === vscode.DiagnosticSeverity.Error),
    );
    editor.selection = new vscode.Selection(refuted.range.start, refuted.range.start);
    await vscode.commands.executeCommand('derivcheck.verifyGradient');
    const api = vscode.extensions.getExtension<DerivcheckApi>(EXTENSION_ID)!.exports;
    await waitFor('the panel on the slip', () => api.chainPanel()?.isReady && api.chainPanel()?.claim?.verdict === 'refuted');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, refuted.range);
    assert.ok(
      actions.some((a) => a.title === 'Ignore this formula (derivcheck-ignore)'),
      'an ignore fix too',
    );
    assert.ok(
      actions.some((a) => / as an input \(derivcheck-input\)$/.test(a.title)),
      'and "Treat S as an input"',
    );
    const fix = actions.find((a) => a.title.startsWith('Replace '));
    assert.ok(fix?.edit, `a quick fix among: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.notEqual(doc.getText(), original);
    assert.match(doc.getText(), /a\\cdot\\left\(1-a\\right\)/);
    await waitFor('the fixed claim to verify', () =>
      derivcheckDiagnostics(doc.uri).every((d) => d.severity !== vscode.DiagnosticSeverity.Error),
    );
    await waitFor('the panel to follow the fixed claim', () => api.chainPanel()?.claim?.verdict === 'verified');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), original);
    await waitFor('the slip to be flagged again', () =>
      derivcheckDiagnostics(doc.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error),
    );
    await waitFor('the panel to follow the undo', () => api.chainPanel()?.claim?.verdict === 'refuted');
  });

  it('ignores a formula by its quick fix, which one undo reverts', async () => {
    const editor = await open('quickfix.md');
    const doc = editor.document;
    const original = doc.getText();
    const refuted = await waitFor('the refuted claim', () =>
      derivcheckDiagnostics(doc.uri).find((d) => d.severity === vscode.DiagnosticSeverity.Error),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, refuted.range);
    const ignore = actions.find((a) => a.title === 'Ignore this formula (derivcheck-ignore)')!;
    assert.ok(await vscode.workspace.applyEdit(ignore.edit!));
    assert.equal(doc.lineAt(4).text, '<!-- derivcheck-ignore -->');
    await waitFor('no diagnostic on the ignored formula', () => derivcheckDiagnostics(doc.uri).length === 0);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), original);
  });

  it("goes to a definition (F12) and hovers a symbol with its definition and the claim's verdict", async () => {
    const editor = await open('backprop.md');
    const uri = editor.document.uri;
    await waitFor('diagnostics', () => derivcheckDiagnostics(uri).length > 0);
    const line = editor.document.lineAt(18).text;
    const onA1 = new vscode.Position(18, line.indexOf('A_1') + 1);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      uri,
      onA1,
    );
    const target = defs.map((d) => ('targetUri' in d ? d.targetRange : d.range))[0];
    assert.equal(target?.start.line, 8, 'A₁ is defined on line 9');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, onA1);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /A₁/);
    assert.match(text, /A_1 = \\text\{Relu\}\(z_1\)/);
    assert.match(text, /✗ refuted/);
  });

  it('follows the cursor from claim to claim when derivcheck.panel.followCursor is on', async () => {
    const editor = await open('backprop.md');
    const config = vscode.workspace.getConfiguration('derivcheck');
    const api = vscode.extensions.getExtension<DerivcheckApi>(EXTENSION_ID)!.exports;
    try {
      editor.selection = new vscode.Selection(18, 5, 18, 5);
      await vscode.commands.executeCommand('derivcheck.verifyGradient');
      await waitFor('the panel on line 19', () => api.chainPanel()?.isReady && api.chainPanel()?.claim?.location.start.line === 19);
      await vscode.window.showTextDocument(editor.document);
      editor.selection = new vscode.Selection(16, 5, 16, 5);
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(api.chainPanel()?.claim?.location.start.line, 19, 'does not follow with the setting off');
      await config.update('panel.followCursor', true, vscode.ConfigurationTarget.Global);
      editor.selection = new vscode.Selection(22, 5, 22, 5);
      await waitFor('the panel on line 23', () => api.chainPanel()?.claim?.location.start.line === 23);
    } finally {
      await config.update('panel.followCursor', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('takes settings changes: live checks off removes diagnostics, on brings them back', async () => {
    const editor = await open('backprop.md');
    const uri = editor.document.uri;
    await waitFor('diagnostics', () => derivcheckDiagnostics(uri).length > 0);
    const config = vscode.workspace.getConfiguration('derivcheck');
    try {
      await config.update('liveChecks', false, vscode.ConfigurationTarget.Global);
      await waitFor('no diagnostics', () => derivcheckDiagnostics(uri).length === 0);
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), ' '));
      await new Promise((r) => setTimeout(r, 1200));
      assert.equal(derivcheckDiagnostics(uri).length, 0, 'an edit with live checks off adds none');
      await config.update('showUnverifiable', false, vscode.ConfigurationTarget.Global);
      await config.update('liveChecks', true, vscode.ConfigurationTarget.Global);
      const back = await waitFor('diagnostics again', () => {
        const d = derivcheckDiagnostics(uri);
        return d.length > 0 && d;
      });
      assert.ok(
        back.every((d) => d.severity === vscode.DiagnosticSeverity.Error),
        'unverifiable hints hidden by the setting',
      );
    } finally {
      await config.update('liveChecks', undefined, vscode.ConfigurationTarget.Global);
      await config.update('showUnverifiable', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('undo');
    }
  });

  it('gives lenses by derivcheck.codeLens, none while live checks are off, and lists unverifiable claims in Problems on request', async () => {
    const editor = await open('backprop.md');
    const uri = editor.document.uri;
    await waitFor('diagnostics', () => derivcheckDiagnostics(uri).length > 0);
    const lenses = async (): Promise<number> =>
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)).filter(
        (l) => l.command?.command === 'derivcheck.verifyGradient',
      ).length;
    const config = vscode.workspace.getConfiguration('derivcheck');
    const claims = await cliExitTolerant(uri);
    try {
      assert.equal(await lenses(), claims.length);
      await config.update('codeLens', 'refuted', vscode.ConfigurationTarget.Global);
      await waitFor('lenses on refuted claims only', async () => (await lenses()) === claims.filter((c) => c.verdict === 'refuted').length);
      await config.update('codeLens', 'off', vscode.ConfigurationTarget.Global);
      await waitFor('no lenses', async () => (await lenses()) === 0);
      await config.update('codeLens', undefined, vscode.ConfigurationTarget.Global);
      await config.update('liveChecks', false, vscode.ConfigurationTarget.Global);
      await waitFor('no lenses while live checks are off', async () => (await lenses()) === 0);
      await config.update('liveChecks', undefined, vscode.ConfigurationTarget.Global);
      await waitFor('the lenses back', async () => (await lenses()) === claims.length);
      await config.update('problems.showUnverifiable', 'information', vscode.ConfigurationTarget.Global);
      const unverifiable = claims.filter((c) => c.verdict === 'unverifiable').length;
      assert.ok(unverifiable > 0, 'the fixture has unverifiable claims');
      await waitFor(
        'unverifiable claims as information',
        () => derivcheckDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Information).length === unverifiable,
      );
    } finally {
      for (const key of ['codeLens', 'liveChecks', 'problems.showUnverifiable'])
        await config.update(key, undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it("lists a notebook's claims once, on their cells, after Verify Workspace", async () => {
    const uri = workspaceFile('notebook.ipynb');
    await vscode.commands.executeCommand('derivcheck.verifyWorkspace');
    assert.deepEqual(derivcheckDiagnostics(uri), [], 'nothing on the file itself');
    const notebook = vscode.workspace.notebookDocuments.find((nb) => nb.uri.toString() === uri.toString());
    assert.ok(notebook, 'the notebook was opened to check it');
    const onCells = notebook.getCells().flatMap((c) => derivcheckDiagnostics(c.document.uri).map((d) => ({ cell: c.index, d })));
    const refuted = onCells.filter((x) => x.d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(
      refuted.map((x) => x.cell),
      [3],
    );
    const all = vscode.languages
      .getDiagnostics()
      .flatMap(([, ds]) => ds.filter((d) => d.source === 'derivcheck' && /should be ∂h\/∂u/.test(d.message)));
    assert.equal(all.length, 1, 'listed once');
  });

  it("opens the walkthrough's sample note, untitled, with its slip flagged", async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('derivcheck.openSample');
    assert.equal(editor.document.isUntitled, true);
    const refuted = await waitFor('the sample slip', () =>
      derivcheckDiagnostics(editor.document.uri).find((d) => d.severity === vscode.DiagnosticSeverity.Error),
    );
    assert.match(refuted.message, /σ\(x\)\(1 − σ\(x\)\) should be ∂a\/∂z/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('checks a hostile note without running or changing anything, and explains its claims', async () => {
    const editor = await open('hostile.md');
    const before = editor.document.getText();
    const hints = await waitFor('its unverifiable claims', () => {
      const d = derivcheckDiagnostics(editor.document.uri);
      return d.length === 4 && d;
    });
    assert.ok(hints.some((d) => /unknown command \\href/.test(d.message)));
    editor.selection = new vscode.Selection(8, 5, 8, 5);
    await vscode.commands.executeCommand('derivcheck.verifyGradient');
    const api = vscode.extensions.getExtension<DerivcheckApi>(EXTENSION_ID)!.exports;
    await waitFor('the panel on the hostile claim', () => api.chainPanel()?.isReady && api.chainPanel()?.claim?.location.start.line === 9);
    assert.equal(editor.document.isDirty, false);
    assert.equal(editor.document.getText(), before);
  });

  it('gives a note over 1 MB one notice instead of checking it while typing', async () => {
    const uri = workspaceFile('huge.md');
    const block = '$$a = \\sigma(z), \\quad \\frac{\\partial a}{\\partial z} = a(1 + a)$$\n\nSome prose between the formulas.\n\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(block.repeat(Math.ceil(1_100_000 / block.length))));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const notice = await waitFor('the notice', () => {
      const d = derivcheckDiagnostics(editor.document.uri);
      return d.length > 0 && d;
    });
    assert.equal(notice.length, 1);
    assert.equal(notice[0].severity, vscode.DiagnosticSeverity.Information);
    assert.match(notice[0].message, /this note is 1\.1 MB, so it is not checked in the editor/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it("checks a notebook's markdown cells as one note", async () => {
    const notebook = await vscode.workspace.openNotebookDocument(workspaceFile('notebook.ipynb'));
    await vscode.window.showNotebookDocument(notebook);
    const cells = notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Markup);
    const refuted = await waitFor('a refuted claim in a cell', () =>
      cells.find((c) => derivcheckDiagnostics(c.document.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error)),
    );
    assert.equal(refuted.index, 3);
    assert.match(derivcheckDiagnostics(refuted.document.uri)[0].message, /should be ∂h\/∂u/);
  });
});
