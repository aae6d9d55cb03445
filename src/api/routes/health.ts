import { Hono } from 'hono';
import type { Env } from '../context.js';
import { freshness } from '../queries/runs.js';

/** Public: the warehouse, the scheduler and the last run of each pipeline. Nothing secret. */
export const healthRoutes = new Hono<Env>();

healthRoutes.get('/', async (c) => {
  const ctx = c.get('ctx');
  let almacen: { estado: 'ok' | 'error'; error?: string } = { estado: 'ok' };
  let pipelines: Awaited<ReturnType<typeof freshness>> = [];
  try {
    await ctx.wh.one('SELECT 1');
    pipelines = await freshness(ctx.wh, ctx.pipelines);
  } catch (e) {
    almacen = { estado: 'error', error: String((e as Error).message).split('\n')[0] };
  }
  const scheduled = new Set(ctx.pipelines.filter((p) => p.schedule).map((p) => p.name));
  const degraded = almacen.estado !== 'ok' || !ctx.scheduler.running ||
    pipelines.some((p) => p.ultimo_estado === 'fallo' || (scheduled.has(p.nombre) && p.ultima_ejecucion && !p.vigente));
  return c.json({
    status: degraded ? 'degraded' : 'ok',
    almacen,
    programador: { activo: ctx.scheduler.running },
    pipelines,
  });
});
