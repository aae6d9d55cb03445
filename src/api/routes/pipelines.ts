import { Hono } from 'hono';
import { z } from 'zod';
import { auditEvent } from '../../audit/log.js';
import { HttpError } from '../../core/errors.js';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';
import { entero, identificador, opcional } from '../input/schemas.js';
import { params, query } from '../input/validate.js';
import { EJECUCIONES_ORDEN } from '../../core/ejecuciones.js';
import { paginaDe, paginaShape, respuestaPagina } from '../input/pagina.js';
import { freshness, paginaEjecuciones, runById, runsOf } from '../queries/runs.js';

export const pipelinesRoutes = new Hono<Env>();
pipelinesRoutes.use('*', requireAccess('procesos'));

/** ?limite= runs per pipeline (20 by default). */
pipelinesRoutes.get('/', query(z.object({ limite: opcional(entero(1, 500)) })), async (c) => {
  const { wh, pipelines, scheduler } = c.get('ctx');
  const limit = c.req.valid('query').limite ?? 20;
  const vig = new Map((await freshness(wh, pipelines)).map((v) => [v.nombre, v]));
  const jobs = new Map(scheduler.jobs().map((j) => [j.nombre, j]));
  const checks = await wh.all<{ pipeline: string; nombre: string; tipo: string; tabla: string; fallas: number; muestra: string | null; ejecucion_id: number }>(
    `SELECT pipeline, nombre, tipo, tabla, fallas, muestra, ejecucion_id FROM ops.verificaciones v
     WHERE ejecucion_id = (SELECT max(ejecucion_id) FROM ops.verificaciones w WHERE w.pipeline = v.pipeline) ORDER BY pipeline, nombre`,
  );
  const out = [];
  for (const p of pipelines) {
    out.push({
      nombre: p.name,
      titulo: p.titulo,
      programacion: p.schedule,
      configurado: p.configured ? p.configured() : true,
      proxima: jobs.get(p.name)?.proxima ?? null,
      vigencia_horas: p.freshnessHours,
      vigente: vig.get(p.name)?.vigente ?? false,
      ultimo_exito: vig.get(p.name)?.ultimo_exito ?? null,
      ejecuciones: await runsOf(wh, p.name, limit),
      verificaciones: checks.filter((ch) => ch.pipeline === p.name).map(({ pipeline: _p, ...ch }) => ch),
    });
  }
  return c.json(out);
});

const nombre = z.object({ nombre: identificador });

/** A pipeline's run log, newest first, a page at a time (limite, desde_fila, orden, dir; the total in X-Total-Count). */
pipelinesRoutes.get('/:nombre/ejecuciones', params(nombre), query(z.object(paginaShape(EJECUCIONES_ORDEN))), async (c) => {
  const { nombre: n } = c.req.valid('param');
  if (!c.get('ctx').pipelines.some((x) => x.name === n)) throw new HttpError(404, `No existe el proceso «${n}».`, { parametro: 'nombre' });
  const p = paginaDe(c.req.valid('query'));
  return respuestaPagina(c, await paginaEjecuciones(c.get('ctx').wh, n, p), p);
});

pipelinesRoutes.get('/:nombre/ejecuciones/:id', params(nombre.extend({ id: entero(1, 2_147_483_647) })), async (c) => {
  const p = c.req.valid('param');
  const r = await runById(c.get('ctx').wh, p.id);
  if (!r || r.pipeline !== p.nombre) throw new HttpError(404, 'No existe esa ejecución.');
  return c.json(r);
});

pipelinesRoutes.get('/:nombre/verificaciones', params(nombre), async (c) => {
  const { wh } = c.get('ctx');
  const rows = await wh.all(
    `SELECT ejecucion_id, nombre, tipo, tabla, fallas, muestra, registrada_en FROM ops.verificaciones
     WHERE pipeline = $1 AND ejecucion_id = (SELECT max(ejecucion_id) FROM ops.verificaciones WHERE pipeline = $1) ORDER BY nombre`,
    [c.req.valid('param').nombre],
  );
  return c.json(rows);
});

/** Starts a run now (202 with its id; 409 while one runs). The run log records the run; the audit, who asked. */
pipelinesRoutes.post('/:nombre/ejecutar', params(nombre), async (c) => {
  const ctx = c.get('ctx');
  const { nombre: n } = c.req.valid('param');
  const p = ctx.pipelines.find((x) => x.name === n);
  if (!p) throw new HttpError(404, `No existe el proceso «${n}».`, { parametro: 'nombre' });
  const { id } = await ctx.startRun(p, { origen: 'manual' });
  await auditEvent(ctx.wh, c.get('user')!.usuario, 'pipeline.ejecutar', p.name, null, { ejecucion: id });
  return c.json({ id, estado: 'en_curso' }, 202);
});
