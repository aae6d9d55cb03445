import type { Warehouse } from './warehouse.js';

/** Only the named parameters a statement uses (DuckDB refuses unknown ones). */
export function bind<T extends Record<string, unknown>>(sql: string, p: T): T {
  return Object.fromEntries(Object.entries(p).filter(([k]) => new RegExp(`\\$${k}\\b`).test(sql))) as T;
}

/** Whether `schema.table` exists in this warehouse. */
export async function tableExists(wh: Warehouse, qualified: string): Promise<boolean> {
  const [schema, table] = qualified.split('.');
  const r = await wh.one<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = $1 AND table_name = $2`,
    [schema!, table!],
  );
  return (r?.n ?? 0) > 0;
}

/** Whether `schema.table` exists and holds a row. The name comes from the code's constants, never from a request. */
export async function hasRows(wh: Warehouse, qualified: string): Promise<boolean> {
  if (!(await tableExists(wh, qualified))) return false;
  const r = await wh.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM ${qualified} LIMIT 1)`);
  return (r?.n ?? 0) > 0;
}
