import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIPELINES } from '../../pipelines/registry.js';
import { contractChecks } from '../../pipelines/runner/checks.js';
import type { ColumnType } from '../../pipelines/runner/types.js';
import { tempWarehouse } from '../helpers/warehouse.js';

/** The DuckDB type a contract column is stored as. */
const STORED: Record<ColumnType, string> = {
  text: 'VARCHAR', int: 'INTEGER', bigint: 'BIGINT', number: 'DOUBLE', date: 'DATE', datetime: 'TIMESTAMP WITH TIME ZONE', bool: 'BOOLEAN',
};
/** What the default merge writes besides the contract's columns. */
const LINEAGE = ['_archivo', '_fila', '_ejecucion', '_cargado_en'];

let t: Awaited<ReturnType<typeof tempWarehouse>>;
let columns: Map<string, Map<string, { type: string; nullable: boolean; hasDefault: boolean }>>;
beforeAll(async () => {
  t = await tempWarehouse();
  const rows = await t.wh.all<{ t: string; name: string; type: string; nullable: boolean; has_default: boolean }>(
    `SELECT schema_name || '.' || table_name AS t, column_name AS name, data_type AS type, is_nullable AS nullable, column_default IS NOT NULL AS has_default
     FROM duckdb_columns() WHERE database_name = current_database()`);
  columns = new Map();
  for (const r of rows) {
    if (!columns.has(r.t)) columns.set(r.t, new Map());
    columns.get(r.t)!.set(r.name, { type: r.type, nullable: r.nullable, hasDefault: r.has_default });
  }
});
afterAll(() => t.close());

const contracts = PIPELINES.flatMap((p) => p.tables.map((c) => ({ pipeline: p.name, c })));

describe('each contract agrees with its table after the migrations', () => {
  it.each(contracts.map(({ pipeline, c }) => [`${pipeline}: ${c.table} → ${c.target}`, c] as const))('%s', (_name, c) => {
    const table = columns.get(c.target);
    expect(table, `${c.target} no existe`).toBeDefined();
    const problems: string[] = [];
    for (const col of c.columns) {
      const stored = table!.get(col.name);
      if (!stored) problems.push(`falta la columna ${col.name}`);
      else if (stored.type !== STORED[col.type]) problems.push(`${col.name} es ${stored.type}, el contrato dice ${col.type} (${STORED[col.type]})`);
    }
    for (const k of [...c.key, ...Object.keys(c.derived ?? {})]) if (!table!.has(k)) problems.push(`falta la columna ${k} (llave o derivada)`);
    if (!c.merge) {
      // The default merge inserts the contract's columns, the derived ones and the lineage: the table holds no
      // other column it would leave without a value.
      for (const k of LINEAGE) if (!table!.has(k)) problems.push(`falta la columna de linaje ${k}`);
      const written = new Set([...c.columns.map((x) => x.name), ...Object.keys(c.derived ?? {}), ...LINEAGE]);
      for (const [name, info] of table!) {
        if (!written.has(name) && !info.nullable && !info.hasDefault) problems.push(`${name} no está en el contrato y no admite vacío`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the checks a contract implies name columns its table has', () => {
    for (const p of PIPELINES) {
      for (const ch of contractChecks(p.tables)) {
        const cols = ch.kind === 'unique' ? ch.columns : 'column' in ch ? [ch.column] : [];
        for (const col of cols) expect(columns.get(ch.table)?.has(col), `${p.name}: ${ch.table}.${col}`).toBe(true);
      }
    }
  });
});
