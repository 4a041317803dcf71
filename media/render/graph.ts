/**
 * The note's computation graph around the claim as an SVG: inputs on the left, the output on the right, the
 * path(s) from the variable to the output highlighted, each node's value (a tensor's shape) and each edge's local
 * derivative.
 */
import type { Explanation, GraphNode } from '../protocol';
import { el, num } from './dom';

const SVG = 'http://www.w3.org/2000/svg';
const COLUMN = 150;
const ROW = 64;
const NODE_W = 96;
const NODE_H = 40;
const PAD = 24;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Column of each node: the longest chain of definitions below it. */
function depths(x: Explanation): Map<string, number> {
  const into = new Map<string, string[]>();
  for (const e of x.edges) into.set(e.to, [...(into.get(e.to) ?? []), e.from]);
  const memo = new Map<string, number>();
  const depth = (id: string, seen: Set<string>): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0;
    seen.add(id);
    const d = Math.max(0, ...(into.get(id) ?? []).map((f) => depth(f, seen) + 1));
    memo.set(id, d);
    return d;
  };
  for (const n of x.nodes) depth(n.id, new Set());
  return memo;
}

/** How far an edge between two places on one row bows up to pass over the columns it skips (0 otherwise). */
function liftOf(a: { x: number; y: number }, b: { x: number; y: number }): number {
  const skipped = Math.round((b.x - a.x) / COLUMN) - 1;
  return skipped > 0 && Math.abs(a.y - b.y) < ROW / 2 ? 26 * skipped : 0;
}

export function renderGraph(x: Explanation, onReveal: (symbol: string) => void): HTMLElement {
  const section = el('section', 'graph');
  section.append(el('h2', undefined, 'Computation graph'));
  if (x.nodes.length === 0) {
    section.append(el('p', 'muted', 'The claim uses no symbols of the note.'));
    return section;
  }
  const d = depths(x);
  const columns = new Map<number, GraphNode[]>();
  for (const n of x.nodes) columns.set(d.get(n.id) ?? 0, [...(columns.get(d.get(n.id) ?? 0) ?? []), n]);
  const place = new Map<string, { x: number; y: number }>();
  let rows = 1;
  const outOf = new Map<string, string[]>();
  for (const e of x.edges) outOf.set(e.from, [...(outOf.get(e.from) ?? []), e.to]);
  // right to left: each node sits near the nodes it feeds (the barycentre heuristic), the path on top
  const order = new Map<string, number>();
  for (const col of [...columns.keys()].sort((a, b) => b - a)) {
    const nodes = columns.get(col)!;
    const weight = (n: GraphNode): number => {
      const ys = (outOf.get(n.id) ?? []).map((t) => order.get(t)).filter((v): v is number => v !== undefined);
      return ys.length > 0 ? ys.reduce((a, b) => a + b, 0) / ys.length : 0;
    };
    nodes.sort((a, b) => Number(b.onPath) - Number(a.onPath) || weight(a) - weight(b) || a.id.localeCompare(b.id));
    nodes.forEach((n, i) => {
      order.set(n.id, i);
      place.set(n.id, { x: PAD + col * COLUMN, y: PAD + i * ROW });
    });
    rows = Math.max(rows, nodes.length);
  }
  const width = PAD * 2 + (Math.max(...columns.keys()) * COLUMN + NODE_W);
  const top = Math.max(0, ...x.edges.map((e) => liftOf(place.get(e.from) ?? { x: 0, y: 0 }, place.get(e.to) ?? { x: 0, y: 0 })));
  const height = PAD * 2 + (rows - 1) * ROW + NODE_H + top;
  for (const p of place.values()) p.y += top;
  const root = svg('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': 'computation graph',
    'data-testid': 'graph',
  });
  // (its drawn width, for a host's stylesheet that scales the graph down to a narrow pane, but only so far)
  root.style.setProperty('--graph-width', `${width}px`);
  const defs = svg('defs', {});
  const marker = svg('marker', {
    id: 'derivcheck-arrow',
    viewBox: '0 0 10 10',
    refX: 10,
    refY: 5,
    markerWidth: 7,
    markerHeight: 7,
    orient: 'auto-start-reverse',
  });
  marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrowhead' }));
  defs.append(marker);
  root.append(defs);
  for (const e of x.edges) {
    const a = place.get(e.from);
    const b = place.get(e.to);
    if (!a || !b) continue;
    const g = svg('g', { class: `edge${e.onPath ? ' on-path' : ''}` });
    const [x1, y1, x2, y2] = [a.x + NODE_W, a.y + NODE_H / 2, b.x, b.y + NODE_H / 2];
    // an edge that skips columns bows upwards so that it does not run through the nodes in between
    const lift = liftOf(a, b);
    const dx = (x2 - x1) / 3;
    g.append(
      svg('path', {
        d: `M ${x1} ${y1} C ${x1 + dx} ${y1 - lift}, ${x2 - dx} ${y2 - lift}, ${x2} ${y2}`,
        'marker-end': 'url(#derivcheck-arrow)',
      }),
    );
    if (e.value !== undefined)
      g.append(
        svg('text', { x: (x1 + x2) / 2, y: (y1 + y2) / 2 - 0.75 * lift - 4, 'text-anchor': 'middle', class: 'edge-value' }, num(e.value)),
      );
    g.append(svg('title', {}, `∂${e.to}/∂${e.from} = ${e.derivative ?? '?'}`));
    root.append(g);
  }
  for (const n of x.nodes) {
    const p = place.get(n.id)!;
    const classes = ['node', n.kind, n.onPath ? 'on-path' : '', n.role ?? ''].filter(Boolean).join(' ');
    const g = svg('g', { class: classes, transform: `translate(${p.x},${p.y})`, 'data-symbol': n.id });
    g.append(svg('rect', { width: NODE_W, height: NODE_H, rx: 6 }));
    g.append(svg('text', { x: NODE_W / 2, y: 17, 'text-anchor': 'middle', class: 'node-name' }, n.display));
    // (a tensor's node shows its shape, a scalar's its value)
    g.append(svg('text', { x: NODE_W / 2, y: 32, 'text-anchor': 'middle', class: 'node-value' }, n.shape ?? num(n.value)));
    g.append(svg('title', {}, n.definition ? `${n.id} = ${n.definition} (click to show it in the note)` : `${n.id}: an input`));
    if (n.kind === 'intermediate') {
      g.setAttribute('tabindex', '0');
      g.addEventListener('click', () => onReveal(n.id));
      g.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter') onReveal(n.id);
      });
    }
    root.append(g);
  }
  const wrap = el('div', 'graph-scroll');
  wrap.append(root);
  section.append(wrap);
  return section;
}
