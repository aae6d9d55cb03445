import type { MiddlewareHandler } from 'hono';
import { canAccess, type Domain, type Rol } from '../../../auth/roles.js';
import type { Env } from '../../context.js';

/** 401 without a user, 403 when the user's role has no access to the domain. */
export function requireAccess(domain: Domain): MiddlewareHandler<Env> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user) return c.json({ error: 'Inicie sesión para continuar.' }, 401);
    if (!canAccess(user.rol, domain)) return c.json({ error: 'Su rol no tiene acceso a esta sección.' }, 403);
    await next();
  };
}

/** 403 with `message` unless the user's role is one of `roles` (writes that only some of a domain's roles make). */
export function requireRoles(roles: readonly Rol[], message: string): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (!roles.includes(c.get('user')?.rol as Rol)) return c.json({ error: message }, 403);
    await next();
  };
}
