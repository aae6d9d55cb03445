import type { DuckDBConnection, DuckDBPreparedStatement, DuckDBResultReader, DuckDBValue } from '@duckdb/node-api';

type Params = Record<string, DuckDBValue> | DuckDBValue[] | undefined;

/** Statements kept per connection: more than the figures of every page use, few enough to bound their plans' memory. */
export const PREPARED_PER_CONNECTION = 96;

interface Kept {
  ps: DuckDBPreparedStatement;
  /** The write epoch it was planned in (see runPrepared). */
  epoch: number;
}

const byConnection = new WeakMap<DuckDBConnection, Map<string, Kept>>();

/**
 * Runs a read on `c` through a prepared statement kept for that connection and SQL text: the figures run the same
 * statements over and over with other dates, and parsing, binding and planning them again each time cost as much as
 * running them on the demo's few thousand rows.
 *
 * A plan depends on the data, not only on the schema: DuckDB plans with the tables' statistics (the range of each
 * column prunes filters and sizes hash aggregates) and re-plans a kept statement by itself only when the schema
 * changes; run over rows that arrived after it was planned, a plan may answer wrong or fail. So a statement is
 * kept only for the write epoch it was planned in: `epoch()` is the warehouse's counter of writes started and
 * ended, or null while one is under way (src/db/warehouse.ts). While a write runs, reads run unprepared as they
 * always did; a kept statement planned before a write started is planned again; and a reuse during which a write
 * started is run again unprepared. The bindings are cleared before each run, so a parameter left out fails as it
 * would on a fresh statement. Text that cannot be prepared alone (several statements) runs unprepared. One query at
 * a time per connection (the pool lends a connection to one caller), so a statement is never bound by two at once.
 */
export async function runPrepared(c: DuckDBConnection, sql: string, params: Params, epoch: () => number | null): Promise<DuckDBResultReader> {
  const e0 = epoch();
  if (e0 === null) return c.runAndReadAll(sql, params as never);
  let kept = byConnection.get(c);
  if (!kept) byConnection.set(c, (kept = new Map()));
  const hit = kept.get(sql);
  kept.delete(sql);
  if (hit && hit.epoch === e0) {
    // Most recently used last: the first entry is the one to drop when full.
    kept.set(sql, hit);
    const r = await execute(kept, sql, hit.ps, params);
    if (epoch() === e0) return r;
    kept.delete(sql);
    hit.ps.destroySync();
    return c.runAndReadAll(sql, params as never);
  }
  hit?.ps.destroySync();
  let ps: DuckDBPreparedStatement;
  try {
    ps = await c.prepare(sql);
  } catch {
    return c.runAndReadAll(sql, params as never);
  }
  if (kept.size >= PREPARED_PER_CONNECTION) {
    const [oldest, old] = kept.entries().next().value!;
    kept.delete(oldest);
    old.ps.destroySync();
  }
  kept.set(sql, { ps, epoch: e0 });
  const r = await execute(kept, sql, ps, params);
  // Planned and run like a fresh statement; kept only if no write started meanwhile.
  if (epoch() !== e0 && kept.get(sql)?.ps === ps) {
    kept.delete(sql);
    ps.destroySync();
  }
  return r;
}

async function execute(kept: Map<string, Kept>, sql: string, ps: DuckDBPreparedStatement, params: Params): Promise<DuckDBResultReader> {
  try {
    ps.clearBindings();
    if (params) ps.bind(params as never);
    return await ps.runAndReadAll();
  } catch (e) {
    // A statement that failed (a table dropped since) is prepared afresh next time.
    kept.delete(sql);
    ps.destroySync();
    throw e;
  }
}

/** How many statements are kept for `c` (tests). */
export function preparedCount(c: DuckDBConnection): number {
  return byConnection.get(c)?.size ?? 0;
}
