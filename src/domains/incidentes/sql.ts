/**
 * The SQL behind the incident figures (DESIGN.md §3 Incidents), over core.tickets_hechos: one narrow row per ticket
 * kept by the tickets pipelines in their load transaction (warehouse/migrations/0700_tickets_hechos.sql), with the
 * instants as epoch seconds and the Mexico City days precomputed. Why: TIMESTAMPTZ arithmetic goes through ICU's
 * calendar (10 s for `fecha_solucion - fecha_apertura` over 1M rows on this machine) while epoch arithmetic is plain
 * doubles; quantiles stay exact because they run over the exact values of the rows the filters leave.
 */
import { EDADES, SIN_DATO, type Dimension } from './types.js';

/** Range bounds as epoch seconds: [desde 00:00, hasta+1 00:00) in America/Mexico_City (the session time zone). */
const BOUNDS = `b AS (SELECT epoch($desde::DATE::TIMESTAMPTZ) AS d0, epoch(($hasta::DATE + 1)::TIMESTAMPTZ) AS d1, epoch(now()) AS ahora)`;

/** SLA hours of a priority from the setting (parameters sla1…sla6); NULL without a priority. */
const SLA_HORAS = `CASE h.prioridad WHEN 1 THEN $sla1 WHEN 2 THEN $sla2 WHEN 3 THEN $sla3 WHEN 4 THEN $sla4 WHEN 5 THEN $sla5 WHEN 6 THEN $sla6 END::DOUBLE`;

/** A dimension's value with the empty one spelled as SIN_DATO (what the filters and the breakdown show). */
export const valorDe = (col: string): string => (col === 'prioridad' ? 'prioridad::VARCHAR' : `COALESCE(${col}, '${SIN_DATO}')`);

/**
 * Tickets under the filters with the range flags: limite = deadline (epoch s) from the source, or apertura + the
 * configured hours of its priority, NULL when the ticket has neither (no SLA: left out of sla_cumplido_pct and
 * counted in sin_sla); horas_solucion / horas_asignacion in hours.
 */
export const BASE = `
  WITH ${BOUNDS},
  t AS (
    SELECT h.*, b.d0, b.d1, b.ahora,
      COALESCE(h.limite_fuente, h.apertura + 3600 * ${SLA_HORAS}) AS limite,
      (h.solucion - h.apertura) / 3600.0 AS horas_solucion,
      (h.asignacion - h.apertura) / 3600.0 AS horas_asignacion,
      h.apertura >= b.d0 AND h.apertura < b.d1 AS abierto_en,
      h.solucion >= b.d0 AND h.solucion < b.d1 AS resuelto_en,
      h.apertura < b.d1 AND COALESCE(h.fin, 'infinity'::DOUBLE) >= b.d1 AS en_backlog
    FROM core.tickets_hechos h, b
    WHERE ($prioridad::INTEGER IS NULL OR h.prioridad = $prioridad)
      AND ($categoria::VARCHAR IS NULL OR COALESCE(h.categoria, '${SIN_DATO}') = $categoria)
      AND ($servicio::VARCHAR IS NULL OR COALESCE(h.servicio, '${SIN_DATO}') = $servicio)
      AND ($area::VARCHAR IS NULL OR COALESCE(h.area_solicitante, '${SIN_DATO}') = $area)
      AND ($clave_odes::VARCHAR IS NULL OR COALESCE(h.clave_odes, '${SIN_DATO}') = $clave_odes)
      -- Only rows in some figure (opened, solved or pending in the range): the rest cost nothing further on.
      AND ((h.apertura >= b.d0 AND h.apertura < b.d1) OR (h.solucion >= b.d0 AND h.solucion < b.d1)
           OR (h.apertura < b.d1 AND COALESCE(h.fin, 'infinity'::DOUBLE) >= b.d1))
  )`;

/**
 * The figures of §3 over the rows of t (grouped or not), as aggregates: each pair of quantiles shares one exact
 * quantile state (a list of probabilities), which halves the work of the holistic aggregates.
 */
const AGREGADOS = `
  count(*) FILTER (WHERE abierto_en)::INTEGER AS abiertos,
  count(*) FILTER (WHERE resuelto_en)::INTEGER AS resueltos,
  count(*) FILTER (WHERE en_backlog)::INTEGER AS backlog,
  quantile_cont(horas_solucion, [0.5, 0.9]) FILTER (WHERE resuelto_en) AS q_solucion,
  quantile_cont(horas_asignacion, [0.5, 0.9]) FILTER (WHERE abierto_en AND asignacion IS NOT NULL) AS q_asignacion,
  count(*) FILTER (WHERE resuelto_en AND solucion <= limite) AS sla_cumplidos,
  count(*) FILTER (WHERE resuelto_en AND limite IS NOT NULL) AS sla_medidos,
  count(*) FILTER (WHERE resuelto_en AND limite IS NULL)::INTEGER AS sin_sla`;

/** The figures' names (DESIGN.md §6) over a row of AGREGADOS. */
const FIGURAS = `abiertos, resueltos, backlog,
  round(q_solucion[1], 2) AS mttr_horas_mediana, round(q_solucion[2], 2) AS mttr_horas_p90,
  round(q_asignacion[1], 2) AS tiempo_asignacion_horas_mediana, round(q_asignacion[2], 2) AS tiempo_asignacion_horas_p90,
  round(100.0 * sla_cumplidos / NULLIF(sla_medidos, 0), 2) AS sla_cumplido_pct, sin_sla`;

/**
 * The totals, and the figures by priority: two statements run side by side on two connections (an ungrouped
 * aggregate and a small GROUP BY each cost less than GROUPING SETS, which feeds every value to two quantile states).
 */
export const RESUMEN_TOTAL_SQL = `${BASE}
  SELECT ${FIGURAS} FROM (SELECT ${AGREGADOS} FROM t)`;

export const RESUMEN_PRIORIDAD_SQL = `${BASE}
  SELECT prioridad, ${FIGURAS} FROM (SELECT prioridad, ${AGREGADOS} FROM t GROUP BY prioridad)
  ORDER BY prioridad DESC NULLS LAST`;

/** Tickets solved before and seen open again afterwards, with the reopening observed in the range. */
export const REABIERTOS_SQL = `
  WITH ${BOUNDS}
  SELECT count(DISTINCT h.id)::INTEGER AS reabiertos
  FROM core.tickets_estados h, b
  WHERE h.estado NOT IN ('resuelto', 'cerrado') AND epoch(h.observado_en) >= b.d0 AND epoch(h.observado_en) < b.d1
    AND EXISTS (SELECT 1 FROM core.tickets_estados p WHERE p.id = h.id AND p.orden < h.orden AND p.estado IN ('resuelto', 'cerrado'))
    AND h.id IN (SELECT id FROM core.tickets_hechos k
      WHERE ($prioridad::INTEGER IS NULL OR k.prioridad = $prioridad)
        AND ($categoria::VARCHAR IS NULL OR COALESCE(k.categoria, '${SIN_DATO}') = $categoria)
        AND ($servicio::VARCHAR IS NULL OR COALESCE(k.servicio, '${SIN_DATO}') = $servicio)
        AND ($area::VARCHAR IS NULL OR COALESCE(k.area_solicitante, '${SIN_DATO}') = $area)
        AND ($clave_odes::VARCHAR IS NULL OR COALESCE(k.clave_odes, '${SIN_DATO}') = $clave_odes))`;

export const DESGLOSE_SQL = (dim: Dimension): string => `${BASE}
  SELECT valor, ${FIGURAS}
  FROM (SELECT ${valorDe(dim)} AS valor, ${AGREGADOS} FROM t GROUP BY 1)
  ORDER BY abiertos DESC, valor`;

/** Opened and solved per ISO week (Monday, Mexico City) over the range, weeks without tickets included. */
export const SEMANAL_SQL = `${BASE},
  w AS (SELECT unnest(range(date_trunc('week', $desde::DATE), $hasta::DATE + 1, INTERVAL 7 DAY))::DATE AS semana),
  a AS (SELECT date_trunc('week', dia_apertura)::DATE AS semana, count(*) AS n FROM t WHERE abierto_en GROUP BY 1),
  s AS (SELECT date_trunc('week', dia_solucion)::DATE AS semana, count(*) AS n FROM t WHERE resuelto_en GROUP BY 1)
  SELECT strftime(w.semana, '%Y-%m-%d') AS semana, COALESCE(a.n, 0)::INTEGER AS abiertos, COALESCE(s.n, 0)::INTEGER AS resueltos
  FROM w LEFT JOIN a USING (semana) LEFT JOIN s USING (semana) ORDER BY w.semana`;

const EDAD_HORAS = `(least(t.d1, t.ahora) - t.apertura) / 3600.0`;
export const EDAD_CASE = `CASE ${EDADES.map((e) => `WHEN ${EDAD_HORAS} < ${e.hasta ?? 1e12} THEN '${e.clave}'`).join(' ')} END`;

export const BACKLOG_SQL = `${BASE},
  e AS (SELECT * FROM (VALUES ${EDADES.map((e, i) => `(${i}, '${e.clave}', '${e.rango}')`).join(', ')}) v(orden, clave, rango)),
  c AS (SELECT ${EDAD_CASE} AS clave, count(*) AS n,
               count(*) FILTER (WHERE prioridad >= 5) AS n_alta
        FROM t WHERE en_backlog GROUP BY 1)
  SELECT e.clave, e.rango, COALESCE(c.n, 0)::INTEGER AS tickets, COALESCE(c.n_alta, 0)::INTEGER AS prioridad_alta
  FROM e LEFT JOIN c USING (clave) ORDER BY e.orden`;
