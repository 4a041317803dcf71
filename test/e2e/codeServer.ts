/** Starts and stops code-server (VS Code 1.100.3 in the browser) for the real-editor tests. */
import { type ChildProcess, execFileSync, spawn } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { get } from 'http';
import { createServer } from 'net';
import { tmpdir } from 'os';
import * as path from 'path';

/** The project's folder: the nearest one above this file with derivcheck's package.json (compiled or bundled alike). */
export const ROOT = findRoot(__dirname);

function findRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'derivcheck') return dir;
    } catch {
      // no package.json here
    }
  }
  throw new Error(`derivcheck's folder is not above ${from}`);
}
export const CODE_SERVER = path.join(ROOT, '.e2e-cache/node_modules/code-server/out/node/entry.js');

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Profile {
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly config: string;
}

/** Fresh, empty user-data and extensions folders, and a config file so the user's own is never read. */
export function freshProfile(): Profile {
  const dir = mkdtempSync(path.join(tmpdir(), 'derivcheck-e2e-'));
  const config = path.join(dir, 'config.yaml');
  writeFileSync(config, 'auth: none\n');
  return { userDataDir: path.join(dir, 'user-data'), extensionsDir: path.join(dir, 'extensions'), config };
}

/** The options that point code-server at a profile's config, user data and extensions. */
const profileArgs = (p: Profile): string[] => ['--config', p.config, '--user-data-dir', p.userDataDir, '--extensions-dir', p.extensionsDir];

export function installExtension(profile: Profile, vsix: string): void {
  execFileSync(process.execPath, [CODE_SERVER, ...profileArgs(profile), '--install-extension', vsix], { stdio: 'pipe' });
}

export class CodeServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly log: string[],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Serves `folder` on 127.0.0.1 and waits until the server answers. */
  static async start(profile: Profile, folder: string): Promise<CodeServer> {
    const port = await freePort();
    const args = [
      CODE_SERVER,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      ...profileArgs(profile),
      folder,
    ];
    // its own process group, so that stopping it stops the extension host and helpers it starts too
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const log: string[] = [];
    child.stdout?.on('data', (d: Buffer) => log.push(d.toString()));
    child.stderr?.on('data', (d: Buffer) => log.push(d.toString()));
    const server = new CodeServer(child, port, log);
    const start = Date.now();
    while (!(await server.healthy())) {
      if (child.exitCode !== null || Date.now() - start > 60000) {
        server.stop();
        throw new Error(`code-server did not start:\n${log.join('')}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    return server;
  }

  private healthy(): Promise<boolean> {
    return new Promise((resolve) => {
      const req = get(`${this.url}/healthz`, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('error', () => resolve(false));
      req.setTimeout(1000, () => req.destroy());
    });
  }

  /** Stops the server (and its process group) by its process id. */
  stop(): void {
    if (this.child.pid === undefined) return;
    for (const target of [-this.child.pid, this.child.pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}
