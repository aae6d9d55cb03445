import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | null = null;
let collections = 0;

/**
 * A full garbage collection now, so the memory a big piece of work left behind (the demo's generation and first
 * loads: ~250 MB of JavaScript garbage) goes back to the system instead of staying in the heap until V8 decides
 * to collect it.
 */
export function releaseMemory(): void {
  try {
    if (!gc) {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    }
    gc();
    collections++;
  } catch {
    // Not available in this runtime: V8 collects on its own later.
  }
}

/**
 * Two collections a moment apart, then a wait while the system takes the freed memory back: DuckDB's results are
 * freed by their wrappers' finalizers, which the first collection runs and the second reclaims after; V8 and the C
 * allocator hand pages back over the following seconds (~100 MB after the demo), so a server that starts serving at
 * once carries them into its first busy seconds. Waits until the resident memory has stopped falling for a whole
 * `quietMs`, `maxMs` at most.
 */
export async function settleMemory(maxMs = 5000, stepMs = 250, quietMs = 750): Promise<void> {
  const until = Date.now() + maxMs;
  const wait = (): Promise<void> => new Promise((r) => setTimeout(r, stepMs));
  releaseMemory();
  await wait();
  releaseMemory();
  let last = process.memoryUsage.rss();
  let quietSince = Date.now();
  while (Date.now() < until) {
    await wait();
    const now = process.memoryUsage.rss();
    if (last - now >= 2 * 1024 * 1024) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    last = Math.min(last, now);
  }
}

/** How many collections releaseMemory made in this process. */
export function memoryReleases(): number {
  return collections;
}

const MB = 1024 * 1024;
/** Heap growth since the last collection below which collecting is not worth its pause. */
const GARBAGE_MB = 16;
/** Resident growth since the last collection that is worth one even when the heap barely grew (see watchMemory). */
const NATIVE_MB = 32;

/**
 * Keeps the process near `targetMb` of resident memory under load. V8 sizes its heap from the machine's RAM (gigabytes
 * here) and collects late; worse, DuckDB's result buffers live outside the heap and are freed only when their
 * JavaScript wrappers are collected, so V8 never feels their weight: 50 busy users grew the server from 300 MB to
 * over 500 MB, of which a full collection gave back 200 MB. Once a second: over the target with at least GARBAGE_MB
 * of new heap since the last collection, or NATIVE_MB more resident memory (results held outside the heap by small
 * wrappers), collect now (a pause of a few tens of milliseconds).
 */
export function watchMemory(targetMb: number, everyMs = 1000): () => void {
  let heapAfter = process.memoryUsage().heapUsed;
  // The lowest resident size since the last collection: memory comes back over the seconds after one, so growth is
  // measured from where it bottomed out, not from the moment it ran.
  let low = process.memoryUsage.rss();
  const timer = setInterval(() => {
    const rss = process.memoryUsage.rss();
    low = Math.min(low, rss);
    if (rss <= targetMb * MB) return;
    const { heapUsed } = process.memoryUsage();
    if (heapUsed - heapAfter < GARBAGE_MB * MB && rss - low < NATIVE_MB * MB) return;
    releaseMemory();
    heapAfter = process.memoryUsage().heapUsed;
    low = process.memoryUsage.rss();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
