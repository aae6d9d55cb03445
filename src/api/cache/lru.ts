/** A least-recently-used map bounded by the bytes its values hold (each value states its size). */
export class ByteLru<V> {
  private map = new Map<string, { value: V; bytes: number }>();
  private total = 0;

  constructor(private readonly maxBytes: number) {}

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.map.size;
  }

  get(key: string): V | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    // Map keeps insertion order: moving the entry to the end makes it the most recently used.
    this.map.delete(key);
    this.map.set(key, e);
    return e.value;
  }

  /** Stores (or replaces) a value; evicts the least recently used until the total fits. Too large a value is not kept. */
  set(key: string, value: V, bytes: number): void {
    this.delete(key);
    if (bytes > this.maxBytes) return;
    this.map.set(key, { value, bytes });
    this.total += bytes;
    for (const [k, e] of this.map) {
      if (this.total <= this.maxBytes) break;
      this.map.delete(k);
      this.total -= e.bytes;
    }
  }

  /** A value grew (a compressed copy was added): account for it, evicting others if needed. */
  resize(key: string, bytes: number): void {
    const e = this.map.get(key);
    if (e) this.set(key, e.value, bytes);
  }

  delete(key: string): void {
    const e = this.map.get(key);
    if (!e) return;
    this.map.delete(key);
    this.total -= e.bytes;
  }

  clear(): void {
    this.map.clear();
    this.total = 0;
  }
}
