import type { MiddlewareHandler } from 'hono';
import type { Rol } from '../../../core/roles.js';
import type { Env } from '../../context.js';

/** 403 with `message` unless the user's role is one of `roles` (writes that only some of a domain's roles make). */
export function requireRoles(roles: readonly Rol[], message: string): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (!roles.includes(c.get('user')?.rol as Rol)) return c.json({ error: message }, 403);
    await next();
  };
}
