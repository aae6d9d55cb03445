import { Hono, type Context } from 'hono';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Env } from '../../../api/context.js';
import { area, ejercicio, instante, opcional, texto, trimestre } from '../../../api/input/schemas.js';
import { paginaDe, paginaShape, paginar, respuestaPagina } from '../../../api/input/pagina.js';
import { query } from '../../../api/input/validate.js';
import { ejerciciosMetas, listaActividades, periodoPorOmision, resumenMetas, type FiltroMetas } from '../queries/metas.js';
import { areaScope } from '../../../auth/scope.js';
import { ACTIVIDADES_ORDEN, CLASIFICACION_NOMBRE, MESES, SEMAFORO_NOMBRE } from '../types.js';

/** UTP: POA goal progress (DESIGN.md §3 Avance, Semáforo, Classification; §6 /api/metas/*). */
export const metasRoutes = new Hono<Env>();

/** ejercicio, trimestre (defaults: this year, its last closed quarter), area (an `area` user: its own), corte. */
const metasQuery = z.object({
  ejercicio: opcional(ejercicio),
  trimestre: opcional(trimestre),
  area: opcional(area),
  corte: opcional(instante),
});
/** The activities list also narrows by programa and programa específico. */
const actividadesQuery = metasQuery.extend({ programa: opcional(texto(40)), programa_especifico: opcional(texto(40)), ...paginaShape(ACTIVIDADES_ORDEN) });

function filtro(c: Context<Env>, q: z.infer<typeof metasQuery>): FiltroMetas {
  return { ...periodoPorOmision(q), area: areaScope(c.get('user')!, q.area), corte: q.corte ?? null };
}

/** {verde, amarillo, rojo, rebasada, sin_meta, por_area: [...]} plus por_programa, late and missing reports. */
metasRoutes.get('/resumen', query(metasQuery), async (c) => c.json(await resumenMetas(c.get('ctx').wh, filtro(c, c.req.valid('query')))));

metasRoutes.get('/ejercicios', async (c) => c.json(await ejerciciosMetas(c.get('ctx').wh)));

/** Activities with programado, realizado, avance_pct, semaforo, clasificacion and the monthly series. */
metasRoutes.get('/actividades', query(actividadesQuery), async (c) => {
  const q = c.req.valid('query');
  let rows = await listaActividades(c.get('ctx').wh, filtro(c, q));
  if (q.programa) rows = rows.filter((r) => r.programa === q.programa);
  if (q.programa_especifico) rows = rows.filter((r) => r.programa_especifico === q.programa_especifico);
  // A page (limite, desde_fila, orden, dir) with the total in X-Total-Count; without limite, every row.
  const p = paginaDe(q);
  return respuestaPagina(c, paginar(rows, p), p);
});

/** The same activities as an Excel workbook. */
metasRoutes.get('/actividades.xlsx', query(metasQuery), async (c) => {
  const f = filtro(c, c.req.valid('query'));
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
});
