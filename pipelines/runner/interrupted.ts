import type { DuckDBConnection } from '@duckdb/node-api';
import type { Warehouse } from '../../src/db/warehouse.js';
import type { LoadCounts } from './types.js';

/**
 * A run's load and the row saying it committed go in the same transaction, so after a crash the start-up knows,
 * for every run left "en curso", whether its data is in the warehouse whole or not at all.
 */
export async function confirmLoad(tx: DuckDBConnection, runId: number, n: LoadCounts): Promise<void> {
  await tx.run(
    'INSERT INTO ops.cargas_confirmadas (ejecucion_id, filas_leidas, filas_cargadas, filas_rechazadas) VALUES ($1, $2, $3, $4)',
    [runId, n.leidas, n.cargadas, n.rechazadas],
  );
}

export const INTERRUPTED_ERROR = 'interrumpida: el proceso terminó antes de confirmar la carga; el almacén quedó como antes de la ejecución';
export const CONFIRMED_NOTE = 'el proceso terminó después de confirmar la carga: los datos están completos; los archivos se archivan en la siguiente ejecución y las verificaciones de calidad no se corrieron';

export interface InterruptedRun {
  id: number;
  pipeline: string;
  estado: 'exito' | 'fallo';
}

/**
 * Closes the runs a dead process left "en curso" (called at start-up, before anything runs): those whose load
 * committed become "exito" with a note, the others "fallo" with the reason. Returns them for the start-up log.
 */
export async function closeInterruptedRuns(wh: Warehouse): Promise<InterruptedRun[]> {
  return wh.transaction(async (c) => {
    const r = await c.runAndReadAll(
      `SELECT e.id, e.pipeline, (k.ejecucion_id IS NOT NULL) AS confirmada FROM ops.ejecuciones e
       LEFT JOIN ops.cargas_confirmadas k ON k.ejecucion_id = e.id WHERE e.estado = 'en_curso' ORDER BY e.id`,
    );
    const runs = r.getRowObjectsJS() as Array<{ id: number; pipeline: string; confirmada: boolean }>;
    if (runs.length === 0) return [];
    await c.run(
      `UPDATE ops.ejecuciones e SET estado = 'exito', fin = k.confirmada_en, filas_leidas = k.filas_leidas,
         filas_cargadas = k.filas_cargadas, filas_rechazadas = k.filas_rechazadas, error = NULL,
         avisos = concat_ws(chr(10), $nota, e.avisos)
       FROM ops.cargas_confirmadas k WHERE k.ejecucion_id = e.id AND e.estado = 'en_curso'`,
      { nota: CONFIRMED_NOTE },
    );
    await c.run(`UPDATE ops.ejecuciones SET estado = 'fallo', fin = now(), error = $1 WHERE estado = 'en_curso'`, [INTERRUPTED_ERROR]);
    return runs.map((x) => ({ id: Number(x.id), pipeline: x.pipeline, estado: x.confirmada ? 'exito' : 'fallo' }));
  });
}
