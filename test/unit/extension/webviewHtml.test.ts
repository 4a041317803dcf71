import { strict as assert } from 'assert';
import { contentSecurityPolicy, makeNonce, webviewHtml } from '../../../extension/webviewHtml';

describe('webview HTML', () => {
  const html = webviewHtml({
    cspSource: 'vscode-resource:',
    nonce: 'abc123',
    scriptUri: 'vscode-resource:/dist/media/webview.js',
    styleUri: 'vscode-resource:/dist/media/webview.css',
  });
  it('has a strict CSP: nothing by default, scripts only by nonce, no inline styles', () => {
    const csp = contentSecurityPolicy('vscode-resource:', 'abc123');
    assert.match(csp, /^default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc123'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.ok(html.includes(`content="${csp}"`));
  });
  it('loads only its own script, by nonce, and its own stylesheet', () => {
    assert.deepEqual(
      [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]),
      ['<script nonce="abc123" src="vscode-resource:/dist/media/webview.js">'],
    );
    assert.match(html, /<link rel="stylesheet" href="vscode-resource:\/dist\/media\/webview.css">/);
  });
  it('makes unpredictable nonces', () => {
    const a = makeNonce();
    assert.match(a, /^[A-Za-z0-9]{32}$/);
    assert.notEqual(a, makeNonce());
  });
});
