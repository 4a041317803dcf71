/**
 * A page for a browser test on 127.0.0.1: its HTML at `/`, its script bundled by esbuild at `/page.js`, KaTeX's
 * stylesheet and fonts under `/katex/`, and any other files by URL. Anything else is a 404.
 */
import { build } from 'esbuild';
import { readFileSync } from 'fs';
import { type Server, createServer } from 'http';
import * as path from 'path';

const root = path.join(__dirname, '../../..');
const katex = path.join(root, 'node_modules/katex/dist');

const typeOf = (file: string): string => (file.endsWith('.css') ? 'text/css' : file.endsWith('.js') ? 'text/javascript' : 'font/woff2');

/** Serves `html` with `entry` (a path from the repository's root) bundled as its script; `files` maps URLs to files. */
export async function servePage(html: string, entry: string, files: Readonly<Record<string, string>> = {}): Promise<Server> {
  const bundle = await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'warning',
  });
  const script = bundle.outputFiles[0]!.contents;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost').pathname;
    const send = (type: string, body: string | Uint8Array): void => {
      res.setHeader('content-type', type);
      res.end(body);
    };
    try {
      if (url === '/favicon.ico') send('image/x-icon', '');
      else if (url === '/') send('text/html', html);
      else if (url === '/page.js') send('text/javascript', script);
      else if (files[url]) send(typeOf(files[url]), readFileSync(path.join(root, files[url])));
      else if (url.startsWith('/katex/')) {
        const file = path.join(katex, path.normalize(url.slice('/katex/'.length)));
        send(typeOf(file), readFileSync(file));
      } else throw new Error('not found');
    } catch {
      res.statusCode = 404;
      res.end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
