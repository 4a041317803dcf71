/**
 * A map over a parent map: reads fall through to the parent, writes stay here. A claim's fork of the note's shapes
 * costs nothing to make, however large the note (a copy would make checking a note quadratic in its size).
 */
export class Layered<K, V> {
  private readonly own = new Map<K, V>();

  constructor(private readonly parent?: Layered<K, V>) {}

  get(key: K): V | undefined {
    return this.own.has(key) ? this.own.get(key) : this.parent?.get(key);
  }

  has(key: K): boolean {
    return this.own.has(key) || (this.parent?.has(key) ?? false);
  }

  set(key: K, value: V): this {
    this.own.set(key, value);
    return this;
  }

  /** The parent's entries not overridden here, then this layer's. */
  *[Symbol.iterator](): IterableIterator<[K, V]> {
    if (this.parent) for (const [k, v] of this.parent) if (!this.own.has(k)) yield [k, v];
    yield* this.own;
  }
}
