import type { Dataset } from './versions.js';
import type { Warehouse } from './warehouse.js';

/** Pieces kept per warehouse; past this many the oldest go (each is small: a flag, a setting, a cut-off's rows). */
export const MEMO_MAX = 2048;

interface Kept {
  version: string;
  value: Promise<unknown>;
  expires: number;
}

const byWarehouse = new WeakMap<Warehouse, Map<string, Kept>>();

/**
 * A piece of a figure that changes only when the data does (whether a table has rows, a setting, the processes
 * loaded, one cut-off's index): computed once per version of the datasets it reads, like the answer cache, and
 * shared by the requests that need it meanwhile. The version is taken before computing, and a commit bumps it
 * after it lands (src/db/versions.ts): a piece computed from data older than a commit is never served after it.
 * A failure is not kept. `key` names the piece and every input it depends on besides the data; a piece that also
 * depends on the clock (the uptime of the last 30 days) is kept at most `ttlMs`, like the answer cache's time limit.
 */
export function porVersion<T>(wh: Warehouse, key: string, datasets: readonly Dataset[], compute: () => Promise<T>, ttlMs = Infinity): Promise<T> {
  let kept = byWarehouse.get(wh);
  if (!kept) byWarehouse.set(wh, (kept = new Map()));
  const version = wh.versions.key(datasets);
  const hit = kept.get(key);
  const now = Date.now();
  if (hit && hit.version === version && hit.expires > now) {
    kept.delete(key);
    kept.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  const entry = { version, value, expires: now + ttlMs };
  kept.delete(key);
  kept.set(key, entry);
  if (kept.size > MEMO_MAX) kept.delete(kept.keys().next().value!);
  value.catch(() => {
    if (kept.get(key) === entry) kept.delete(key);
  });
  return value;
}
