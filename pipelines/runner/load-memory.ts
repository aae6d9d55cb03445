import type { DuckDBConnection } from '@duckdb/node-api';
import { dbLimits } from '../../src/db/limits.js';

/**
 * DuckDB's memory_limit is one setting of the whole instance. While any file load runs it is raised to the load's
 * limit (ATALAYA_DB_MEMORIA_CARGA_MB) and, when the last one ends, set back to the reads' limit
 * (ATALAYA_DB_MEMORIA_MB). Changes are applied one after another, each to the state at the time it applies, so two
 * runs that start and end around each other never leave the raised limit behind.
 */
let loads = 0;
let applying: Promise<void> = Promise.resolve();

function apply(c: DuckDBConnection): Promise<void> {
  applying = applying.then(async () => {
    const l = dbLimits();
    await c.run(`SET memory_limit = '${loads > 0 ? l.loadMemoryMb : l.memoryMb}MB'`);
  }, () => undefined);
  return applying;
}

/** Runs a load with the load's memory limit in force. */
export async function withLoadMemory<T>(c: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
  loads++;
  try {
    await apply(c);
    return await fn();
  } finally {
    loads--;
    await apply(c).catch(() => undefined);
  }
}
