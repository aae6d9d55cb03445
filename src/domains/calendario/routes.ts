import { Hono, type Context } from 'hono';
import { loadExcel } from '../../core/lazy-libs.js';
import { z } from 'zod';
import type { Env } from '../../api/context.js';
import { area, fecha, identificador, opcion, opcional, proceso } from '../../api/input/schemas.js';
import { params, query } from '../../api/input/validate.js';
import { areaScope } from '../../auth/scope.js';
import { HttpError } from '../../core/errors.js';
import { todayMx } from '../../core/time.js';
import { actividades, atrasadas, existeProceso, historial, porVencer, procesos, resumen } from './queries.js';
import { ESTADO_ACTIVIDAD_LABELS, ESTADOS_ACTIVIDAD, ESTATUS_ACTIVIDAD_LABELS, type FiltroCalendario } from './types.js';
import { fileNameSuffix } from '../../core/file-name.js';

/** UTP: the calendario integral of each electoral process (DESIGN.md §3 "Calendario integral", §6). */
export const calendarioRoutes = new Hono<Env>();

const filtroShape = { proceso: opcional(proceso), hasta: opcional(fecha), area: opcional(area) };
const filtroQuery = z.object(filtroShape);
const actividadesQuery = z.object({ ...filtroShape, estado: opcional(opcion(ESTADOS_ACTIVIDAD)) });

class SinCalendario extends HttpError {
  constructor(message: string) {
    super(404, message, { parametro: 'proceso' });
  }
}

/**
 * The filter of a request: the process asked for (default the latest with a calendar; 404 when it has none),
 * `hasta` (default today in Mexico City) and the area — an `area` user's own, whatever it sends.
 */
async function filtro(c: Context<Env>, q: z.infer<typeof filtroQuery>): Promise<Required<FiltroCalendario>> {
  const user = c.get('user')!;
  const areaVista = areaScope(user, user.rol === 'area' ? null : q.area);
  const wh = c.get('ctx').wh;
  let p = q.proceso;
  if (!p) {
    p = (await procesos(wh))[0]?.proceso;
    if (!p) throw new SinCalendario('No hay ningún calendario integral cargado.');
  } else if (!(await existeProceso(wh, p))) {
    throw new SinCalendario(`El proceso «${p}» no tiene calendario integral cargado.`);
  }
  return { proceso: p, hasta: q.hasta ?? todayMx(), area: areaVista };
}

/** [{proceso, nombre, actividades, inicio, fin}], the latest first. */
calendarioRoutes.get('/procesos', async (c) => c.json(await procesos(c.get('ctx').wh)));

/** {por_iniciar, en_ejecucion, fuera_de_plazo, concluida, concluida_fuera_de_plazo, cumplimiento_pct, canceladas, por_area}. */
calendarioRoutes.get('/resumen', query(filtroQuery), async (c) => {
  const f = await filtro(c, c.req.valid('query'));
  return c.json(await resumen(c.get('ctx').wh, { ...f, area: f.area || undefined }));
});

/** The activities with their state as of `hasta` (only those in `estado` when given). */
calendarioRoutes.get('/actividades', query(actividadesQuery), async (c) => {
  const q = c.req.valid('query');
  const f = await filtro(c, q);
  return c.json(await actividades(c.get('ctx').wh, { ...f, estado: q.estado }));
});

/** Late activities (fuera de plazo as of `hasta`), the longest overdue first. */
calendarioRoutes.get('/atrasadas', query(filtroQuery), async (c) => c.json(await atrasadas(c.get('ctx').wh, await filtro(c, c.req.valid('query')))));

/** Activities not concluded that are due within DIAS_PROXIMAS (15) days of `hasta`, soonest first. */
calendarioRoutes.get('/por_vencer', query(filtroQuery), async (c) => c.json(await porVencer(c.get('ctx').wh, await filtro(c, c.req.valid('query')))));

/** An activity's original and current programmed dates and each change with its acuerdo. */
calendarioRoutes.get('/actividades/:id/historial', params(z.object({ id: identificador })), query(z.object({ proceso: opcional(proceso) })), async (c) => {
  const f = await filtro(c, c.req.valid('query'));
  const id = c.req.valid('param').id;
  const h = await historial(c.get('ctx').wh, f.proceso, id);
  if (!h) throw new HttpError(404, `La actividad «${id}» no está en el calendario de ${f.proceso}.`, { parametro: 'id' });
  if (f.area && h.area !== f.area) throw new HttpError(403, `Solo puede consultar las actividades de su área (${f.area}).`);
  return c.json(h);
});

const fechaMx = (iso: string | null): string => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

/** The activities table as an Excel workbook (the same filters as /actividades). */
calendarioRoutes.get('/actividades.xlsx', query(actividadesQuery), async (c) => {
  const q = c.req.valid('query');
  const f = await filtro(c, q);
  const rows = await actividades(c.get('ctx').wh, { ...f, estado: q.estado });
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet('Calendario');
  ws.addRow([`Calendario integral ${f.proceso} al ${fechaMx(f.hasta)}${f.area ? ` — ${f.area}` : ''}${q.estado ? ` — ${ESTADO_ACTIVIDAD_LABELS[q.estado]}` : ''}`]);
  ws.addRow(['Id', 'Actividad', 'Área', 'Subproceso', 'Inicio programado', 'Fin programado', 'Inicio real', 'Fin real', 'Estado', 'Días de atraso',
    'Cambios', 'Inicio original', 'Fin original', 'Estatus']);
  for (const r of rows) {
    ws.addRow([r.id_actividad, r.actividad, r.area, r.subproceso, fechaMx(r.fecha_inicio), fechaMx(r.fecha_fin), fechaMx(r.fecha_inicio_real),
      fechaMx(r.fecha_fin_real), r.estado ? ESTADO_ACTIVIDAD_LABELS[r.estado] : 'Sin estado (cancelada)', r.dias_atraso, r.cambios,
      fechaMx(r.fecha_inicio_original), fechaMx(r.fecha_fin_original), ESTATUS_ACTIVIDAD_LABELS[r.estatus]]);
  }
  ws.getRow(2).font = { bold: true };
  return c.body(new Uint8Array(Buffer.from(await wb.xlsx.writeBuffer())), 200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="calendario${fileNameSuffix(f.proceso)}_${f.hasta}${fileNameSuffix(f.area)}.xlsx"`,
  });
});

