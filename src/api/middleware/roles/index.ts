import type { MiddlewareHandler } from 'hono';
import { canAccess } from '../../../auth/roles.js';
import type { Env } from '../../context.js';

export { requireRoles } from './require-roles.js';

/** 401 without a user, 403 when the user's role has no access to the domain (or platform part) `id`. */
export function requireAccess(id: string): MiddlewareHandler<Env> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user) return c.json({ error: 'Inicie sesión para continuar.' }, 401);
    if (!canAccess(user.rol, id)) return c.json({ error: 'Su rol no tiene acceso a esta sección.' }, 403);
    await next();
  };
}
