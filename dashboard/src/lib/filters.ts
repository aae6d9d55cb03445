import { goto } from '$app/navigation';
import { page } from '$app/state';

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
