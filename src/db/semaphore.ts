/** At most `size` holders at once; the rest wait in arrival order. */
export class Semaphore {
  private busy = 0;
  private queue: Array<() => void> = [];

  constructor(private readonly size: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.busy >= this.size) await new Promise<void>((r) => this.queue.push(r));
    else this.busy++;
    try {
      return await fn();
    } finally {
      // Hand the slot straight to the next in line (busy stays the same), or free it.
      const next = this.queue.shift();
      if (next) next();
      else this.busy--;
    }
  }

  stats(): { waiting: number; busy: number; size: number } {
    return { waiting: this.queue.length, busy: this.busy, size: this.size };
  }
}
