import type { DuckDBValue } from '@duckdb/node-api';

export type Row = Record<string, unknown>;

/** Makes a value from getRowObjectsJS() safe for JSON: bigint → number, Date → ISO string. */
export function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') {
    const out: Row = {};
    for (const [k, x] of Object.entries(v)) out[k] = plain(x);
    return out;
  }
  return v;
}

export function plainRows(rows: Row[]): Row[] {
  return rows.map((r) => plain(r) as Row);
}

export type Params = Record<string, DuckDBValue> | DuckDBValue[];
