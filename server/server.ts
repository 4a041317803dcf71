/**
 * `derivcheck --lsp`: the language server, for any editor that speaks LSP (Neovim, Helix, Emacs, Zed, …). It checks
 * the open notes live, as the VS Code extension does, and offers their diagnostics, quick fixes, hovers,
 * definitions and claims. Internal errors go to the client's log; they never end the server.
 */
import { inspect } from 'util';
import {
  type Connection,
  type DidChangeConfigurationParams,
  type InitializeResult,
  type TextDocumentChangeEvent,
  CodeActionKind,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { statusText } from '../src/index';
import { noteDiagnostics, tooLargeDiagnostic } from './diagnostics';
import { codeActions, definition, documentSymbols, hover } from './features';
import { type CheckedNote, type Outcome, LiveChecks } from './liveChecks';
import { DEFAULT_SETTINGS, type ServerSettings, withClientSettings } from './settings';

declare const DERIVCHECK_VERSION: string | undefined;

/** Sent after each check: the note's `✓ n ✗ n ? n`, for a client's status line. */
export const STATUS_NOTIFICATION = 'derivcheck/status';

/** Serves LSP on the given streams (the process's stdin and stdout) until the client says exit. */
export function startServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Connection {
  const connection = createConnection(input, output);
  const documents = new TextDocuments(TextDocument);
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let pullsConfiguration = false;

  const logError = (what: string, error: unknown): void => {
    connection.console.error(`derivcheck: ${what}: ${error instanceof Error ? (error.stack ?? error.message) : inspect(error)}`);
  };
  // (stdout carries the protocol: anything printed goes to the client's log instead)
  console.log = console.info = (...args: unknown[]) =>
    connection.console.log(args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' '));
  console.warn = console.error = (...args: unknown[]) =>
    connection.console.error(args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' '));
  process.on('uncaughtException', (e) => logError('internal error', e));
  process.on('unhandledRejection', (e) => logError('internal error', e));

  const publish = (uri: string, outcome: Outcome): void => {
    const version = documents.get(uri)?.version;
    const diagnostics =
      outcome.kind === 'checked'
        ? noteDiagnostics(outcome.checked, settings)
        : outcome.kind === 'tooLarge'
          ? [tooLargeDiagnostic(outcome.chars)]
          : [];
    // (the status first: a client that sees the diagnostics has it too)
    if (outcome.kind === 'checked')
      void connection.sendNotification(STATUS_NOTIFICATION, { uri, text: statusText(outcome.checked.report.claims) });
    void connection.sendDiagnostics({ uri, version, diagnostics });
  };
  const checks = new LiveChecks(
    (uri) => documents.get(uri),
    () => settings,
    publish,
    (e) => logError('a check failed', e),
  );

  /** A request handler that answers `fallback` (and logs) instead of failing, on the note's current result. */
  function onNote<P extends { textDocument: { uri: string } }, R>(
    name: string,
    answer: (checked: CheckedNote, params: P) => R,
    fallback: R,
  ): (params: P) => R {
    return (params) => {
      try {
        const checked = checks.current(params.textDocument.uri);
        return checked ? answer(checked, params) : fallback;
      } catch (e) {
        logError(`${name} failed`, e);
        return fallback;
      }
    };
  }
  /** A notification handler that logs instead of failing. */
  function guarded<E>(name: string, run: (event: E) => void): (event: E) => void {
    return (event) => {
      try {
        run(event);
      } catch (e) {
        logError(`${name} failed`, e);
      }
    };
  }

  connection.onInitialize((params): InitializeResult => {
    settings = withClientSettings(settings, params.initializationOptions);
    pullsConfiguration = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
        definitionProvider: true,
        documentSymbolProvider: true,
      },
      serverInfo: { name: 'derivcheck', version: typeof DERIVCHECK_VERSION === 'string' ? DERIVCHECK_VERSION : 'dev' },
    };
  });

  /** Asks the client for the `derivcheck` section of its settings, if it answers such requests. */
  const pullSettings = async (): Promise<void> => {
    if (!pullsConfiguration) return;
    const section: unknown = await connection.workspace.getConfiguration('derivcheck');
    if (section !== null && section !== undefined) settings = withClientSettings(settings, section);
  };
  connection.onInitialized(() => {
    pullSettings().then(
      () => checks.recheckAll(),
      (e) => logError('reading the settings failed', e),
    );
  });
  connection.onDidChangeConfiguration(
    guarded('applying the settings', (change: DidChangeConfigurationParams) => {
      settings = withClientSettings(settings, change.settings);
      pullSettings().then(
        () => checks.recheckAll(),
        (e) => logError('reading the settings failed', e),
      );
    }),
  );

  // (a note just opened is checked at once; an edited one after the pause)
  documents.onDidChangeContent(
    guarded('an edit', (e: TextDocumentChangeEvent<TextDocument>) =>
      checks.schedule(e.document.uri, checks.isOpen(e.document.uri) ? settings.delayMs : 0),
    ),
  );
  documents.onDidClose(
    guarded('closing a note', (e: TextDocumentChangeEvent<TextDocument>) => {
      checks.close(e.document.uri);
      void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    }),
  );

  connection.onCodeAction(onNote('codeAction', (checked, params) => codeActions(checked, params, settings), []));
  connection.onHover(onNote('hover', hover, null));
  connection.onDefinition(onNote('definition', definition, []));
  connection.onDocumentSymbol(onNote('documentSymbol', documentSymbols, []));
  connection.onShutdown(() => checks.dispose());

  documents.listen(connection);
  connection.listen();
  return connection;
}
