import type { DuckDBConnection } from '@duckdb/node-api';
import { dbLimits } from '../../src/db/limits.js';
import type { Settings } from './insertion-order.js';

/**
 * DuckDB's memory_limit is one setting of the whole instance. While any file load runs it is raised to the load's
 * limit (ATALAYA_DB_MEMORIA_CARGA_MB) and, when the last one ends, set back to the reads' limit
 * (ATALAYA_DB_MEMORIA_MB). Changes are applied one after another, each to the state at the time it applies, so two
 * runs that start and end around each other never leave the raised limit behind.
 */
let loads = 0;
let applying: Promise<void> = Promise.resolve();

function apply(run: Settings): Promise<void> {
  // A change that failed does not stop the next one.
  applying = applying.catch(() => undefined).then(async () => {
    const l = dbLimits();
    await run(`SET memory_limit = '${loads > 0 ? l.loadMemoryMb : l.memoryMb}MB'`);
  });
  return applying;
}

/**
 * Runs a load with the load's memory limit in force. With `restore` (a connection other than `c`), the limit goes
 * back without the caller waiting: lowering it makes DuckDB free what the load held (~50 ms after 1M tickets), which
 * runs beside the run's quality checks; `loadMemorySettled()` waits for it.
 */
export async function withLoadMemory<T>(c: DuckDBConnection, fn: () => Promise<T>, restore?: Settings): Promise<T> {
  loads++;
  try {
    await apply((sql) => c.run(sql));
    return await fn();
  } finally {
    loads--;
    const back = apply(restore ?? ((sql) => c.run(sql))).catch(() => undefined);
    if (!restore) await back;
  }
}

/** Once every change of the limit asked for so far has applied. */
export const loadMemorySettled = (): Promise<void> => applying.catch(() => undefined);
