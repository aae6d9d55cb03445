/**
 * core.tickets_hechos: one narrow row per ticket for the incident figures (see src/domains/incidentes/sql.ts), kept
 * in the load transaction by every pipeline that loads core.tickets, for the tickets of the run that just loaded.
 * Instants are epoch seconds (plain double arithmetic instead of ICU's calendar) and the Mexico City days of
 * opening and solution are computed once here rather than on every read.
 */
import { THIS_RUN_ID } from '../runner/run-id.js';

/**
 * The Mexico City calendar day of an epoch (seconds). Since 30 Oct 2022 07:00 UTC Mexico City is always UTC−6, so
 * the day is plain arithmetic; earlier instants go through ICU's time-zone rules (the session zone).
 */
export const diaMexico = (e: string): string =>
  `CASE WHEN ${e} >= 1667113200 THEN DATE '1970-01-01' + CAST(floor((${e} - 21600) / 86400) AS INTEGER) ELSE CAST(to_timestamp(${e}) AS DATE) END`;

/** The projection of core.tickets (alias k) into core.tickets_hechos' columns. */
export const HECHOS_SELECT = `
  SELECT id, prioridad, categoria, servicio, area_solicitante, clave_odes, tipo, tecnico,
         apertura, asignacion, solucion, COALESCE(solucion, cierre) AS fin, limite_fuente,
         ${diaMexico('apertura')} AS dia_apertura, ${diaMexico('solucion')} AS dia_solucion
  FROM (SELECT k.*, epoch(k.fecha_apertura) AS apertura, epoch(k.fecha_asignacion) AS asignacion,
               epoch(k.fecha_solucion) AS solucion, epoch(k.fecha_cierre) AS cierre,
               epoch(k.fecha_limite_solucion) AS limite_fuente
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
