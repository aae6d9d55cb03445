import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { AppContext, Env } from '../../api/context.js';
import { identificador } from '../../api/input/schemas.js';
import { params } from '../../api/input/validate.js';
import { estadoPublico } from './queries.js';
import { MINUTOS_FALLA } from '../../../pipelines/disponibilidad/demo.js';

/**
 * Public routes under /api/publico (no session; app.ts lets the prefix through):
 * - GET /estado: the public status page's data — only `publico` services, with name, state and daily uptime bars.
 *   Never destinations, error texts or internal ids.
 * - GET /demo/<servicio>: the endpoints the demo catalogue monitors (healthy, slow, intermittent, redirecting).
 */
export const publicoRoutes = new Hono<Env>();

publicoRoutes.get('/estado', async (c) => {
  c.header('cache-control', 'public, max-age=30');
  return c.json(await estadoPublico(c.get('ctx').wh));
});

const DEMO = new Set(['portal', 'correo', 'candidaturas', 'prep', 'computos', 'transmision', 'oficialia', 'intranet']);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The demo's endpoints the catalogue monitors ({local}/api/publico/demo/<servicio>), read at most every 30 s.
 * With ATALAYA_DEMO=0, or in an installation whose catalogue never held the demo's services, there are none.
 */
let demoCache: { at: number; ids: Set<string> } | null = null;
async function demoServicios(ctx: AppContext): Promise<Set<string>> {
  if (!ctx.config.demo) return new Set();
  if (!demoCache || Date.now() - demoCache.at > 30_000) {
    const rows = await ctx.wh.all<{ destino: string }>("SELECT destino FROM core.servicios WHERE starts_with(destino, '{local}/api/publico/demo/')");
    demoCache = { at: Date.now(), ids: new Set(rows.map((r) => r.destino.slice('{local}/api/publico/demo/'.length))) };
  }
  return demoCache.ids;
}

/** Exists only with the demo on: otherwise 404, like any unknown path. */
const demoOnly: MiddlewareHandler<Env> = async (c, next) => {
  if (!(await demoServicios(c.get('ctx'))).size) return c.json({ error: 'Ruta no encontrada.' }, 404);
  await next();
};

publicoRoutes.on(['GET', 'HEAD'], '/demo/:servicio', demoOnly, params(z.object({ servicio: identificador })), async (c) => {
  const s = c.req.valid('param').servicio;
  if (!DEMO.has(s)) return c.json({ error: 'Servicio de demostración desconocido.' }, 404);
  c.header('cache-control', 'no-store');
  if (s === 'transmision') return c.redirect('/api/publico/demo/portal', 302);
  if (s === 'prep') {
    await sleep(600 + Math.floor(Math.random() * 300));
    return c.text('PREP operando: resultados preliminares disponibles');
  }
  if (s === 'computos') {
    const minute = new Date(Date.now() - 6 * 3600_000).getUTCMinutes();
    if ((MINUTOS_FALLA as readonly number[]).includes(minute)) return c.text('Servicio no disponible temporalmente', 503);
  }
  return c.html(`<!doctype html><title>OPLE Veracruz</title><p>OPLE Veracruz — ${s} en operación</p>`);
});
