import fs from 'node:fs';
import path from 'node:path';
import type { Warehouse } from './warehouse.js';

/**
 * Writes every core table as Parquet under dir/<table>/ (partitioned by year where the table has a natural date
 * column), so a larger deployment can put the same files under a distributed engine. Files are written to a
 * temporary folder and renamed, so a reader never sees half a file.
 */
export async function exportParquet(wh: Warehouse, dir: string): Promise<Array<{ tabla: string; filas: number }>> {
  const tables = await wh.all<{ table_name: string }>(
    `SELECT table_name FROM duckdb_tables() WHERE schema_name = 'core' AND NOT temporary ORDER BY table_name`,
  );
  fs.mkdirSync(dir, { recursive: true });
  const out: Array<{ tabla: string; filas: number }> = [];
  for (const { table_name } of tables) {
    const cols = await wh.all<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = 'core' AND table_name = $1 ORDER BY column_index`,
      [table_name],
    );
    const dateCol = cols.find((c) => /^fecha/.test(c.column_name) && /DATE|TIMESTAMP/.test(c.data_type))?.column_name;
    const tmp = path.join(dir, `.${table_name}.tmp`);
    const final = path.join(dir, table_name);
    fs.rmSync(tmp, { recursive: true, force: true });
    // Table and column names come from the catalog, never from users; paths are quoted as literals.
    const q = (p: string): string => `'${p.replace(/'/g, "''")}'`;
    const sql = dateCol
      ? `COPY (SELECT *, coalesce(year("${dateCol}"), 0) AS anio_particion FROM core."${table_name}") TO ${q(tmp)} (FORMAT parquet, PARTITION_BY (anio_particion))`
      : `COPY core."${table_name}" TO ${q(path.join(tmp, 'datos.parquet'))} (FORMAT parquet)`;
    if (!dateCol) fs.mkdirSync(tmp, { recursive: true });
    try {
      await wh.withConnection((c) => c.run(sql));
    } catch (e) {
      throw new Error(`no se pudo exportar core.${table_name}: ${(e as Error).message.split('\n')[0]}`);
    }
    fs.rmSync(final, { recursive: true, force: true });
    if (fs.existsSync(tmp)) fs.renameSync(tmp, final);
    const n = await wh.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM core."${table_name}"`);
    out.push({ tabla: table_name, filas: n?.n ?? 0 });
  }
  return out;
}
