import { Hono } from 'hono';
import type { Env } from '../context.js';
import { freshness } from '../queries/runs.js';
import { backupStatus } from '../../backup/status.js';

/**
 * Public: ok or degraded, per part (warehouse, scheduler, each pipeline's last run) — never an error text, which
 * could tell an outsider about paths and versions. A logged-in admin also gets the warehouse's error.
 */
export const healthRoutes = new Hono<Env>();

healthRoutes.get('/', async (c) => {
  const ctx = c.get('ctx');
  let almacen: { estado: 'ok' | 'degraded'; error?: string } = { estado: 'ok' };
  let pipelines: Awaited<ReturnType<typeof freshness>> = [];
  // Only what a monitor needs: how old the newest backup is, not where it lives.
  let respaldo: { ultimo: string | null; edad_horas: number | null; vigente: boolean } | null = null;
  try {
    await ctx.wh.one('SELECT 1');
    pipelines = await freshness(ctx.wh, ctx.pipelines);
    const b = await backupStatus(ctx.wh, ctx.config.dataDir);
    respaldo = { ultimo: b.ultimo?.creado_en ?? null, edad_horas: b.edad_horas, vigente: b.vigente };
  } catch (e) {
    almacen = { estado: 'degraded' };
    if (c.get('user')?.rol === 'admin') almacen.error = String((e as Error).message).split('\n')[0];
  }
  const scheduled = new Set(ctx.pipelines.filter((p) => p.schedule).map((p) => p.name));
  const degraded = almacen.estado !== 'ok' || !ctx.scheduler.running || respaldo?.vigente === false ||
    pipelines.some((p) => p.ultimo_estado === 'fallo' || (scheduled.has(p.nombre) && p.ultima_ejecucion && !p.vigente));
  const admin = c.get('user')?.rol === 'admin';
  return c.json({
    status: degraded ? 'degraded' : 'ok',
    almacen,
    programador: { estado: ctx.scheduler.running ? 'ok' : 'degraded', activo: ctx.scheduler.running },
    respaldo,
    pipelines: pipelines.map(({ ultimo_error, ...p }) => (admin ? { ...p, ultimo_error } : p)),
  });
});
