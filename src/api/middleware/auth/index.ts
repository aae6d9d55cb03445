import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE, userForSession, userForToken } from '../../../auth/sessions.js';
import type { Env } from '../../context.js';

/** Resolves the caller from the session cookie or an `Authorization: Bearer` API token. */
export const resolveUser: MiddlewareHandler<Env> = async (c, next) => {
  const { wh } = c.get('ctx');
  const auth = c.req.header('authorization');
  let user = null;
  if (auth?.toLowerCase().startsWith('bearer ')) user = await userForToken(wh, auth.slice(7).trim());
  else {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) user = await userForSession(wh, cookie);
  }
  c.set('user', user);
  await next();
};

/** 401 without a valid session or token. */
export const requireUser: MiddlewareHandler<Env> = async (c, next) => {
  if (!c.get('user')) return c.json({ error: 'Inicie sesión para continuar.' }, 401);
  await next();
};
