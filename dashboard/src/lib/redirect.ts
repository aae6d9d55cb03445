/**
 * Where the login page sends a user afterwards: `siguiente` only when, parsed as a URL against this origin, it
 * stays on this origin (so `//evil.example`, `/\evil.example`, `https://evil.example` or `javascript:` go home);
 * the path, query and fragment of it, never the login page itself.
 */
export function safeNext(next: string | null | undefined, origin: string, home: string): string {
  if (!next) return home;
  let u: URL;
  try {
    u = new URL(next, origin);
  } catch {
    return home;
  }
  if (u.origin !== origin || u.pathname === '/login' || u.pathname.startsWith('/login/')) return home;
  return `${u.pathname}${u.search}${u.hash}`;
}
