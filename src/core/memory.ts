import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | null = null;

/**
 * A full garbage collection now, so the memory a big piece of work left behind (the demo's generation and first
 * loads: ~250 MB of JavaScript garbage) goes back to the system instead of staying in the heap until V8 decides
 * to collect it. Used after loads, which are rare; never per request.
 */
export function releaseMemory(): void {
  try {
    if (!gc) {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    }
    gc();
  } catch {
    // Not available in this runtime: V8 collects on its own later.
  }
}
