import type { LayoutServerLoad } from './$types';

/**
 * The session's user, the navigation entries their role may open, and the access table of every page (its roles),
 * so a page the role cannot open says so and names the roles that can (see $lib/nav).
 */
export const load: LayoutServerLoad = ({ locals }) => ({ user: locals.user, nav: locals.nav, acceso: locals.acceso });
