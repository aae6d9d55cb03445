import { Hono } from 'hono';
import type { Env } from '../../api/context.js';
import { estadoPublico } from './queries.js';

/**
 * The public status page's data under /api/publico (no session): only `publico` services, with name, state and
 * daily uptime bars. Never destinations, error texts or internal ids.
 */
export const publicoRoutes = new Hono<Env>();

publicoRoutes.get('/estado', async (c) => {
  c.header('cache-control', 'public, max-age=30');
  return c.json(await estadoPublico(c.get('ctx').wh));
});
