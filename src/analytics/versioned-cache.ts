/**
 * Answers kept per graph version: a dashboard asking the same question again gets the stored
 * answer until the graph changes. An entry is good while its version is at least the current
 * one; concurrent askers share one computation; a failed one is not kept. The least recently
 * used entries go first once `maxEntries` is reached, so arguments cannot grow it without bound.
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, { version: number; value: Promise<V> }>();

  constructor(private readonly maxEntries = 256) {}

  get size(): number {
    return this.entries.size;
  }

  /** The stored answer for `key` at `version` or newer, or a fresh one from `compute`. */
  get(
    version: number,
    key: string,
    compute: () => Promise<V>,
  ): { value: Promise<V>; hit: boolean } {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    if (entry && entry.version >= version) {
      this.entries.set(key, entry);
      return { value: entry.value, hit: true };
    }
    const value = compute();
    this.entries.set(key, { version, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
    return { value, hit: false };
  }
}
