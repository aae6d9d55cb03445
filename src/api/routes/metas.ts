import { Hono, type Context } from 'hono';
import ExcelJS from 'exceljs';
import type { Env } from '../context.js';
import { requireAccess } from '../middleware/roles/index.js';
import { BadRequestError, NotFoundError, ejerciciosMetas, listaActividades, parsePeriodo, resumenMetas, type FiltroMetas } from '../queries/metas.js';
import { ForbiddenError, areaScope } from '../../planning/scope.js';
import { CLASIFICACION_NOMBRE, SEMAFORO_NOMBRE } from '../../planning/rules.js';
import { MESES } from '../../../pipelines/poa/contract.js';

/** UTP: POA goal progress (DESIGN.md §3 Avance, Semáforo, Classification; §6 /api/metas/*). */
export const metasRoutes = new Hono<Env>();
metasRoutes.use('*', requireAccess('metas'));

/** Answers 400/403/404 with the Spanish message of the query's error. */
export async function handled(c: Context<Env>, fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof BadRequestError) return c.json({ error: e.message }, 400);
    if (e instanceof ForbiddenError) return c.json({ error: e.message }, 403);
    if (e instanceof NotFoundError) return c.json({ error: e.message }, 404);
    throw e;
  }
}

function filtro(c: Context<Env>): FiltroMetas {
  const { ejercicio, trimestre } = parsePeriodo({ ejercicio: c.req.query('ejercicio'), trimestre: c.req.query('trimestre') });
  const corte = c.req.query('corte') || null;
  if (corte && Number.isNaN(Date.parse(corte))) throw new BadRequestError('El parámetro «corte» debe ser una fecha y hora ISO.');
  return { ejercicio, trimestre, area: areaScope(c.get('user')!, c.req.query('area')), corte };
}

/** {verde, amarillo, rojo, rebasada, sin_meta, por_area: [...]} plus por_programa, late and missing reports. */
metasRoutes.get('/resumen', (c) => handled(c, async () => c.json(await resumenMetas(c.get('ctx').wh, filtro(c)))));

metasRoutes.get('/ejercicios', async (c) => c.json(await ejerciciosMetas(c.get('ctx').wh)));

/** Activities with programado, realizado, avance_pct, semaforo, clasificacion and the monthly series. */
metasRoutes.get('/actividades', (c) => handled(c, async () => {
  const f = filtro(c);
  let rows = await listaActividades(c.get('ctx').wh, f);
  const programa = c.req.query('programa');
  const pe = c.req.query('programa_especifico');
  if (programa) rows = rows.filter((r) => r.programa === programa);
  if (pe) rows = rows.filter((r) => r.programa_especifico === pe);
  return c.json(rows);
}));

/** The same activities as an Excel workbook. */
metasRoutes.get('/actividades.xlsx', (c) => handled(c, async () => {
  const f = filtro(c);
  const rows = await listaActividades(c.get('ctx').wh, f);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`Actividades T${f.trimestre} ${f.ejercicio}`);
  ws.addRow([`Avance del POA ${f.ejercicio}, acumulado de enero al cierre del trimestre ${f.trimestre}${f.area ? ` — ${f.area}` : ''}`]);
  ws.addRow([
    'Programa', 'Programa específico', 'Área', 'Núm.', 'Actividad', 'Unidad de medida', 'Estatus', 'Programado', 'Realizado', 'Avance %',
    'Semáforo', 'Clasificación', 'Reportes tardíos', 'Meses sin reporte', ...MESES.map((m) => `Prog. ${m}`), ...MESES.map((m) => `Real. ${m}`),
  ]);
  for (const r of rows) {
    ws.addRow([
      r.programa, r.programa_especifico, r.area, r.num_actividad, r.descripcion, r.unidad_medida, r.estatus, r.programado, r.realizado,
      r.avance_pct, SEMAFORO_NOMBRE[r.semaforo], r.clasificacion ? CLASIFICACION_NOMBRE[r.clasificacion] : 'Sin meta', r.reportes_tardios,
      r.meses_sin_reporte, ...r.programado_mensual, ...r.realizado_mensual,
    ]);
  }
  ws.getRow(2).font = { bold: true };
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return c.body(new Uint8Array(buf), 200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="poa_${f.ejercicio}_T${f.trimestre}${f.area ? `_${f.area}` : ''}.xlsx"`,
  });
}));
