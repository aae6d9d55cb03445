/**
 * The calendario integral's figures (DESIGN.md §3 "Calendario integral"), as of any date `hasta` (default today in
 * Mexico City). Every figure starts from queries/estado.sql, the one place the states are defined.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayMx } from '../../core/time.js';
import type { Warehouse } from '../../db/warehouse.js';
import {
  DIAS_PROXIMAS,
  type ActividadCalendario,
  type ActividadPorVencer,
  type CambioCalendario,
  type ConteoEstados,
  type FiltroActividades,
  type FiltroCalendario,
  type HistorialActividad,
  type ProcesoCalendario,
  type ResumenArea,
  type ResumenCalendario,
} from './types.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Activities of $proceso (and $area, '' = all) with their state as of $hasta. */
export const ESTADO_SQL = fs.readFileSync(path.join(HERE, 'queries', 'estado.sql'), 'utf8');

const ymd = (c: string): string => `strftime(${c}, '%Y-%m-%d') AS ${c}`;

/** The columns of an activity row, over ESTADO_SQL. */
const FILA = `id_actividad, actividad, area, subproceso, ${ymd('fecha_inicio')}, ${ymd('fecha_fin')}, ${ymd('fecha_inicio_real')},
  ${ymd('fecha_fin_real')}, estatus, estado, cambios, ${ymd('fecha_inicio_original')}, ${ymd('fecha_fin_original')}, depende_de, dias_atraso`;

/** The calendar's own numbering (1.2.14) in numeric order, part by part. */
const ORDEN_ID = `list_transform(string_split(id_actividad, '.'), x -> lpad(x, 12, '0')), id_actividad`;

/** Names of processes the catalogue lacks, read from their code (PELO_2027_2028 → Proceso Electoral Local Ordinario 2027-2028). */
const NOMBRE_POR_CLAVE = `regexp_replace(regexp_replace(a.proceso,
  '^PELO_(\\d{4})_(\\d{4})$', 'Proceso Electoral Local Ordinario \\1-\\2'), '^PELE_(\\d{4})(_(\\d{4}))?$', 'Proceso Electoral Local Extraordinario \\1')`;

export const PROCESOS_SQL = `
SELECT a.proceso, coalesce(p.nombre, ${NOMBRE_POR_CLAVE}) AS nombre, count(*)::INTEGER AS actividades,
       strftime(min(a.fecha_inicio), '%Y-%m-%d') AS inicio, strftime(max(a.fecha_fin), '%Y-%m-%d') AS fin
FROM core.calendario_actividades a LEFT JOIN core.procesos p ON p.proceso = a.proceso
GROUP BY a.proceso, p.nombre
ORDER BY min(a.fecha_inicio) DESC, a.proceso DESC`;

/** Counts by state and cumplimiento over rows with `estado` and `estatus` (one process, or one group of it). */
export const CONTEOS = `
  count(*) FILTER (WHERE estado = 'por_iniciar')::INTEGER AS por_iniciar,
  count(*) FILTER (WHERE estado = 'en_ejecucion')::INTEGER AS en_ejecucion,
  count(*) FILTER (WHERE estado = 'fuera_de_plazo')::INTEGER AS fuera_de_plazo,
  count(*) FILTER (WHERE estado = 'concluida')::INTEGER AS concluida,
  count(*) FILTER (WHERE estado = 'concluida_fuera_de_plazo')::INTEGER AS concluida_fuera_de_plazo,
  100.0 * count(*) FILTER (WHERE estado = 'concluida')
    / nullif(count(*) FILTER (WHERE estado IN ('concluida', 'concluida_fuera_de_plazo', 'fuera_de_plazo')), 0) AS cumplimiento_pct,
  count(*) FILTER (WHERE estatus = 'cancelada')::INTEGER AS canceladas`;

/** Counts by area; the process's total is the sum of the areas (an activity has one area). */
export const RESUMEN_SQL = `WITH a AS (${ESTADO_SQL}) SELECT area, ${CONTEOS} FROM a GROUP BY area ORDER BY area`;

export const TOTAL_SQL = `WITH a AS (${ESTADO_SQL}) SELECT ${CONTEOS} FROM a`;

export const ACTIVIDADES_SQL = `WITH a AS (${ESTADO_SQL})
SELECT ${FILA} FROM a WHERE $estado = '' OR estado = $estado ORDER BY ${ORDEN_ID}`;

/** Late: not concluded and past their last programmed day; the longest overdue first. */
export const ATRASADAS_SQL = `WITH a AS (${ESTADO_SQL})
SELECT ${FILA} FROM a WHERE estado = 'fuera_de_plazo' ORDER BY a.fecha_fin, ${ORDEN_ID}`;

/** Due in the next $dias days: not concluded, fecha_fin from $hasta to $hasta + $dias; the soonest first. */
export const POR_VENCER_SQL = `WITH a AS (${ESTADO_SQL})
SELECT ${FILA}, (a.fecha_fin - $hasta::DATE)::INTEGER AS dias_restantes
FROM a WHERE estado IN ('en_ejecucion', 'por_iniciar') AND a.fecha_fin <= $hasta::DATE + $dias::INTEGER
ORDER BY a.fecha_fin, ${ORDEN_ID}`;

export const CAMBIOS_SQL = `
SELECT acuerdo, strftime(fecha_acuerdo, '%Y-%m-%d') AS fecha_acuerdo, ${ymd('fecha_inicio_anterior')}, ${ymd('fecha_fin_anterior')},
       ${ymd('fecha_inicio_nueva')}, ${ymd('fecha_fin_nueva')}, motivo
FROM core.calendario_cambios WHERE proceso = $proceso AND id_actividad = $id_actividad
ORDER BY fecha_acuerdo, acuerdo`;

const ACTUALIZADO_SQL = 'SELECT max(_cargado_en) AS actualizado FROM core.calendario_actividades WHERE proceso = $proceso';

const EXISTE_SQL = 'SELECT EXISTS (SELECT 1 FROM core.calendario_actividades WHERE proceso = $proceso) AS existe';

function params(f: FiltroCalendario): { proceso: string; hasta: string; area: string } {
  return { proceso: f.proceso, hasta: f.hasta ?? todayMx(), area: f.area ?? '' };
}

/** Processes with a calendar loaded, the latest first. */
export async function procesos(wh: Warehouse): Promise<ProcesoCalendario[]> {
  return wh.all<ProcesoCalendario>(PROCESOS_SQL);
}

/** Whether `proceso` has a calendar loaded. */
export async function existeProceso(wh: Warehouse, proceso: string): Promise<boolean> {
  return (await wh.one<{ existe: boolean }>(EXISTE_SQL, { proceso }))?.existe ?? false;
}

const CERO: ConteoEstados = {
  por_iniciar: 0, en_ejecucion: 0, fuera_de_plazo: 0, concluida: 0, concluida_fuera_de_plazo: 0, cumplimiento_pct: null, canceladas: 0,
};

/** Counts by state and cumplimiento as of `hasta`, of the process and of each area; null for a process without a calendar. */
export async function resumen(wh: Warehouse, f: FiltroCalendario): Promise<ResumenCalendario | null> {
  if (!(await existeProceso(wh, f.proceso))) return null;
  const p = params(f);
  const [total, por_area, fr] = await Promise.all([
    wh.one<ConteoEstados>(TOTAL_SQL, p), wh.all<ResumenArea>(RESUMEN_SQL, p), wh.one<{ actualizado: string | null }>(ACTUALIZADO_SQL, { proceso: p.proceso }),
  ]);
  return { proceso: p.proceso, hasta: p.hasta, area: f.area ?? null, actualizado: fr?.actualizado ?? null, ...CERO, ...total, por_area };
}

/** Only the process's counts by state as of `hasta` (the Resumen card's measure; the caller knows the process exists). */
export async function conteo(wh: Warehouse, f: FiltroCalendario): Promise<ConteoEstados> {
  return { ...CERO, ...(await wh.one<ConteoEstados>(TOTAL_SQL, params(f))) };
}

/** The activities as of `hasta`, in the calendar's order; only those in `estado` when given. */
export async function actividades(wh: Warehouse, f: FiltroActividades): Promise<ActividadCalendario[]> {
  return wh.all<ActividadCalendario>(ACTIVIDADES_SQL, { ...params(f), estado: f.estado ?? '' });
}

/** Activities fuera de plazo as of `hasta`, the longest overdue first. */
export async function atrasadas(wh: Warehouse, f: FiltroCalendario): Promise<ActividadCalendario[]> {
  return wh.all<ActividadCalendario>(ATRASADAS_SQL, params(f));
}

/** Activities not concluded whose fecha_fin falls within `dias` days of `hasta` (both ends included), soonest first. */
export async function porVencer(wh: Warehouse, f: FiltroCalendario & { dias?: number }): Promise<ActividadPorVencer[]> {
  return wh.all<ActividadPorVencer>(POR_VENCER_SQL, { ...params(f), dias: f.dias ?? DIAS_PROXIMAS });
}

/** An activity's original and current programmed dates and each approved change; null when it is not loaded. */
export async function historial(wh: Warehouse, proceso: string, id_actividad: string): Promise<HistorialActividad | null> {
  const sql = `WITH a AS (${ESTADO_SQL}) SELECT ${FILA} FROM a WHERE id_actividad = $id_actividad`;
  const [a, cambios] = await Promise.all([
    wh.one<ActividadCalendario>(sql, { proceso, hasta: todayMx(), area: '', id_actividad }),
    wh.all<CambioCalendario>(CAMBIOS_SQL, { proceso, id_actividad }),
  ]);
  if (!a) return null;
  return {
    proceso, id_actividad, actividad: a.actividad, area: a.area, subproceso: a.subproceso, estatus: a.estatus,
    original: { fecha_inicio: a.fecha_inicio_original, fecha_fin: a.fecha_fin_original },
    actual: { fecha_inicio: a.fecha_inicio, fecha_fin: a.fecha_fin },
    cambios,
  };
}
