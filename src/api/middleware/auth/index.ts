import type { MiddlewareHandler } from 'hono';
import { SESSION_COOKIE, userForSession } from '../../../auth/sessions.js';
import { userForToken } from '../../../auth/tokens.js';
import type { Env } from '../../context.js';
import { sessionTokenOf } from '../../input/client.js';

/**
 * Resolves the caller from an `Authorization: Bearer` API token or the session cookie. A malformed header or
 * cookie reads as no caller (and a route that needs one answers 401), never as an error.
 */
export const resolveUser: MiddlewareHandler<Env> = async (c, next) => {
  const { wh, config } = c.get('ctx');
  const auth = c.req.header('authorization');
  let user = null;
  if (auth && /^bearer\s/i.test(auth)) user = await userForToken(wh, auth.slice(7).trim());
  else {
    const token = sessionTokenOf(c.req.header('cookie'), SESSION_COOKIE);
    if (token) user = await userForSession(wh, token, config);
  }
  c.set('user', user);
  await next();
};

/** 401 without a valid session or token. */
export const requireUser: MiddlewareHandler<Env> = async (c, next) => {
  if (!c.get('user')) return c.json({ error: 'Inicie sesión para continuar.' }, 401);
  await next();
};
