/**
 * The SQL behind the incident figures (DESIGN.md §3 Incidents), over the incident columns of core.tickets (migrations
 * 0700, 0710 and 0790, pipelines/tickets/hechos.ts): the instants as epoch microseconds (BIGINT) and the Mexico City
 * days, computed by every load's merge; an empty dimension is read as SIN_DATO. Why: TIMESTAMPTZ arithmetic goes
 * through ICU's calendar (10 s for `fecha_solucion - fecha_apertura` over 1M rows on this machine), DOUBLE epochs
 * scan and sort several times slower than integers; quantiles stay exact because they run over the exact durations
 * (µs) of the rows the filters leave, turned into hours at the end. DuckDB reads only the columns a statement names.
 */
import { EDADES, SIN_DATO, type Dimension } from './types.js';

/** Range bounds as epoch microseconds: [desde 00:00, hasta+1 00:00) in America/Mexico_City (the session time zone). */
const BOUNDS = `b AS (SELECT epoch_us($desde::DATE::TIMESTAMPTZ) AS d0, epoch_us(($hasta::DATE + 1)::TIMESTAMPTZ) AS d1, epoch_us(now()) AS ahora)`;

/** The columns of core.tickets the figures read (a row of BASE's `t`). */
const HECHOS = ['id', 'prioridad', 'categoria', 'servicio', 'area_solicitante', 'clave_odes', 'tipo', 'tecnico', 'apertura', 'asignacion', 'solucion', 'fin', 'limite_fuente', 'dia_apertura', 'dia_solucion'];

/** Microseconds in an hour: durations are kept in µs (exact) and shown in hours. */
export const US_HORA = 3_600_000_000;

/** SLA hours of a priority from the setting (parameters sla1…sla6); NULL without a priority. */
const SLA_HORAS = `CASE h.prioridad WHEN 1 THEN $sla1 WHEN 2 THEN $sla2 WHEN 3 THEN $sla3 WHEN 4 THEN $sla4 WHEN 5 THEN $sla5 WHEN 6 THEN $sla6 END::DOUBLE`;

/** A text dimension's value as the figures show it: the empty one is SIN_DATO (see types.ts). */
const conSinDato = (col: string): string => `COALESCE(${col}, '${SIN_DATO}')`;

/** A dimension's value (what the breakdown groups by) over core.tickets (alias h). */
export const valorDe = (col: string): string => (col === 'prioridad' ? 'h.prioridad::VARCHAR' : conSinDato(`h.${col}`));

/**
 * The page's filters over core.tickets (alias a). A text filter compares the plain column, and SIN_DATO also selects
 * the empty value: with the parameters constant, DuckDB folds what does not apply and filters the scan.
 */
const texto = (a: string, col: string, param: string): string =>
  `($${param}::VARCHAR IS NULL OR ${a}.${col} = $${param} OR ($${param} = '${SIN_DATO}' AND ${a}.${col} IS NULL))`;
const FILTROS = (a: string): string => `($prioridad::INTEGER IS NULL OR ${a}.prioridad = $prioridad)
      AND ${texto(a, 'categoria', 'categoria')}
      AND ${texto(a, 'servicio', 'servicio')}
      AND ${texto(a, 'area_solicitante', 'area')}
      AND ${texto(a, 'clave_odes', 'clave_odes')}`;

/**
 * The range bounds written into each condition rather than joined from a CTE: a comparison with a constant
 * expression is pushed into the scan (zone maps skip the row groups of other dates; core.tickets is loaded in
 * order of apertura), a join with a one-row CTE is evaluated row by row after it.
 */
const D0 = 'epoch_us($desde::DATE::TIMESTAMPTZ)';
const D1 = 'epoch_us(($hasta::DATE + 1)::TIMESTAMPTZ)';

const RESUELTO = `h.solucion >= ${D0} AND h.solucion < ${D1}`;
const ABIERTO = `h.apertura >= ${D0} AND h.apertura < ${D1}`;
const PENDIENTE = `h.apertura < ${D1} AND (h.fin IS NULL OR h.fin >= ${D1})`;

/**
 * Tickets under the filters with the range flags: limite = deadline (epoch µs) from the source, or apertura + the
 * configured hours of its priority, NULL when the ticket has neither (no SLA: left out of sla_cumplido_pct and
 * counted in sin_sla); us_solucion / us_asignacion in µs.
 */
export const BASE = `
  WITH ${BOUNDS},
  t AS (
    SELECT ${HECHOS.map((c) => `h.${c}`).join(', ')}, b.d0, b.d1, b.ahora,
      COALESCE(h.limite_fuente, h.apertura + CAST(${US_HORA} * ${SLA_HORAS} AS BIGINT)) AS limite,
      h.solucion - h.apertura AS us_solucion,
      h.asignacion - h.apertura AS us_asignacion,
      h.apertura >= b.d0 AND h.apertura < b.d1 AS abierto_en,
      h.solucion >= b.d0 AND h.solucion < b.d1 AS resuelto_en,
      h.apertura < b.d1 AND (h.fin IS NULL OR h.fin >= b.d1) AS en_backlog
    FROM core.tickets h, b
    WHERE ${FILTROS('h')}
      -- Only rows in some figure (opened, solved or pending in the range): the rest cost nothing further on.
      AND (${ABIERTO} OR ${RESUELTO} OR (${PENDIENTE}))
  )`;

/** The figures' names (DESIGN.md §6) over a row of counts and quantile states (µs). */
const FIGURAS = `abiertos, resueltos, backlog,
  round(q_solucion[1] / ${US_HORA}, 2) AS mttr_horas_mediana, round(q_solucion[2] / ${US_HORA}, 2) AS mttr_horas_p90,
  round(q_asignacion[1] / ${US_HORA}, 2) AS tiempo_asignacion_horas_mediana, round(q_asignacion[2] / ${US_HORA}, 2) AS tiempo_asignacion_horas_p90,
  round(100.0 * sla_cumplidos / NULLIF(sla_medidos, 0), 2) AS sla_cumplido_pct, sin_sla`;

/** Deadline (epoch µs): from the source, or apertura + the configured hours of its priority; NULL with neither. */
const LIMITE = `COALESCE(h.limite_fuente, h.apertura + CAST(${US_HORA} * ${SLA_HORAS} AS BIGINT))`;

/** The filtered tickets (alias h) under a further condition. */
const DE = (cond: string): string => `FROM core.tickets h WHERE ${FILTROS('h')} AND ${cond}`;

/**
 * The counts and quantile states of §3 per group (the expression g over h): one branch per set of tickets — solved in
 * the range, opened in the range, pending at its end — each with its own WHERE, so every scan reads only its rows
 * and every quantile state only its values (one FILTERed aggregate over the union of the three sets cost twice as
 * much at 1M tickets). Ends in the CTE `p(grupo, abiertos, resueltos, backlog, q_solucion, q_asignacion,
 * sla_cumplidos, sla_medidos, sin_sla)`, one row per group present in any set.
 */
const POR_GRUPO = (g: string): string => `
  WITH r AS (SELECT grupo, count(*) AS resueltos, quantile_cont(us, [0.5, 0.9]) AS q_solucion,
               count(*) FILTER (WHERE cumplido) AS sla_cumplidos, count(*) FILTER (WHERE cumplido IS NOT NULL) AS sla_medidos,
               count(*) FILTER (WHERE cumplido IS NULL) AS sin_sla
        FROM (SELECT ${g} AS grupo, h.solucion - h.apertura AS us, h.solucion <= ${LIMITE} AS cumplido ${DE(RESUELTO)}) GROUP BY 1),
  -- (a ticket not assigned has a NULL time to own, which the quantile leaves out)
  a AS (SELECT ${g} AS grupo, count(*) AS abiertos, quantile_cont(h.asignacion - h.apertura, [0.5, 0.9]) AS q_asignacion
        ${DE(ABIERTO)} GROUP BY 1),
  k AS (SELECT ${g} AS grupo, count(*) AS backlog ${DE(PENDIENTE)} GROUP BY 1),
  u AS (SELECT grupo, abiertos, NULL AS resueltos, NULL AS backlog, q_asignacion, NULL AS q_solucion, NULL AS sla_cumplidos, NULL AS sla_medidos, NULL AS sin_sla FROM a
        UNION ALL BY NAME SELECT grupo, resueltos, q_solucion, sla_cumplidos, sla_medidos, sin_sla FROM r
        UNION ALL BY NAME SELECT grupo, backlog FROM k),
  p AS (SELECT grupo, COALESCE(sum(abiertos), 0)::INTEGER AS abiertos, COALESCE(sum(resueltos), 0)::INTEGER AS resueltos,
               COALESCE(sum(backlog), 0)::INTEGER AS backlog, any_value(q_solucion) AS q_solucion, any_value(q_asignacion) AS q_asignacion,
               COALESCE(sum(sla_cumplidos), 0) AS sla_cumplidos, COALESCE(sum(sla_medidos), 0) AS sla_medidos, COALESCE(sum(sin_sla), 0)::INTEGER AS sin_sla
        FROM u GROUP BY grupo)`;

/**
 * The figures by priority and, in the row with total = true, the counts of all of them (their sums; its quantiles
 * are RESUMEN_CUANTILES_SQL's, run beside it on another connection: the quantiles of all tickets need their own
 * states, and GROUPING SETS would feed every duration to two states inside one statement).
 */
export const RESUMEN_PRIORIDAD_SQL = `${POR_GRUPO('h.prioridad')}
  SELECT false AS total, grupo AS prioridad, ${FIGURAS} FROM p
  UNION ALL
  SELECT true, NULL, ${FIGURAS} FROM (
    SELECT COALESCE(sum(abiertos), 0)::INTEGER AS abiertos, COALESCE(sum(resueltos), 0)::INTEGER AS resueltos,
           COALESCE(sum(backlog), 0)::INTEGER AS backlog, NULL::DOUBLE[] AS q_solucion, NULL::DOUBLE[] AS q_asignacion,
           sum(sla_cumplidos) AS sla_cumplidos, sum(sla_medidos) AS sla_medidos, COALESCE(sum(sin_sla), 0)::INTEGER AS sin_sla FROM p)
  ORDER BY total, prioridad DESC NULLS LAST`;

/** The totals alone, in one statement (one group: all the tickets); no row when no ticket is in any set. */
export const TOTALES_SQL = `${POR_GRUPO('0')}
  SELECT ${FIGURAS} FROM p`;

/** The median and p90 of all the tickets under the filters (the totals' quantiles). */
export const RESUMEN_CUANTILES_SQL = `
  WITH r AS (SELECT quantile_cont(h.solucion - h.apertura, [0.5, 0.9]) AS q_solucion ${DE(RESUELTO)}),
  a AS (SELECT quantile_cont(h.asignacion - h.apertura, [0.5, 0.9]) AS q_asignacion ${DE(`${ABIERTO} AND h.asignacion IS NOT NULL`)})
  SELECT round(q_solucion[1] / ${US_HORA}, 2) AS mttr_horas_mediana, round(q_solucion[2] / ${US_HORA}, 2) AS mttr_horas_p90,
         round(q_asignacion[1] / ${US_HORA}, 2) AS tiempo_asignacion_horas_mediana, round(q_asignacion[2] / ${US_HORA}, 2) AS tiempo_asignacion_horas_p90
  FROM r, a`;

/**
 * Tickets solved before and seen open again afterwards, with the reopening observed in the range: the reopenings
 * each load records (core.tickets_reaperturas, pipelines/tickets/history.ts step 4).
 */
export const REABIERTOS_SQL = `
  SELECT count(DISTINCT h.id)::INTEGER AS reabiertos
  FROM core.tickets_reaperturas h
  WHERE h.observado_en >= $desde::DATE::TIMESTAMPTZ AND h.observado_en < ($hasta::DATE + 1)::TIMESTAMPTZ
    AND h.id IN (SELECT id FROM core.tickets k WHERE ${FILTROS('k')})`;

export const DESGLOSE_SQL = (dim: Dimension): string => `${POR_GRUPO(valorDe(dim))}
  SELECT grupo AS valor, ${FIGURAS} FROM p ORDER BY abiertos DESC, valor`;

/**
 * Opened and solved per ISO week (Monday, Mexico City) over the range, weeks without tickets included. Counted per
 * day first: date_trunc then runs once per day instead of once per ticket.
 */
export const SEMANAL_SQL = `
  WITH w AS (SELECT unnest(range(date_trunc('week', $desde::DATE), $hasta::DATE + 1, INTERVAL 7 DAY))::DATE AS semana),
  a AS (SELECT date_trunc('week', dia)::DATE AS semana, sum(n) AS n FROM (SELECT h.dia_apertura AS dia, count(*) AS n ${DE(ABIERTO)} GROUP BY 1) GROUP BY 1),
  s AS (SELECT date_trunc('week', dia)::DATE AS semana, sum(n) AS n FROM (SELECT h.dia_solucion AS dia, count(*) AS n ${DE(RESUELTO)} GROUP BY 1) GROUP BY 1)
  SELECT strftime(w.semana, '%Y-%m-%d') AS semana, COALESCE(a.n, 0)::INTEGER AS abiertos, COALESCE(s.n, 0)::INTEGER AS resueltos
  FROM w LEFT JOIN a USING (semana) LEFT JOIN s USING (semana) ORDER BY w.semana`;

/** The age bucket (EDADES) of an age in hours. */
const edadDe = (horas: string): string => `CASE ${EDADES.map((e) => `WHEN ${horas} < ${e.hasta ?? 1e12} THEN '${e.clave}'`).join(' ')} END`;

/** Age bucket of a row of t: hours from opening to the end of the range (or now, if sooner). */
export const EDAD_CASE = edadDe(`(least(t.d1, t.ahora) - t.apertura) / ${US_HORA}`);

export const BACKLOG_SQL = `
  WITH e AS (SELECT * FROM (VALUES ${EDADES.map((e, i) => `(${i}, '${e.clave}', '${e.rango}')`).join(', ')}) v(orden, clave, rango)),
  c AS (SELECT ${edadDe(`(least(${D1}, epoch_us(now())) - h.apertura) / ${US_HORA}`)} AS clave, count(*) AS n,
               count(*) FILTER (WHERE h.prioridad >= 5) AS n_alta
        ${DE(PENDIENTE)} GROUP BY 1)
  SELECT e.clave, e.rango, COALESCE(c.n, 0)::INTEGER AS tickets, COALESCE(c.n_alta, 0)::INTEGER AS prioridad_alta
  FROM e LEFT JOIN c USING (clave) ORDER BY e.orden`;
