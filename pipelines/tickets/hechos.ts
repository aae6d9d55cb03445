/**
 * core.tickets_hechos: one narrow row per ticket for the incident figures (see src/domains/incidentes/sql.ts), kept
 * in the load transaction by every pipeline that loads core.tickets, for the tickets of the run that just loaded.
 * This file holds ALL the SQL the incident figures add to a tickets load (issue 11: keep the load's budget visible).
 *
 * Instants are epoch microseconds as BIGINT: the exact TIMESTAMPTZ value (no rounding), compared and subtracted as
 * plain integers (TIMESTAMPTZ arithmetic goes through ICU's calendar; DOUBLE epochs are stored with ALP, several
 * times slower to scan, and an exact quantile over integers costs a third of one over doubles). The dimensions are
 * stored with the empty value already spelled SIN_DATO_HECHOS, so filters and breakdowns compare plain columns.
 */
import { THIS_RUN_ID } from '../runner/run-id.js';

/** How an empty category, service, area, council, type or technician is stored (= SIN_DATO of src/domains/incidentes/types.ts). */
export const SIN_DATO_HECHOS = '(sin dato)';

/**
 * The Mexico City calendar day of an epoch (seconds). Since 30 Oct 2022 07:00 UTC Mexico City is always UTC−6, so
 * the day is plain arithmetic; earlier instants go through ICU's time-zone rules (the session zone).
 */
export const diaMexico = (e: string): string =>
  `CASE WHEN ${e} >= 1667113200 THEN DATE '1970-01-01' + CAST(floor((${e} - 21600) / 86400) AS INTEGER) ELSE CAST(to_timestamp(${e}) AS DATE) END`;

const dim = (c: string): string => `COALESCE(k.${c}, '${SIN_DATO_HECHOS}') AS ${c}`;

/** The projection of core.tickets (alias k) into core.tickets_hechos' columns. */
export const HECHOS_SELECT = `
  SELECT id, prioridad, categoria, servicio, area_solicitante, clave_odes, tipo, tecnico,
         apertura, asignacion, solucion, COALESCE(solucion, cierre) AS fin, limite_fuente,
         ${diaMexico('apertura / 1000000')} AS dia_apertura, ${diaMexico('solucion / 1000000')} AS dia_solucion
  FROM (SELECT k.id, k.prioridad, ${['categoria', 'servicio', 'area_solicitante', 'clave_odes', 'tipo', 'tecnico'].map(dim).join(', ')},
               epoch_us(k.fecha_apertura) AS apertura, epoch_us(k.fecha_asignacion) AS asignacion,
               epoch_us(k.fecha_solucion) AS solucion, epoch_us(k.fecha_cierre) AS cierre,
               epoch_us(k.fecha_limite_solucion) AS limite_fuente
        FROM core.tickets k WHERE %WHERE%)`;

/**
 * Replaces the narrow rows of the tickets this run loaded (runs after the history transform, which may fill
 * fecha_asignacion). The run's rows are found by its id, a constant the scan filters on (see runner/run-id.ts), and
 * inserted in the order they were loaded: the figures read whole ranges and need no sort.
 */
export const TICKET_HECHOS_SQL: readonly string[] = [
  `DELETE FROM core.tickets_hechos WHERE id IN (SELECT id FROM core.tickets WHERE _ejecucion = ${THIS_RUN_ID})`,
  `INSERT INTO core.tickets_hechos ${HECHOS_SELECT.replace('%WHERE%', `k._ejecucion = ${THIS_RUN_ID}`)}`,
];
