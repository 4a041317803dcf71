/* eslint-disable @typescript-eslint/no-require-imports -- the tests replace these modules' functions, which a namespace import would freeze */
import { strict as assert } from 'assert';
import dns = require('dns');
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import http = require('http');
import https = require('https');
import net = require('net');
import { tmpdir } from 'os';
import * as path from 'path';
import { main } from '../../src/cli';
import { checkNote } from '../../src/verify/checkNote';

const root = path.join(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.ts$/.test(name) ? [full] : [];
  });
}
const shipped = ['src', 'extension', 'media', 'server', 'obsidian']
  .flatMap((d) => sources(path.join(root, d)))
  .map((f) => ({ file: path.relative(root, f), text: readFileSync(f, 'utf8') }));
const offenders = (pattern: RegExp, allowed: readonly string[] = []): string[] =>
  shipped.filter((s) => pattern.test(s.text) && !allowed.includes(s.file)).map((s) => s.file);

/** Notes an attacker could put in a shared vault (the first is the real-editor tests' fixture). */
const HOSTILE_NOTES = [
  readFileSync(path.join(root, 'test/fixtures/workspace/hostile.md'), 'utf8'),
  '# <script>alert(1)</script>\n$$x = <img src=x onerror=alert(1)>$$\n$$\\frac{\\partial y}{\\partial x} = \\href{javascript:alert(1)}{1}$$',
  '$$y = \\url{http://example.com/a}, \\quad \\frac{dy}{dx} = \\htmlClass{evil}{2}$$',
  '$$\\def\\a{\\a\\a}\\a = \\newcommand{\\b}{\\b}\\b$$\n$$\\frac{d\\a}{dx} = \\gdef\\c{\\c}\\c$$',
  '$$y = \\includegraphics{http://example.com/x.png}, \\quad \\frac{dy}{dx} = \\htmlData{x=1}{1} + \\htmlStyle{background:url(http://example.com)}{1}$$',
  '$$y = x, \\quad \\frac{dy}{dx} = 1$$ <iframe src="http://example.com"></iframe> [link](javascript:alert(1))',
];

describe('security', () => {
  it('nothing in the extension, the core, the language server, the Obsidian plugin or the webview opens a connection', () => {
    assert.deepEqual(
      offenders(
        /\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|from ['"](node:)?(http|https|net|tls|dgram|dns)['"]|require\(['"](node:)?(http|https|net|tls)['"]\)/,
      ),
      [],
    );
  });

  it('checking hostile notes makes no network request', () => {
    const calls: string[] = [];
    const saved = {
      connect: net.Socket.prototype.connect,
      httpRequest: http.request,
      httpsRequest: https.request,
      lookup: dns.lookup,
      fetch: globalThis.fetch,
    };
    const spy =
      (name: string) =>
      (...args: unknown[]): never => {
        calls.push(`${name} ${String(args[0])}`);
        throw new Error(`network use: ${name}`);
      };
    net.Socket.prototype.connect = spy('net.connect') as typeof net.Socket.prototype.connect;
    (http as { request: unknown }).request = spy('http.request');
    (https as { request: unknown }).request = spy('https.request');
    (dns as { lookup: unknown }).lookup = spy('dns.lookup');
    globalThis.fetch = spy('fetch') as typeof fetch;
    try {
      for (const note of HOSTILE_NOTES) checkNote('hostile.md', note);
    } finally {
      net.Socket.prototype.connect = saved.connect;
      (http as { request: unknown }).request = saved.httpRequest;
      (https as { request: unknown }).request = saved.httpsRequest;
      (dns as { lookup: unknown }).lookup = saved.lookup;
      globalThis.fetch = saved.fetch;
    }
    assert.deepEqual(calls, []);
  });

  it('mathjs never parses or evaluates text: only the rule table parses its own constant formulas', () => {
    assert.deepEqual(offenders(/math\.(parse|evaluate|compile)\(/, ['src/calculus/rules.ts']), []);
    const rules = shipped.find((s) => s.file === 'src/calculus/rules.ts')!.text;
    for (const m of rules.matchAll(/math\.parse\(([^)]*)\)/g)) assert.match(m[1], /^\w+$/, 'the rule table parses only its own strings');
    assert.doesNotMatch(rules, /import .*notes|import .*latex\/parser/);
  });

  it('the webview never turns text into HTML (KaTeX builds its own DOM, with trust off)', () => {
    assert.deepEqual(
      offenders(
        /innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment|(?<![.\w])eval\((?!\w+: )|new Function\(/,
      ),
      [],
    );
    const tex = shipped.find((s) => s.file === 'media/katex.ts')!.text;
    assert.match(tex, /trust: false/);
    assert.match(tex, /maxExpand: \d+/);
  });

  it('the only edit of a note is the quick fix the user applies; only the NumPy export writes a file, never the note', async () => {
    assert.deepEqual(offenders(/WorkspaceEdit/), ['extension/codeActions.ts']);
    // (in Obsidian, a change of the text is the lint actions' quick fix and ignore line, nothing else)
    assert.deepEqual(offenders(/dispatch\(\{[^}]*changes/), ['obsidian/editor/diagnostics.ts']);
    // (the language server offers the same quick fixes as code actions, edits its client applies when the user picks one)
    assert.deepEqual(offenders(/applyEdit|writeFile|appendFile|createWriteStream|fs\.write|\.edit\(/), [
      'src/cli/export.ts',
      'extension/export.ts',
      'server/features.ts',
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), 'derivcheck-'));
    try {
      const note = path.join(dir, 'note.md');
      writeFileSync(note, '$$C = (a - y)^2, \\quad \\frac{\\partial C}{\\partial a} = 2(a - y)$$');
      assert.equal(
        await main(
          ['export', '--numpy', note, '-o', note],
          () => undefined,
          () => undefined,
        ),
        2,
        'refuses to write over the note',
      );
      assert.match(readFileSync(note, 'utf8'), /^\$\$C = /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the CLI leaves every note as it was, byte for byte', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'derivcheck-'));
    try {
      HOSTILE_NOTES.forEach((n, i) => writeFileSync(path.join(dir, `h${i}.md`), n));
      writeFileSync(path.join(dir, 'slip.md'), '$$C = (a - y)^2, \\quad \\frac{\\partial C}{\\partial a} = (a - y)$$');
      const before = readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8'), statSync(path.join(dir, f)).mtimeMs]);
      const code = await main(
        [dir],
        () => undefined,
        () => undefined,
      );
      assert.equal(code, 1, 'the slip is refuted');
      const after = readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8'), statSync(path.join(dir, f)).mtimeMs]);
      assert.deepEqual(after, before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
