import type { NavEntry, PageAccess, Rol } from '../core/roles.js';
import { DOMAINS } from '../domains/registry.js';

/** The platform's pages that are not a domain's. */
const PLATFORM_PAGES: readonly PageAccess[] = [{ href: '/admin', label: 'Administración', roles: ['admin'] }];

/**
 * Every page prefix of the dashboard with the roles that may open it: each domain's pages (src/domains/registry.ts),
 * then the platform's. '/' is the home page alone; any other prefix covers the pages under it.
 */
export const ACCESO: readonly PageAccess[] = [
  ...DOMAINS.flatMap((d) => (d.pages ?? (d.nav ? [d.nav.href] : [])).map((p) =>
    typeof p === 'string' ? { href: p, label: p === d.nav?.href ? d.nav.label : d.title, roles: d.roles } : p)),
  ...PLATFORM_PAGES,
];

const NAV: ReadonlyArray<NavEntry & { roles: readonly Rol[] }> = [
  ...DOMAINS.flatMap((d) => (d.nav ? [{ ...d.nav, roles: d.roles }] : [])),
  ...PLATFORM_PAGES,
];

/** What the dashboard shows a user: the navigation entries of their role, and the whole access table. */
export function navigation(rol: Rol | null): { nav: NavEntry[]; acceso: readonly PageAccess[] } {
  return { nav: rol ? NAV.filter((n) => n.roles.includes(rol)).map(({ href, label }) => ({ href, label })) : [], acceso: ACCESO };
}
