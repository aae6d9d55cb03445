import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Env } from '../../../api/context.js';
import { area, ejercicio, instante, opcional, texto, trimestre } from '../../../api/input/schemas.js';
import { paginaDe, paginaShape, paginar, respuestaPagina } from '../../../api/input/pagina.js';
import { query } from '../../../api/input/validate.js';
import { ejerciciosMetas, listaActividades, periodoPorOmision, resumenMetas, type FiltroMetas } from '../queries/metas.js';
import { areaScope } from '../../../auth/scope.js';
import { actividadesXlsx } from '../xlsx.js';
import { ACTIVIDADES_ORDEN, CLASIFICACION_NOMBRE, MESES, SEMAFORO_NOMBRE } from '../types.js';

/** UTP: POA goal progress (DESIGN.md §3 Avance, Semáforo, Classification; §6 /api/metas/*). */
export const metasRoutes = new Hono<Env>();

/**
 * ejercicio, trimestre (defaults: this year, its last closed quarter), area (an `area` user: its own), corte. An
 * ejercicio asked for by name without POA activities is a 404; the default one answers empty until UTP loads it.
 */
const metasQuery = z.object({
  ejercicio: opcional(ejercicio),
  trimestre: opcional(trimestre),
  area: opcional(area),
  corte: opcional(instante),
});
/** The activities list also narrows by programa and programa específico. */
const actividadesQuery = metasQuery.extend({ programa: opcional(texto(40)), programa_especifico: opcional(texto(40)), ...paginaShape(ACTIVIDADES_ORDEN) });

function filtro(c: Context<Env>, q: z.infer<typeof metasQuery>): FiltroMetas {
  return { ...periodoPorOmision(q), area: areaScope(c.get('user')!, q.area), corte: q.corte ?? null, porOmision: q.ejercicio === undefined };
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
  const { contenido, nombre } = await actividadesXlsx(c.get('ctx').wh, filtro(c, c.req.valid('query')));
  return c.body(new Uint8Array(contenido), 200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="${nombre}"`,
  });
});
