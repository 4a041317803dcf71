/**
 * The VS Code glue of the chain webview: draws the explanations the extension host sends through the shared panel
 * (typeset with KaTeX), keeps them across hide/show, and passes the panel's requests back as messages.
 */
import { typesetWithKatex } from './katex';
import { type PanelHost, type PanelState, renderPanel } from './panel';
import { type HostMessage, type WebviewMessage, assertNever } from './protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): PanelState | undefined;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
const send = (m: WebviewMessage): void => vscode.postMessage(m);
const host: PanelHost = {
  reveal: (symbol) => send({ type: 'reveal', symbol }),
  newSamplePoint: () => send({ type: 'newSamplePoint' }),
  tex: typesetWithKatex,
};

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'explain': {
      const state: PanelState = { explanation: message.explanation };
      vscode.setState(state);
      renderPanel(root, state, host);
      if (message.fresh) window.scrollTo(0, 0);
      break;
    }
    case 'claimGone': {
      const state: PanelState = { ...vscode.getState(), gone: message.reason };
      vscode.setState(state);
      renderPanel(root, state, host);
      break;
    }
    default:
      assertNever(message);
  }
});

renderPanel(root, vscode.getState() ?? {}, host);
send({ type: 'ready' });
