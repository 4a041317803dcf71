/** The chain webview: draws an explanation sent by the host, keeps it across hide/show, asks for new points. */
import { type Explanation, type HostMessage, type WebviewMessage, assertNever } from './protocol';
import { renderChain, renderPoint } from './render/chain';
import { renderGraph } from './render/graph';
import { renderHeader } from './render/header';
import { renderMatrices, renderShapes, renderUpdate } from './render/tensor';
import { el, tex } from './render/tex';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): State | undefined;
  setState(state: State): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface State {
  readonly explanation?: Explanation;
  readonly gone?: string;
}

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
const send = (m: WebviewMessage): void => vscode.postMessage(m);

function render(state: State): void {
  root.replaceChildren();
  const x = state.explanation;
  if (!x) {
    root.append(el('p', 'muted', 'Waiting for a claim…'));
    return;
  }
  if (state.gone) root.append(el('p', 'banner', `This claim is no longer in the note (${state.gone}); showing it as it was.`));
  const reveal = (symbol?: string): void => send({ type: 'reveal', symbol });
  root.append(renderHeader(x, () => reveal()));
  // (a tensor claim or an update shows its shapes and matrices; a scalar claim its sample point)
  const special = [renderShapes(x), renderUpdate(x), renderMatrices(x)].filter((s): s is HTMLElement => s !== undefined);
  if (special.length > 0) root.append(...special);
  else root.append(renderPoint(x, () => send({ type: 'newSamplePoint' })));
  root.append(renderChain(x), renderGraph(x, reveal));
  if (x.definitions.length > 0) root.append(renderDefinitions(x, reveal));
}

function renderDefinitions(x: Explanation, reveal: (symbol: string) => void): HTMLElement {
  const section = el('section', 'definitions');
  section.append(el('h2', undefined, 'Definitions used'));
  const used = new Set(x.nodes.map((n) => n.id));
  for (const d of x.definitions.filter((d) => used.has(d.symbol))) {
    const node = x.nodes.find((n) => n.id === d.symbol);
    const button = el('button', 'link definition');
    button.title = 'Show it in the note';
    button.append(tex(el('span'), `${d.symbol} = ${node?.definition ?? ''}`), el('span', 'muted', `  line ${d.place.line}`));
    button.addEventListener('click', () => reveal(d.symbol));
    section.append(button);
  }
  return section;
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'explain': {
      const state: State = { explanation: message.explanation };
      vscode.setState(state);
      render(state);
      if (message.fresh) window.scrollTo(0, 0);
      break;
    }
    case 'claimGone': {
      const state: State = { ...vscode.getState(), gone: message.reason };
      vscode.setState(state);
      render(state);
      break;
    }
    default:
      assertNever(message);
  }
});

render(vscode.getState() ?? {});
send({ type: 'ready' });
