/**
 * Verdicts kept between checks of the same note, so that a live re-check after an edit only judges the claims the
 * edit reaches. A claim's key is its own text and everything its verdict can depend on: every definition of the
 * note (any change to one re-judges all claims), the check options, and the claim's context.
 */
import type { Claim, NoteModel } from '../model/types';
import type { CheckOptions, ClaimResult } from './types';

type Cached = Omit<ClaimResult, 'claim'> & { readonly rightStart: number };

const MAX_ENTRIES = 5000;

export class ClaimCache {
  private readonly entries = new Map<string, Cached>();
  private signature = '';
  /** Lookups answered from the cache, and those that had to be judged, since the cache was made. */
  hits = 0;
  misses = 0;

  /** Starts a check of a (possibly edited) note: entries made under other definitions or options are dropped. */
  begin(
    model: NoteModel,
    options: Required<CheckOptions>,
    source: (at: { block: number; span: { start: number; end: number } }) => string,
  ): void {
    // every scope's definitions: a redefinition anywhere changes what the claims after it mean
    const scopes = model.scopes.map((scope) => [
      [...scope.definitions.values()].map((d) => `${d.symbol}=${d.value.expr ? source(d.value) : `!${d.value.error}`}`),
      [...scope.functions.values()].map((f) => `${f.name}(${f.params.join(',')})=${source({ block: f.at.block, span: f.body.span })}`),
      [...scope.unusable.keys()],
    ]);
    const signature = JSON.stringify([options, scopes]);
    if (signature !== this.signature) this.entries.clear();
    this.signature = signature;
  }

  key(claim: Claim, source: (at: { block: number; span: { start: number; end: number } }) => string): string {
    return JSON.stringify([
      claim.kind,
      claim.scope,
      claim.context.map(source),
      source(claim.right),
      claim.suspicions,
      claim.redefines ?? '',
      claim.implicit ?? false,
      claim.approximate ?? false,
      claim.unverifiable ?? '',
    ]);
  }

  get(key: string, claim: Claim): ClaimResult | undefined {
    const hit = this.entries.get(key);
    if (!hit) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    const { rightStart, ...result } = hit;
    const shift = claim.right.span.start - rightStart;
    // a wrong factor lies inside the right side: move it with the claim
    const wrongFactor = result.wrongFactor && {
      ...result.wrongFactor,
      at: {
        block: claim.right.block,
        span: { start: result.wrongFactor.at.span.start + shift, end: result.wrongFactor.at.span.end + shift },
      },
    };
    return { ...result, wrongFactor, claim };
  }

  set(key: string, result: ClaimResult): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    const { claim, ...rest } = result;
    this.entries.set(key, { ...rest, rightStart: claim.right.span.start });
  }

  get size(): number {
    return this.entries.size;
  }
}
