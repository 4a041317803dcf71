/**
 * Definitions whose body has an index its head does not name: `u = e^{z_k}` beside `\frac{\partial \hat{y}_k}{\partial z_j}`,
 * the numerator of a quotient rule for entry k. In an instance of a claim with k set, u is the u of that k: each such
 * name becomes one name per value (`u⟨k=2⟩`), defined by its body read with k so.
 */
import { type Expr, mapExpr, walk } from '../../latex/ast';
import type { NoteModel } from '../../model/types';

export class BoundDefinitions {
  /** Each name made, with the definition's name and the index values it is read at. */
  readonly made = new Map<string, { readonly name: string; readonly env: ReadonlyMap<string, number> }>();

  constructor(
    private readonly model: NoteModel,
    /** The free index letters of an expression. */
    private readonly free: (e: Expr) => ReadonlySet<string>,
    /** Whether a name is an entry in index notation (`u_k`: its index is its own). */
    private readonly indexed: (name: string) => boolean,
  ) {}

  private readonly letters = new Map<string, readonly string[]>();

  /** The free letters of a name's definition (none for an entry or an undefined name). */
  private lettersOf(name: string): readonly string[] {
    let out = this.letters.get(name);
    if (!out) {
      const body = this.indexed(name) ? undefined : this.model.definitions.get(name)?.value.expr;
      out = body ? [...this.free(body)].sort() : [];
      this.letters.set(name, out);
    }
    return out;
  }

  /** The index letters the definitions of an expression's names leave free (k for `u` of u = e^{z_k}). */
  lettersIn(e: Expr): Set<string> {
    const out = new Set<string>();
    walk(e, (n) => n.kind === 'symbol' && this.lettersOf(n.name).forEach((l) => out.add(l)));
    return out;
  }

  /** The expression with each such name renamed for the index values `env` sets. */
  bind(e: Expr, env: ReadonlyMap<string, number>): Expr {
    return mapExpr(e, (n) => {
      if (n.kind !== 'symbol') return n;
      const letters = this.lettersOf(n.name);
      if (letters.length === 0 || letters.some((l) => !env.has(l))) return n;
      const name = `${n.name}⟨${letters.map((l) => `${l}=${env.get(l)}`).join(',')}⟩`;
      this.made.set(name, { name: n.name, env: new Map(letters.map((l) => [l, env.get(l)!])) });
      return { ...n, name };
    });
  }
}
