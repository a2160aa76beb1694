/**
 * Results of a pure function of (version, key), least recently used dropped first. A lookup at
 * a new version empties the cache, so a result is never served across a change of what it was
 * computed from. Values are promises: concurrent lookups of the same key share one computation,
 * and a failed one is forgotten rather than cached.
 */
export class VersionedResultCache<V> {
  private readonly entries = new Map<string, Promise<V>>();
  private version?: string;

  constructor(readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1)
      throw new RangeError('maxEntries must be a positive integer');
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached result, or `compute()`'s; `hit` says which. */
  lookup(
    version: string,
    key: string,
    compute: () => Promise<V>,
  ): { hit: boolean; value: Promise<V> } {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const cached = this.entries.get(key);
    if (cached) {
      // Re-insert: Map order is the recency order.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return { hit: true, value: cached };
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries)
      this.entries.delete(this.entries.keys().next().value as string);
    value.catch(() => {
      if (this.entries.get(key) === value) this.entries.delete(key);
    });
    return { hit: false, value };
  }
}
