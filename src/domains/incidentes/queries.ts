/**
 * Incident figures (DESIGN.md §3 Incidents) over core.tickets. Every query is one set-based DuckDB statement with
 * named parameters; the range is [desde 00:00, hasta+1 00:00) in America/Mexico_City (the session time zone).
 */
import type { Warehouse } from '../../db/warehouse.js';
import { readSetting } from '../../core/settings.js';
import { slaHoras } from './settings.js';
import {
  DIMENSIONES, EDADES, SIN_DATO, type BacklogEdad, type Conjunto, type Dimension, type Edad, type EstadoTicket, type Figuras, type FilaDesglose,
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

/**
 * Tickets under the filters, with the range bounds and the derived durations:
 * d0/d1 = range bounds; limite = fecha_limite_solucion or apertura + configured hours of its priority;
 * horas_solucion / horas_asignacion in hours.
 */
const BASE = `
  WITH b AS (SELECT $desde::DATE::TIMESTAMPTZ AS d0, ($hasta::DATE + 1)::TIMESTAMPTZ AS d1),
  t AS (
    SELECT k.*, b.d0, b.d1,
      COALESCE(k.fecha_limite_solucion,
               k.fecha_apertura + to_milliseconds((CASE k.prioridad WHEN 1 THEN $sla1 WHEN 2 THEN $sla2 WHEN 3 THEN $sla3
                 WHEN 4 THEN $sla4 WHEN 5 THEN $sla5 WHEN 6 THEN $sla6 END::DOUBLE * 3600000)::BIGINT)) AS limite,
      epoch(k.fecha_solucion - k.fecha_apertura) / 3600.0 AS horas_solucion,
      epoch(k.fecha_asignacion - k.fecha_apertura) / 3600.0 AS horas_asignacion,
      k.fecha_apertura >= b.d0 AND k.fecha_apertura < b.d1 AS abierto_en,
      k.fecha_solucion >= b.d0 AND k.fecha_solucion < b.d1 AS resuelto_en,
      k.fecha_apertura < b.d1 AND COALESCE(k.fecha_solucion, k.fecha_cierre, 'infinity'::TIMESTAMPTZ) >= b.d1 AS en_backlog
    FROM core.tickets k, b
    WHERE ($prioridad::INTEGER IS NULL OR k.prioridad = $prioridad)
      AND ($categoria::VARCHAR IS NULL OR COALESCE(k.categoria, '${SIN_DATO}') = $categoria)
      AND ($servicio::VARCHAR IS NULL OR COALESCE(k.servicio, '${SIN_DATO}') = $servicio)
      AND ($area::VARCHAR IS NULL OR COALESCE(k.area_solicitante, '${SIN_DATO}') = $area)
      AND ($clave_odes::VARCHAR IS NULL OR COALESCE(k.clave_odes, '${SIN_DATO}') = $clave_odes)
  )`;

/** The figures of §3 over the rows of t (grouped or not). */
const FIGURES = `
  count(*) FILTER (WHERE abierto_en)::INTEGER AS abiertos,
  count(*) FILTER (WHERE resuelto_en)::INTEGER AS resueltos,
  count(*) FILTER (WHERE en_backlog)::INTEGER AS backlog,
  round(quantile_cont(horas_solucion, 0.5) FILTER (WHERE resuelto_en), 2) AS mttr_horas_mediana,
  round(quantile_cont(horas_solucion, 0.9) FILTER (WHERE resuelto_en), 2) AS mttr_horas_p90,
  round(quantile_cont(horas_asignacion, 0.5) FILTER (WHERE abierto_en AND fecha_asignacion IS NOT NULL), 2) AS tiempo_asignacion_horas_mediana,
  round(quantile_cont(horas_asignacion, 0.9) FILTER (WHERE abierto_en AND fecha_asignacion IS NOT NULL), 2) AS tiempo_asignacion_horas_p90,
  round(100.0 * count(*) FILTER (WHERE resuelto_en AND fecha_solucion <= limite)
        / NULLIF(count(*) FILTER (WHERE resuelto_en), 0), 2) AS sla_cumplido_pct`;

/** The totals (total = true) and the figures by priority, from one scan (grouping sets). */
export const RESUMEN_SQL = `${BASE}
  SELECT GROUPING(prioridad) = 1 AS total, prioridad, ${FIGURES}
  FROM t GROUP BY GROUPING SETS ((), (prioridad)) ORDER BY total DESC, prioridad DESC NULLS LAST`;

/** Tickets solved before and seen open again afterwards, with the reopening observed in the range. */
export const REABIERTOS_SQL = `${BASE}
  SELECT count(DISTINCT h.id)::INTEGER AS reabiertos
  FROM core.tickets_estados h
  JOIN t ON t.id = h.id
  WHERE h.estado NOT IN ('resuelto', 'cerrado') AND h.observado_en >= t.d0 AND h.observado_en < t.d1
    AND EXISTS (SELECT 1 FROM core.tickets_estados p WHERE p.id = h.id AND p.orden < h.orden AND p.estado IN ('resuelto', 'cerrado'))`;

export const DESGLOSE_SQL = (dim: Dimension): string => `${BASE}
  SELECT ${dim === 'prioridad' ? 'prioridad::VARCHAR' : `COALESCE(${dim}, '${SIN_DATO}')`} AS valor, ${FIGURES}
  FROM t GROUP BY 1 HAVING count(*) FILTER (WHERE abierto_en OR resuelto_en OR en_backlog) > 0
  ORDER BY abiertos DESC, valor`;

/** Opened and solved per ISO week (Monday, Mexico City) over the range, weeks without tickets included. */
export const SEMANAL_SQL = `${BASE},
  w AS (SELECT unnest(range(date_trunc('week', $desde::DATE), $hasta::DATE + 1, INTERVAL 7 DAY))::DATE AS semana),
  a AS (SELECT date_trunc('week', fecha_apertura)::DATE AS semana, count(*) AS n FROM t WHERE abierto_en GROUP BY 1),
  s AS (SELECT date_trunc('week', fecha_solucion)::DATE AS semana, count(*) AS n FROM t WHERE resuelto_en GROUP BY 1)
  SELECT strftime(w.semana, '%Y-%m-%d') AS semana, COALESCE(a.n, 0)::INTEGER AS abiertos, COALESCE(s.n, 0)::INTEGER AS resueltos
  FROM w LEFT JOIN a USING (semana) LEFT JOIN s USING (semana) ORDER BY w.semana`;

const EDAD_HORAS = `epoch(least(t.d1, now()) - t.fecha_apertura) / 3600.0`;
const EDAD_CASE = `CASE ${EDADES.map((e) => `WHEN ${EDAD_HORAS} < ${e.hasta ?? 1e12} THEN '${e.clave}'`).join(' ')} END`;

export const BACKLOG_SQL = `${BASE},
  e AS (SELECT * FROM (VALUES ${EDADES.map((e, i) => `(${i}, '${e.clave}', '${e.rango}')`).join(', ')}) v(orden, clave, rango)),
  c AS (SELECT ${EDAD_CASE} AS clave, count(*) AS n,
               count(*) FILTER (WHERE prioridad >= 5) AS n_alta
        FROM t WHERE en_backlog GROUP BY 1)
  SELECT e.clave, e.rango, COALESCE(c.n, 0)::INTEGER AS tickets, COALESCE(c.n_alta, 0)::INTEGER AS prioridad_alta
  FROM e LEFT JOIN c USING (clave) ORDER BY e.orden`;

export interface FiltrosLista extends Filtros {
  conjunto?: Conjunto;
  /** ISO Monday: only tickets opened (or solved, with conjunto=resueltos) in that week. */
  semana?: string | null;
  edad?: Edad | null;
  limite?: number;
}

export const TICKETS_SQL = (limit: number): string => `${BASE}
  SELECT id, titulo, tipo, categoria, servicio, prioridad, estado, area_solicitante, clave_odes, tecnico,
         fecha_apertura, fecha_asignacion, fecha_solucion, limite AS fecha_limite,
         round(horas_asignacion, 2) AS horas_asignacion, round(horas_solucion, 2) AS horas_solucion,
         CASE WHEN fecha_solucion IS NULL THEN NULL ELSE fecha_solucion <= limite END AS sla_cumplido,
         ${EDAD_CASE} AS edad
  FROM t
  WHERE CASE $conjunto WHEN 'abiertos' THEN abierto_en WHEN 'resueltos' THEN resuelto_en WHEN 'backlog' THEN en_backlog
                       ELSE abierto_en OR resuelto_en OR en_backlog END
    AND ($semana::DATE IS NULL OR date_trunc('week', CASE WHEN $conjunto = 'resueltos' THEN fecha_solucion ELSE fecha_apertura END)::DATE = $semana::DATE)
    AND ($edad::VARCHAR IS NULL OR (en_backlog AND ${EDAD_CASE} = $edad))
  ORDER BY fecha_apertura DESC, id DESC
  LIMIT ${limit}`;

const FRESHNESS_SQL = `SELECT max(_cargado_en) AS actualizado FROM core.tickets`;

export async function resumen(wh: Warehouse, f: Filtros): Promise<ResumenIncidentes> {
  const sla = await readSetting(wh, slaHoras);
  const p = params(f, sla);
  const [rows, re, fr] = await Promise.all([
    wh.all<{ total: boolean; prioridad: number | null } & Figuras>(RESUMEN_SQL, p),
    wh.one<{ reabiertos: number }>(REABIERTOS_SQL, p),
    wh.one<{ actualizado: string | null }>(FRESHNESS_SQL),
  ]);
  const { total: _t, prioridad: _p, ...tot } = rows.find((r) => r.total)!;
  const por = rows.filter((r) => !r.total).map(({ total: _x, ...r }) => r);
  return {
    desde: f.desde,
    hasta: f.hasta,
    ...tot,
    reabiertos: re?.reabiertos ?? 0,
    por_prioridad: por,
    sla_horas: sla,
    actualizado: fr?.actualizado ?? null,
  };
}

export async function desglose(wh: Warehouse, f: Filtros, dim: Dimension): Promise<FilaDesglose[]> {
  if (!(DIMENSIONES as readonly string[]).includes(dim)) throw new Error(`dimensión desconocida: ${dim}`);
  return wh.all(DESGLOSE_SQL(dim), await paramsOf(wh, f));
}

export async function semanal(wh: Warehouse, f: Filtros): Promise<SemanaIncidentes[]> {
  return wh.all(SEMANAL_SQL, await paramsOf(wh, f));
}

export async function backlogPorEdad(wh: Warehouse, f: Filtros): Promise<BacklogEdad[]> {
  return wh.all(BACKLOG_SQL, await paramsOf(wh, f));
}

export const LISTA_MAX = 5000;

export async function listaTickets(wh: Warehouse, f: FiltrosLista): Promise<TicketFila[]> {
  const limit = Math.min(Math.max(1, f.limite ?? LISTA_MAX), LISTA_MAX);
  return wh.all<TicketFila>(TICKETS_SQL(limit), {
    ...await paramsOf(wh, f),
    conjunto: f.conjunto ?? 'todos',
    semana: f.semana ?? null,
    edad: f.edad ?? null,
  });
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
