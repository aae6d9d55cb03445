import { Hono, type Context } from 'hono';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';
import { ciclosConAvance, detalleCiclo } from '../queries/evaluacion.js';
import { CicloError, abrirCiclo, cambiarEstado, enviarArea, guardarJustificacion, revisarJustificacion } from '../../planning/ciclo.js';
import { reporteCiclo, reporteHtml, reportePdf, reporteXlsx } from '../../planning/reporte.js';
import { ForbiddenError, areaScope } from '../../planning/scope.js';

/** UTP: the quarterly evaluation cycle (DESIGN.md §3): cycles, justifications, review, close and report. */
export const evaluacionRoutes = new Hono<Env>();
evaluacionRoutes.use('*', requireAccess('evaluacion'));

async function run(c: Context<Env>, fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof CicloError) return c.json({ error: e.message }, e.status);
    if (e instanceof ForbiddenError) return c.json({ error: e.message }, 403);
    throw e;
  }
}

function cicloId(c: Context<Env>): number {
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id) || id <= 0) throw new CicloError(404, 'No existe ese ciclo de evaluación.');
  return id;
}

const body = async (c: Context<Env>): Promise<unknown> => {
  const b = await c.req.json().catch(() => undefined);
  if (!b || typeof b !== 'object') throw new CicloError(400, 'Se esperaba un cuerpo JSON.');
  return b;
};

evaluacionRoutes.get('/ciclos', (c) => run(c, async () => c.json(await ciclosConAvance(c.get('ctx').wh, c.get('user')!))));

evaluacionRoutes.post('/ciclos', (c) => run(c, async () => c.json(await abrirCiclo(c.get('ctx').wh, c.get('user')!, await body(c)), 201)));

evaluacionRoutes.get('/ciclos/:id', (c) => run(c, async () => c.json(await detalleCiclo(c.get('ctx').wh, c.get('user')!, cicloId(c), c.req.query('area')))));

evaluacionRoutes.post('/ciclos/:id/estado', (c) => run(c, async () => c.json(await cambiarEstado(c.get('ctx').wh, c.get('user')!, cicloId(c), await body(c)))));

evaluacionRoutes.put('/ciclos/:id/justificaciones', (c) => run(c, async () => c.json(await guardarJustificacion(c.get('ctx').wh, c.get('user')!, cicloId(c), await body(c)))));

evaluacionRoutes.post('/ciclos/:id/enviar', (c) => run(c, async () => c.json(await enviarArea(c.get('ctx').wh, c.get('user')!, cicloId(c), await c.req.json().catch(() => ({}))))));

evaluacionRoutes.post('/ciclos/:id/revision', (c) => run(c, async () => c.json(await revisarJustificacion(c.get('ctx').wh, c.get('user')!, cicloId(c), await body(c)))));

/** The report: JSON for the page, HTML (printable), XLSX and PDF (rendered in Chromium). */
evaluacionRoutes.get('/ciclos/:id/reporte', (c) => run(c, async () => {
  const area = areaScope(c.get('user')!, c.req.query('area'));
  return c.json(await reporteCiclo(c.get('ctx').wh, cicloId(c), area));
}));

evaluacionRoutes.get('/ciclos/:id/reporte.html', (c) => run(c, async () => {
  const area = areaScope(c.get('user')!, c.req.query('area'));
  return c.html(reporteHtml(await reporteCiclo(c.get('ctx').wh, cicloId(c), area)));
}));

evaluacionRoutes.get('/ciclos/:id/reporte.xlsx', (c) => run(c, async () => {
  const area = areaScope(c.get('user')!, c.req.query('area'));
  const r = await reporteCiclo(c.get('ctx').wh, cicloId(c), area);
  return c.body(new Uint8Array(await reporteXlsx(r)), 200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="evaluacion_${r.ciclo.ejercicio}_T${r.ciclo.trimestre}${area ? `_${area}` : ''}.xlsx"`,
  });
}));

evaluacionRoutes.get('/ciclos/:id/reporte.pdf', (c) => run(c, async () => {
  const area = areaScope(c.get('user')!, c.req.query('area'));
  const r = await reporteCiclo(c.get('ctx').wh, cicloId(c), area);
  return c.body(new Uint8Array(await reportePdf(r)), 200, {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="evaluacion_${r.ciclo.ejercicio}_T${r.ciclo.trimestre}${area ? `_${area}` : ''}.pdf"`,
  });
}));
