import { Hono } from 'hono';
import { PipelineBusyError } from '../../../pipelines/runner/run.js';
import { audit } from '../../audit/log.js';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';
import { freshness, runById, runsOf } from '../queries/runs.js';

export const pipelinesRoutes = new Hono<Env>();
pipelinesRoutes.use('*', requireAccess('procesos'));

pipelinesRoutes.get('/', async (c) => {
  const { wh, pipelines, scheduler } = c.get('ctx');
  const limit = Number(c.req.query('limite') ?? 20);
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

pipelinesRoutes.get('/:nombre/ejecuciones/:id', async (c) => {
  const r = await runById(c.get('ctx').wh, Number(c.req.param('id')));
  if (!r || r.pipeline !== c.req.param('nombre')) return c.json({ error: 'No existe esa ejecución.' }, 404);
  return c.json(r);
});

pipelinesRoutes.get('/:nombre/verificaciones', async (c) => {
  const { wh } = c.get('ctx');
  const rows = await wh.all(
    `SELECT ejecucion_id, nombre, tipo, tabla, fallas, muestra, registrada_en FROM ops.verificaciones
     WHERE pipeline = $1 AND ejecucion_id = (SELECT max(ejecucion_id) FROM ops.verificaciones WHERE pipeline = $1) ORDER BY nombre`,
    [c.req.param('nombre')],
  );
  return c.json(rows);
});

pipelinesRoutes.post('/:nombre/ejecutar', async (c) => {
  const ctx = c.get('ctx');
  const p = ctx.pipelines.find((x) => x.name === c.req.param('nombre'));
  if (!p) return c.json({ error: `No existe el proceso «${c.req.param('nombre')}».` }, 404);
  try {
    const { id } = await ctx.startRun(p, { origen: 'manual' });
    await audit(ctx.wh, c.get('user')!.usuario, 'pipeline.ejecutar', p.name, null, { ejecucion: id });
    return c.json({ id, estado: 'en_curso' }, 202);
  } catch (e) {
    if (e instanceof PipelineBusyError) return c.json({ error: e.message, id: e.runId }, 409);
    throw e;
  }
});
