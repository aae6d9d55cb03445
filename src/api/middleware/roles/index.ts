import type { MiddlewareHandler } from 'hono';
import { canAccess, type Domain } from '../../../auth/roles.js';
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
