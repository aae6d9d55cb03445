import type { DuckDBConnection, DuckDBPreparedStatement, DuckDBResultReader, DuckDBValue } from '@duckdb/node-api';

type Params = Record<string, DuckDBValue> | DuckDBValue[] | undefined;

/** Statements kept per connection: more than the figures of every page use, few enough to bound their plans' memory. */
export const PREPARED_PER_CONNECTION = 96;

const byConnection = new WeakMap<DuckDBConnection, Map<string, DuckDBPreparedStatement>>();

/**
 * Runs a read on `c` through a prepared statement kept for that connection and SQL text: the figures run the same
 * statements over and over with other dates, and parsing, binding and planning them again each time cost as much as
 * running them on the demo's few thousand rows. DuckDB re-plans a kept statement by itself when the tables it reads
 * change (a migration, a recreated table), and every run sees the data committed before it, like a fresh statement.
 * The bindings are cleared before each run, so a parameter left out fails as it would on a fresh statement.
 * Text that cannot be prepared alone (several statements) runs as before, uncached. One query at a time per
 * connection (the pool lends a connection to one caller), so a statement is never bound by two callers at once.
 */
export async function runPrepared(c: DuckDBConnection, sql: string, params?: Params): Promise<DuckDBResultReader> {
  let kept = byConnection.get(c);
  if (!kept) byConnection.set(c, (kept = new Map()));
  let ps = kept.get(sql);
  if (ps) {
    // Most recently used last: the first entry is the one to drop when full.
    kept.delete(sql);
    kept.set(sql, ps);
  } else {
    try {
      ps = await c.prepare(sql);
    } catch {
      return c.runAndReadAll(sql, params as never);
    }
    if (kept.size >= PREPARED_PER_CONNECTION) {
      const [oldest, old] = kept.entries().next().value!;
      kept.delete(oldest);
      old.destroySync();
    }
    kept.set(sql, ps);
  }
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
