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
 * releaseMemory, then a wait while the system takes the freed memory back: V8 and the C allocator hand pages back a
 * moment after a collection (100 MB over about two seconds after the demo), so a server that starts serving at once
 * carries them into its first busy seconds. Waits until the resident memory stops falling, `maxMs` at most.
 */
export async function settleMemory(maxMs = 3000, stepMs = 250): Promise<void> {
  releaseMemory();
  const until = Date.now() + maxMs;
  let last = process.memoryUsage.rss();
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, stepMs));
    const now = process.memoryUsage.rss();
    if (last - now < 2 * 1024 * 1024) return;
    last = now;
  }
}

/** How many collections releaseMemory made in this process. */
export function memoryReleases(): number {
  return collections;
}

const MB = 1024 * 1024;
/** Heap growth since the last collection below which collecting is not worth its pause. */
const GARBAGE_MB = 16;

/**
 * Keeps the process near `targetMb` of resident memory under load. V8 sizes its heap from the machine's RAM (gigabytes
 * here) and collects late; worse, DuckDB's result buffers live outside the heap and are freed only when their
 * JavaScript wrappers are collected, so V8 never feels their weight: 50 busy users grew the server from 300 MB to
 * over 500 MB, of which a full collection gave back 200 MB. Once a second: over the target with at least GARBAGE_MB
 * of new heap since the last collection, collect now (a pause of a few tens of milliseconds).
 */
export function watchMemory(targetMb: number, everyMs = 1000): () => void {
  let heapAfter = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    if (process.memoryUsage.rss() <= targetMb * MB) return;
    const { heapUsed } = process.memoryUsage();
    if (heapUsed - heapAfter < GARBAGE_MB * MB) return;
    releaseMemory();
    heapAfter = process.memoryUsage().heapUsed;
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
