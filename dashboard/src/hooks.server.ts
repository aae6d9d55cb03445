import { redirect, type Handle } from '@sveltejs/kit';

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** Pages anyone may open. */
const PUBLIC = ['/login', '/estado'];

/**
 * Atalaya's server resolves the session before handing the request to SvelteKit (platform.req.atalayaUser), with
 * the navigation and access table of the user's role (platform.req.atalayaNav), so the dashboard never opens the
 * warehouse itself nor copies roles. Without a session, pages send the user to /login.
 */
export const handle: Handle = async ({ event, resolve }) => {
  event.locals.user = event.platform?.req?.atalayaUser ?? null;
  const navigation = event.platform?.req?.atalayaNav;
  event.locals.nav = navigation?.nav ?? [];
  event.locals.acceso = navigation?.acceso ?? [];
  const path = event.url.pathname;
  // A path that does not decode is SvelteKit's to answer (400): a redirect thrown for it escapes its error handling.
  if (!decodes(path)) return resolve(event);
  const isPublic = PUBLIC.some((p) => path === p || path.startsWith(p + '/'));
  if (!event.locals.user && !isPublic && !path.startsWith('/_app/')) {
    const next = path === '/' ? '' : `?siguiente=${encodeURIComponent(path + event.url.search)}`;
    redirect(303, `/login${next}`);
  }
  return resolve(event);
};
