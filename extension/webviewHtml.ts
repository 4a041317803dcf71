/** The chain webview's HTML: one CSP builder, a nonce for the one script, nothing from the note in the markup. */

export interface WebviewAssets {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** URIs (as strings) of the bundled script and stylesheet, made with `webview.asWebviewUri`. */
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly nonce: string;
}

/** A fresh random nonce for the script tag and the CSP. */
export function makeNonce(): string {
  // (from the platform's cryptographic generator: a nonce a note's text could guess would let its HTML run)
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => chars[b % chars.length]).join('');
}

/** The Content-Security-Policy: nothing by default; our script by nonce; styles, fonts and images from the extension. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

export function webviewHtml(a: WebviewAssets): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(a.cspSource, a.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${a.styleUri}">
<title>Verify Gradient</title>
</head>
<body>
<main id="root"></main>
<script nonce="${a.nonce}" src="${a.scriptUri}"></script>
</body>
</html>`;
}
