import { Hono } from 'hono';
import type { AppContext, Env } from './context.js';
import { resolveUser, requireUser } from './middleware/auth/index.js';
import { csrf } from './middleware/csrf/index.js';
import { openapiDocument } from './openapi.js';
import { authRoutes } from './routes/auth.js';
import { cartografiaRoutes } from './routes/cartografia.js';
import { cuarentenaRoutes } from './routes/cuarentena.js';
import { healthRoutes } from './routes/health.js';
import { pipelinesRoutes } from './routes/pipelines.js';
import { usuariosRoutes } from './routes/usuarios.js';
import { domainRoutes } from './domains.js';
import { exportarRoutes } from './routes/exportar.js';
import { configuracionRoutes } from './routes/configuracion.js';
import { respaldosRoutes } from './routes/respaldos.js';

/** Routes that answer without a session. Everything else under /api needs one (and a role). */
const PUBLIC = new Set(['/api/health', '/api/auth/login', '/api/openapi.json']);
const PUBLIC_PREFIXES = ['/api/publico/'];

export function createApi(ctx: AppContext): Hono<Env> {
  const api = new Hono<Env>().basePath('/api');
  api.use('*', async (c, next) => {
    c.set('ctx', ctx);
    await next();
  });
  api.use('*', resolveUser);
  api.use('*', async (c, next) => {
    if (PUBLIC.has(c.req.path) || PUBLIC_PREFIXES.some((p) => c.req.path.startsWith(p))) return next();
    return requireUser(c, next);
  });
  api.use('*', csrf);
  api.get('/openapi.json', (c) => c.json(openapiDocument()));
  api.route('/health', healthRoutes);
  api.route('/auth', authRoutes);
  api.route('/usuarios', usuariosRoutes);
  api.route('/pipelines', pipelinesRoutes);
  api.route('/cuarentena', cuarentenaRoutes);
  api.route('/cartografia', cartografiaRoutes);
  api.route('/exportar', exportarRoutes);
  api.route('/configuracion', configuracionRoutes);
  api.route('/respaldos', respaldosRoutes);
  for (const [prefix, routes] of domainRoutes) api.route(prefix, routes);
  api.notFound((c) => c.json({ error: 'Ruta no encontrada.' }, 404));
  api.onError((e, c) => {
    console.error(`[api] ${c.req.method} ${c.req.path}:`, e);
    return c.json({ error: 'Error interno del servidor. El detalle quedó en el registro del servidor.' }, 500);
  });
  return api;
}
