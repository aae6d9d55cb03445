/** Small helpers of the figures the domains compute (plain functions, no Node imports). */

/** One decimal; null for a missing or not-a-number value. */
export const round1 = (v: number | null | undefined): number | null => (v === null || v === undefined || Number.isNaN(v) ? null : Math.round(v * 10) / 10);

/** Mean of the values that are there; null when none is. */
export function avg(xs: ReadonlyArray<number | null | undefined>): number | null {
  const v = xs.filter((x): x is number => x !== null && x !== undefined);
  return v.length ? v.reduce((s, x) => s + x, 0) / v.length : null;
}

/** A dashboard link with its filters in the query string (empty values left out). */
export function enlace(path: string, params: Record<string, string | number | null | undefined> = {}): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `${path}?${s}` : path;
}

interface Ventanas<R> {
  actual: R;
  anterior: R;
  buckets: readonly R[];
}

/** A figure computed for the current window, the one before it and each sparkline bucket (all at once). */
export async function porVentana<R extends { hasta: string }, T>(v: Ventanas<R>, f: (r: R) => Promise<T>): Promise<{ actual: T; anterior: T; serie: Array<{ hasta: string; dato: T }> }> {
  const [actual, anterior, ...serie] = await Promise.all([v.actual, v.anterior, ...v.buckets].map(f));
  return { actual: actual!, anterior: anterior!, serie: serie.map((dato, i) => ({ hasta: v.buckets[i]!.hasta, dato })) };
}
