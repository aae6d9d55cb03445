/**
 * The SQL behind the incident figures (DESIGN.md §3 Incidents), over core.tickets_hechos: one narrow row per ticket
 * kept by the tickets pipelines in their load transaction (pipelines/tickets/hechos.ts, migrations 0700 and 0710),
 * with the instants as epoch microseconds (BIGINT), the empty dimensions spelled SIN_DATO and the Mexico City days
 * precomputed. Why: TIMESTAMPTZ arithmetic goes through ICU's calendar (10 s for `fecha_solucion - fecha_apertura`
 * over 1M rows on this machine), DOUBLE epochs scan and sort several times slower than integers; quantiles stay
 * exact because they run over the exact durations (µs) of the rows the filters leave, turned into hours at the end.
 */
import { EDADES, type Dimension } from './types.js';

/** Range bounds as epoch microseconds: [desde 00:00, hasta+1 00:00) in America/Mexico_City (the session time zone). */
const BOUNDS = `b AS (SELECT epoch_us($desde::DATE::TIMESTAMPTZ) AS d0, epoch_us(($hasta::DATE + 1)::TIMESTAMPTZ) AS d1, epoch_us(now()) AS ahora)`;

/** Microseconds in an hour: durations are kept in µs (exact) and shown in hours. */
export const US_HORA = 3_600_000_000;

/** SLA hours of a priority from the setting (parameters sla1…sla6); NULL without a priority. */
const SLA_HORAS = `CASE h.prioridad WHEN 1 THEN $sla1 WHEN 2 THEN $sla2 WHEN 3 THEN $sla3 WHEN 4 THEN $sla4 WHEN 5 THEN $sla5 WHEN 6 THEN $sla6 END::DOUBLE`;

/** A dimension's value (core.tickets_hechos stores the empty one as SIN_DATO: what the filters and the breakdown show). */
export const valorDe = (col: string): string => (col === 'prioridad' ? 'prioridad::VARCHAR' : col);

/** The page's filters over core.tickets_hechos (alias a): plain comparisons, the empty value is stored as SIN_DATO. */
const FILTROS = (a: string): string => `($prioridad::INTEGER IS NULL OR ${a}.prioridad = $prioridad)
      AND ($categoria::VARCHAR IS NULL OR ${a}.categoria = $categoria)
      AND ($servicio::VARCHAR IS NULL OR ${a}.servicio = $servicio)
      AND ($area::VARCHAR IS NULL OR ${a}.area_solicitante = $area)
      AND ($clave_odes::VARCHAR IS NULL OR ${a}.clave_odes = $clave_odes)`;

/**
 * Tickets under the filters with the range flags: limite = deadline (epoch µs) from the source, or apertura + the
 * configured hours of its priority, NULL when the ticket has neither (no SLA: left out of sla_cumplido_pct and
 * counted in sin_sla); us_solucion / us_asignacion in µs.
 */
export const BASE = `
  WITH ${BOUNDS},
  t AS (
    SELECT h.*, b.d0, b.d1, b.ahora,
      COALESCE(h.limite_fuente, h.apertura + CAST(${US_HORA} * ${SLA_HORAS} AS BIGINT)) AS limite,
      h.solucion - h.apertura AS us_solucion,
      h.asignacion - h.apertura AS us_asignacion,
      h.apertura >= b.d0 AND h.apertura < b.d1 AS abierto_en,
      h.solucion >= b.d0 AND h.solucion < b.d1 AS resuelto_en,
      h.apertura < b.d1 AND (h.fin IS NULL OR h.fin >= b.d1) AS en_backlog
    FROM core.tickets_hechos h, b
    WHERE ${FILTROS('h')}
      -- Only rows in some figure (opened, solved or pending in the range): the rest cost nothing further on.
      AND ((h.apertura >= b.d0 AND h.apertura < b.d1) OR (h.solucion >= b.d0 AND h.solucion < b.d1)
           OR (h.apertura < b.d1 AND (h.fin IS NULL OR h.fin >= b.d1)))
  )`;

/**
 * The figures of §3 over the rows of t (grouped or not), as aggregates: each pair of quantiles shares one exact
 * quantile state (a list of probabilities), which halves the work of the holistic aggregates.
 */
const AGREGADOS = `
  count(*) FILTER (WHERE abierto_en)::INTEGER AS abiertos,
  count(*) FILTER (WHERE resuelto_en)::INTEGER AS resueltos,
  count(*) FILTER (WHERE en_backlog)::INTEGER AS backlog,
  quantile_cont(us_solucion, [0.5, 0.9]) FILTER (WHERE resuelto_en) AS q_solucion,
  quantile_cont(us_asignacion, [0.5, 0.9]) FILTER (WHERE abierto_en AND asignacion IS NOT NULL) AS q_asignacion,
  count(*) FILTER (WHERE resuelto_en AND solucion <= limite) AS sla_cumplidos,
  count(*) FILTER (WHERE resuelto_en AND limite IS NOT NULL) AS sla_medidos,
  count(*) FILTER (WHERE resuelto_en AND limite IS NULL)::INTEGER AS sin_sla`;

/** The figures' names (DESIGN.md §6) over a row of AGREGADOS. */
const FIGURAS = `abiertos, resueltos, backlog,
  round(q_solucion[1] / ${US_HORA}, 2) AS mttr_horas_mediana, round(q_solucion[2] / ${US_HORA}, 2) AS mttr_horas_p90,
  round(q_asignacion[1] / ${US_HORA}, 2) AS tiempo_asignacion_horas_mediana, round(q_asignacion[2] / ${US_HORA}, 2) AS tiempo_asignacion_horas_p90,
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
  WHERE h.estado NOT IN ('resuelto', 'cerrado') AND epoch_us(h.observado_en) >= b.d0 AND epoch_us(h.observado_en) < b.d1
    AND EXISTS (SELECT 1 FROM core.tickets_estados p WHERE p.id = h.id AND p.orden < h.orden AND p.estado IN ('resuelto', 'cerrado'))
    AND h.id IN (SELECT id FROM core.tickets_hechos k WHERE ${FILTROS('k')})`;

export const DESGLOSE_SQL = (dim: Dimension): string => `${BASE}
  SELECT valor, ${FIGURAS}
  FROM (SELECT ${valorDe(dim)} AS valor, ${AGREGADOS} FROM t GROUP BY 1)
  ORDER BY abiertos DESC, valor`;

/**
 * Opened and solved per ISO week (Monday, Mexico City) over the range, weeks without tickets included. Counted per
 * day first: date_trunc then runs once per day instead of once per ticket.
 */
export const SEMANAL_SQL = `${BASE},
  w AS (SELECT unnest(range(date_trunc('week', $desde::DATE), $hasta::DATE + 1, INTERVAL 7 DAY))::DATE AS semana),
  a AS (SELECT date_trunc('week', dia)::DATE AS semana, sum(n) AS n FROM (SELECT dia_apertura AS dia, count(*) AS n FROM t WHERE abierto_en GROUP BY 1) GROUP BY 1),
  s AS (SELECT date_trunc('week', dia)::DATE AS semana, sum(n) AS n FROM (SELECT dia_solucion AS dia, count(*) AS n FROM t WHERE resuelto_en GROUP BY 1) GROUP BY 1)
  SELECT strftime(w.semana, '%Y-%m-%d') AS semana, COALESCE(a.n, 0)::INTEGER AS abiertos, COALESCE(s.n, 0)::INTEGER AS resueltos
  FROM w LEFT JOIN a USING (semana) LEFT JOIN s USING (semana) ORDER BY w.semana`;

const EDAD_HORAS = `(least(t.d1, t.ahora) - t.apertura) / ${US_HORA}`;
export const EDAD_CASE = `CASE ${EDADES.map((e) => `WHEN ${EDAD_HORAS} < ${e.hasta ?? 1e12} THEN '${e.clave}'`).join(' ')} END`;

export const BACKLOG_SQL = `${BASE},
  e AS (SELECT * FROM (VALUES ${EDADES.map((e, i) => `(${i}, '${e.clave}', '${e.rango}')`).join(', ')}) v(orden, clave, rango)),
  c AS (SELECT ${EDAD_CASE} AS clave, count(*) AS n,
               count(*) FILTER (WHERE prioridad >= 5) AS n_alta
        FROM t WHERE en_backlog GROUP BY 1)
  SELECT e.clave, e.rango, COALESCE(c.n, 0)::INTEGER AS tickets, COALESCE(c.n_alta, 0)::INTEGER AS prioridad_alta
  FROM e LEFT JOIN c USING (clave) ORDER BY e.orden`;
