/**
 * A single output written both ways: `L = (y_1 - \hat{y})^2` beside `\hat{y_1} = w_5 a_1 + w_6 a_2` in a note with no
 * other entry of ŷ. The bare name is read as its one entry (a reading: every claim that rests on it says so, and none
 * is refuted on it).
 */
import { type Expr, mapExpr, symbolsOf } from '../latex/ast';
import { displayName } from '../latex/notation';
import type { ParsedStatement } from '../latex/statements';
import type { Claim, Definition } from './types';

/** The bare names the note uses beside exactly one entry of the same name (`\hat{y}` beside `\hat{y}_1`), with that entry. */
export function loneEntries(parsed: readonly (readonly ParsedStatement[])[]): Map<string, string> {
  const used = new Set<string>();
  const defined = new Set<string>();
  for (const block of parsed) {
    for (const s of block) {
      if (s.parts.length < 2) continue;
      // (a value stated for the bare name, `\hat{y} = 0.4943`, is no definition of its own)
      if (statesValue(s)) continue;
      s.parts.forEach((part, k) => {
        if (!part.expr) return;
        for (const n of symbolsOf(part.expr)) used.add(n);
        if (k === 0 && part.expr.kind === 'symbol') defined.add(part.expr.name);
      });
    }
  }
  const out = new Map<string, string>();
  for (const name of used) {
    if (defined.has(name) || name.includes('_')) continue;
    const entries = [...used].filter((n) => n.startsWith(`${name}_`));
    if (entries.length === 1 && /^_\{?1\}?$/.test(entries[0].slice(name.length)) && defined.has(entries[0])) out.set(name, entries[0]);
  }
  return out;
}

/** `name = 0.4943`: a number stated for a name. */
function statesValue(s: ParsedStatement): boolean {
  const [head, value] = [s.parts[0]?.expr, s.parts[s.parts.length - 1]?.expr];
  return s.parts.length === 2 && head?.kind === 'symbol' && value?.kind === 'number';
}

/** The statements with each such bare name read as its entry (a value stated for the bare name is left as it is). */
export function withLoneEntries(
  parsed: readonly (readonly ParsedStatement[])[],
  lone: ReadonlyMap<string, string>,
): readonly (readonly ParsedStatement[])[] {
  if (lone.size === 0) return parsed;
  const rewrite = (e: Expr): Expr => mapExpr(e, (n) => (n.kind === 'symbol' && lone.has(n.name) ? { ...n, name: lone.get(n.name)! } : n));
  return parsed.map((block) =>
    block.map((s) => (statesValue(s) ? s : { ...s, parts: s.parts.map((p) => (p.expr ? { ...p, expr: rewrite(p.expr) } : p)) })),
  );
}

/** The claims that rest on a definition that used such a name, with the reading said and no refutation on it. */
export function markLoneEntries(
  claims: readonly Claim[],
  definitions: ReadonlyMap<string, Definition>,
  lone: ReadonlyMap<string, string>,
  wrote: ReadonlySet<string>,
): Claim[] {
  if (lone.size === 0) return [...claims];
  const reading = [...lone]
    .map(([bare, entry]) => `${displayName(bare)} was read as ${displayName(entry)}, its only entry in the note`)
    .join('; ');
  const rests = new Map<string, boolean>();
  const restsOn = (name: string): boolean => {
    if (!rests.has(name)) {
      rests.set(name, false);
      const body = definitions.get(name)?.value.expr;
      rests.set(name, wrote.has(name) || (body !== undefined && [...symbolsOf(body)].some(restsOn)));
    }
    return rests.get(name)!;
  };
  return claims.map((c) => {
    const names = [c.left.expr, c.right.expr].flatMap((e) => (e ? [...symbolsOf(e)] : []));
    return names.some(restsOn) ? { ...c, suspicions: [...c.suspicions, reading], readings: [...(c.readings ?? []), reading] } : c;
  });
}
