/**
 * A Map that forgets its oldest entry when it is full. The authenticators cache per person and per
 * token; emptying such a cache all at once when it filled up would make the next few thousand
 * requests pay again together (a signature check or a directory read each), a cliff under load.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (this.size >= this.limit && !this.has(key)) {
      // Insertion order: the first key is the oldest (for tokens, the first to expire as well).
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }
}
