import { THIS_RUN_ID as THIS_RUN } from '../runner/run-id.js';

/**
 * Ticket state history, kept by the `transform` of every pipeline that loads core.tickets (the CSV/XLSX export and
 * the GLPI API). Runs inside the load transaction, after the merge; only the rows of the run that just loaded
 * (_ejecucion = the run's id) are looked at, so the cost follows the size of the load.
 */

export const TICKET_HISTORY_SQL: readonly string[] = [
  // 1. A later export that drops the assignment date keeps the one seen before (and its incident column, hechos.ts).
  `UPDATE core.tickets SET fecha_asignacion = h.fecha_asignacion, asignacion = epoch_us(h.fecha_asignacion)
   FROM (SELECT id, min(fecha_asignacion) AS fecha_asignacion FROM core.tickets_estados
         WHERE fecha_asignacion IS NOT NULL GROUP BY id) h
   WHERE core.tickets.id = h.id AND core.tickets.fecha_asignacion IS NULL AND core.tickets._ejecucion = ${THIS_RUN}`,
  // 2. A ticket seen for the first time, or in a state other than its last recorded one, gets a history row. A run
  //    adds at most one row per ticket, so `orden` only has to grow from run to run (it is compared within a ticket):
  //    no sort by id.
  `INSERT INTO core.tickets_estados (id, estado, fecha, observado_en, fecha_asignacion, _ejecucion)
   SELECT t.id, t.estado,
          CASE t.estado WHEN 'nuevo' THEN t.fecha_apertura WHEN 'asignado' THEN t.fecha_asignacion
                        WHEN 'resuelto' THEN t.fecha_solucion WHEN 'cerrado' THEN t.fecha_cierre END,
          t._cargado_en, t.fecha_asignacion, t._ejecucion
   FROM core.tickets t
   LEFT JOIN (SELECT id, arg_max(estado, orden) AS estado FROM core.tickets_estados GROUP BY id) last ON last.id = t.id
   WHERE t._ejecucion = ${THIS_RUN} AND (last.id IS NULL OR last.estado <> t.estado)`,
  // 3. An assignment date learnt while the state did not change is remembered as well. (The rows step 2 just added
  //    already hold the ticket's date: only earlier runs' rows are looked at, none on a first load, which the EXISTS
  //    says before the join reads this run's tickets. Run ids grow, so `_ejecucion < this run` lets the scan skip
  //    the row groups this run wrote.)
  `UPDATE core.tickets_estados SET fecha_asignacion = t.fecha_asignacion
   FROM core.tickets t
   WHERE core.tickets_estados.id = t.id AND core.tickets_estados.fecha_asignacion IS NULL
     AND (core.tickets_estados._ejecucion < ${THIS_RUN} OR core.tickets_estados._ejecucion IS NULL)
     AND t.fecha_asignacion IS NOT NULL AND t._ejecucion = ${THIS_RUN}
     AND EXISTS (SELECT 1 FROM core.tickets_estados p WHERE p._ejecucion < ${THIS_RUN} OR p._ejecucion IS NULL)`,
  // 4. The history rows step 2 added that reopen a ticket (a state other than resuelto/cerrado after one of those):
  //    the `reabiertos` figure counts them (migration 0795). A run adds at most one row per ticket, so the earlier
  //    row is an earlier run's.
  `INSERT INTO core.tickets_reaperturas (id, observado_en, _ejecucion)
   SELECT h.id, h.observado_en, h._ejecucion FROM core.tickets_estados h
   WHERE h._ejecucion = ${THIS_RUN} AND h.estado NOT IN ('resuelto', 'cerrado')
     AND EXISTS (SELECT 1 FROM core.tickets_estados p WHERE p.id = h.id AND p.orden < h.orden AND p.estado IN ('resuelto', 'cerrado')
                 AND (p._ejecucion < ${THIS_RUN} OR p._ejecucion IS NULL))`,
];
