import type { MiddlewareHandler } from 'hono';
import type { Env } from '../../context.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Content types a cross-site HTML form can send without a CORS preflight. */
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i;

/** The host[:port] of an Origin header, or null when it is not a URL (a forged or broken header never matches). */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * CSRF protection for cookie sessions: state-changing requests must come from this origin (Origin and
 * Sec-Fetch-Site headers, which browsers set and pages cannot forge) and, unless they carry the session's
 * X-CSRF-Token, must not be a form-encodable body. Bearer-token clients are not exposed to CSRF.
 */
export const csrf: MiddlewareHandler<Env> = async (c, next) => {
  if (SAFE.has(c.req.method) || c.req.header('authorization')?.toLowerCase().startsWith('bearer ')) return next();
  const origin = c.req.header('origin');
  const host = c.req.header('host');
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return c.json({ error: 'Solicitud rechazada: origen cruzado.' }, 403);
  if (origin && origin !== 'null' && host && hostOf(origin) !== host.toLowerCase()) return c.json({ error: 'Solicitud rechazada: origen cruzado.' }, 403);
  const user = c.get('user');
  const token = c.req.header('x-csrf-token');
  if (user?.csrf && token !== undefined && token !== user.csrf) return c.json({ error: 'Token CSRF inválido; recargue la página.' }, 403);
  if (token === undefined && FORM_TYPES.test(c.req.header('content-type') ?? '')) {
    return c.json({ error: 'Solicitud rechazada: falta el encabezado X-CSRF-Token.' }, 403);
  }
  await next();
};
