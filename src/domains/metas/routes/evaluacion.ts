import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Env } from '../../../api/context.js';
import { REPORT_CSP } from '../../../api/middleware/headers/index.js';
import { area, idEntero, opcional } from '../../../api/input/schemas.js';
import { json, objeto, params, query } from '../../../api/input/validate.js';
import { ciclosConAvance, detalleCiclo } from '../queries/evaluacion.js';
import { abrirCiclo, cambiarEstado, enviarArea, guardarJustificacion, revisarJustificacion } from '../ciclo.js';
import { reporteCiclo, reporteHtml, reportePdf, reporteXlsx } from '../reporte.js';
import { areaScope } from '../../../auth/scope.js';
import { fileNameSuffix } from '../../../core/file-name.js';

/** UTP: the quarterly evaluation cycle (DESIGN.md §3): cycles, justifications, review, close and report. */
export const evaluacionRoutes = new Hono<Env>();

const ciclo = params(idEntero);
const areaQuery = query(z.object({ area: opcional(area) }));
/** The area a report covers: an `area` user's own, or the one asked for ('' = all). */
const areaDe = (c: Context<Env>, pedida: string | undefined): string => areaScope(c.get('user')!, pedida);

evaluacionRoutes.get('/ciclos', async (c) => c.json(await ciclosConAvance(c.get('ctx').wh, c.get('user')!)));

// The bodies are JSON objects whose fields the cycle module checks (its messages name each field).
evaluacionRoutes.post('/ciclos', json(objeto), async (c) => c.json(await abrirCiclo(c.get('ctx').wh, c.get('user')!, c.req.valid('json')), 201));

evaluacionRoutes.get('/ciclos/:id', ciclo, areaQuery, async (c) =>
  c.json(await detalleCiclo(c.get('ctx').wh, c.get('user')!, c.req.valid('param').id, c.req.valid('query').area)));

evaluacionRoutes.post('/ciclos/:id/estado', ciclo, json(objeto), async (c) =>
  c.json(await cambiarEstado(c.get('ctx').wh, c.get('user')!, c.req.valid('param').id, c.req.valid('json'))));

evaluacionRoutes.put('/ciclos/:id/justificaciones', ciclo, json(objeto), async (c) =>
  c.json(await guardarJustificacion(c.get('ctx').wh, c.get('user')!, c.req.valid('param').id, c.req.valid('json'))));

evaluacionRoutes.post('/ciclos/:id/enviar', ciclo, json(objeto, { opcional: true }), async (c) =>
  c.json(await enviarArea(c.get('ctx').wh, c.get('user')!, c.req.valid('param').id, c.req.valid('json'))));

evaluacionRoutes.post('/ciclos/:id/revision', ciclo, json(objeto), async (c) =>
  c.json(await revisarJustificacion(c.get('ctx').wh, c.get('user')!, c.req.valid('param').id, c.req.valid('json'))));

/** The report: JSON for the page, HTML (printable), XLSX and PDF (rendered in Chromium). */
evaluacionRoutes.get('/ciclos/:id/reporte', ciclo, areaQuery, async (c) => {
  const area = areaDe(c, c.req.valid('query').area);
  return c.json(await reporteCiclo(c.get('ctx').wh, c.req.valid('param').id, area));
});

evaluacionRoutes.get('/ciclos/:id/reporte.html', ciclo, areaQuery, async (c) => {
  const area = areaDe(c, c.req.valid('query').area);
  // The printable page has its own inline styles and nothing else.
  c.header('Content-Security-Policy', REPORT_CSP);
  return c.html(reporteHtml(await reporteCiclo(c.get('ctx').wh, c.req.valid('param').id, area)));
});

evaluacionRoutes.get('/ciclos/:id/reporte.xlsx', ciclo, areaQuery, async (c) => {
  const area = areaDe(c, c.req.valid('query').area);
  const r = await reporteCiclo(c.get('ctx').wh, c.req.valid('param').id, area);
  return c.body(new Uint8Array(await reporteXlsx(r)), 200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="evaluacion_${r.ciclo.ejercicio}_T${r.ciclo.trimestre}${fileNameSuffix(area)}.xlsx"`,
  });
});

evaluacionRoutes.get('/ciclos/:id/reporte.pdf', ciclo, areaQuery, async (c) => {
  const area = areaDe(c, c.req.valid('query').area);
  const r = await reporteCiclo(c.get('ctx').wh, c.req.valid('param').id, area);
  return c.body(new Uint8Array(await reportePdf(r, c.get('user')!.usuario)), 200, {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="evaluacion_${r.ciclo.ejercicio}_T${r.ciclo.trimestre}${fileNameSuffix(area)}.pdf"`,
  });
});
