import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * The id of the run whose transaction is open, as SQL: what a pipeline's `transform` uses to look only at the rows
 * this run loaded (`WHERE _ejecucion = ${THIS_RUN_ID}`). DuckDB folds getvariable() into a constant when it plans,
 * so the filter reaches the scan and skips the row groups of earlier runs; a subquery such as
 * `(SELECT max(_ejecucion) FROM t)` is planned as a join instead and reads every row of the table.
 */
export const THIS_RUN_ID = `getvariable('atalaya_ejecucion')`;

/** Sets THIS_RUN_ID on the run's connection (a connection runs one transaction at a time). */
export async function setRunId(c: DuckDBConnection, runId: number): Promise<void> {
  await c.run(`SET VARIABLE atalaya_ejecucion = ${Math.trunc(runId)}::INTEGER`);
}
