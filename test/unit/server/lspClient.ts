/**
 * A language client for the tests: spawns `node dist/cli.js --stdio` (run `npm run build` after changing the server)
 * and speaks LSP to it over its stdin and stdout, keeping what the server publishes.
 */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'child_process';
import { existsSync } from 'fs';
import * as path from 'path';
import {
  type Diagnostic,
  type MessageConnection,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  createMessageConnection,
} from 'vscode-languageserver/node';

export const root = path.join(__dirname, '../../../..');
const cli = path.join(root, 'dist/cli.js');

/** Bundles the CLI as `npm run build` does when a clean clone has none (`npm test` builds it first). */
export function ensureBuilt(): void {
  if (existsSync(cli)) return;
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the build failed: ${build.stderr}`);
}

export class LspClient {
  readonly connection: MessageConnection;
  /** The latest diagnostics published per URI. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** What the server logged (window/logMessage). */
  readonly log: string[] = [];
  readonly statuses: { uri: string; text: string }[] = [];
  private readonly waiters: (() => void)[] = [];
  readonly exited: Promise<number | null>;
  stderr = '';

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.notify();
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.log.push(p.message);
    });
    this.connection.onNotification('derivcheck/status', (p: { uri: string; text: string }) => {
      this.statuses.push(p);
    });
    this.connection.listen();
  }

  /** Starts the server with these arguments after `dist/cli.js`. */
  static start(args: readonly string[] = ['--stdio']): LspClient {
    ensureBuilt();
    return new LspClient(spawn(process.execPath, [cli, ...args], { cwd: root }));
  }

  async initialize(initializationOptions: unknown = { delayMs: 50 }): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves once the diagnostics published for a URI satisfy a condition. */
  async diagnosticsWhen(uri: string, condition: (d: readonly Diagnostic[]) => boolean, timeoutMs = 15000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const published = this.diagnostics.get(uri);
      if (published && condition(published.diagnostics)) return published.diagnostics;
      if (Date.now() > deadline)
        throw new Error(
          `no such diagnostics for ${uri}; the last were ${JSON.stringify(published?.diagnostics)}; log: ${this.log.join('\n')}`,
        );
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /** Shuts the server down as a client does: shutdown, then exit. Resolves to its exit status. */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  private notify(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
