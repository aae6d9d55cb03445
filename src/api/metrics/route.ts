import { Hono } from 'hono';
import type { AppContext, Env } from '../context.js';
import { resolveUser } from '../middleware/auth/index.js';
import { observe } from '../middleware/observe/index.js';
import { renderMetrics } from './collect.js';

/**
 * GET /metrics for Prometheus: readable only with an admin's API token (`Authorization: Bearer …`, as the CLI's or
 * one made in Administración → Tokens); 401 without a valid token, 403 for a token of another role.
 */
export function createMetricsApp(ctx: AppContext): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', async (c, next) => {
    c.set('ctx', ctx);
    await next();
  });
  app.use('*', observe);
  app.use('*', resolveUser);
  app.get('/metrics', async (c) => {
    const user = c.get('user');
    if (!user || user.via !== 'token') {
      c.header('WWW-Authenticate', 'Bearer realm="atalaya"');
      return c.json({ error: 'Las métricas requieren un token de API de administrador (Authorization: Bearer …).' }, 401);
    }
    if (user.rol !== 'admin') return c.json({ error: 'Solo un token de administrador puede leer las métricas.' }, 403);
    return c.body(await renderMetrics(ctx.wh), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' });
  });
  app.notFound((c) => c.json({ error: 'Ruta no encontrada.' }, 404));
  return app;
}
