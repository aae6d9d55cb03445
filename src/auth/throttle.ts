/**
 * Login throttling: after 5 failures for one user, or 20 from one address (password spraying), within the
 * window, further attempts wait until it passes.
 */
const WINDOW_MS = 15 * 60_000;
const maxFor = (key: string): number => (key.startsWith('ip:') ? 20 : 5);
const failures = new Map<string, number[]>();

function recent(key: string, now: number): number[] {
  const xs = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  if (xs.length) failures.set(key, xs);
  else failures.delete(key);
  return xs;
}

/** Seconds to wait before another attempt, or 0. */
export function retryAfter(keys: string[], now = Date.now()): number {
  let wait = 0;
  for (const k of keys) {
    const xs = recent(k, now);
    if (xs.length >= maxFor(k)) wait = Math.max(wait, Math.ceil((xs[0]! + WINDOW_MS - now) / 1000));
  }
  return wait;
}

export function recordFailure(keys: string[], now = Date.now()): void {
  for (const k of keys) failures.set(k, [...recent(k, now), now]);
}

export function clearFailures(keys: string[]): void {
  for (const k of keys) failures.delete(k);
}
