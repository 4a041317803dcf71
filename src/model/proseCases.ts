/**
 * Cases the prose states before a derivation: "For the case when $j = k$:" then the displays that follow, up to the
 * next case stated or the end of the section, hold where j = k; "when $j \neq k$", where they differ. A sentence
 * naming both cases ("split into $j=k$ and $j \neq k$") states none.
 */
import { walk } from '../latex/ast';
import type { Chain } from './chains';
import { INDEX_CONDITION } from './chains';
import type { BlockFacts } from './build';
import type { Claim } from './types';

type Condition = NonNullable<Claim['indexCondition']>;

const NOT_EQUAL = /^\s*([a-z])\s*(?:\\neq|\\ne|≠)\s*([a-z])\s*$/;

/** The claims, each display's with the case the prose right before it states. */
export function withProseCases(claims: readonly Claim[], chains: readonly Chain[], facts: BlockFacts): Claim[] {
  const { display, section } = facts;
  const stated = new Map<number, Condition[]>();
  for (const c of chains) {
    const [a, b] = [c.links[0]?.side, c.links[1]?.side];
    if (!a || display(a.block)) continue;
    // `$j = k$` (read as a case already), `$j \neq k$` (a relation the parser leaves as text)
    const differ = ['\\neq', '\\ne', '≠'].includes(c.otherRelation ?? '') ? NOT_EQUAL.exec(facts.source(a.block, a.span)) : null;
    if (differ) stated.set(a.block, [...(stated.get(a.block) ?? []), { left: differ[1], right: differ[2], equal: false }]);
    if (c.otherRelation !== INDEX_CONDITION || a.expr?.kind !== 'symbol' || b?.expr?.kind !== 'symbol') continue;
    stated.set(a.block, [...(stated.get(a.block) ?? []), { left: a.expr.name, right: b.expr.name, equal: true }]);
  }
  if (stated.size === 0) return [...claims];
  // in note order, the case in force after each statement: two opposite ones stated together ("both cases, $j=k$
  // and $j \neq k$") state none; a section starts with none
  const after: { block: number; c: Condition | undefined }[] = [];
  let previous: { block: number; c: Condition; paired: boolean } | undefined;
  for (const block of [...stated.keys()].sort((a, b) => a - b)) {
    for (const c of stated.get(block)!) {
      const together =
        previous &&
        !previous.paired &&
        block - previous.block <= 2 &&
        section(block) === section(previous.block) &&
        previous.c.equal !== c.equal &&
        !displayBetween(previous.block, block, display);
      after.push({ block, c: together ? undefined : c });
      previous = { block, c, paired: !!together };
    }
  }
  const firstBlock = new Map(chains.map((c) => [c.id, c.links[0]?.side.block ?? 0]));
  return claims.map((claim) => {
    const block = firstBlock.get(claim.chain) ?? 0;
    // (a claim that states its own cases, `\begin{cases} … & j = k \\ … & j \neq k`, is about both)
    if (ownCases(claim)) return claim;
    const last = [...after].reverse().find((a) => a.block < block);
    // (inline math holds the case only in the sentence that states it: "When $j \neq k$, … $\frac{\partial u}{\partial z_j} = 0$")
    const near = display(block) || (last !== undefined && block - last.block <= 3 && !displayBetween(last.block, block, display));
    const c = near && last && section(last.block) === section(block) ? last.c : undefined;
    return c ? { ...claim, indexCondition: c } : claim;
  });
}

function displayBetween(a: number, b: number, display: (block: number) => boolean): boolean {
  for (let k = a + 1; k < b; k++) if (display(k)) return true;
  return false;
}

function ownCases(claim: Claim): boolean {
  let found = false;
  for (const e of [claim.left.expr, claim.right.expr])
    if (e) walk(e, (n) => (found ||= n.kind === 'indicator' && (n.op === '=' || n.op === '≠')));
  return found;
}
