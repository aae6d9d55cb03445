import type { Warehouse } from '../../db/warehouse.js';
import { bind } from '../../db/sql.js';
import { readSetting } from '../../core/settings.js';
import type { Rango } from '../../core/time.js';
import { plazoOficialia } from './settings.js';
import type { Peticion, ResumenOficialia, ResumenPeticiones } from './types.js';

// ---------------------------------------------------------------------------------------------------------------
// Figures (DESIGN.md §3, Petitions)

export interface FiltroPeticiones extends Rango {
  /** A clave_odes (D05, M045) or OC. */
  organo?: string | null;
  /** oc | distrital | municipal */
  ambito?: string | null;
  tipo_peticionario?: string | null;
}

/**
 * Petitions received in [desde, hasta] with their attention instant: the acta's delivery, or the evaluation when
 * resolved improcedente or no presentada. Attended = attended by the end of `hasta`.
 * Parameters: $desde, $hasta (DATE), $organo, $ambito, $tipo (VARCHAR or NULL), $plazo (hours).
 */
const BASE = `
WITH p0 AS (
  SELECT *,
    CASE WHEN fecha_entrega_acta IS NOT NULL THEN fecha_entrega_acta
         WHEN estado IN ('improcedente', 'no_presentada') THEN fecha_evaluacion END AS atendida_en,
    CASE WHEN organo = 'OC' THEN 'oc' WHEN organo LIKE 'D%' THEN 'distrital' WHEN organo LIKE 'M%' THEN 'municipal' ELSE 'otro' END AS ambito
  FROM core.peticiones
  WHERE fecha_recepcion >= $desde::DATE::TIMESTAMPTZ AND fecha_recepcion < ($hasta::DATE + 1)::TIMESTAMPTZ
    AND ($organo::VARCHAR IS NULL OR organo = $organo)
    AND ($tipo::VARCHAR IS NULL OR tipo_peticionario = $tipo)
), p AS (
  SELECT *,
    atendida_en IS NOT NULL AND atendida_en < ($hasta::DATE + 1)::TIMESTAMPTZ AS atendida,
    CASE WHEN atendida_en < ($hasta::DATE + 1)::TIMESTAMPTZ THEN epoch(atendida_en - fecha_recepcion) / 3600.0 END AS horas_atencion,
    CASE WHEN fecha_evaluacion < ($hasta::DATE + 1)::TIMESTAMPTZ THEN epoch(fecha_evaluacion - fecha_recepcion) / 3600.0 END AS horas_evaluacion,
    CASE WHEN fecha_respuesta_prevencion < ($hasta::DATE + 1)::TIMESTAMPTZ THEN epoch(fecha_respuesta_prevencion - fecha_prevencion) / 3600.0 END AS horas_respuesta_prevencion,
    epoch(($hasta::DATE + 1)::TIMESTAMPTZ - fecha_recepcion) / 3600.0 AS horas_antiguedad
  FROM p0 WHERE $ambito::VARCHAR IS NULL OR ambito = $ambito
)`;

const AGG = `
  count(*)::INTEGER AS recibidas,
  count(*) FILTER (WHERE atendida)::INTEGER AS atendidas,
  count(*) FILTER (WHERE NOT atendida)::INTEGER AS backlog,
  quantile_cont(horas_atencion, 0.5) AS horas_atencion_mediana,
  quantile_cont(horas_atencion, 0.9) AS horas_atencion_p90,
  100.0 * count(*) FILTER (WHERE horas_atencion <= $plazo) / nullif(count(*) FILTER (WHERE atendida), 0) AS en_plazo_pct`;

export const SQL_RESUMEN = `${BASE}
SELECT ${AGG},
  quantile_cont(horas_evaluacion, 0.5) AS horas_evaluacion_mediana,
  quantile_cont(horas_evaluacion, 0.9) AS horas_evaluacion_p90,
  count(*) FILTER (WHERE fecha_prevencion IS NOT NULL AND fecha_prevencion < ($hasta::DATE + 1)::TIMESTAMPTZ)::INTEGER AS prevenciones,
  count(*) FILTER (WHERE horas_respuesta_prevencion IS NOT NULL)::INTEGER AS prevenciones_respondidas,
  quantile_cont(horas_respuesta_prevencion, 0.5) AS horas_respuesta_prevencion_mediana,
  count(*) FILTER (WHERE estado = 'no_presentada')::INTEGER AS no_presentadas,
  quantile_cont(horas_antiguedad, 0.5) FILTER (WHERE NOT atendida) AS backlog_horas_antiguedad_mediana
FROM p`;

export const SQL_POR_ORGANO = `${BASE}
SELECT organo, any_value(ambito) AS ambito, ${AGG} FROM p GROUP BY organo ORDER BY recibidas DESC, organo`;

export const SQL_POR_TIPO = `${BASE}
SELECT coalesce(tipo_peticionario, 'sin dato') AS tipo_peticionario, ${AGG} FROM p GROUP BY 1 ORDER BY recibidas DESC`;

/** Every week of the range (Monday starts), with zeros for weeks without petitions. */
export const SQL_SEMANAL = `${BASE}
, w AS (SELECT unnest(generate_series(date_trunc('week', $desde::DATE)::TIMESTAMP, date_trunc('week', $hasta::DATE)::TIMESTAMP, INTERVAL 7 DAY))::DATE AS semana)
SELECT strftime(w.semana, '%Y-%m-%d') AS semana,
  count(p.folio)::INTEGER AS recibidas,
  count(p.folio) FILTER (WHERE ambito = 'oc')::INTEGER AS oficinas_centrales,
  count(p.folio) FILTER (WHERE ambito = 'distrital')::INTEGER AS consejos_distritales,
  count(p.folio) FILTER (WHERE ambito = 'municipal')::INTEGER AS consejos_municipales,
  count(p.folio) FILTER (WHERE tipo_peticionario = 'PP')::INTEGER AS pp,
  count(p.folio) FILTER (WHERE tipo_peticionario = 'CI')::INTEGER AS ci,
  count(p.folio) FILTER (WHERE tipo_peticionario = 'OI')::INTEGER AS oi,
  100.0 * count(p.folio) FILTER (WHERE horas_atencion <= $plazo) / nullif(count(p.folio) FILTER (WHERE atendida), 0) AS en_plazo_pct
FROM w LEFT JOIN p ON date_trunc('week', p.fecha_recepcion)::DATE = w.semana
GROUP BY w.semana ORDER BY w.semana`;

/** Backlog (received and not attended by `hasta`) by age at the end of `hasta`. */
export const SQL_ANTIGUEDAD = `${BASE}
, r(orden, rango, lo, hi) AS (VALUES (1, 'hasta 3 días', 0, 72), (2, '3 a 7 días', 72, 168), (3, '7 a 30 días', 168, 720), (4, 'más de 30 días', 720, 1e9))
SELECT r.rango, count(p.folio)::INTEGER AS peticiones
FROM r LEFT JOIN p ON NOT p.atendida AND p.horas_antiguedad > r.lo AND p.horas_antiguedad <= r.hi
GROUP BY r.orden, r.rango ORDER BY r.orden`;

export const SQL_LISTA = `${BASE}
SELECT folio, fecha_recepcion, organo, ambito, tipo_peticionario, acto_a_certificar, estado, fecha_prevencion,
  fecha_respuesta_prevencion, fecha_evaluacion, fecha_diligencia, fecha_entrega_acta, num_acta,
  atendida, horas_atencion, CASE WHEN atendida THEN horas_atencion <= $plazo END AS en_plazo,
  CASE WHEN NOT atendida THEN horas_antiguedad END AS horas_pendiente
FROM p
WHERE ($estado::VARCHAR IS NULL OR estado = $estado) AND (NOT $pendientes OR NOT atendida)
ORDER BY fecha_recepcion DESC`;

function params(f: FiltroPeticiones, plazo: number): Record<string, string | number | null> {
  return {
    desde: f.desde, hasta: f.hasta, organo: f.organo || null, ambito: f.ambito || null, tipo: f.tipo_peticionario || null, plazo,
  };
}

/** The headline figures only (used by Resumen for each period). */
export async function resumenOficialiaBasico(wh: Warehouse, f: FiltroPeticiones, plazo?: number): Promise<ResumenPeticiones> {
  const plazo_horas = plazo ?? (await readSetting(wh, plazoOficialia)).plazo_horas;
  const r = (await wh.one<Omit<ResumenPeticiones, 'plazo_horas'>>(SQL_RESUMEN, bind(SQL_RESUMEN, params(f, plazo_horas))))!;
  return { ...r, plazo_horas };
}

export async function resumenOficialia(wh: Warehouse, f: FiltroPeticiones): Promise<ResumenOficialia> {
  const { plazo_horas } = await readSetting(wh, plazoOficialia);
  const p = params(f, plazo_horas);
  const [base, por_organo, por_tipo, semanal, antiguedad_backlog] = await Promise.all([
    resumenOficialiaBasico(wh, f, plazo_horas),
    wh.all<ResumenOficialia['por_organo'][number]>(SQL_POR_ORGANO, bind(SQL_POR_ORGANO, p)),
    wh.all<ResumenOficialia['por_tipo'][number]>(SQL_POR_TIPO, bind(SQL_POR_TIPO, p)),
    wh.all<ResumenOficialia['semanal'][number]>(SQL_SEMANAL, bind(SQL_SEMANAL, p)),
    wh.all<ResumenOficialia['antiguedad_backlog'][number]>(SQL_ANTIGUEDAD, bind(SQL_ANTIGUEDAD, p)),
  ]);
  const fr = await wh.one<{ actualizado: string | null }>('SELECT max(_cargado_en) AS actualizado FROM core.peticiones');
  return { desde: f.desde, hasta: f.hasta, ...base, por_organo, por_tipo, semanal, antiguedad_backlog, actualizado: fr?.actualizado ?? null };
}

export async function listaPeticiones(wh: Warehouse, f: FiltroPeticiones & { estado?: string | null; pendientes?: boolean }): Promise<Peticion[]> {
  const { plazo_horas } = await readSetting(wh, plazoOficialia);
  return wh.all<Peticion>(SQL_LISTA, bind(SQL_LISTA, { ...params(f, plazo_horas), estado: f.estado || null, pendientes: !!f.pendientes }));
}
