import { Hono, type Context } from 'hono';
import type { Env } from '../../api/context.js';
import { estadoPublico } from './queries.js';
import { registrarLatido } from './latido.js';

/**
 * The public status page's data under /api/publico (no session): only `publico` services, with name, state and
 * daily uptime bars. Never destinations, error texts or internal ids.
 */
export const publicoRoutes = new Hono<Env>();

publicoRoutes.get('/estado', async (c) => {
  c.header('cache-control', 'public, max-age=30');
  return c.json(await estadoPublico(c.get('ctx').wh));
});

/** A heartbeat's call (GET or POST, no session: the clave is the secret): 200 recorded, 404 unknown clave. */
const latido = async (c: Context<Env>) => {
  c.header('cache-control', 'no-store');
  if (!(await registrarLatido(c.get('ctx').wh, c.req.param('clave') ?? ''))) return c.json({ error: 'No existe un latido activo con esa clave.' }, 404);
  return c.json({ ok: true });
};
publicoRoutes.get('/latido/:clave', latido);
publicoRoutes.post('/latido/:clave', latido);
