/** Background work of the server (pipeline runs, backups) that a graceful stop waits for. */
export class Tasks {
  private pending = new Set<Promise<unknown>>();

  track<T>(p: Promise<T>): Promise<T> {
    this.pending.add(p);
    p.then(
      () => this.pending.delete(p),
      () => this.pending.delete(p),
    );
    return p;
  }

  get size(): number {
    return this.pending.size;
  }

  /** Resolves true once every tracked task has ended, false if some are still going after ms. */
  async settle(ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (this.pending.size > 0 && Date.now() < deadline) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([Promise.allSettled([...this.pending]), new Promise((r) => (timer = setTimeout(r, deadline - Date.now())))]);
      clearTimeout(timer);
    }
    return this.pending.size === 0;
  }
}
