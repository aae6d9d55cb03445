/**
 * Incident figures (DESIGN.md §3 Incidents) over core.tickets. Every query is one set-based DuckDB statement with
 * named parameters; the range is [desde 00:00, hasta+1 00:00) in America/Mexico_City (the session time zone).
 */
import type { Warehouse } from '../../db/warehouse.js';
import { readSetting } from '../../core/settings.js';
import type { Pagina } from '../../api/input/pagina.js';
import { slaHoras } from './settings.js';
import { BACKLOG_SQL, BASE, DESGLOSE_SQL, EDAD_CASE, REABIERTOS_SQL, RESUMEN_CUANTILES_SQL, RESUMEN_PRIORIDAD_SQL, SEMANAL_SQL, TOTALES_SQL, US_HORA } from './sql.js';
import {
  DIMENSIONES, TICKETS_ORDEN, type BacklogEdad, type Conjunto, type Dimension, type Edad, type EstadoTicket, type Figuras, type FilaDesglose,
  type OpcionesIncidentes, type ResumenIncidentes, type SemanaIncidentes, type TicketFila,
} from './types.js';

export interface Filtros {
  desde: string;
  hasta: string;
  prioridad?: number | null;
  categoria?: string | null;
  servicio?: string | null;
  area?: string | null;
  clave_odes?: string | null;
}

export const params = (f: Filtros, sla: Record<string, number>): Record<string, string | number | null> => ({
  desde: f.desde,
  hasta: f.hasta,
  prioridad: f.prioridad ?? null,
  categoria: f.categoria ?? null,
  servicio: f.servicio ?? null,
  area: f.area ?? null,
  clave_odes: f.clave_odes ?? null,
  ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((p) => [`sla${p}`, sla[String(p)] ?? slaHoras.predeterminado[String(p)]!])),
});

/** The parameters of a statement for these filters, with the SLA hours in force. */
const paramsOf = async (wh: Warehouse, f: Filtros): Promise<Record<string, string | number | null>> => params(f, await readSetting(wh, slaHoras));

export interface FiltrosLista extends Filtros {
  conjunto?: Conjunto;
  /** ISO Monday: only tickets opened (or solved, with conjunto=resueltos) in that week. */
  semana?: string | null;
  edad?: Edad | null;
  limite?: number;
}

/** Which rows of t a list shows: the set, the week clicked on the chart, the age bucket. */
const TICKETS_WHERE = `
  WHERE CASE $conjunto WHEN 'abiertos' THEN abierto_en WHEN 'resueltos' THEN resuelto_en WHEN 'backlog' THEN en_backlog
                       ELSE abierto_en OR resuelto_en OR en_backlog END
    AND ($semana::DATE IS NULL OR date_trunc('week', CASE WHEN $conjunto = 'resueltos' THEN t.dia_solucion ELSE t.dia_apertura END)::DATE = $semana::DATE)
    AND ($edad::VARCHAR IS NULL OR (en_backlog AND ${EDAD_CASE} = $edad))`;

/** The rows behind the figures (sorted and cut by the caller). */
const TICKETS_FILAS = `${BASE}
  SELECT t.id, k.titulo, k.tipo, k.categoria, k.servicio, k.prioridad, k.estado, k.area_solicitante, k.clave_odes, k.tecnico,
         k.fecha_apertura, k.fecha_asignacion, k.fecha_solucion, make_timestamptz(limite) AS fecha_limite,
         round(us_asignacion / ${US_HORA}, 2) AS horas_asignacion, round(us_solucion / ${US_HORA}, 2) AS horas_solucion,
         CASE WHEN t.solucion IS NULL OR limite IS NULL THEN NULL ELSE t.solucion <= limite END AS sla_cumplido,
         ${EDAD_CASE} AS edad
  FROM t JOIN core.tickets k ON k.id = t.id
  ${TICKETS_WHERE}`;

const TICKETS_TOTAL = `${BASE} SELECT count(*)::INTEGER AS n FROM t ${TICKETS_WHERE}`;

/** Newest first unless the caller sorts by a column (ties: newest id first). */
const ordenTickets = (p?: Pagina): string =>
  p?.orden ? `"${p.orden}" ${p.dir === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, id DESC` : 'fecha_apertura DESC, id DESC';

export const TICKETS_SQL = (limit: number, offset = 0, p?: Pagina): string =>
  `SELECT * FROM (${TICKETS_FILAS}) ORDER BY ${ordenTickets(p)} LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`;

export { BACKLOG_SQL, DESGLOSE_SQL, RESUMEN_CUANTILES_SQL, RESUMEN_PRIORIDAD_SQL, SEMANAL_SQL };

const FRESHNESS_SQL = `SELECT max(_cargado_en) AS actualizado FROM core.tickets`;

/** Only the parameters a statement names (DuckDB refuses values for parameters it does not have). */
const usados = (sql: string, p: Record<string, string | number | null>): Record<string, string | number | null> =>
  Object.fromEntries(Object.entries(p).filter(([k]) => new RegExp(`\\$${k}\\b`).test(sql)));

type Cuantiles = Pick<Figuras, 'mttr_horas_mediana' | 'mttr_horas_p90' | 'tiempo_asignacion_horas_mediana' | 'tiempo_asignacion_horas_p90'>;
type FilaPrioridad = { total: boolean; prioridad: number | null } & Figuras;

/**
 * The totals and the figures by priority: the counts of all come with the priorities' (their sums), the quantiles
 * of all from their own statement on another connection.
 */
async function totalesYPrioridades(wh: Warehouse, p: Record<string, string | number | null>): Promise<{ total: Figuras; por: Array<{ prioridad: number | null } & Figuras> }> {
  const [filas, cu] = await Promise.all([
    wh.all<FilaPrioridad>(RESUMEN_PRIORIDAD_SQL, usados(RESUMEN_PRIORIDAD_SQL, p)),
    wh.one<Cuantiles>(RESUMEN_CUANTILES_SQL, usados(RESUMEN_CUANTILES_SQL, p)),
  ]);
  const sinMarca = ({ total: _t, ...f }: FilaPrioridad): { prioridad: number | null } & Figuras => f;
  const { prioridad: _p, ...cuentas } = sinMarca(filas.find((f) => f.total)!);
  return { total: { ...cuentas, ...cu! }, por: filas.filter((f) => !f.total).map(sinMarca) };
}

export async function resumen(wh: Warehouse, f: Filtros): Promise<ResumenIncidentes> {
  const sla = await readSetting(wh, slaHoras);
  const p = params(f, sla);
  const [{ total, por }, re, fr] = await Promise.all([
    totalesYPrioridades(wh, p),
    wh.one<{ reabiertos: number }>(REABIERTOS_SQL, usados(REABIERTOS_SQL, p)),
    wh.one<{ actualizado: string | null }>(FRESHNESS_SQL),
  ]);
  return {
    desde: f.desde,
    hasta: f.hasta,
    ...total,
    reabiertos: re?.reabiertos ?? 0,
    por_prioridad: por,
    sla_horas: sla,
    actualizado: fr?.actualizado ?? null,
  };
}

/** Figures of a period without tickets. */
export const SIN_TICKETS: Figuras = {
  abiertos: 0, resueltos: 0, backlog: 0, mttr_horas_mediana: null, mttr_horas_p90: null, tiempo_asignacion_horas_mediana: null,
  tiempo_asignacion_horas_p90: null, sla_cumplido_pct: null, sin_sla: 0,
};

/** Only the period's totals (no priorities, reopenings or freshness) under the SLA hours given: the Resumen card's measure. */
export async function totales(wh: Warehouse, f: Filtros, sla: Record<string, number>): Promise<Figuras> {
  return (await wh.one<Figuras>(TOTALES_SQL, usados(TOTALES_SQL, params(f, sla)))) ?? SIN_TICKETS;
}

export async function desglose(wh: Warehouse, f: Filtros, dim: Dimension): Promise<FilaDesglose[]> {
  if (!(DIMENSIONES as readonly string[]).includes(dim)) throw new Error(`dimensión desconocida: ${dim}`);
  const sql = DESGLOSE_SQL(dim);
  return wh.all(sql, usados(sql, await paramsOf(wh, f)));
}

export async function semanal(wh: Warehouse, f: Filtros): Promise<SemanaIncidentes[]> {
  return wh.all(SEMANAL_SQL, usados(SEMANAL_SQL, params(f, {})));
}

export async function backlogPorEdad(wh: Warehouse, f: Filtros): Promise<BacklogEdad[]> {
  return wh.all(BACKLOG_SQL, usados(BACKLOG_SQL, params(f, {})));
}

export const LISTA_MAX = 5000;

async function paramsLista(wh: Warehouse, f: FiltrosLista): Promise<Record<string, string | number | null>> {
  return { ...await paramsOf(wh, f), conjunto: f.conjunto ?? 'todos', semana: f.semana ?? null, edad: f.edad ?? null };
}

export async function listaTickets(wh: Warehouse, f: FiltrosLista): Promise<TicketFila[]> {
  const limit = Math.min(Math.max(1, f.limite ?? LISTA_MAX), LISTA_MAX);
  return wh.all<TicketFila>(TICKETS_SQL(limit), await paramsLista(wh, f));
}

/**
 * One page of the tickets (`p.orden` is one of TICKETS_ORDEN, checked by the route) and how many there are in all;
 * without `p.limite`, the first LISTA_MAX rows.
 */
export async function paginaTickets(wh: Warehouse, f: FiltrosLista, p: Pagina): Promise<{ filas: TicketFila[]; total: number }> {
  if (p.orden && !(TICKETS_ORDEN as readonly string[]).includes(p.orden)) throw new Error(`columna desconocida: ${p.orden}`);
  const params = await paramsLista(wh, f);
  const [filas, total] = await Promise.all([
    wh.all<TicketFila>(TICKETS_SQL(Math.min(p.limite ?? LISTA_MAX, LISTA_MAX), p.desde_fila, p), params),
    wh.one<{ n: number }>(TICKETS_TOTAL, params),
  ]);
  return { filas, total: total?.n ?? 0 };
}

/** Ticket state history (for one ticket's detail). */
export async function historial(wh: Warehouse, id: number): Promise<EstadoTicket[]> {
  return wh.all('SELECT estado, fecha, observado_en FROM core.tickets_estados WHERE id = $id ORDER BY orden', { id });
}

/** Distinct values for the filter selects. */
export async function opciones(wh: Warehouse): Promise<OpcionesIncidentes> {
  const rows = await wh.all<{ dim: string; valor: string }>(
    `SELECT 'categoria' AS dim, categoria AS valor FROM core.tickets WHERE categoria IS NOT NULL GROUP BY ALL
     UNION ALL SELECT 'servicio', servicio FROM core.tickets WHERE servicio IS NOT NULL GROUP BY ALL
     UNION ALL SELECT 'area', area_solicitante FROM core.tickets WHERE area_solicitante IS NOT NULL GROUP BY ALL
     UNION ALL SELECT 'clave_odes', clave_odes FROM core.tickets WHERE clave_odes IS NOT NULL GROUP BY ALL
     ORDER BY 1, 2`,
  );
  const out: OpcionesIncidentes = { categoria: [], servicio: [], area: [], clave_odes: [] };
  for (const r of rows) out[r.dim as keyof typeof out].push(r.valor);
  return out;
}
