/** Dimension variables for shape inference: union-find, with a size fixed where the note or a rule says so. */

export type Dim = number;

/** A shape whose rows and columns are dimension variables. */
export interface DimShape {
  readonly r: Dim;
  readonly c: Dim;
}

export class Dims {
  private parent: number[] = [];
  private size: (number | undefined)[] = [];
  /** Where a size came from ("W₁ ∈ ℝ^{3×4}"), for messages. */
  private origin: (string | undefined)[] = [];

  fresh(size?: number, origin?: string): Dim {
    this.parent.push(this.parent.length);
    this.size.push(size);
    this.origin.push(origin);
    return this.parent.length - 1;
  }

  find(d: Dim): Dim {
    while (this.parent[d] !== d) {
      this.parent[d] = this.parent[this.parent[d]];
      d = this.parent[d];
    }
    return d;
  }

  same(a: Dim, b: Dim): boolean {
    return this.find(a) === this.find(b);
  }

  sizeOf(d: Dim): number | undefined {
    return this.size[this.find(d)];
  }

  originOf(d: Dim): string | undefined {
    return this.origin[this.find(d)];
  }

  /** Makes two dimensions one; false (and no change) if they have different fixed sizes. */
  unify(a: Dim, b: Dim): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const sa = this.size[ra];
    const sb = this.size[rb];
    if (sa !== undefined && sb !== undefined && sa !== sb) return false;
    this.parent[rb] = ra;
    this.size[ra] = sa ?? sb;
    this.origin[ra] = strongerOrigin(this.origin[ra], this.origin[rb]);
    return true;
  }

  /** Fixes a dimension's size; false if it already has another. */
  fix(d: Dim, n: number, origin?: string): boolean {
    const r = this.find(d);
    if (this.size[r] !== undefined) return this.size[r] === n;
    this.size[r] = n;
    // a declared letter's dimension keeps its origin when it is given its size
    this.origin[r] = strongerOrigin(this.origin[r], origin);
    return true;
  }

  isOne(d: Dim): boolean {
    return this.sizeOf(d) === 1;
  }

  /** A copy, so that one claim's guesses do not leak into another's. */
  clone(): Dims {
    const c = new Dims();
    c.parent = [...this.parent];
    c.size = [...this.size];
    c.origin = [...this.origin];
    return c;
  }

  /** How many dimension variables there are. */
  get count(): number {
    return this.parent.length;
  }

  /** Every root without a size (from dimension `from` on). */
  freeRoots(from = 0): Dim[] {
    const out: Dim[] = [];
    for (let i = from; i < this.parent.length; i++) if (this.find(i) === i && this.size[i] === undefined) out.push(i);
    return out;
  }
}

/** Origins that mark a size chosen by a convention of notes (a lowercase name is a column), not by the note. */
export const CONVENTION = '~';

/** A size the note gives beats one a convention gives, which beats none. */
function strongerOrigin(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a.startsWith(CONVENTION) ? b : a;
}
