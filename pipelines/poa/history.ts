import { MESES } from '../../src/core/time.js';

const months = (a: string): string => `[${MESES.map((m) => `${a}.${m}`).join(', ')}]`;

/**
 * History of each activity's programming, kept by the `poa` transform inside the load transaction: a new version
 * row when a load sees an activity for the first time, or with other programmed months, annual quantity or
 * estatus than its last version (a reprogramming: modificada, nueva, cancelada). Loading the same file twice adds
 * nothing. An evaluation reads the version that was in force when the quarter was evaluated.
 */
export const POA_HISTORY_SQL: readonly string[] = [
  `INSERT INTO core.poa_actividades_versiones
     (ejercicio, programa_especifico, num_actividad, version, estatus, cantidad_anual, ${MESES.join(', ')}, vigente_desde, _ejecucion)
   SELECT a.ejercicio, a.programa_especifico, a.num_actividad, coalesce(v.version, 0) + 1, a.estatus, a.cantidad_anual,
          ${MESES.map((m) => `a.${m}`).join(', ')}, a._cargado_en, a._ejecucion
   FROM core.poa_actividades a
   LEFT JOIN (
     SELECT ejercicio, programa_especifico, num_actividad, arg_max(version, orden) AS version,
            arg_max(estatus, orden) AS estatus, arg_max(cantidad_anual, orden) AS cantidad_anual,
            arg_max(${months('x')}, orden) AS meses
     FROM core.poa_actividades_versiones x GROUP BY ALL
   ) v USING (ejercicio, programa_especifico, num_actividad)
   WHERE v.version IS NULL
      OR v.estatus IS DISTINCT FROM a.estatus
      OR v.cantidad_anual IS DISTINCT FROM a.cantidad_anual
      OR v.meses IS DISTINCT FROM ${months('a')}
   ORDER BY a.ejercicio, a.programa_especifico, a.num_actividad`,
];
