import type { Warehouse } from '../../db/warehouse.js';
import { bind } from '../../db/sql.js';
import { readSetting } from '../../core/settings.js';
import type { Rango } from '../../core/time.js';
import { anticipacionMinima } from './settings.js';
import { ANTICIPACION_INSUFICIENTE, SIN_CONVOCATORIA, type Acuerdo, type ResumenSesiones, type ResumenSesionesBasico, type Sesion, type SesionesConfig } from './types.js';

// ---------------------------------------------------------------------------------------------------------------
// Figures (DESIGN.md §3, Sessions)

export interface FiltroSesiones extends Rango {
  organo?: string | null;
  tipo?: string | null;
}

/**
 * Sessions that started in [desde, hasta] with their notice (hours from convocatoria to start), the minimum of
 * their type and whether they comply. A session of a type with a minimum but without fecha_convocatoria cannot
 * show its notice: it does not comply (motivo «sin fecha de convocatoria»). Types without a minimum (urgente,
 * permanente by default) have cumple NULL and are left out of anticipacion_cumplida_pct.
 * Parameters: $desde, $hasta, $organo, $tipo, $m_<tipo> (hours or NULL).
 */
const BASE = `
WITH s AS (
  SELECT *,
    epoch(fecha_inicio - fecha_convocatoria) / 3600.0 AS horas_anticipacion,
    CASE tipo WHEN 'ordinaria' THEN $m_ordinaria::DOUBLE WHEN 'extraordinaria' THEN $m_extraordinaria::DOUBLE
      WHEN 'solemne' THEN $m_solemne::DOUBLE WHEN 'urgente' THEN $m_urgente::DOUBLE WHEN 'permanente' THEN $m_permanente::DOUBLE END AS minimo_horas
  FROM core.sesiones
  WHERE fecha_inicio >= $desde::DATE::TIMESTAMPTZ AND fecha_inicio < ($hasta::DATE + 1)::TIMESTAMPTZ
    AND ($organo::VARCHAR IS NULL OR organo = $organo) AND ($tipo::VARCHAR IS NULL OR tipo = $tipo)
), sc AS (
  SELECT *, CASE WHEN minimo_horas IS NOT NULL THEN coalesce(horas_anticipacion >= minimo_horas, false) END AS cumple,
    CASE WHEN minimo_horas IS NULL THEN NULL
         WHEN fecha_convocatoria IS NULL THEN '${SIN_CONVOCATORIA}'
         WHEN horas_anticipacion < minimo_horas THEN '${ANTICIPACION_INSUFICIENTE}' END AS motivo
  FROM s
)`;

const AGG = `
  count(*)::INTEGER AS sesiones,
  count(*) FILTER (WHERE quorum = false)::INTEGER AS sin_quorum,
  100.0 * count(*) FILTER (WHERE cumple) / nullif(count(cumple), 0) AS anticipacion_cumplida_pct,
  count(*) FILTER (WHERE acta_aprobada_en IS NULL)::INTEGER AS actas_pendientes`;

/** Acuerdos approved in [desde, hasta]; days from approval (Mexico City date) to publication. */
const ACUERDOS = `
WITH a AS (
  SELECT *, date_diff('day', fecha_aprobacion::DATE, fecha_publicacion) AS dias_publicacion
  FROM core.acuerdos
  WHERE fecha_aprobacion >= $desde::DATE::TIMESTAMPTZ AND fecha_aprobacion < ($hasta::DATE + 1)::TIMESTAMPTZ
    AND ($organo::VARCHAR IS NULL OR organo = $organo)
)`;

export const SQL_RESUMEN = `${BASE}
SELECT ${AGG},
  quantile_cont(horas_anticipacion, 0.5) AS horas_anticipacion_mediana,
  count(*) FILTER (WHERE cumple = false)::INTEGER AS anticipacion_incumplida,
  count(*) FILTER (WHERE motivo = '${SIN_CONVOCATORIA}')::INTEGER AS sin_fecha_convocatoria,
  count(cumple)::INTEGER AS sesiones_con_minimo
FROM sc`;

export const SQL_ACUERDOS_RESUMEN = `${ACUERDOS}
SELECT count(*)::INTEGER AS acuerdos,
  count(fecha_publicacion)::INTEGER AS acuerdos_publicados,
  quantile_cont(dias_publicacion, 0.5) FILTER (WHERE fecha_publicacion IS NOT NULL) AS dias_publicacion_mediana
FROM a`;

export const SQL_POR_MES = `${BASE}
SELECT strftime(fecha_inicio, '%Y-%m') AS mes, organo, tipo, count(*)::INTEGER AS sesiones FROM sc GROUP BY ALL ORDER BY mes, organo, tipo`;

export const SQL_POR_ORGANO = `${BASE}
SELECT organo, ${AGG} FROM sc GROUP BY organo ORDER BY sesiones DESC, organo`;

export const SQL_POR_TIPO = `${BASE}
SELECT tipo, any_value(minimo_horas) AS minimo_horas, ${AGG}, quantile_cont(horas_anticipacion, 0.5) AS horas_anticipacion_mediana
FROM sc GROUP BY tipo ORDER BY sesiones DESC`;

/** Sessions whose minutes are pending, and for how long (days from the session to the end of `hasta`). */
export const SQL_ACTAS_PENDIENTES = `${BASE}
SELECT organo, numero, anio, tipo, fecha_inicio,
  date_diff('day', fecha_inicio::DATE, $hasta::DATE)::INTEGER AS dias_pendiente
FROM sc WHERE acta_aprobada_en IS NULL ORDER BY fecha_inicio`;

export const SQL_ACUERDOS_POR_MES = `${ACUERDOS}
SELECT strftime(fecha_aprobacion, '%Y-%m') AS mes, count(*)::INTEGER AS acuerdos, count(fecha_publicacion)::INTEGER AS publicados,
  quantile_cont(dias_publicacion, 0.5) FILTER (WHERE fecha_publicacion IS NOT NULL) AS dias_publicacion_mediana
FROM a GROUP BY 1 ORDER BY 1`;

export const SQL_LISTA = `${BASE}
SELECT organo, numero, anio, tipo, fecha_convocatoria, fecha_inicio, fecha_fin, quorum, puntos, acta_aprobada_en,
  horas_anticipacion, minimo_horas, cumple, motivo
FROM sc ORDER BY fecha_inicio DESC`;

export const SQL_LISTA_ACUERDOS = `${ACUERDOS}
SELECT clave, organo, sesion_numero, fecha_aprobacion, rubro, votacion, votos_favor, votos_contra, fecha_publicacion, dias_publicacion
FROM a ORDER BY fecha_aprobacion DESC, clave DESC`;

function params(f: FiltroSesiones, cfg: SesionesConfig): Record<string, string | number | null> {
  const m = cfg.anticipacion_minima_horas;
  return {
    desde: f.desde, hasta: f.hasta, organo: f.organo || null, tipo: f.tipo || null,
    m_ordinaria: m.ordinaria, m_extraordinaria: m.extraordinaria, m_solemne: m.solemne, m_urgente: m.urgente, m_permanente: m.permanente,
  };
}

function acuerdoParams(f: FiltroSesiones): Record<string, string | null> {
  return { desde: f.desde, hasta: f.hasta, organo: f.organo || null };
}

/** The headline figures only (used by Resumen for each period). */
export async function resumenSesionesBasico(wh: Warehouse, f: FiltroSesiones, cfg?: SesionesConfig): Promise<ResumenSesionesBasico> {
  const c = cfg ?? (await readSetting(wh, anticipacionMinima));
  const [s, a] = await Promise.all([
    wh.one<Omit<ResumenSesionesBasico, 'acuerdos' | 'acuerdos_publicados' | 'dias_publicacion_mediana'>>(SQL_RESUMEN, bind(SQL_RESUMEN, params(f, c))),
    wh.one<Pick<ResumenSesionesBasico, 'acuerdos' | 'acuerdos_publicados' | 'dias_publicacion_mediana'>>(SQL_ACUERDOS_RESUMEN, bind(SQL_ACUERDOS_RESUMEN, acuerdoParams(f))),
  ]);
  return { ...s!, ...a! };
}

export async function resumenSesiones(wh: Warehouse, f: FiltroSesiones): Promise<ResumenSesiones> {
  const cfg = await readSetting(wh, anticipacionMinima);
  const p = params(f, cfg);
  const [base, por_mes, por_organo, por_tipo, actas_pendientes_detalle, acuerdos_por_mes] = await Promise.all([
    resumenSesionesBasico(wh, f, cfg),
    wh.all<ResumenSesiones['por_mes'][number]>(SQL_POR_MES, bind(SQL_POR_MES, p)),
    wh.all<ResumenSesiones['por_organo'][number]>(SQL_POR_ORGANO, bind(SQL_POR_ORGANO, p)),
    wh.all<ResumenSesiones['por_tipo'][number]>(SQL_POR_TIPO, bind(SQL_POR_TIPO, p)),
    wh.all<ResumenSesiones['actas_pendientes_detalle'][number]>(SQL_ACTAS_PENDIENTES, bind(SQL_ACTAS_PENDIENTES, p)),
    wh.all<ResumenSesiones['acuerdos_por_mes'][number]>(SQL_ACUERDOS_POR_MES, bind(SQL_ACUERDOS_POR_MES, acuerdoParams(f))),
  ]);
  const fr = await wh.one<{ actualizado: string | null }>('SELECT greatest(max(_cargado_en), (SELECT max(_cargado_en) FROM core.acuerdos)) AS actualizado FROM core.sesiones');
  return {
    actualizado: fr?.actualizado ?? null,
    desde: f.desde, hasta: f.hasta, ...base, anticipacion_minima_horas: cfg.anticipacion_minima_horas,
    por_mes, por_organo, por_tipo, actas_pendientes_detalle, acuerdos_por_mes,
  };
}

export async function listaSesiones(wh: Warehouse, f: FiltroSesiones): Promise<Sesion[]> {
  return wh.all<Sesion>(SQL_LISTA, bind(SQL_LISTA, params(f, await readSetting(wh, anticipacionMinima))));
}

export async function listaAcuerdos(wh: Warehouse, f: FiltroSesiones): Promise<Acuerdo[]> {
  return wh.all<Acuerdo>(SQL_LISTA_ACUERDOS, bind(SQL_LISTA_ACUERDOS, acuerdoParams(f)));
}
