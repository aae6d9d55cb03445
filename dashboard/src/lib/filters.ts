import { goto } from '$app/navigation';
import { page } from '$app/state';
import { defaultDesde, todayIso } from '$lib/format';

/**
 * Changes the filters in the URL (an empty value removes the parameter) and navigates there, so a link reproduces
 * the view and the back button restores the previous one.
 */
export function setUrlParams(changes: Record<string, string | null | undefined>): Promise<void> {
  const u = new URL(page.url);
  for (const [k, v] of Object.entries(changes)) {
    if (v) u.searchParams.set(k, v);
    else u.searchParams.delete(k);
  }
  return goto(`${u.pathname}${u.search}`, { replaceState: false, keepFocus: true, noScroll: true });
}

/** The date range in the URL: `hasta` (default today in Mexico City) and `desde` (default the API's 365 days before it). */
export function rangoUrl(sp: URLSearchParams): { desde: string; hasta: string } {
  const hasta = sp.get('hasta') || todayIso();
  return { desde: sp.get('desde') || defaultDesde(hasta), hasta };
}

/** The named filters in the URL, '' where absent. */
export function paramsUrl<K extends string>(sp: URLSearchParams, claves: readonly K[]): Record<K, string> {
  return Object.fromEntries(claves.map((k) => [k, sp.get(k) ?? ''])) as Record<K, string>;
}
