import { MESES } from '../../core/time.js';

/**
 * Set-based SQL of the planning figures (DESIGN.md §3). Parameters: $ejercicio, $mes_fin (last month of the period,
 * 3 × trimestre for a quarter), $area (siglas or ''), and for the as-of variant $corte (an instant: the programming
 * in force then, from core.poa_actividades_versiones).
 */
const mesesDe = (a: string): string => `[${MESES.map((m) => `coalesce(${a}.${m}, 0)`).join(', ')}]`;

/** Activities of an ejercicio with the programming in force now, or at $corte when `asOf`. */
function programacion(asOf: boolean): string {
  if (!asOf) {
    return `SELECT a.ejercicio, a.programa, a.programa_nombre, a.programa_especifico, a.programa_especifico_nombre, a.area,
                   a.num_actividad, a.descripcion, a.unidad_medida, a.cantidad_anual, a.estatus, ${mesesDe('a')} AS meses
            FROM core.poa_actividades a
            WHERE a.ejercicio = $ejercicio AND ($area = '' OR a.area = $area)`;
  }
  return `SELECT a.ejercicio, a.programa, a.programa_nombre, a.programa_especifico, a.programa_especifico_nombre, a.area,
                 a.num_actividad, a.descripcion, a.unidad_medida, v.cantidad_anual, v.estatus, v.meses
          FROM core.poa_actividades a
          JOIN (SELECT ejercicio, programa_especifico, num_actividad, arg_max(cantidad_anual, orden) AS cantidad_anual,
                       arg_max(estatus, orden) AS estatus, arg_max(${mesesDe('x')}, orden) AS meses
                FROM core.poa_actividades_versiones x
                WHERE ejercicio = $ejercicio AND vigente_desde <= CAST($corte AS TIMESTAMPTZ) GROUP BY ALL) v
            USING (ejercicio, programa_especifico, num_actividad)
          WHERE a.ejercicio = $ejercicio AND ($area = '' OR a.area = $area)`;
}

/**
 * One row per activity: programmed and achieved cumulative from January to $mes_fin, avance, semáforo and
 * classification, the monthly series, and the late and missing monthly reports of the period.
 */
export function actividadesSql(asOf = false): string {
  return `
WITH prog AS (${programacion(asOf)}),
av AS (
  SELECT programa_especifico, num_actividad,
         list(realizado ORDER BY mes) AS r_list, list(mes ORDER BY mes) AS m_list,
         sum(realizado) FILTER (WHERE mes <= $mes_fin) AS realizado,
         count(*) FILTER (WHERE mes <= $mes_fin AND core.reporte_tardio(ejercicio, mes, fecha_reporte))::INTEGER AS reportes_tardios,
         max(fecha_reporte) FILTER (WHERE mes <= $mes_fin) AS ultimo_reporte
  FROM core.poa_avance WHERE ejercicio = $ejercicio GROUP BY programa_especifico, num_actividad
),
base AS (
  SELECT p.*, list_sum(p.meses[1:$mes_fin]) AS programado, coalesce(av.realizado, 0) AS realizado,
         coalesce(av.reportes_tardios, 0) AS reportes_tardios, av.ultimo_reporte,
         [CASE WHEN list_contains(coalesce(av.m_list, []), m) THEN av.r_list[list_position(av.m_list, m)] END FOR m IN range(1, 13)] AS realizado_mensual,
         (SELECT count(*) FROM range(1, $mes_fin + 1) t(m)
          WHERE p.meses[m] > 0 AND NOT list_contains(coalesce(av.m_list, []), m))::INTEGER AS meses_sin_reporte
  FROM prog p LEFT JOIN av USING (programa_especifico, num_actividad)
)
SELECT ejercicio, programa, programa_nombre, programa_especifico, programa_especifico_nombre, area, num_actividad,
       descripcion, unidad_medida, cantidad_anual, estatus,
       programado, realizado,
       core.avance_meta(programado, realizado) AS avance_pct,
       core.semaforo_meta(programado, realizado, NULL, NULL) AS semaforo,
       core.clasificacion_meta(programado, realizado) AS clasificacion,
       meses AS programado_mensual, realizado_mensual, reportes_tardios, meses_sin_reporte, ultimo_reporte::VARCHAR AS ultimo_reporte
FROM base
ORDER BY programa_especifico, num_actividad`;
}

/** The counts of one level (area, programa, programa específico or the total) over the activity rows `a`. */
function nivel(nombre: string, clave: string, etiqueta: string, total = false): string {
  const sum = (x: string): string => (total ? `coalesce(sum(${x}), 0)::INTEGER` : `sum(${x})::INTEGER`);
  const por = (s: string): string => `count(*) FILTER (WHERE semaforo = '${s}')::INTEGER AS ${s}`;
  return `SELECT '${nombre}' AS nivel, ${clave} AS clave, ${etiqueta} AS nombre,
       ${['verde', 'amarillo', 'rojo', 'rebasada', 'sin_meta'].map(por).join(', ')}, round(avg(avance_pct), 2) AS avance_pct,
       ${sum('reportes_tardios')} AS reportes_tardios, ${sum('meses_sin_reporte')} AS meses_sin_reporte
FROM a${total ? '' : ` GROUP BY ${clave}`}`;
}

/** Counts by semáforo per area and per programa over the activity rows of actividadesSql. */
export function resumenSql(asOf = false): string {
  return `
WITH a AS (${actividadesSql(asOf)})
${nivel('area', 'area', 'any_value(area)')}
UNION ALL
${nivel('programa', 'programa', 'any_value(programa_nombre)')}
UNION ALL
${nivel('programa_especifico', 'programa_especifico', 'any_value(programa_especifico_nombre)')}
UNION ALL
${nivel('total', "''", "''", true)}
ORDER BY nivel, clave`;
}

/**
 * Indicator measurements of an ejercicio with their ficha técnica: valor, avance and semáforo per period.
 * Parameters: $ejercicio, $area ('' = all), $clave ('' = all).
 */
export const INDICADORES_SQL = `
SELECT i.clave, m.periodo, core.periodo_mes_fin(m.periodo) AS mes_fin,
       core.valor_indicador(m.numerador, m.denominador, i.unidad_medida) AS valor, m.meta_periodo,
       core.avance_indicador(core.valor_indicador(m.numerador, m.denominador, i.unidad_medida), m.meta_periodo, i.sentido) AS avance_pct,
       core.semaforo_indicador(core.valor_indicador(m.numerador, m.denominador, i.unidad_medida), m.meta_periodo, i.sentido,
                               i.umbral_verde, i.umbral_amarillo) AS semaforo,
       m.numerador, m.denominador,
       i.ejercicio, i.nombre, i.nivel, i.dimension, i.metodo_calculo, i.unidad_medida, i.frecuencia, i.linea_base, i.meta,
       i.sentido, i.area, coalesce(i.umbral_verde, 90) AS umbral_verde, coalesce(i.umbral_amarillo, 70) AS umbral_amarillo
FROM core.indicadores i
JOIN core.indicador_mediciones m ON m.ejercicio = i.ejercicio AND m.clave = i.clave
WHERE i.ejercicio = $ejercicio AND ($area = '' OR i.area = $area) AND ($clave = '' OR i.clave = $clave)
ORDER BY i.clave, core.periodo_mes_fin(m.periodo), m.periodo`;

/**
 * The results an evaluation cycle looks at, live: every POA activity (cumulative to the end of the quarter) and
 * every indicator measurement whose period ends within the quarter and has a value. Parameters: $ejercicio,
 * $mes_fin, $area ('' = all), $clave (always '').
 */
export const RESULTADOS_SQL = `
SELECT 'actividad' AS tipo, programa_especifico || '|' || num_actividad AS clave, area, programa, programa_especifico,
       programa_especifico || '-' || num_actividad || ' · ' || coalesce(descripcion, '') AS descripcion,
       programado, realizado, avance_pct, semaforo, clasificacion
FROM (${actividadesSql()}) a
UNION ALL
SELECT 'indicador', clave || '|' || periodo, area, NULL, NULL, clave || ' · ' || coalesce(nombre, '') || ' (' || periodo || ')',
       meta_periodo, valor, avance_pct, semaforo, NULL
FROM (${INDICADORES_SQL}) i
WHERE mes_fin BETWEEN $mes_fin - 2 AND $mes_fin AND valor IS NOT NULL AND area IS NOT NULL`;

/** Freezes a cycle: its live results joined with their justifications ($ciclo plus the RESULTADOS_SQL ones). */
export const SNAPSHOT_SQL = `
INSERT INTO app.evaluacion_snapshot (ciclo_id, tipo, clave, area, programa, programa_especifico, descripcion, programado,
  realizado, avance_pct, semaforo, clasificacion, causa, accion_correctiva, fecha_compromiso, estado_justificacion, comentario)
SELECT $ciclo, r.tipo, r.clave, r.area, r.programa, r.programa_especifico, r.descripcion, r.programado, r.realizado,
       r.avance_pct, r.semaforo, r.clasificacion, j.causa, j.accion_correctiva, j.fecha_compromiso, j.estado, j.comentario
FROM (${RESULTADOS_SQL}) r
LEFT JOIN app.evaluacion_justificaciones j ON j.ciclo_id = $ciclo AND j.tipo = r.tipo AND j.clave = r.clave`;
